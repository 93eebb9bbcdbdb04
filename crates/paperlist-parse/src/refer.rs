//! EndNote's tagged format (refer): what Google Scholar's "EndNote" button
//! saves (`.enw`), EndNote's own text export and the older `refer`/`bib`
//! databases. One `%X value` per line, `%0` naming the kind, a blank line
//! between records:
//!
//! ```text
//! %0 Conference Proceedings
//! %T Ray: A distributed framework for emerging AI applications
//! %A Moritz, Philipp
//! %B 13th USENIX Symposium on Operating Systems Design and Implementation (OSDI 18)
//! %P 561-577
//! %D 2018
//! ```

use std::sync::Arc;

use paperlist_model::venue::{self, VenueKind};
use paperlist_model::{Diagnostic, Doi, Entry, EntryKind, MaybeTyped, Origin, Person};

use crate::tagged::{self, Record, Syntax};

/// `%T Title`: `%`, one character naming the field, a space and the value.
fn tag_of(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('%')?;
    let tag = rest.chars().next().filter(|c| c.is_ascii_graphic())?;
    let value = &rest[tag.len_utf8()..];
    if !(value.is_empty() || value.starts_with([' ', '\t'])) {
        return None;
    }
    Some((&line[..1 + tag.len_utf8()], value.trim()))
}

const SYNTAX: Syntax = Syntax {
    name: "refer",
    tag_of,
    opener: "%0",
    // A line that is no tag continues the value above it (an abstract
    // wrapped by hand).
    continues: |_| true,
};

/// Whether text is in the refer format: its first two lines with text are
/// tags, one of them the kind (`%0`), the title or an author. (A LaTeX
/// comment, `% text`, has a space after the `%`.)
pub(crate) fn looks_like_refer(text: &str) -> bool {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|line| !line.trim().is_empty());
    let tags: Vec<&str> = lines
        .by_ref()
        .take(2)
        .map_while(|line| tag_of(line).map(|(tag, _)| tag))
        .collect();
    tags.len() == 2 && tags.iter().any(|tag| matches!(*tag, "%0" | "%T" | "%A"))
}

/// Parses refer text.
pub(crate) fn parse(text: &Arc<str>, file: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let (records, mut diagnostics) = tagged::blank_line_records(text, file, &SYNTAX);
    let entries = tagged::entries_of(
        text,
        file,
        records,
        convert,
        "refer-record",
        "%T",
        &mut diagnostics,
    );
    (entries, diagnostics)
}

fn convert(record: &Record) -> Entry {
    let values = |tags: &[&str]| record.values(tags);
    let first = |tags: &[&str]| record.first(tags);
    let people = |tags: &[&str]| -> Vec<Person> {
        values(tags).iter().map(|name| Person::new(name)).collect()
    };
    let mut entry = Entry::default();
    if let Some(label) = first(&["%F"]) {
        entry.key = label.as_str().into();
    }
    entry.title = first(&["%T"])
        .map(|t| t.trim_end_matches('.').into())
        .unwrap_or_default();
    entry.set_origin("title", Origin::Input);
    entry.authors = people(&["%A"]);
    if !entry.authors.is_empty() {
        entry.set_origin("authors", Origin::Input);
    }
    entry.details.editors = people(&["%E"]);
    let date = first(&["%D"]).or_else(|| first(&["%8"]));
    entry.year = date.as_deref().and_then(venue::year_in);
    if entry.year.is_some() {
        entry.set_origin("year", Origin::Input);
    }
    if let Some(month) = first(&["%8"])
        .or(date)
        .as_deref()
        .and_then(tagged::month_in)
    {
        entry
            .details
            .extra
            .insert("month".into(), month.to_string());
    }
    let kind = first(&["%0"]).unwrap_or_default().to_lowercase();
    let declared = match kind.as_str() {
        "journal article" | "electronic article" | "magazine article" | "newspaper article" => {
            Some(EntryKind::Article)
        }
        "conference proceedings" | "conference paper" => Some(EntryKind::Inproceedings),
        "book" | "edited book" | "electronic book" => Some(EntryKind::Book),
        "book section" | "electronic book section" => Some(EntryKind::Chapter),
        "thesis" => Some(EntryKind::Thesis),
        _ => None,
    };
    // `%J` is a journal, `%B` a book or proceedings the paper is in, `%S` a series.
    let container = match declared {
        Some(EntryKind::Article) => first(&["%J", "%B"]),
        _ => first(&["%B", "%J", "%S"]),
    };
    let known = container.as_deref().and_then(venue::resolve);
    entry.venue = known.map(|v| v.short.to_owned()).or(container.clone());
    if entry.venue.is_some() {
        entry.set_origin("venue", Origin::Input);
    }
    entry.details.pages = first(&["%P"]).map(|pages| MaybeTyped::parse(&pages));
    entry.details.volume = first(&["%V"]);
    entry.details.number = first(&["%N"]);
    entry.details.publisher = first(&["%I"]);
    // `%R` is EndNote's "electronic resource number": a DOI, bare or as an address.
    if let Some(doi) = first(&["%R"]).and_then(|r| r.parse::<Doi>().ok()) {
        entry.doi = Some(MaybeTyped::Typed(doi));
        entry.set_origin("doi", Origin::Input);
    }
    tagged::read_urls(&mut entry, values(&["%U", "%>"]));
    if entry.arxiv.is_none()
        && let Some(id) = container.as_deref().and_then(tagged::arxiv_named_in)
    {
        entry.arxiv = Some(MaybeTyped::Typed(id));
        entry.set_origin("arxiv", Origin::Input);
    }
    let status_written = tagged::read_notes(&mut entry, values(&["%Z", "%O"]));
    // `%@` holds an ISBN or an ISSN (`0734-2071`).
    if let Some(number) = first(&["%@"]) {
        let issn = number.len() == 9 && number.as_bytes()[4] == b'-';
        let name = if issn { "issn" } else { "isbn" };
        entry.details.extra.insert(name.into(), number);
    }
    for (tag, name) in [
        ("%C", "address"),
        ("%X", "abstract"),
        ("%G", "language"),
        ("%7", "edition"),
        ("%9", "type"),
    ] {
        if let Some(value) = first(&[tag]) {
            entry.details.extra.insert(name.into(), value);
        }
    }
    let keywords = values(&["%K"]);
    if !keywords.is_empty() {
        entry
            .details
            .extra
            .insert("keywords".into(), keywords.join("; "));
    }
    // Google Scholar, which writes most `.enw` files, files every NeurIPS or
    // ICML paper as a journal article: a known conference or workshop outranks it.
    let declared = match declared {
        Some(EntryKind::Article)
            if known
                .is_some_and(|v| matches!(v.kind, VenueKind::Conference | VenueKind::Workshop)) =>
        {
            Some(EntryKind::Inproceedings)
        }
        other => other,
    };
    tagged::finish_kind(&mut entry, declared, known, status_written);
    entry
}

