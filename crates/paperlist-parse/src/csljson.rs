//! CSL-JSON, the format Zotero, pandoc and citeproc exchange: an array of items
//! (a single item or `{"items": [...]}` is accepted too). Each item is read on
//! its own, so one bad item is a diagnostic and the rest still load.

use std::ops::Range;

use paperlist_model::normalize::collapse_whitespace;
use paperlist_model::venue::{self, VenueKind};
use paperlist_model::{
    ArxivId, Diagnostic, Doi, Entry, EntryKind, MaybeTyped, Origin, Person, Status,
};
use serde_json::Value;

use crate::blocks::LineIndex;

/// Reads JSON text; where it is not JSON, a diagnostic says where.
pub(crate) fn read_json(
    text: &str,
    file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Value> {
    serde_json::from_str(text)
        .map_err(|error| {
            diagnostics.push(Diagnostic::error(
                file,
                u32::try_from(error.line()).ok(),
                "invalid-json",
                format!("not valid JSON: {error}"),
            ));
        })
        .ok()
}

/// Parses CSL-JSON text.
pub(crate) fn parse(text: &std::sync::Arc<str>, file: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let shared_file: std::sync::Arc<str> = file.into();
    let index = LineIndex::new(text);
    let mut diagnostics = Vec::new();
    let Some(value) = read_json(text, file, &mut diagnostics) else {
        return (Vec::new(), diagnostics);
    };
    let items: Vec<Value> = match value {
        Value::Array(items) => items,
        Value::Object(mut object) => match object.remove("items") {
            Some(Value::Array(items)) => items,
            _ => vec![Value::Object(object)],
        },
        _ => {
            diagnostics.push(Diagnostic::error(
                file,
                Some(1),
                "csl-json-shape",
                "CSL-JSON must be an array of items",
            ));
            return (Vec::new(), diagnostics);
        }
    };
    let spans = item_spans(text);
    let mut entries = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let span = spans.get(i).cloned().unwrap_or(0..0);
        let line = index.line_of(span.start);
        match item {
            Value::Object(_) => {
                let mut entry = convert(item);
                if entry.title.is_empty() {
                    diagnostics.push(Diagnostic::warning(
                        file,
                        Some(line),
                        "csl-json-item",
                        format!("item {} has no title", i + 1),
                    ));
                }
                entry.source = index.source_of(&shared_file, text, span);
                entries.push(entry);
            }
            _ => diagnostics.push(Diagnostic::error(
                file,
                Some(line),
                "csl-json-item",
                format!("item {} is not an object", i + 1),
            )),
        }
    }
    (entries, diagnostics)
}

/// Byte ranges of the top-level array's items, for line numbers and raw text.
/// Written by hand: serde_json does not report where values are.
fn item_spans(text: &str) -> Vec<Range<usize>> {
    // `{"items": [...]}` and a single object: the first '[' may be inside; good enough for lines.
    match text.bytes().position(|b| b == b'[') {
        Some(open) => array_spans(text, open),
        None => Vec::new(),
    }
}

/// Byte ranges of the items of the JSON array that opens at `open`.
pub(crate) fn array_spans(text: &str, open: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut depth = 0i32;
    let mut in_string = false;
    let mut escaped = false;
    let mut start = None;
    for (i, &b) in bytes.iter().enumerate().skip(open + 1) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                if depth == 0 && start.is_none() {
                    start = Some(i);
                }
            }
            b'{' | b'[' => {
                if depth == 0 {
                    start = Some(i);
                }
                depth += 1;
            }
            b'}' | b']' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                if depth == 0
                    && let Some(s) = start.take()
                {
                    spans.push(s..i + 1);
                }
            }
            b',' if depth == 0 => {
                if let Some(s) = start.take() {
                    spans.push(s..i);
                }
            }
            c if depth == 0 && !c.is_ascii_whitespace() && start.is_none() => start = Some(i),
            _ => {}
        }
    }
    spans
}

fn string(item: &Value, field: &str) -> Option<String> {
    let value = match item.get(field)? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let value = collapse_whitespace(&value);
    (!value.is_empty()).then_some(value)
}

fn people(item: &Value, field: &str) -> Vec<Person> {
    let Some(Value::Array(list)) = item.get(field) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|name| {
            if let Some(literal) = string(name, "literal") {
                return Some(Person::literal(&literal));
            }
            let family = string(name, "family")?;
            let particle = string(name, "non-dropping-particle");
            let family = match particle {
                Some(particle) => format!("{particle} {family}"),
                None => family,
            };
            let given = match (string(name, "given"), string(name, "dropping-particle")) {
                (Some(given), Some(particle)) => Some(format!("{given} {particle}")),
                (given, None) => given,
                (None, Some(particle)) => Some(particle),
            };
            let mut person = Person::from_parts(given.as_deref(), &family);
            if let Some(suffix) = string(name, "suffix") {
                person.set_name(&format!("{}, {suffix}", person.name()));
                person.set_suffix(Some(&suffix));
            }
            Some(person)
        })
        .collect()
}

