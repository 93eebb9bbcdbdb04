//! RIS, as Zotero, EndNote, Mendeley, Google Scholar ("RefMan") and
//! publishers' "Export citation" buttons write it: one `TAG  - value` per
//! line, `TY` opening a record and `ER` closing it.
//!
//! Read by hand, as the other tagged formats are (see [`crate::tagged`]).

use std::sync::Arc;

use paperlist_model::venue;
use paperlist_model::{Diagnostic, Doi, Entry, EntryKind, MaybeTyped, Origin, Person};

use crate::tagged::{self, Record};

/// `TY  - JOUR`: a tag of two capitals or a capital and a digit, then
/// `  - ` (Zotero, EndNote) or ` - ` (some exporters); `ER  -` may end there.
fn tag_of(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let tag_ok = bytes.len() >= 2
        && bytes[0].is_ascii_uppercase()
        && (bytes[1].is_ascii_uppercase() || bytes[1].is_ascii_digit());
    if !tag_ok {
        return None;
    }
    let rest = line[2..].trim_start_matches(' ');
    let value = rest.strip_prefix('-')?;
    // `AU  - Doe`, and `ER  -` with nothing after; `AU-Doe` is no tag.
    let spaced = rest.len() < line.len() - 2;
    if !spaced && !value.is_empty() {
        return None;
    }
    Some((&line[..2], value.trim()))
}

/// Whether text is RIS: its first non-blank line is a `TY` tag.
pub(crate) fn looks_like_ris(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .find(|line| !line.trim().is_empty())
        .and_then(tag_of)
        .is_some_and(|(tag, _)| tag == "TY")
}

/// Parses RIS text.
pub(crate) fn parse(text: &Arc<str>, file: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut records: Vec<Record> = Vec::new();
    let mut open: Option<Record> = None;
    for (number, span, line) in tagged::lines(text) {
        let (at, offset) = (span.start, span.end);
        match (tag_of(line), &mut open) {
            (Some(("TY", kind)), _) => {
                if let Some(record) = open.take() {
                    diagnostics.push(unclosed(file, &record));
                    records.push(record);
                }
                open = Some(Record::new("TY", kind, number, at, offset));
            }
            (Some(("ER", _)), Some(record)) => {
                record.end = offset;
                records.extend(open.take());
            }
            (Some((tag, value)), Some(record)) => {
                record.tags.push((tag.to_owned(), value.to_owned()));
                record.end = offset;
            }
            // A value running onto the next line (an abstract, a long title).
            (None, Some(record)) if !line.trim().is_empty() => {
                if let Some((_, value)) = record.tags.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                record.end = offset;
            }
            (_, None) if !line.trim().is_empty() => diagnostics.push(Diagnostic::warning(
                file,
                Some(number),
                "ris-outside-record",
                format!("line {number} is outside a record (records start with `TY  - `)"),
            )),
            _ => {}
        }
    }
    if let Some(record) = open.take() {
        diagnostics.push(unclosed(file, &record));
        records.push(record);
    }
    let entries = tagged::entries_of(
        text,
        file,
        records,
        convert,
        "ris-record",
        "TI or T1",
        &mut diagnostics,
    );
    (entries, diagnostics)
}

fn unclosed(file: &str, record: &Record) -> Diagnostic {
    Diagnostic::warning(
        file,
        Some(record.first_line),
        "ris-record",
        format!(
            "the record at line {} has no `ER  - ` line; read up to the next record or the end",
            record.first_line
        ),
    )
}

fn convert(record: &Record) -> Entry {
    let values = |tags: &[&str]| record.values(tags);
    let first = |tags: &[&str]| record.first(tags);
    let mut entry = Entry::default();
    if let Some(id) = first(&["ID"]) {
        entry.key = id.as_str().into();
    }
    entry.title = first(&["TI", "T1", "CT"])
        .map(|t| t.trim_end_matches('.').into())
        .unwrap_or_default();
    entry.set_origin("title", Origin::Input);
    entry.authors = values(&["AU", "A1"])
        .iter()
        .map(|name| Person::new(name))
        .collect();
    if !entry.authors.is_empty() {
        entry.set_origin("authors", Origin::Input);
    }
    entry.details.editors = values(&["ED", "A2"])
        .iter()
        .map(|name| Person::new(name))
        .collect();
    entry.year =
        first(&["PY", "Y1", "DA"]).and_then(|date| date.get(..4).and_then(|y| y.parse().ok()));
    if entry.year.is_some() {
        entry.set_origin("year", Origin::Input);
    }
    // `DA  - 2020/01/23/`: the month is the second part of a RIS date.
    if let Some(month) = first(&["DA", "PY", "Y1"])
        .and_then(|date| date.split('/').nth(1).and_then(|m| m.parse::<u8>().ok()))
        .filter(|m| (1..=12).contains(m))
    {
        entry
            .details
            .extra
            .insert("month".into(), month.to_string());
    }
    let kind = first(&["TY"]).unwrap_or_default();
    let container = match kind.as_str() {
        "JOUR" | "JFULL" | "MGZN" | "EJOUR" => first(&["JO", "JF", "T2", "JA", "J2"]),
        _ => first(&["T2", "BT", "JO", "JF", "T3", "J2"]),
    };
    let known = container.as_deref().and_then(venue::resolve);
    entry.venue = known.map(|v| v.short.to_owned()).or(container.clone());
    if entry.venue.is_some() {
        entry.set_origin("venue", Origin::Input);
    }
    entry.details.pages = match (first(&["SP"]), first(&["EP"])) {
        (Some(start), Some(end)) if start != end => {
            Some(MaybeTyped::parse(&format!("{start}-{end}")))
        }
        (Some(start), _) => Some(MaybeTyped::parse(&start)),
        _ => None,
    };
    entry.details.volume = first(&["VL"]);
    entry.details.number = first(&["IS", "CP"]);
    entry.details.publisher = first(&["PB"]);
    if let Some(doi) = first(&["DO"]) {
        entry.doi = Some(MaybeTyped::parse(doi.trim()));
        entry.set_origin("doi", Origin::Input);
    } else if let Some(doi) = first(&["M3"]).and_then(|m3| m3.trim().parse::<Doi>().ok()) {
        // EndNote puts the DOI in M3 (`doi: 10.1145/279227.279229`).
        entry.doi = Some(MaybeTyped::Typed(doi));
        entry.set_origin("doi", Origin::Input);
    }
    tagged::read_urls(&mut entry, values(&["UR", "L1", "L2", "LK"]));
    if entry.arxiv.is_none()
        && let Some(id) = container.as_deref().and_then(tagged::arxiv_named_in)
    {
        entry.arxiv = Some(MaybeTyped::Typed(id));
        entry.set_origin("arxiv", Origin::Input);
    }
    // Notes say the status and awards (as paperlist's RIS writes them).
    let status_written = tagged::read_notes(&mut entry, values(&["N1"]));
    let declared = match kind.as_str() {
        "JOUR" | "JFULL" | "MGZN" | "EJOUR" | "NEWS" => Some(EntryKind::Article),
        "CONF" | "CPAPER" => Some(EntryKind::Inproceedings),
        "BOOK" | "EBOOK" | "EDBOOK" => Some(EntryKind::Book),
        "CHAP" | "ECHAP" => Some(EntryKind::Chapter),
        "THES" => Some(EntryKind::Thesis),
        _ => None,
    };
    tagged::finish_kind(&mut entry, declared, known, status_written);
    entry
}

