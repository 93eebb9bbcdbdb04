//! Merging a matched dblp record into an entry.
//!
//! What the entry lacks is filled from dblp (DOI, dblp key, pages, volume,
//! number, venue, year, URL, the author list when the entry had none or a cut
//! one, authors' dblp ids), each with provenance `dblp`. Where dblp disagrees
//! with the input, the input stays, a diagnostic says so, and `prefer_dblp`
//! takes dblp's value instead, keeping the input's in `previous`. The raw input
//! is never touched.

use paperlist_model::venue::{self, VenueKind};
use paperlist_model::{
    ArxivId, Diagnostic, Entry, EntryKind, MaybeTyped, NameAgreement, Origin, Person, Status,
};

use crate::matcher::Decision;
use crate::record::{DblpPerson, DblpRecord, RecordKind};

/// How disagreements are settled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Take dblp's value when it disagrees with the input (the input's is kept in `previous`).
    pub prefer_dblp: bool,
}

/// What a merge changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeOutcome {
    /// Fields given or changed, by name.
    pub changed: Vec<String>,
    /// Disagreements and notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// The registry short name of a record's venue, else dblp's own venue text.
pub(crate) fn record_venue(record: &DblpRecord) -> Option<String> {
    venue::by_dblp_key(&record.key)
        .map(|v| v.short.to_owned())
        .or_else(|| {
            record
                .venue
                .as_deref()
                .and_then(venue::resolve)
                .map(|v| v.short.to_owned())
        })
        .or_else(|| record.venue.clone())
}

pub(crate) fn entry_kind(record: &DblpRecord) -> EntryKind {
    if record.is_corr() {
        return EntryKind::Preprint;
    }
    match record.kind {
        RecordKind::Inproceedings => EntryKind::Inproceedings,
        RecordKind::Article => EntryKind::Article,
        RecordKind::Book | RecordKind::Proceedings => EntryKind::Book,
        RecordKind::Incollection => EntryKind::Chapter,
        RecordKind::Thesis => EntryKind::Thesis,
        RecordKind::Other => EntryKind::Misc,
    }
}

struct Merger<'a> {
    entry: &'a mut Entry,
    options: MergeOptions,
    outcome: MergeOutcome,
}

impl Merger<'_> {
    fn diagnostic(&mut self, code: &str, message: String) {
        let diagnostic = Diagnostic::warning(
            &self.entry.source.file,
            Some(self.entry.source.line),
            code,
            message,
        )
        .with_entry(self.entry.key.clone());
        self.outcome.diagnostics.push(diagnostic);
    }

    fn filled(&mut self, field: &'static str) {
        self.entry.set_origin(field, Origin::Dblp);
        self.outcome.changed.push(field.to_owned());
    }

    /// dblp disagrees with the input on `field`: keep the input unless told otherwise.
    fn disagree(&mut self, field: &str, input: serde_json::Value, dblp: &str) -> bool {
        let take = self.options.prefer_dblp;
        let verdict = if take {
            "took dblp's"
        } else {
            "kept the input's (--prefer dblp takes dblp's)"
        };
        self.diagnostic(
            "dblp-disagrees",
            format!("{field}: input has {input}, dblp has {dblp:?}; {verdict}"),
        );
        if take {
            self.entry.details.previous.insert(field.to_owned(), input);
        }
        take
    }
}