/// The year of a CSL date: `{"date-parts": [[2018, 10]]}`, `{"raw": "2018-10"}`, `{"literal": "2018"}`.
fn year(item: &Value, field: &str) -> Option<i32> {
    let date = item.get(field)?;
    if let Some(first) = date
        .get("date-parts")
        .and_then(|p| p.get(0))
        .and_then(|p| p.get(0))
    {
        return match first {
            Value::Number(n) => n.as_i64().and_then(|y| i32::try_from(y).ok()),
            Value::String(s) => s.parse().ok(),
            _ => None,
        };
    }
    ["raw", "literal"]
        .iter()
        .find_map(|k| string(date, k))
        .and_then(|s| venue::year_in(&s))
}

fn convert(item: &Value) -> Entry {
    // Zotero and others use URLs or numbers as ids; only a usable cite key is kept.
    let key = string(item, "id").filter(|id| {
        !id.contains("://")
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_:-./+".contains(c))
            && id.chars().any(|c| c.is_ascii_alphabetic())
    });
    let mut entry = Entry {
        key: key.unwrap_or_default().into(),
        ..Entry::default()
    };
    entry.title = string(item, "title")
        .map(|t| t.trim_end_matches('.').into())
        .unwrap_or_default();
    entry.set_origin("title", Origin::Input);
    entry.authors = people(item, "author");
    if !entry.authors.is_empty() {
        entry.set_origin("authors", Origin::Input);
    }
    entry.details.editors = people(item, "editor");
    entry.year = year(item, "issued");
    if entry.year.is_some() {
        entry.set_origin("year", Origin::Input);
    }
    // `{"date-parts": [[2018, 10]]}`: the month, as a BibTeX file would give it.
    if let Some(month) = item
        .get("issued")
        .and_then(|d| d.get("date-parts"))
        .and_then(|p| p.get(0))
        .and_then(|p| p.get(1))
        .and_then(|m| match m {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.parse().ok(),
            _ => None,
        })
        .filter(|m| (1..=12).contains(m))
    {
        entry
            .details
            .extra
            .insert("month".into(), month.to_string());
    }
    let container = string(item, "container-title").or_else(|| string(item, "event-title"));
    let short = string(item, "container-title-short");
    let known = short
        .as_deref()
        .and_then(venue::lookup)
        .or_else(|| container.as_deref().and_then(venue::resolve));
    entry.venue = known.map(|v| v.short.to_owned()).or(container);
    if entry.venue.is_some() {
        entry.set_origin("venue", Origin::Input);
    }
    entry.details.pages = string(item, "page").map(|p| MaybeTyped::parse(&p));
    entry.details.volume = string(item, "volume");
    entry.details.number = string(item, "issue").or_else(|| string(item, "number"));
    entry.details.publisher = string(item, "publisher");
    entry.url = string(item, "URL");
    // Zotero's Extra field (CSL's note) holds `arXiv: 2309.06180` for a
    // published paper's preprint.
    let (note, noted_arxiv) = match string(item, "note") {
        Some(note) => split_arxiv_note(&note),
        None => (None, None),
    };
    entry.details.note = note;
    if let Some(doi) = string(item, "DOI") {
        entry.doi = Some(MaybeTyped::parse(&doi));
        entry.set_origin("doi", Origin::Input);
    }
    let arxiv = entry
        .doi()
        .and_then(ArxivId::from_doi)
        .or_else(|| entry.url.as_deref().and_then(ArxivId::from_url))
        .or(noted_arxiv)
        .or_else(|| {
            string(item, "number")
                .and_then(|n| n.parse().ok())
                .filter(|_| {
                    string(item, "publisher").is_some_and(|p| p.eq_ignore_ascii_case("arxiv"))
                })
        });
    if let Some(id) = arxiv {
        entry.arxiv = Some(MaybeTyped::Typed(id));
        entry.set_origin("arxiv", Origin::Derived);
    }
    if entry.doi.is_none()
        && let Some(doi) = entry.url.as_deref().and_then(Doi::from_url)
    {
        entry.doi = Some(MaybeTyped::Typed(doi));
        entry.set_origin("doi", Origin::Derived);
    }
    // A preprint's publisher is its server (`arXiv`, `bioRxiv`).
    let server = entry
        .details
        .publisher
        .as_deref()
        .and_then(venue::lookup)
        .filter(|v| v.kind == VenueKind::Preprint);
    entry.kind = match string(item, "type").as_deref() {
        Some("paper-conference") => EntryKind::Inproceedings,
        Some("article-journal" | "article-magazine" | "article-newspaper") => EntryKind::Article,
        Some("book") => EntryKind::Book,
        Some("chapter" | "entry-encyclopedia" | "entry-dictionary") => EntryKind::Chapter,
        Some("thesis") => EntryKind::Thesis,
        Some("article") if entry.arxiv.is_some() || server.is_some() => EntryKind::Preprint,
        _ if known.is_some_and(|v| v.kind == VenueKind::Preprint) => EntryKind::Preprint,
        _ => EntryKind::Misc,
    };
    entry.publisher_as_school();
    if entry.kind == EntryKind::Preprint {
        entry.status = Status::Preprint;
        if entry.venue.is_none() {
            entry.venue = Some(server.map_or("arXiv", |s| s.short).to_owned());
            entry.set_origin("venue", Origin::Derived);
        }
    }
    for field in [
        "abstract",
        "ISBN",
        "ISSN",
        "language",
        "collection-title",
        "event-place",
        "publisher-place",
        "keyword",
        "genre",
        "medium",
        "source",
    ] {
        if let Some(value) = string(item, field) {
            entry
                .details
                .extra
                .insert(field.to_ascii_lowercase(), value);
        }
    }
    entry
}

