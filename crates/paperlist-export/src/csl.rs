//! CSL-JSON, the format Zotero, pandoc and citeproc read.

use paperlist_model::citekey::KeyScheme;
use paperlist_model::{EntryKind, Library, Person};
use serde_json::{Map, Value, json};

use crate::common::{container_title, export_keys, known_venue, month};

/// Options for [`to_csl_json`].
#[derive(Debug, Clone, Default)]
pub struct CslOptions {
    /// How item ids are made.
    pub key_scheme: KeyScheme,
}

fn name(person: &Person) -> Value {
    match (person.family(), person.given()) {
        (Some(family), given) => {
            let mut name = Map::new();
            // A lower-case particle ("van der") is CSL's non-dropping particle.
            let words: Vec<&str> = family.split(' ').collect();
            let particle_end = words
                .iter()
                .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
                .count();
            if particle_end > 0 && particle_end < words.len() {
                name.insert(
                    "non-dropping-particle".into(),
                    json!(words[..particle_end].join(" ")),
                );
                name.insert("family".into(), json!(words[particle_end..].join(" ")));
            } else {
                name.insert("family".into(), json!(family));
            }
            if let Some(given) = given {
                name.insert("given".into(), json!(given));
            }
            if let Some(suffix) = person.suffix() {
                name.insert("suffix".into(), json!(suffix));
            }
            Value::Object(name)
        }
        (None, _) => json!({ "literal": person.name() }),
    }
}

/// Writes the library as a CSL-JSON array, pretty-printed.
pub fn to_csl_json(library: &Library, options: &CslOptions) -> String {
    let keys = export_keys(library, options.key_scheme);
    let items: Vec<Value> = library
        .entries
        .iter()
        .zip(&keys)
        .map(|(entry, key)| {
            let mut item = Map::new();
            item.insert("id".into(), json!(key));
            let kind = match entry.kind {
                EntryKind::Inproceedings => "paper-conference",
                EntryKind::Article => "article-journal",
                EntryKind::Preprint => "article",
                EntryKind::Book => "book",
                EntryKind::Chapter => "chapter",
                EntryKind::Thesis => "thesis",
                EntryKind::Misc => "document",
            };
            item.insert("type".into(), json!(kind));
            item.insert("title".into(), json!(entry.title));
            if !entry.authors.is_empty() {
                item.insert(
                    "author".into(),
                    Value::Array(entry.authors.iter().map(name).collect()),
                );
            }
            if !entry.details.editors.is_empty() {
                item.insert(
                    "editor".into(),
                    Value::Array(entry.details.editors.iter().map(name).collect()),
                );
            }
            if let Some(year) = entry.year {
                let parts = match month(entry) {
                    Some(month) => json!([[year, month]]),
                    None => json!([[year]]),
                };
                item.insert("issued".into(), json!({ "date-parts": parts }));
            }
            // CSL names a thesis's university as its publisher.
            let school = entry.kind == EntryKind::Thesis && entry.details.publisher.is_none();
            if school && let Some(container) = container_title(entry) {
                item.insert("publisher".into(), json!(container));
            } else if entry.kind != EntryKind::Preprint
                && let Some(container) = container_title(entry)
            {
                item.insert("container-title".into(), json!(container));
                if let Some(known) = known_venue(entry) {
                    item.insert("container-title-short".into(), json!(known.short));
                }
            }
            if entry.kind == EntryKind::Preprint {
                // The preprint server, as Zotero writes it: arXiv unless the
                // entry names another (`bioRxiv`) and has no arXiv id.
                let server = match container_title(entry) {
                    Some(server) if entry.arxiv().is_none() => server,
                    _ => "arXiv".to_owned(),
                };
                item.insert("publisher".into(), json!(server));
                if let Some(arxiv) = entry.arxiv() {
                    item.insert("number".into(), json!(arxiv.to_string()));
                }
            }
            if let Some(pages) = &entry.details.pages {
                item.insert("page".into(), json!(pages.to_string()));
            }
            for (field, value) in [
                ("volume", &entry.details.volume),
                ("issue", &entry.details.number),
            ] {
                if let Some(value) = value {
                    item.insert(field.into(), json!(value));
                }
            }
            if let Some(publisher) = &entry.details.publisher {
                item.insert("publisher".into(), json!(publisher));
            }
            // Where a conference was held, or where a publisher is.
            if let Some(address) = entry.details.extra.get("address") {
                let field = match entry.kind {
                    EntryKind::Inproceedings => "event-place",
                    _ => "publisher-place",
                };
                item.insert(field.into(), json!(address));
            }
            if let Some(doi) = &entry.doi {
                item.insert("DOI".into(), json!(doi.to_string()));
            }
            let url = entry.url.clone().or_else(|| entry.arxiv().map(|a| a.url()));
            if let Some(url) = url {
                item.insert("URL".into(), json!(url));
            }
            let mut notes: Vec<String> = entry.details.awards.clone();
            if let Some(note) = &entry.details.note {
                notes.push(note.clone());
            }
            // CSL has no field for the arXiv version of a published paper;
            // Zotero writes it in the note (its Extra field) so.
            if entry.kind != EntryKind::Preprint
                && let Some(arxiv) = entry.arxiv()
            {
                notes.push(format!("arXiv: {arxiv}"));
            }
            if !notes.is_empty() {
                item.insert("note".into(), json!(notes.join(". ")));
            }
            Value::Object(item)
        })
        .collect();
    let mut text =
        serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}