/// Applies a decision to an entry: records the match, and merges the chosen record.
pub fn merge(entry: &mut Entry, decision: &Decision, options: MergeOptions) -> MergeOutcome {
    entry.details.match_result = Some(Box::new(decision.result.clone()));
    let Some(record) = &decision.chosen else {
        return MergeOutcome::default();
    };
    let mut m = Merger {
        entry,
        options,
        outcome: MergeOutcome::default(),
    };

    // Identifiers.
    match m.entry.dblp_key().cloned() {
        None => {
            m.entry.details.dblp_key = Some(MaybeTyped::Typed(record.key.clone()));
            m.filled("dblp_key");
        }
        Some(key)
            if key != record.key
                && m.disagree(
                    "dblp_key",
                    serde_json::json!(key.as_str()),
                    record.key.as_str(),
                ) =>
        {
            m.entry.details.dblp_key = Some(MaybeTyped::Typed(record.key.clone()));
            m.filled("dblp_key");
        }
        Some(_) => {}
    }
    if let Some(doi) = record.publisher_doi() {
        match m.entry.doi().cloned() {
            None => {
                m.entry.doi = Some(MaybeTyped::Typed(doi.clone()));
                m.filled("doi");
            }
            // An arXiv DOI in the input gives way to the published one: both stay known.
            Some(input) if ArxivId::from_doi(&input).is_some() => {
                m.entry
                    .details
                    .previous
                    .insert("doi".to_owned(), serde_json::json!(input.as_str()));
                m.entry.doi = Some(MaybeTyped::Typed(doi.clone()));
                m.filled("doi");
            }
            Some(input)
                if input != *doi
                    && m.disagree("doi", serde_json::json!(input.as_str()), doi.as_str()) =>
            {
                m.entry.doi = Some(MaybeTyped::Typed(doi.clone()));
                m.filled("doi");
            }
            Some(_) => {}
        }
    }
    if m.entry.arxiv.is_none()
        && let Some(arxiv) = record
            .arxiv()
            .or_else(|| decision.preprint.as_ref().and_then(DblpRecord::arxiv))
    {
        m.entry.arxiv = Some(MaybeTyped::Typed(arxiv));
        m.filled("arxiv");
    }

    // The published version of a preprint entry: it becomes that paper, keeping its arXiv id.
    let was_preprint = m.entry.kind == EntryKind::Preprint
        || m.entry
            .venue
            .as_deref()
            .and_then(venue::by_short)
            .is_some_and(|v| v.kind == VenueKind::Preprint);
    if was_preprint && !record.is_corr() {
        let published = record_venue(record);
        if let Some(input) = m.entry.venue.clone() {
            m.entry
                .details
                .previous
                .insert("venue".to_owned(), serde_json::json!(input));
        }
        m.entry.details.previous.insert(
            "kind".to_owned(),
            serde_json::to_value(m.entry.kind).unwrap_or_default(),
        );
        m.entry.venue = published;
        m.filled("venue");
        m.entry.kind = entry_kind(record);
        m.filled("kind");
        if m.entry.status == Status::Preprint {
            m.entry.status = Status::Published;
            m.filled("status");
        }
        if let Some(year) = record.year
            && m.entry.year != Some(year)
        {
            if let Some(input) = m.entry.year {
                m.entry
                    .details
                    .previous
                    .insert("year".to_owned(), serde_json::json!(input));
            }
            m.entry.year = Some(year);
            m.filled("year");
        }
    } else {
        match (&m.entry.venue, record_venue(record)) {
            (None, Some(venue)) => {
                m.entry.venue = Some(venue);
                m.filled("venue");
            }
            (Some(input), Some(dblp)) if !record.is_corr() && !same_venue(input, &dblp) => {
                let input = input.clone();
                if m.disagree("venue", serde_json::json!(input), &dblp) {
                    m.entry.venue = Some(dblp);
                    m.filled("venue");
                }
            }
            _ => {}
        }
        match (m.entry.year, record.year) {
            (None, Some(year)) => {
                m.entry.year = Some(year);
                m.filled("year");
            }
            (Some(input), Some(year))
                if input != year
                    && !record.is_corr()
                    && m.disagree("year", serde_json::json!(input), &year.to_string()) =>
            {
                m.entry.year = Some(year);
                m.filled("year");
            }
            _ => {}
        }
        if m.entry.kind == EntryKind::Misc {
            m.entry.kind = entry_kind(record);
            m.filled("kind");
        }
    }

    // Bibliographic details the input rarely has.
    let pages = record.pages.clone();
    if m.entry.details.pages.is_none()
        && let Some(pages) = pages
    {
        m.entry.details.pages = Some(MaybeTyped::parse(&pages));
        m.filled("pages");
    }
    for (field, value) in [
        ("volume", record.volume.clone()),
        ("number", record.number.clone()),
        ("publisher", record.publisher.clone()),
    ] {
        let Some(value) = value else { continue };
        // CoRR's "volume" is the arXiv id again.
        if field == "volume" && value.starts_with("abs/") {
            continue;
        }
        let slot = match field {
            "volume" => &mut m.entry.details.volume,
            "number" => &mut m.entry.details.number,
            _ => &mut m.entry.details.publisher,
        };
        if slot.is_none() {
            *slot = Some(value);
            m.filled(field);
        }
    }
    if m.entry.url.is_none()
        && let Some(ee) = record.ee.first()
    {
        m.entry.url = Some(ee.clone());
        m.filled("url");
    }

    merge_authors(&mut m, record);
    m.outcome
}