/// Whether text looks like CSL-JSON: a JSON array of objects with CSL fields.
pub(crate) fn looks_like_csl_json(text: &str) -> bool {
    let head = text.trim_start();
    head.starts_with('[')
        && (head.contains("\"type\"") || head.contains("\"title\""))
        && head.contains("\"id\"")
}

/// A note without its `arXiv: ID` part (Zotero's way of keeping a published
/// paper's preprint), and the id.
fn split_arxiv_note(note: &str) -> (Option<String>, Option<ArxivId>) {
    let mut id = None;
    let kept: Vec<&str> = note
        .split(['\n', ';'])
        .flat_map(|line| line.split(". "))
        .filter(|part| {
            let part = part.trim().trim_end_matches('.');
            let value = part
                .get(..6)
                .filter(|head| head.eq_ignore_ascii_case("arxiv:"))
                .map(|_| part[6..].trim());
            match value.and_then(|v| v.split_whitespace().next()?.parse::<ArxivId>().ok()) {
                Some(found) if id.is_none() => {
                    id = Some(found);
                    false
                }
                _ => !part.is_empty(),
            }
        })
        .collect();
    if id.is_none() {
        return (Some(note.to_owned()), None);
    }
    let note = (!kept.is_empty()).then(|| kept.join(". "));
    (note, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_fields_and_lines() {
        let text = r#"[
  {"id": "moritz2018ray", "type": "paper-conference", "title": "Ray: A Distributed Framework",
   "author": [{"family": "Moritz", "given": "Philipp"}, {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}, {"literal": "The Ray Team"}],
   "issued": {"date-parts": [[2018, 10]]}, "container-title": "13th USENIX Symposium on Operating Systems Design and Implementation", "page": "561-577", "DOI": "10.5555/3291168.3291210"},
  "not an item",
  {"id": "x", "type": "article", "title": "Pre", "URL": "https://arxiv.org/abs/1712.05889", "issued": {"raw": "2017"}}
]"#;
        let (entries, diagnostics) = parse(&std::sync::Arc::from(text), "x.json");
        assert_eq!(entries.len(), 2);
        let ray = &entries[0];
        assert_eq!(ray.key, "moritz2018ray");
        assert_eq!(ray.kind, EntryKind::Inproceedings);
        assert_eq!(ray.authors[1].name(), "Ludwig van Beethoven");
        assert_eq!(ray.authors[2].name(), "The Ray Team");
        assert_eq!(ray.venue.as_deref(), Some("OSDI"));
        assert_eq!(ray.year, Some(2018));
        assert_eq!(ray.source.line, 2);
        assert_eq!(entries[1].kind, EntryKind::Preprint);
        assert_eq!(entries[1].year, Some(2017));
        assert_eq!(entries[1].source.line, 6);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].line, Some(5));
    }

    #[test]
    fn broken_json_is_one_diagnostic() {
        let (entries, diagnostics) = parse(
            &std::sync::Arc::from("[{\"id\": \"a\",\n \"title\": }]"),
            "x.json",
        );
        assert!(entries.is_empty());
        assert_eq!(diagnostics[0].line, Some(2));
    }
}
