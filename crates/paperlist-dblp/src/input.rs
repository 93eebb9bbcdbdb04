//! dblp's own files read as a publication list: a saved person page
//! (`https://dblp.org/pid/….xml`, "export bibliography → XML"), record XML
//! (`rec/KEY.xml`), an excerpt of the dump, or a search API response in XML.
//! Each publication record is one entry, with dblp's values (provenance
//! `dblp`: they are dblp's, as `enrich` would have filled them) and its dblp
//! key, DOI, pages and authors' pids.
//!
//! ```
//! use paperlist_dblp::input::{looks_like_dblp_xml, read_dblp_xml};
//!
//! let page = r#"<?xml version="1.0"?>
//! <dblpperson name="Philipp Moritz" pid="185/0634" n="1">
//! <r><inproceedings key="conf/osdi/MoritzNWTLLEYPJ18" mdate="2019-11-26">
//! <author pid="185/0634">Philipp Moritz</author>
//! <author pid="s/IonStoica">Ion Stoica</author>
//! <title>Ray: A Distributed Framework for Emerging AI Applications.</title>
//! <pages>561-577</pages><year>2018</year><booktitle>OSDI</booktitle>
//! </inproceedings></r>
//! </dblpperson>"#;
//! assert!(looks_like_dblp_xml(page));
//! let (entries, diagnostics) = read_dblp_xml(page, "moritz.xml");
//! assert!(diagnostics.is_empty());
//! assert_eq!(entries[0].title.as_str(), "Ray: A Distributed Framework for Emerging AI Applications");
//! assert_eq!(entries[0].source.line, 3);
//! ```

use std::sync::Arc;

use paperlist_model::{Diagnostic, Entry, Excerpt, MaybeTyped, Origin, PageRange, Person, Source};

use crate::formats::{parse_records_at, parse_search_xml};
use crate::merge::{entry_kind, record_venue};
use crate::record::{DblpPerson, DblpRecord, RecordKind};

/// Whether a text is one of dblp's XML files (by its root element).
pub fn looks_like_dblp_xml(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if !head.starts_with('<') {
        return false;
    }
    head.contains("<dblpperson")
        || head.contains("<dblp>")
        || head.contains("<dblp ")
        || head.contains("\"dblp.dtd\"")
        // A search API response: `<result><query ...>` with its hits.
        || (head.contains("<result>") && head.contains("<hits"))
}

