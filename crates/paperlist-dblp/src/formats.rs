//! Readers for what dblp serves: records in dump / `rec/KEY.xml` / person-page
//! XML, and search API results in XML and JSON, with every quirk in
//! `fixtures/dblp-formats/README.md`: one child as an object not a list, no
//! `hit` when empty, numbers as strings, repeated `venue`/`ee`, titles ending
//! in `.`, upper-case DOIs, named and numeric entities, entity text inside JSON
//! strings, CRLF.

use std::fmt;

use paperlist_model::{DblpKey, Doi};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use serde_json::Value;

use crate::entities;
use crate::record::{DblpPerson, DblpRecord, RecordKind};

/// Why a response could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    what: &'static str,
    detail: String,
}

impl FormatError {
    fn new(what: &'static str, detail: impl Into<String>) -> FormatError {
        FormatError {
            what,
            detail: detail.into(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed dblp {}: {}", self.what, self.detail)
    }
}

impl std::error::Error for FormatError {}

/// A page of search results.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchResults {
    /// How many records match in all (`hits/@total`).
    pub total: usize,
    /// The records sent, best first.
    pub hits: Vec<DblpRecord>,
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// Appends the character data an event carries (text, CDATA, a character or
/// entity reference: numeric, XML's five, or dblp.dtd's names) to `text`.
fn push_char_data(event: &Event<'_>, text: &mut String) {
    match event {
        Event::Text(content) => text.push_str(&content.xml10_content()),
        Event::CData(content) => text.push_str(&content.xml10_content()),
        Event::GeneralRef(reference) => {
            if let Ok(Some(c)) = reference.resolve_char_ref() {
                text.push(c);
                return;
            }
            let name = reference.xml10_content();
            match entities::resolve(&name) {
                Some(c) => text.push(c),
                None => {
                    text.push('&');
                    text.push_str(&name);
                    text.push(';');
                }
            }
        }
        _ => {}
    }
}

/// A person element's `pid` and `orcid` attributes.
type PersonAttributes = (Option<String>, Option<String>);

/// Field of a record being read, by element name.
fn set_field(record: &mut DblpRecord, field: &str, text: String, attributes: PersonAttributes) {
    let text = text.trim().to_owned();
    match field {
        "author" => record.authors.push(DblpPerson {
            name: text,
            pid: attributes.0,
            orcid: attributes.1,
        }),
        "editor" => record.editors.push(DblpPerson {
            name: text,
            pid: attributes.0,
            orcid: attributes.1,
        }),
        "title" => record.title = text,
        // Repeated `venue` in search hits (`COLT`, `ALT`): keep the first.
        "booktitle" | "journal" | "venue" | "school" if record.venue.is_none() => {
            record.venue = Some(text)
        }
        "year" => record.year = text.parse().ok(),
        "pages" => record.pages = Some(text),
        "volume" => record.volume = Some(text),
        "number" => record.number = Some(text),
        "publisher" => record.publisher = Some(text),
        "ee" => record.ee.push(text),
        "doi" => record.doi = text.parse::<Doi>().ok(),
        "crossref" => record.crossref = Some(text),
        "type" => {
            record.kind = RecordKind::from_search_type(&text);
            record.informal = text.starts_with("Informal");
        }
        "key" => {
            if let Ok(key) = text.parse::<DblpKey>() {
                record.key = key;
            }
        }
        _ => {}
    }
}

/// Reads every record in dump, `rec/KEY.xml` or person-page XML.
pub fn parse_records(xml: &str) -> Result<Vec<DblpRecord>, FormatError> {
    match parse_records_at(xml) {
        (records, None) => Ok(records.into_iter().map(|(_, record)| record).collect()),
        (_, Some((_, error))) => Err(error),
    }
}

/// [`parse_records`] that keeps what it read before an error: each record
/// with the byte offset where it starts, and the error with its offset.
pub fn parse_records_at(xml: &str) -> RecordsAt {
    let mut reader = Reader::from_str(xml);
    let mut records = Vec::new();
    let mut current: Option<(usize, DblpRecord)> = None;
    let mut field: Option<(String, PersonAttributes)> = None;
    let mut text = String::new();
    let mut depth_in_field = 0usize;
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match reader.read_event() {
            Ok(Event::Start(element)) => {
                let name = element.local_name().as_ref().to_owned();
                if current.is_none() {
                    if let Some(kind) = RecordKind::from_element(&name) {
                        let key =
                            attribute(&element, "key").and_then(|k| k.parse::<DblpKey>().ok());
                        let Some(key) = key else { continue };
                        let mut record = DblpRecord::new(key, kind);
                        record.informal =
                            attribute(&element, "publtype").is_some_and(|p| p == "informal");
                        current = Some((at, record));
                    }
                } else if field.is_none() {
                    field = Some((
                        name,
                        (attribute(&element, "pid"), attribute(&element, "orcid")),
                    ));
                    text.clear();
                    depth_in_field = 0;
                } else {
                    // Markup inside a title (`<i>`, `<sub>`): keep its text.
                    depth_in_field += 1;
                }
            }
            Ok(event @ (Event::Text(_) | Event::CData(_) | Event::GeneralRef(_))) => {
                if field.is_some() {
                    push_char_data(&event, &mut text);
                }
            }
            Ok(Event::End(element)) => {
                let name = element.local_name().as_ref().to_owned();
                if field.is_some() && depth_in_field > 0 {
                    depth_in_field -= 1;
                } else if let Some((field_name, attributes)) = field.take() {
                    if let Some((_, record)) = current.as_mut() {
                        set_field(record, &field_name, std::mem::take(&mut text), attributes);
                    }
                } else if current.is_some() && RecordKind::from_element(&name).is_some() {
                    if let Some((start, mut record)) = current.take() {
                        record.finish();
                        records.push((start, record));
                    }
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => {
                let error = FormatError::new(
                    "XML",
                    format!("at byte {}: {error}", reader.buffer_position()),
                );
                return (records, Some((at, error)));
            }
        }
    }
    if let Some((start, _)) = current {
        let error = FormatError::new("XML", "document ends inside a record");
        return (records, Some((start, error)));
    }
    (records, None)
}

/// Records with the byte offsets where they start, and the error that ended
/// the reading early (with its offset), as [`parse_records_at`] gives them.
pub type RecordsAt = (Vec<(usize, DblpRecord)>, Option<(usize, FormatError)>);

/// Reads a search API response in XML (`format=xml`).
pub fn parse_search_xml(xml: &str) -> Result<SearchResults, FormatError> {
    let mut reader = Reader::from_str(xml);
    let mut results = SearchResults::default();
    let mut saw_result = false;
    let mut hit: Option<DblpRecord> = None;
    let mut in_info = false;
    let mut field: Option<(String, Option<String>)> = None;
    let mut text = String::new();
    let mut nested = 0usize;
    let placeholder = || "journals/x/placeholder".parse::<DblpKey>();
    loop {
        match reader.read_event() {
            Ok(Event::Start(element)) => {
                let name = element.local_name().as_ref().to_owned();
                match name.as_str() {
                    "result" => saw_result = true,
                    "hits" => {
                        results.total = attribute(&element, "total")
                            .and_then(|t| t.parse().ok())
                            .unwrap_or(0);
                    }
                    "hit" => {
                        if let Ok(key) = placeholder() {
                            hit = Some(DblpRecord::new(key, RecordKind::Other));
                        }
                    }
                    "info" if hit.is_some() => in_info = true,
                    "authors" if in_info => {}
                    _ if in_info && field.is_none() => {
                        field = Some((name, attribute(&element, "pid")));
                        text.clear();
                        nested = 0;
                    }
                    _ if field.is_some() => nested += 1,
                    _ => {}
                }
            }
            Ok(Event::Empty(element)) => {
                if element.local_name().as_ref() == "hits" {
                    results.total = attribute(&element, "total")
                        .and_then(|t| t.parse().ok())
                        .unwrap_or(0);
                }
            }
            Ok(event @ (Event::Text(_) | Event::CData(_) | Event::GeneralRef(_))) => {
                if field.is_some() {
                    push_char_data(&event, &mut text);
                }
            }
            Ok(Event::End(element)) => {
                let name = element.local_name().as_ref().to_owned();
                if field.is_some() && nested > 0 {
                    nested -= 1;
                } else if let Some((field_name, pid)) = field.take() {
                    if let Some(record) = hit.as_mut() {
                        set_field(record, &field_name, std::mem::take(&mut text), (pid, None));
                    }
                } else if name == "info" {
                    in_info = false;
                } else if name == "hit"
                    && let Some(mut record) = hit.take()
                {
                    if record.key.as_str() == "journals/x/placeholder" {
                        return Err(FormatError::new("search result", "a hit without a key"));
                    }
                    record.finish();
                    results.hits.push(record);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => {
                return Err(FormatError::new(
                    "search XML",
                    format!("at byte {}: {error}", reader.buffer_position()),
                ));
            }
        }
    }
    if !saw_result {
        return Err(FormatError::new("search XML", "no <result> element"));
    }
    if hit.is_some() {
        return Err(FormatError::new("search XML", "document ends inside a hit"));
    }
    Ok(results)
}

/// JSON strings from dblp keep XML entity text (`Operators&apos;`): decode it.
fn json_text(value: &Value) -> Option<String> {
    let raw = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => return o.get("text").and_then(json_text),
        _ => return None,
    };
    if !raw.contains('&') {
        return Some(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw.as_str();
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match after.find(';').filter(|end| *end <= 10) {
            Some(end) => {
                let name = &after[..end];
                let decoded = if let Some(number) =
                    name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                {
                    u32::from_str_radix(number, 16)
                        .ok()
                        .and_then(char::from_u32)
                } else if let Some(number) = name.strip_prefix('#') {
                    number.parse().ok().and_then(char::from_u32)
                } else {
                    entities::resolve(name)
                };
                match decoded {
                    Some(c) => out.push(c),
                    None => out.push_str(&rest[at..at + end + 2]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

/// One value or many: dblp's JSON does not wrap a single child in an array.
fn one_or_many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    }
}

/// Reads a search API response in JSON (`format=json`).
pub fn parse_search_json(text: &str) -> Result<SearchResults, FormatError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| FormatError::new("search JSON", e.to_string()))?;
    let result = value
        .get("result")
        .ok_or_else(|| FormatError::new("search JSON", "no \"result\" object"))?;
    let hits = result.get("hits");
    let total = hits
        .and_then(|h| h.get("@total"))
        .and_then(json_text)
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let mut results = SearchResults {
        total,
        hits: Vec::new(),
    };
    for hit in one_or_many(hits.and_then(|h| h.get("hit"))) {
        let info = hit
            .get("info")
            .ok_or_else(|| FormatError::new("search JSON", "a hit without \"info\""))?;
        let key = info
            .get("key")
            .and_then(json_text)
            .and_then(|k| k.parse::<DblpKey>().ok())
            .ok_or_else(|| FormatError::new("search JSON", "a hit without a valid key"))?;
        let mut record = DblpRecord::new(key, RecordKind::Other);
        let authors = info.get("authors").and_then(|a| a.get("author"));
        for author in one_or_many(authors) {
            let pid = author.get("@pid").and_then(json_text);
            if let Some(name) = json_text(author) {
                record.authors.push(DblpPerson {
                    name,
                    pid,
                    orcid: None,
                });
            }
        }
        for field in [
            "title",
            "venue",
            "volume",
            "number",
            "pages",
            "year",
            "type",
            "doi",
            "publisher",
        ] {
            if let Some(value) = one_or_many(info.get(field))
                .first()
                .and_then(|v| json_text(v))
            {
                set_field(&mut record, field, value, (None, None));
            }
        }
        for ee in one_or_many(info.get("ee")) {
            if let Some(ee) = json_text(ee) {
                record.ee.push(ee);
            }
        }
        record.finish();
        results.hits.push(record);
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(path: &str) -> String {
        std::fs::read_to_string(format!(
            "{}/../../fixtures/dblp-formats/{path}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn search_xml_sample() {
        let results = parse_search_xml(&fixture(
            "search-api/publ_attention-mechanism_h3.fastpaper-cli.xml",
        ))
        .unwrap();
        assert_eq!(results.total, 6154);
        assert_eq!(results.hits.len(), 3);
        let first = &results.hits[0];
        assert_eq!(first.key.as_str(), "journals/npl/WangSLZWWLL25");
        assert!(first.title.starts_with("Rethinking Attention Mechanism"));
        assert!(!first.title.ends_with('.'));
        assert_eq!(first.authors.len(), 8);
        assert_eq!(first.authors[0].pid.as_deref(), Some("31/3878"));
        assert_eq!(first.venue.as_deref(), Some("Neural Process. Lett."));
        assert_eq!(first.year, Some(2025));
        assert_eq!(first.kind, RecordKind::Article);
        assert_eq!(
            first.doi.as_ref().map(Doi::normalized).as_deref(),
            Some("10.1007/s11063-025-11757-7")
        );
    }

    #[test]
    fn search_json_samples() {
        let current =
            parse_search_json(&fixture("search-api/publ_test_h1.chrjabs-dblp-helper.json"))
                .unwrap();
        assert_eq!(current.hits.len(), 1);
        assert!(current.hits[0].authors.iter().all(|a| a.pid.is_some()));
        let basov =
            parse_search_json(&fixture("search-api/publ_basov-oleg.ru-note.pretty.json")).unwrap();
        assert_eq!(basov.hits.len(), 14);
        assert!(
            basov.hits.iter().all(|h| !h.title.contains("&apos;")),
            "entity text inside JSON strings is decoded"
        );
        let legacy = parse_search_json(&fixture(
            "search-api/publ_test_h30.legacy-2018.vinicius0197-tp2.json",
        ))
        .unwrap();
        assert_eq!(legacy.hits.len(), 30);
        assert!(
            legacy.hits.iter().any(|h| h.authors.len() == 1),
            "a bare string author is one author"
        );
    }

    #[test]
    fn single_objects_and_empty_results() {
        let single = r#"{"result":{"hits":{"@total":"1","hit":{"info":{"authors":{"author":{"@pid":"1/2","text":"Ada Lovelace"}},"title":"Notes.","venue":["COLT","ALT"],"year":"1843","type":"Journal Articles","key":"journals/x/Love43","ee":"https://doi.org/10.1145/x"}}}}}"#;
        let results = parse_search_json(single).unwrap();
        assert_eq!(results.hits[0].authors[0].name, "Ada Lovelace");
        assert_eq!(results.hits[0].venue.as_deref(), Some("COLT"));
        assert_eq!(results.hits[0].title, "Notes");
        assert_eq!(
            results.hits[0].doi.as_ref().map(Doi::as_str),
            Some("10.1145/x")
        );
        let empty = parse_search_json(
            r#"{"result":{"hits":{"@total":"0","@computed":"0","@sent":"0","@first":"0"}}}"#,
        )
        .unwrap();
        assert!(empty.hits.is_empty());
        let empty_xml = parse_search_xml("<?xml version=\"1.0\"?>\r\n<result><hits total=\"0\" computed=\"0\" sent=\"0\" first=\"0\"/></result>").unwrap();
        assert!(empty_xml.hits.is_empty());
    }

    #[test]
    fn broken_responses_are_errors() {
        let xml = fixture("search-api/publ_attention-mechanism_h3.fastpaper-cli.xml");
        assert!(
            parse_search_xml(&xml[..xml.len() / 2]).is_err(),
            "truncated XML"
        );
        assert!(
            parse_search_json("{\"result\": {\"hits\": ").is_err(),
            "truncated JSON"
        );
        assert!(parse_search_json("<html>502 Bad Gateway</html>").is_err());
        assert!(parse_search_xml("<html><body>rate limited</body></html>").is_err());
    }

    #[test]
    fn records_from_rec_and_dump() {
        let rec = parse_records(&fixture("rec/rec_conf_cpaior_JabsBJ24.chrjabs.xml")).unwrap();
        assert_eq!(rec.len(), 1);
        assert_eq!(rec[0].kind, RecordKind::Inproceedings);
        assert!(
            rec[0].authors.iter().any(|a| a.name.contains('\u{e4}')),
            "numeric references decode: {:?}",
            rec[0].authors
        );
        let dump = parse_records(&fixture("dump/allTagsData.excerpt.jalomo1197.xml")).unwrap();
        assert!(dump.len() >= 5);
        assert!(
            dump.iter()
                .any(|r| r.venue.as_deref().is_some_and(|v| v.contains("\u{e4}"))),
            "named entities decode"
        );
        let tiny = parse_records(&fixture("dump/dblp-tiny.askmrsinh.xml")).unwrap();
        assert!(tiny.iter().any(|r| r.informal));
        let person = parse_records(&fixture("person/pid_95-7448-1.openreview-web.xml")).unwrap();
        assert_eq!(person.len(), 8);
        assert!(
            person
                .iter()
                .all(|r| r.authors.iter().all(|a| a.pid.is_some()))
        );
    }
}
