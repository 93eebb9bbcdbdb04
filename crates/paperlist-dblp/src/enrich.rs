//! Enriching a library from a [`RecordSource`]: for each entry, a few queries,
//! the matcher's decision, the merge, and a report line saying why.
//!
//! Queries, in order, stopping once a candidate's title is close: the
//! normalised title; when that finds nothing (or a full page of other papers),
//! the first author's family name with the year, which survives typos and
//! rewordings of the title; for an entry without authors, the first
//! significant title words with the year. An entry that already carries a dblp
//! key is fetched by key first.

use std::sync::Arc;

use paperlist_model::normalize::{normalize_title, title_words};
use paperlist_model::{Diagnostic, Entry, Library, MatchResult, MatchStatus, ScoreBreakdown};
use serde::Serialize;
use tokio::sync::Semaphore;

use crate::client::{RecordSource, SourceError};
use crate::matcher::{Decision, MatchOptions, decide, title_similarity};
use crate::merge::{MergeOptions, merge};
use crate::record::DblpRecord;

/// How enrichment runs.
#[derive(Debug, Clone)]
pub struct EnrichOptions {
    /// The matcher's thresholds.
    pub matching: MatchOptions,
    /// The merge policy.
    pub merge: MergeOptions,
    /// Hits asked for per query.
    pub max_hits: usize,
    /// Queries per entry at most.
    pub max_queries: usize,
    /// Entries looked up at once (requests are rate-limited by the source).
    pub concurrency: usize,
}

impl Default for EnrichOptions {
    fn default() -> Self {
        EnrichOptions {
            matching: MatchOptions::default(),
            merge: MergeOptions::default(),
            max_hits: 10,
            max_queries: 3,
            concurrency: 4,
        }
    }
}

/// What happened to one entry.
#[derive(Debug, Clone, Serialize)]
pub struct EntryReport {
    /// The entry's key.
    pub key: String,
    /// Its title.
    pub title: paperlist_model::Excerpt,
    /// The decision.
    pub status: MatchStatus,
    /// The best candidate's score.
    pub score: Option<f64>,
    /// How the score was made.
    pub breakdown: Option<ScoreBreakdown>,
    /// The chosen record.
    pub dblp_key: Option<String>,
    /// The best different paper's score.
    pub runner_up: Option<f64>,
    /// Why.
    pub reason: Option<String>,
    /// The queries sent.
    pub queries: Vec<String>,
    /// Fields filled or changed.
    pub changed: Vec<String>,
}

/// What enrichment did to a library.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EnrichReport {
    /// One line per entry, in library order.
    pub entries: Vec<EntryReport>,
    /// Entries matched.
    pub matched: usize,
    /// Entries left alone as ambiguous.
    pub ambiguous: usize,
    /// Entries with no match.
    pub unmatched: usize,
    /// Entries whose lookup failed.
    pub failed: usize,
    /// DOIs the library did not have before.
    pub dois_added: usize,
    /// Queries sent (searches and record fetches).
    pub queries: usize,
}

/// The queries for an entry, best first.
pub fn queries(entry: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    let title = normalize_title(&entry.title);
    if title.is_empty() {
        return out;
    }
    out.push(title);
    // First author and year: immune to typos and rewordings of the title.
    let family = entry
        .authors
        .first()
        .map(|p| normalize_title(p.family_or_last_word()))
        .filter(|f| !f.is_empty());
    match (family, entry.year) {
        (Some(family), Some(year)) => out.push(format!("{family} {year}")),
        (Some(family), None) => {
            let lead = title_words(entry.title.split(':').next().unwrap_or(&entry.title));
            out.push(format!(
                "{} {family}",
                lead.iter().take(3).cloned().collect::<Vec<_>>().join(" ")
            ));
        }
        _ => {}
    }
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "for", "and", "in", "on", "with", "to", "via", "by", "at", "from",
    ];
    let significant: Vec<String> = title_words(&entry.title)
        .into_iter()
        .filter(|w| !SMALL.contains(&w.as_str()))
        .take(4)
        .collect();
    if significant.len() >= 2 {
        let mut words = significant.join(" ");
        if let Some(year) = entry.year {
            words.push_str(&format!(" {year}"));
        }
        out.push(words);
    }
    out.dedup();
    out
}

