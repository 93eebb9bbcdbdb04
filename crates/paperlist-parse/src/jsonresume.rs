//! JSON Resume (jsonresume.org), the CV as JSON that résumé themes and CV
//! builders read: its `publications` are entries (`name`, `publisher`,
//! `releaseDate`, `url`, `summary`). The schema has no author list; the
//! résumé's owner (`basics.name`) is an author of each, and the list is
//! marked cut short for enrichment to fill in.

use std::sync::Arc;

use paperlist_model::normalize::collapse_whitespace;
use paperlist_model::venue::{self, year_in};
use paperlist_model::{
    ArxivId, Diagnostic, Doi, Entry, EntryKind, MaybeTyped, Origin, Person, Status,
};
use serde_json::Value;

use crate::blocks::LineIndex;
use crate::csljson::{array_spans, read_json};
use crate::fields::{FieldKind, status_or_award};

/// Whether JSON text is a JSON Resume: an object with `publications` and
/// `basics` (or the schema's address).
pub(crate) fn looks_like_json_resume(head: &str) -> bool {
    head.starts_with('{')
        && head.contains("\"publications\"")
        && (head.contains("\"basics\"") || head.contains("jsonresume"))
}

/// Parses a JSON Resume's publications.
pub(crate) fn parse(text: &Arc<str>, file: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let Some(value) = read_json(text, file, &mut diagnostics) else {
        return (Vec::new(), diagnostics);
    };
    let owner = value
        .pointer("/basics/name")
        .and_then(Value::as_str)
        .map(collapse_whitespace)
        .filter(|name| !name.is_empty());
    let Some(publications) = value.get("publications").and_then(Value::as_array) else {
        diagnostics.push(Diagnostic::warning(
            file,
            Some(1),
            "json-resume",
            "the résumé has no `publications` list",
        ));
        return (Vec::new(), diagnostics);
    };
    let index = LineIndex::new(text);
    let spans = text
        .find("\"publications\"")
        .and_then(|key| text[key..].find('[').map(|open| key + open))
        .map(|open| array_spans(text, open))
        .unwrap_or_default();
    let shared_file: Arc<str> = file.into();
    let mut entries = Vec::new();
    for (i, publication) in publications.iter().enumerate() {
        let span = spans.get(i).cloned().unwrap_or(0..0);
        let line = index.line_of(span.start);
        let Some(mut entry) = convert(publication, owner.as_deref()) else {
            diagnostics.push(Diagnostic::warning(
                file,
                Some(line),
                "json-resume",
                format!("publication {} has no `name` (its title)", i + 1),
            ));
            continue;
        };
        entry.source = index.source_of(&shared_file, text, span);
        entries.push(entry);
    }
    if owner.is_some() && !entries.is_empty() {
        diagnostics.push(Diagnostic::info(
            file,
            Some(1),
            "json-resume-authors",
            "JSON Resume lists no co-authors: each entry has the résumé's owner as its only \
             known author, marked as cut short",
        ));
    }
    (entries, diagnostics)
}

fn convert(publication: &Value, owner: Option<&str>) -> Option<Entry> {
    let field = |name: &str| {
        publication
            .get(name)
            .and_then(Value::as_str)
            .map(collapse_whitespace)
            .filter(|value| !value.is_empty())
    };
    let title = field("name")?;
    let mut entry = Entry {
        title: title.trim_end_matches('.').into(),
        ..Entry::default()
    };
    entry.set_origin("title", Origin::Input);
    if let Some(owner) = owner {
        entry.authors = vec![Person::new(owner)];
        entry.details.authors_truncated = true;
        entry.set_origin("authors", Origin::Input);
    }
    // `publisher` is where it appeared: `OSDI 2024`, `Proceedings of ...`.
    if let Some(publisher) = field("publisher") {
        let known = venue::resolve(&publisher).or_else(|| venue::detect(&publisher));
        entry.venue = Some(known.map_or_else(|| publisher.clone(), |v| v.short.to_owned()));
        entry.set_origin("venue", Origin::Input);
        entry.year = year_in(&publisher);
        entry.kind = crate::document::kind_of_venue(known.map(|v| v.kind), true);
        if entry.kind == EntryKind::Preprint {
            entry.status = Status::Preprint;
        }
    }
    if let Some(year) = field("releaseDate").and_then(|date| date.get(..4)?.parse().ok()) {
        entry.year = Some(year);
    }
    if entry.year.is_some() {
        entry.set_origin("year", Origin::Input);
    }
    if let Some(url) = field("url") {
        if let Some(id) = ArxivId::from_url(&url) {
            entry.arxiv = Some(MaybeTyped::Typed(id));
            entry.set_origin("arxiv", Origin::Derived);
        } else if let Some(doi) = Doi::from_url(&url) {
            entry.doi = Some(MaybeTyped::Typed(doi));
            entry.set_origin("doi", Origin::Derived);
        }
        entry.url = Some(url);
    }
    // The summary may say an award or the status; the rest is the note.
    if let Some(summary) = field("summary") {
        let mut rest = Vec::new();
        for sentence in summary.split(". ").map(str::trim).filter(|s| !s.is_empty()) {
            match status_or_award(sentence.trim_end_matches('.')) {
                Some(FieldKind::Status(status)) => {
                    entry.status = status;
                    entry.set_origin("status", Origin::Input);
                }
                Some(FieldKind::Award(award)) => entry.details.awards.push(award),
                _ => rest.push(sentence),
            }
        }
        entry.details.note = (!rest.is_empty()).then(|| rest.join(". "));
    }
    Some(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publications_of_a_resume() {
        let text = r#"{
  "basics": {"name": "Jane Doe"},
  "publications": [
    {
      "name": "FastServe: Low-Latency Serving for Large Models",
      "publisher": "OSDI 2024",
      "releaseDate": "2024-07-10",
      "url": "https://doi.org/10.5555/1234567",
      "summary": "Best Paper Award. Joint work with John Smith."
    },
    {"publisher": "SIGCOMM"},
    {"name": "CacheGen", "publisher": "arXiv", "url": "https://arxiv.org/abs/2310.07240", "summary": "Under review"}
  ]
}"#;
        assert!(looks_like_json_resume(text));
        let (entries, diagnostics) = parse(&Arc::from(text), "resume.json");
        assert_eq!(entries.len(), 2);
        let fast = &entries[0];
        assert_eq!(fast.venue.as_deref(), Some("OSDI"));
        assert_eq!(fast.year, Some(2024));
        assert_eq!(fast.authors[0].name(), "Jane Doe");
        assert!(fast.details.authors_truncated);
        assert_eq!(fast.details.awards, ["Best Paper Award"]);
        assert_eq!(
            fast.details.note.as_deref(),
            Some("Joint work with John Smith.")
        );
        assert_eq!(
            fast.doi().map(ToString::to_string).as_deref(),
            Some("10.5555/1234567")
        );
        assert_eq!(fast.source.line, 4);
        assert_eq!(entries[1].status, Status::UnderReview);
        assert_eq!(entries[1].source.line, 12);
        let codes: Vec<(Option<u32>, &str)> = diagnostics
            .iter()
            .map(|d| (d.line, d.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [(Some(11), "json-resume"), (Some(1), "json-resume-authors")]
        );
    }
}