#[cfg(test)]
mod tests {
    use super::*;
    use paperlist_model::Status;

    fn read(text: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
        parse(&Arc::from(text), "x.enw")
    }

    #[test]
    fn google_scholar_records() {
        let (entries, diagnostics) = read(concat!(
            "%0 Journal Article\n",
            "%T Attention is all you need\n",
            "%A Vaswani, Ashish\n",
            "%A Shazeer, Noam\n",
            "%J Advances in neural information processing systems\n",
            "%V 30\n",
            "%D 2017\n",
            "\n",
            "%0 Journal Article\n",
            "%T Language models are few-shot learners\n",
            "%A Brown, Tom B\n",
            "%J arXiv preprint arXiv:2005.14165\n",
            "%D 2020\n",
        ));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(entries.len(), 2);
        let attention = &entries[0];
        // Scholar files NeurIPS papers as journal articles.
        assert_eq!(attention.kind, EntryKind::Inproceedings);
        assert_eq!(attention.venue.as_deref(), Some("NeurIPS"));
        assert_eq!(attention.year, Some(2017));
        assert_eq!(attention.authors[1].name(), "Noam Shazeer");
        assert_eq!(attention.details.volume.as_deref(), Some("30"));
        assert_eq!(attention.source.line, 1);
        assert_eq!(attention.source.end_line, Some(7));
        let gpt3 = &entries[1];
        assert_eq!(gpt3.kind, EntryKind::Preprint);
        assert_eq!(gpt3.status, Status::Preprint);
        assert_eq!(
            gpt3.arxiv().map(ToString::to_string).as_deref(),
            Some("2005.14165")
        );
        assert_eq!(gpt3.source.line, 9);
    }

    #[test]
    fn endnote_export_fields() {
        let (entries, diagnostics) = read(concat!(
            "%0 Book Section\r\n",
            "%A Lamport, Leslie\r\n",
            "%E Malkhi, Dahlia\r\n",
            "%T Time, clocks, and the ordering of events in a distributed system\r\n",
            "%B Concurrency: the Works of Leslie Lamport\r\n",
            "%I Association for Computing Machinery\r\n",
            "%C New York, NY, USA\r\n",
            "%P 179-196\r\n",
            "%8 October 2019\r\n",
            "%R 10.1145/3335772.3335934\r\n",
            "%U https://doi.org/10.1145/3335772.3335934\r\n",
            "%K clocks\r\n",
            "%K ordering\r\n",
            "%X An abstract that EndNote\r\n",
            "wraps onto a second line.\r\n",
            "%Z Best Paper Award\r\n",
        ));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let entry = &entries[0];
        assert_eq!(entry.kind, EntryKind::Chapter);
        assert_eq!(entry.details.editors[0].family(), Some("Malkhi"));
        assert_eq!(
            entry.doi().map(ToString::to_string).as_deref(),
            Some("10.1145/3335772.3335934")
        );
        assert_eq!(entry.year, Some(2019));
        assert_eq!(entry.details.extra["month"], "10");
        assert_eq!(entry.details.extra["keywords"], "clocks; ordering");
        assert_eq!(entry.details.extra["address"], "New York, NY, USA");
        assert_eq!(
            entry.details.extra["abstract"],
            "An abstract that EndNote wraps onto a second line."
        );
        assert_eq!(entry.details.awards, ["Best Paper Award"]);
        assert_eq!(entry.url, None, "the DOI's address is the DOI");
    }

    #[test]
    fn broken_records_are_diagnostics_with_their_lines() {
        let (entries, diagnostics) = read(concat!(
            "Exported from EndNote\n",
            "\n",
            "%0 Journal Article\n",
            "%A Doe, Jane\n",
            "%0 Journal Article\n",
            "%T Records without a blank line between them\n",
        ));
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].source.line, 5);
        let lines: Vec<(Option<u32>, &str)> = diagnostics
            .iter()
            .map(|d| (d.line, d.code.as_str()))
            .collect();
        assert_eq!(lines, [(Some(1), "refer-line"), (Some(3), "refer-record")]);
    }

    #[test]
    fn detection() {
        assert!(looks_like_refer("\n%0 Journal Article\n%T x\n"));
        assert!(looks_like_refer("%A Doe, Jane\n%T x\n"));
        assert!(!looks_like_refer(
            "% a LaTeX comment\n\\documentclass{article}\n"
        ));
        assert!(!looks_like_refer("%0 alone\n# Heading\n"));
        assert!(!looks_like_refer("100% sure\n"));
    }
}