/// Looks one entry up: returns the candidates and the queries sent.
async fn lookup<S: RecordSource>(
    source: &S,
    entry: &Entry,
    options: &EnrichOptions,
) -> Result<(Vec<DblpRecord>, Vec<String>), SourceError> {
    let mut sent = Vec::new();
    let mut candidates: Vec<DblpRecord> = Vec::new();
    if let Some(key) = entry.dblp_key() {
        sent.push(format!("rec/{key}"));
        if let Some(record) = source.fetch(key).await? {
            candidates.push(record);
        }
    }
    let close = |records: &[DblpRecord]| {
        records
            .iter()
            .any(|r| title_similarity(&entry.title, &r.title) >= 0.9)
    };
    if close(&candidates) {
        return Ok((candidates, sent));
    }
    for (round, query) in queries(entry)
        .into_iter()
        .take(options.max_queries)
        .enumerate()
    {
        let results = source.search(&query, options.max_hits).await?;
        sent.push(query);
        // Hits on a page that was not full: the whole title found these and only these.
        let answered = !results.hits.is_empty() && results.total <= options.max_hits;
        for hit in results.hits {
            if !candidates.iter().any(|c| c.key == hit.key) {
                candidates.push(hit);
            }
        }
        if close(&candidates) {
            break;
        }
        // The whole title found other papers but not this one: it is absent or
        // worded otherwise, and narrower queries rarely help. The broad third
        // query is for entries the second (lead + first author) could not serve.
        if (round == 0 && answered) || (round == 1 && !entry.authors.is_empty()) {
            break;
        }
    }
    Ok((candidates, sent))
}

/// Enriches every entry of the library, `concurrency` at a time; `progress`
/// is told how many entries are done.
pub async fn enrich<S: RecordSource + 'static>(
    library: &mut Library,
    source: Arc<S>,
    options: &EnrichOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> EnrichReport {
    let limit = Arc::new(Semaphore::new(options.concurrency.max(1)));
    let mut tasks = tokio::task::JoinSet::new();
    for (index, entry) in library.entries.iter().enumerate() {
        let entry = entry.clone();
        let source = Arc::clone(&source);
        let options = options.clone();
        let limit = Arc::clone(&limit);
        tasks.spawn(async move {
            let _permit = limit.acquire_owned().await;
            let looked_up = lookup(source.as_ref(), &entry, &options).await;
            (index, looked_up)
        });
    }
    let mut outcomes = Vec::with_capacity(library.entries.len());
    let mut done = 0;
    while let Some(joined) = tasks.join_next().await {
        if let Ok(outcome) = joined {
            outcomes.push(outcome);
        }
        done += 1;
        progress(done);
    }
    outcomes.sort_by_key(|(index, _)| *index);

    let mut report = EnrichReport::default();
    let mut diagnostics = Vec::new();
    for (index, looked_up) in outcomes {
        let Some(entry) = library.entries.get_mut(index) else {
            continue;
        };
        let had_doi = entry.doi().is_some();
        let (decision, queries) = match looked_up {
            Ok((candidates, queries)) => (decide(entry, &candidates, &options.matching), queries),
            Err(error) => {
                diagnostics.push(
                    Diagnostic::warning(
                        &entry.source.file,
                        Some(entry.source.line),
                        "dblp-lookup-failed",
                        error.to_string(),
                    )
                    .with_entry(entry.key.clone())
                    .with_hint("run again: answers already received are cached"),
                );
                let result = MatchResult {
                    status: MatchStatus::Failed,
                    score: None,
                    dblp_key: None,
                    runner_up: None,
                    breakdown: None,
                    candidates: Vec::new(),
                    reason: Some(error.to_string()),
                };
                (
                    Decision {
                        result,
                        chosen: None,
                        preprint: None,
                    },
                    Vec::new(),
                )
            }
        };
        let outcome = merge(entry, &decision, options.merge);
        diagnostics.extend(outcome.diagnostics);
        if decision.result.status == MatchStatus::Ambiguous {
            diagnostics.push(
                Diagnostic::info(
                    &entry.source.file,
                    Some(entry.source.line),
                    "dblp-ambiguous",
                    decision.result.reason.clone().unwrap_or_default(),
                )
                .with_entry(entry.key.clone())
                .with_hint("nothing was changed; the candidates are in the entry's match"),
            );
        }
        match decision.result.status {
            MatchStatus::Matched => report.matched += 1,
            MatchStatus::Ambiguous => report.ambiguous += 1,
            MatchStatus::Unmatched => report.unmatched += 1,
            MatchStatus::Failed => report.failed += 1,
        }
        if !had_doi && entry.doi().is_some() {
            report.dois_added += 1;
        }
        report.queries += queries.len();
        report.entries.push(EntryReport {
            key: entry.key.to_string(),
            title: entry.title.clone(),
            status: decision.result.status,
            score: decision.result.score,
            breakdown: decision.result.breakdown.clone(),
            dblp_key: decision
                .result
                .dblp_key
                .as_ref()
                .map(|k| k.as_str().to_owned()),
            runner_up: decision.result.runner_up,
            reason: decision.result.reason.clone(),
            queries,
            changed: outcome.changed,
        });
    }
    library.diagnostics.extend(diagnostics);
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use paperlist_model::Person;

    #[test]
    fn query_strategy() {
        let entry = Entry {
            title: "Ray: A Distributed Framework for Emerging AI Applications".into(),
            authors: vec![Person::new("Philipp Moritz")],
            year: Some(2018),
            ..Entry::default()
        };
        assert_eq!(
            queries(&entry),
            [
                "ray a distributed framework for emerging ai applications",
                "moritz 2018",
                "ray distributed framework emerging 2018"
            ]
        );
    }
}