fn same_venue(input: &str, dblp: &str) -> bool {
    let resolve = |text: &str| {
        venue::by_short(text)
            .or_else(|| venue::resolve(text))
            .map(|v| v.short)
    };
    match (resolve(input), resolve(dblp)) {
        (Some(a), Some(b)) => a == b,
        // An unknown venue (a workshop as written) is not contradicted by dblp's spelling.
        _ => true,
    }
}

/// Fills or completes the author list, and gives matched authors their dblp ids.
fn merge_authors(m: &mut Merger<'_>, record: &DblpRecord) {
    let dblp: Vec<Person> = record.authors.iter().map(DblpPerson::to_person).collect();
    if dblp.is_empty() {
        return;
    }
    if m.entry.authors.is_empty() {
        m.entry.authors = dblp;
        m.entry.details.authors_truncated = false;
        m.filled("authors");
        return;
    }
    // Pair the input's authors with dblp's, in order.
    let mut matched = 0;
    let mut next = 0;
    for person in &mut m.entry.authors {
        let key = person.name_key();
        if let Some(offset) = dblp[next..]
            .iter()
            .position(|d| key.agreement(&d.name_key()) >= NameAgreement::Compatible)
        {
            let found = &dblp[next + offset];
            if person.dblp_pid().is_none() {
                person.set_dblp_pid(found.dblp_pid());
            }
            let dblp_name = found
                .dblp_name()
                .or_else(|| (found.name() != person.name()).then_some(found.name()));
            person.set_dblp_name(dblp_name);
            matched += 1;
            next += offset + 1;
        }
    }
    let input_count = m.entry.authors.len();
    if matched == input_count
        && input_count < dblp.len()
        && m.entry
            .authors
            .iter()
            .zip(&dblp)
            .all(|(a, d)| a.name_key().agreement(&d.name_key()) >= NameAgreement::Compatible)
    {
        // The input's list is dblp's, cut short ("et al."): complete it.
        keep_previous_authors(m.entry);
        let mut completed = m.entry.authors.clone();
        completed.extend(dblp[input_count..].iter().cloned());
        m.entry.authors = completed;
        m.entry.details.authors_truncated = false;
        m.filled("authors");
    } else if matched < input_count || input_count != dblp.len() {
        let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
        m.diagnostic(
            "dblp-authors-differ",
            format!(
                "{matched} of {input_count} authors found among dblp's {}: {}",
                dblp.len(),
                names.join(", ")
            ),
        );
        if m.options.prefer_dblp {
            keep_previous_authors(m.entry);
            m.entry.authors = dblp;
            m.entry.details.authors_truncated = false;
            m.filled("authors");
        }
    }
}