/// Reads a dblp XML file: an entry per publication record, and a diagnostic
/// for XML that could not be read (the records before it are kept).
pub fn read_dblp_xml(text: &str, file: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let file: Arc<str> = Arc::from(file);
    let document: Arc<str> = Arc::from(text);
    let mut diagnostics = Vec::new();
    let line_of = |offset: usize| {
        let offset = offset.min(text.len());
        let line = text.as_bytes()[..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        u32::try_from(line).unwrap_or(u32::MAX)
    };
    // Search results: the hits, in order, each at its `<hit` element.
    if text.contains("<hits") && !text.contains("<dblpperson") {
        return match parse_search_xml(text) {
            Ok(results) => {
                let starts: Vec<usize> = text.match_indices("<hit ").map(|(at, _)| at).collect();
                let entries = results
                    .hits
                    .iter()
                    .enumerate()
                    .filter(|(_, record)| is_publication(record))
                    .map(|(i, record)| {
                        let start = starts.get(i).copied().unwrap_or(0);
                        let end = text[start..]
                            .find("</hit>")
                            .map_or(text.len(), |at| start + at + "</hit>".len());
                        record_entry(record, source(&file, &document, start..end, &line_of))
                    })
                    .collect();
                (entries, diagnostics)
            }
            Err(error) => {
                diagnostics.push(xml_error(&file, 1, &error.to_string()));
                (Vec::new(), diagnostics)
            }
        };
    }
    let (records, error) = parse_records_at(text);
    let mut entries = Vec::new();
    for (start, record) in records.iter().filter(|(_, r)| is_publication(r)) {
        let element = element_name(&text[*start..]);
        let close = format!("</{element}>");
        let end = text[*start..]
            .find(&close)
            .map_or(text.len(), |at| start + at + close.len());
        entries.push(record_entry(
            record,
            source(&file, &document, *start..end, &line_of),
        ));
    }
    if let Some((at, error)) = error {
        diagnostics.push(xml_error(
            &file,
            line_of(at),
            &format!("{error}; the records after it are not read"),
        ));
    }
    if entries.is_empty() && diagnostics.is_empty() {
        diagnostics.push(Diagnostic::warning(
            &file,
            Some(1),
            "no-records",
            "no publication record found in this dblp XML",
        ));
    }
    (entries, diagnostics)
}

/// Homepage records (`www`, `homepages/...`) and `data` are no publications.
fn is_publication(record: &DblpRecord) -> bool {
    record.kind != RecordKind::Other && !record.key.as_str().starts_with("homepages/")
}

/// The name of the element a text starts with (`<inproceedings key=...>`).
fn element_name(text: &str) -> &str {
    let name = text.trim_start_matches('<');
    let end = name
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(name.len());
    &name[..end]
}

fn source(
    file: &Arc<str>,
    document: &Arc<str>,
    range: std::ops::Range<usize>,
    line_of: &dyn Fn(usize) -> u32,
) -> Source {
    let line = line_of(range.start);
    let end_line = line_of(range.end.saturating_sub(1).max(range.start));
    Source {
        file: Arc::clone(file),
        line,
        end_line: (end_line > line).then_some(end_line),
        section: Arc::default(),
        raw: Excerpt::of(document, range),
    }
}

fn xml_error(file: &str, line: u32, message: &str) -> Diagnostic {
    Diagnostic::error(file, Some(line), "invalid-dblp-xml", message.to_owned())
        .with_hint("save the page again from dblp (its XML export), or fix the XML at this line")
}

/// A dblp record as an entry: what dblp says of the paper, every value with
/// provenance `dblp`.
pub fn record_entry(record: &DblpRecord, source: Source) -> Entry {
    let mut entry = Entry {
        source,
        ..Entry::default()
    };
    let set = |entry: &mut Entry, field: &str| entry.set_origin(field, Origin::Dblp);
    entry.title = Excerpt::from(record.title.trim_end_matches('.'));
    set(&mut entry, "title");
    entry.kind = entry_kind(record);
    entry.authors = record.authors.iter().map(DblpPerson::to_person).collect();
    if !entry.authors.is_empty() {
        set(&mut entry, "authors");
    }
    entry.details.editors = record
        .editors
        .iter()
        .map(|editor| Person::new(&editor.name))
        .collect();
    entry.venue = record_venue(record);
    if entry.venue.is_some() {
        set(&mut entry, "venue");
    }
    entry.year = record.year;
    if entry.year.is_some() {
        set(&mut entry, "year");
    }
    entry.details.dblp_key = Some(MaybeTyped::Typed(record.key.clone()));
    set(&mut entry, "dblp_key");
    if let Some(doi) = record.publisher_doi() {
        entry.doi = Some(MaybeTyped::Typed(doi.clone()));
        set(&mut entry, "doi");
    }
    if let Some(arxiv) = record.arxiv() {
        entry.arxiv = Some(MaybeTyped::Typed(arxiv));
        set(&mut entry, "arxiv");
    }
    if let Some(pages) = &record.pages {
        entry.details.pages = Some(match pages.parse::<PageRange>() {
            Ok(range) => MaybeTyped::Typed(range),
            Err(_) => MaybeTyped::Raw(pages.clone()),
        });
        set(&mut entry, "pages");
    }
    // CoRR's `abs/1712.05889` is the arXiv id, no volume.
    if record.volume.is_some() && !record.is_corr() {
        entry.details.volume.clone_from(&record.volume);
        set(&mut entry, "volume");
    }
    if record.number.is_some() {
        entry.details.number.clone_from(&record.number);
        set(&mut entry, "number");
    }
    if record.publisher.is_some() {
        entry.details.publisher.clone_from(&record.publisher);
        set(&mut entry, "publisher");
    }
    if let Some(ee) = record.ee.first() {
        entry.url = Some(ee.clone());
        set(&mut entry, "url");
    }
    if entry.kind == paperlist_model::EntryKind::Preprint {
        entry.status = paperlist_model::Status::Preprint;
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(path: &str) -> String {
        let path = format!("{}/../../fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn person_page() {
        let text = fixture("dblp-formats/person/pid_95-7448-1.openreview-web.xml");
        assert!(looks_like_dblp_xml(&text));
        let (entries, diagnostics) = read_dblp_xml(&text, "pid.xml");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(entries.len(), 8);
        let first = &entries[0];
        assert_eq!(
            first.title.as_str(),
            "Automatic stereoscopic 3D video reframing"
        );
        assert_eq!(first.source.line, 13);
        assert_eq!(first.authors[1].name(), "Di Xu");
        assert_eq!(first.authors[1].dblp_pid(), Some("95/7448-1"));
        assert_eq!(
            first.doi().map(|d| d.as_str()),
            Some("10.1109/3DTV.2012.6365428")
        );
        assert_eq!(
            first.dblp_key().map(|k| k.as_str()),
            Some("conf/3dtv/Coria-MendozaXN12")
        );
        assert!(first.source.raw.as_str().starts_with("<inproceedings"));
        assert!(first.source.raw.as_str().ends_with("</inproceedings>"));
        let article = entries
            .iter()
            .find(|e| e.kind == paperlist_model::EntryKind::Article)
            .expect("an article");
        assert_eq!(article.details.volume.as_deref(), Some("17"));
    }

    #[test]
    fn search_results_and_errors() {
        let text = fixture("dblp-formats/search-api/publ_attention-mechanism_h3.fastpaper-cli.xml");
        assert!(looks_like_dblp_xml(&text));
        let (entries, diagnostics) = read_dblp_xml(&text, "search.xml");
        assert!(diagnostics.is_empty());
        assert_eq!(entries.len(), 3);
        assert!(
            entries
                .iter()
                .all(|e| e.source.raw.as_str().starts_with("<hit "))
        );

        let person = fixture("dblp-formats/person/pid_95-7448-1.openreview-web.xml");
        let cut = &person[..person.len() / 2];
        let (entries, diagnostics) = read_dblp_xml(cut, "cut.xml");
        assert!(!entries.is_empty());
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].line.is_some_and(|l| l > 13));
        assert!(!looks_like_dblp_xml("<html><body>dblp</body></html>"));
    }
}
