//! RIS, as Zotero, EndNote and Mendeley import it.

use std::fmt::Write;

use paperlist_model::citekey::KeyScheme;
use paperlist_model::{EntryKind, Library};

use crate::common::{container_title, export_keys, month};

/// Options for [`to_ris`].
#[derive(Debug, Clone, Default)]
pub struct RisOptions {
    /// How the `ID` tags are made.
    pub key_scheme: KeyScheme,
}

/// Writes the library as RIS: one record per entry, `TY` first and `ER` last.
pub fn to_ris(library: &Library, options: &RisOptions) -> String {
    let keys = export_keys(library, options.key_scheme);
    let mut out = String::new();
    for (entry, key) in library.entries.iter().zip(&keys) {
        let kind = match entry.kind {
            EntryKind::Inproceedings => "CONF",
            EntryKind::Article => "JOUR",
            EntryKind::Book => "BOOK",
            EntryKind::Chapter => "CHAP",
            EntryKind::Thesis => "THES",
            EntryKind::Preprint => "GEN",
            EntryKind::Misc => "GEN",
        };
        let mut tag = |tag: &str, value: &str| {
            let value = value.replace(['\r', '\n'], " ");
            if !value.trim().is_empty() {
                let _ = writeln!(out, "{tag}  - {}", value.trim());
            }
        };
        tag("TY", kind);
        tag("ID", key);
        for person in &entry.authors {
            // RIS writes `Family, Given, Suffix`.
            let name = match (person.family(), person.given(), person.suffix()) {
                (Some(family), Some(given), Some(suffix)) => format!("{family}, {given}, {suffix}"),
                (Some(family), Some(given), None) => format!("{family}, {given}"),
                (Some(family), None, _) => family.to_string(),
                (None, _, _) => person.name().to_owned(),
            };
            tag("AU", &name);
        }
        for person in &entry.details.editors {
            tag("ED", person.name());
        }
        tag("TI", &entry.title);
        // A preprint's server is said by its arXiv address, when it has one.
        if let Some(container) = container_title(entry)
            .filter(|_| entry.kind != EntryKind::Preprint || entry.arxiv().is_none())
        {
            match entry.kind {
                // RIS names a thesis's university as its publisher.
                EntryKind::Thesis if entry.details.publisher.is_none() => tag("PB", &container),
                EntryKind::Article => {
                    tag("JO", &container);
                    tag("T2", &container);
                }
                _ => tag("T2", &container),
            }
        }
        if let Some(year) = entry.year {
            tag("PY", &year.to_string());
            if let Some(month) = month(entry) {
                tag("DA", &format!("{year}/{month:02}//"));
            }
        }
        if let Some(pages) = entry.pages() {
            tag("SP", pages.first());
            if let Some(last) = pages.last() {
                tag("EP", last);
            }
        } else if let Some(pages) = &entry.details.pages {
            tag("SP", &pages.to_string());
        }
        if let Some(volume) = &entry.details.volume {
            tag("VL", volume);
        }
        if let Some(number) = &entry.details.number {
            tag("IS", number);
        }
        if let Some(publisher) = &entry.details.publisher {
            tag("PB", publisher);
        }
        if let Some(address) = entry.details.extra.get("address") {
            tag("CY", address);
        }
        if let Some(doi) = &entry.doi {
            tag("DO", &doi.to_string());
        }
        if let Some(url) = &entry.url {
            tag("UR", url);
        }
        if let Some(arxiv) = entry.arxiv()
            && entry.url.as_deref() != Some(arxiv.url().as_str())
        {
            tag("UR", &arxiv.url());
        }
        for award in &entry.details.awards {
            tag("N1", award);
        }
        if let Some(note) = &entry.details.note {
            tag("N1", note);
        }
        out.push_str("ER  - \n\n");
    }
    out
}