/// Keeps the input's author names in `previous` before dblp's replace them.
fn keep_previous_authors(entry: &mut Entry) {
    let previous: Vec<String> = entry.authors.iter().map(|p| p.name().to_owned()).collect();
    entry
        .details
        .previous
        .insert("authors".to_owned(), serde_json::json!(previous));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::{MatchOptions, decide};
    use crate::record::DblpPerson;

    fn osdi() -> DblpRecord {
        let mut r = DblpRecord::new(
            "conf/osdi/MoritzNWTLLEYPJ18".parse().unwrap(),
            RecordKind::Inproceedings,
        );
        r.title = "Ray: A Distributed Framework for Emerging AI Applications".into();
        r.authors = [
            "Philipp Moritz",
            "Robert Nishihara",
            "Stephanie Wang",
            "Ion Stoica",
        ]
        .iter()
        .enumerate()
        .map(|(i, n)| DblpPerson {
            name: (*n).into(),
            pid: Some(format!("1/{i}")),
            orcid: None,
        })
        .collect();
        r.venue = Some("OSDI".into());
        r.year = Some(2018);
        r.pages = Some("561-577".into());
        r.ee = vec!["https://www.usenix.org/conference/osdi18/presentation/nishihara".into()];
        r
    }

    fn entry(authors: &[&str], venue: Option<&str>, year: Option<i32>) -> Entry {
        Entry {
            key: "moritz2018ray".into(),
            title: "Ray: A Distributed Framework for Emerging AI Applications".into(),
            authors: authors.iter().map(|a| Person::new(a)).collect(),
            venue: venue.map(str::to_owned),
            year,
            ..Entry::default()
        }
    }

    fn run(mut e: Entry, options: MergeOptions) -> (Entry, MergeOutcome) {
        let decision = decide(&e, &[osdi()], &MatchOptions::default());
        let outcome = merge(&mut e, &decision, options);
        (e, outcome)
    }

    #[test]
    fn fills_what_is_missing_with_provenance() {
        let (e, outcome) = run(
            entry(
                &[
                    "Philipp Moritz",
                    "Robert Nishihara",
                    "Stephanie Wang",
                    "Ion Stoica",
                ],
                None,
                None,
            ),
            MergeOptions::default(),
        );
        assert_eq!(
            e.dblp_key().map(|k| k.as_str()),
            Some("conf/osdi/MoritzNWTLLEYPJ18")
        );
        assert_eq!(e.venue.as_deref(), Some("OSDI"));
        assert_eq!(e.year, Some(2018));
        assert_eq!(
            e.pages().map(ToString::to_string).as_deref(),
            Some("561-577")
        );
        assert_eq!(e.origin("pages"), Some(Origin::Dblp));
        assert_eq!(e.authors[3].dblp_pid(), Some("1/3"));
        assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
        assert!(outcome.changed.contains(&"dblp_key".to_owned()));
    }

    #[test]
    fn disagreements_keep_the_input_unless_told() {
        let written = || {
            entry(
                &[
                    "Philipp Moritz",
                    "Robert Nishihara",
                    "Stephanie Wang",
                    "Ion Stoica",
                ],
                Some("OSDI"),
                Some(2019),
            )
        };
        let (e, outcome) = run(written(), MergeOptions::default());
        assert_eq!(e.year, Some(2019));
        assert_eq!(outcome.diagnostics.len(), 1);
        assert_eq!(outcome.diagnostics[0].code, "dblp-disagrees");
        let (e, _) = run(written(), MergeOptions { prefer_dblp: true });
        assert_eq!(e.year, Some(2018));
        assert_eq!(
            e.details.previous.get("year"),
            Some(&serde_json::json!(2019))
        );
    }

    #[test]
    fn cut_author_lists_are_completed() {
        let mut cut = entry(
            &["Philipp Moritz", "Robert Nishihara"],
            Some("OSDI"),
            Some(2018),
        );
        cut.details.authors_truncated = true;
        let (e, _) = run(cut, MergeOptions::default());
        // The list is whole now: no more `et al.`.
        assert!(!e.details.authors_truncated);
        let names: Vec<&str> = e.authors.iter().map(|p| p.name()).collect();
        assert_eq!(
            names,
            [
                "Philipp Moritz",
                "Robert Nishihara",
                "Stephanie Wang",
                "Ion Stoica"
            ]
        );
        assert_eq!(e.origin("authors"), Some(Origin::Dblp));
        let (e, _) = run(
            entry(&[], Some("OSDI"), Some(2018)),
            MergeOptions::default(),
        );
        assert_eq!(e.authors.len(), 4);
    }

    #[test]
    fn unmatched_entries_are_not_touched() {
        let mut e = entry(&["Somebody Else"], Some("ICML"), Some(2020));
        e.title = "A Completely Different Paper About Databases".into();
        let before = e.clone();
        let decision = decide(&e, &[osdi()], &MatchOptions::default());
        let outcome = merge(&mut e, &decision, MergeOptions::default());
        assert!(outcome.changed.is_empty());
        let mut without_match = e.clone();
        without_match.details.match_result = None;
        assert_eq!(without_match, before);
        assert!(e.details.match_result.is_some());
    }
}