#[cfg(test)]
mod tests {
    use super::*;
    use paperlist_model::Status;

    fn read(text: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
        parse(&Arc::from(text), "x.ris")
    }

    #[test]
    fn zotero_records() {
        let (entries, diagnostics) = read(concat!(
            "\u{feff}TY  - CONF\r\n",
            "TI  - Ray: A Distributed Framework for Emerging AI Applications\r\n",
            "AU  - Moritz, Philipp\r\n",
            "AU  - Stoica, Ion\r\n",
            "T2  - 13th USENIX Symposium on Operating Systems Design and Implementation (OSDI 18)\r\n",
            "PY  - 2018\r\n",
            "SP  - 561\r\n",
            "EP  - 577\r\n",
            "UR  - https://www.usenix.org/conference/osdi18/presentation/moritz\r\n",
            "N1  - Best Paper Award\r\n",
            "ER  - \r\n",
            "\r\n",
            "TY  - GEN\n",
            "TI  - Scaling Laws for Neural\n",
            "  Language Models\n",
            "AU  - Kaplan, Jared\n",
            "PY  - 2020/01/23/\n",
            "UR  - https://arxiv.org/abs/2001.08361\n",
            "N1  - Under review\n",
            "ER  -\n",
        ));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(entries.len(), 2);
        let ray = &entries[0];
        assert_eq!(ray.kind, EntryKind::Inproceedings);
        assert_eq!(ray.venue.as_deref(), Some("OSDI"));
        assert_eq!(ray.year, Some(2018));
        assert_eq!(ray.authors[1].name(), "Ion Stoica");
        assert_eq!(ray.details.awards, ["Best Paper Award"]);
        assert_eq!(ray.source.line, 1);
        assert_eq!(ray.source.end_line, Some(11));
        let laws = &entries[1];
        assert_eq!(laws.title, "Scaling Laws for Neural Language Models");
        assert_eq!(laws.kind, EntryKind::Preprint);
        assert_eq!(
            laws.arxiv().map(ToString::to_string).as_deref(),
            Some("2001.08361")
        );
        assert_eq!(laws.status, Status::UnderReview);
        assert_eq!(laws.source.line, 13);
    }

    #[test]
    fn broken_records_are_diagnostics_with_their_lines() {
        let (entries, diagnostics) = read(concat!(
            "stray text\n",
            "TY  - JOUR\n",
            "AU  - Doe, Jane\n",
            "ER  - \n",
            "TY  - JOUR\n",
            "TI  - Unclosed\n",
        ));
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].title, "Unclosed");
        let lines: Vec<(Option<u32>, &str)> = diagnostics
            .iter()
            .map(|d| (d.line, d.code.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (Some(1), "ris-outside-record"),
                (Some(2), "ris-record"),
                (Some(5), "ris-record"),
            ]
        );
    }

    #[test]
    fn endnote_records() {
        // EndNote: `PY  - 2008///`, the DOI in M3, a suffix after the given name.
        let (entries, diagnostics) = read(concat!(
            "TY  - JOUR\r\n",
            "AU  - Steele, Guy L., Jr.\r\n",
            "PY  - 1998/05/01/\r\n",
            "T1  - The part-time parliament\r\n",
            "JF  - ACM Transactions on Computer Systems\r\n",
            "M3  - doi: 10.1145/279227.279229\r\n",
            "ER  - \r\n",
        ));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let entry = &entries[0];
        assert_eq!(entry.year, Some(1998));
        assert_eq!(
            entry.doi().map(ToString::to_string).as_deref(),
            Some("10.1145/279227.279229")
        );
        assert_eq!(entry.authors[0].family(), Some("Steele"));
        assert_eq!(entry.authors[0].suffix(), Some("Jr."));
    }

    #[test]
    fn detection() {
        assert!(looks_like_ris("\n\nTY  - JOUR\nTI  - x\nER  - \n"));
        assert!(!looks_like_ris("Type - Journal"));
        assert!(!looks_like_ris("# TY  - JOUR"));
    }
}
