//! MEDLINE, as PubMed's "Save" and "Send to: Citation manager" write it
//! (`.nbib`, `pubmed-*.txt`): a tag of up to four capitals padded to four,
//! `- `, the value; values wrap onto lines indented by six spaces; a blank
//! line between records, each starting with its `PMID`:
//!
//! ```text
//! PMID- 26017442
//! TI  - Deep learning.
//! PG  - 436-44
//! FAU - LeCun, Yann
//! AU  - LeCun Y
//! AD  - Facebook AI Research, 770 Broadway, New York, New York 10003 USA.
//! ```
//!
//! Each author is an `FAU` (full name), its `AU` (Vancouver form) and the
//! `AD` (affiliation) and `AUID` (ORCID) lines after it.

use std::sync::Arc;

use paperlist_model::venue;
use paperlist_model::{Diagnostic, Doi, Entry, EntryKind, MaybeTyped, Origin, Person};

use crate::authors;
use crate::tagged::{self, Record, Syntax};

/// `TI  - Title`, `PMID- 123`: the tag left-aligned in four columns, then `- `.
fn tag_of(line: &str) -> Option<(&str, &str)> {
    let head = line.get(..4)?;
    let tag = head.trim_end_matches(' ');
    let tag_ok = tag.len() >= 2
        && tag
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let value = line[4..].strip_prefix('-')?;
    if !tag_ok || !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    Some((tag, value.trim()))
}

const SYNTAX: Syntax = Syntax {
    name: "medline",
    tag_of,
    opener: "PMID",
    continues: |line| line.starts_with(' '),
};

/// Whether text is MEDLINE: its first line with text is a `PMID` tag.
pub(crate) fn looks_like_medline(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .find(|line| !line.trim().is_empty())
        .and_then(tag_of)
        .is_some_and(|(tag, _)| tag == "PMID")
}

/// Parses MEDLINE text.
pub(crate) fn parse(text: &Arc<str>, file: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let (records, mut diagnostics) = tagged::blank_line_records(text, file, &SYNTAX);
    let entries = tagged::entries_of(
        text,
        file,
        records,
        convert,
        "medline-record",
        "TI or BTI",
        &mut diagnostics,
    );
    (entries, diagnostics)
}

/// The record's authors in order, each with the affiliation and ORCID
/// written after them. Full names (`FAU`) where the record has them, else
/// the Vancouver ones (`AU  - Kohl SAA`); a group (`CN`) is a literal name.
fn people(record: &Record, full: &str, short: &str, group: Option<&str>) -> Vec<Person> {
    let has_full = record.tags.iter().any(|(tag, _)| tag == full);
    let mut people: Vec<Person> = Vec::new();
    // Whether the last person may still take an affiliation or an ORCID.
    let mut open = false;
    for (tag, value) in &record.tags {
        let value = value.trim();
        match tag.as_str() {
            tag if (tag == full && has_full) || (tag == short && !has_full) => {
                let person = match authors::vancouver_name(value) {
                    Some((family, initials)) if !has_full => {
                        authors::vancouver_person(family, initials)
                    }
                    _ => Person::new(value),
                };
                people.push(person);
                open = true;
            }
            tag if Some(tag) == group => {
                people.push(Person::literal(value.trim_end_matches('.')));
                open = true;
            }
            "AD" if open => {
                if let Some(person) = people.last_mut()
                    && person.affiliation.is_none()
                {
                    person.affiliation = Some(affiliation(value).into());
                }
            }
            "AUID" if open => {
                // `ORCID: 0000-0002-1825-0097`, or its address.
                let orcid = value
                    .strip_prefix("ORCID:")
                    .map(|id| id.trim().trim_start_matches("https://orcid.org/"));
                if let Some(person) = people.last_mut()
                    && let Some(orcid) = orcid
                {
                    person.set_orcid(Some(orcid));
                }
            }
            tag if tag == short => {}
            // Any other tag ends the author's lines.
            _ => open = false,
        }
    }
    people
}

/// An affiliation without the e-mail address MEDLINE appends to it and the
/// final period: `DeepMind, London, UK. jumper@deepmind.com.` is `DeepMind,
/// London, UK`. Of numbered affiliations (`1] A. [2] B.`), the first.
fn affiliation(text: &str) -> &str {
    // `1] Facebook AI Research, ... [2] New York University, ...`: the first.
    let text = text.trim();
    let text = match text
        .strip_prefix("1] ")
        .or_else(|| text.strip_prefix("[1] "))
    {
        Some(first) => first.split(" [2]").next().unwrap_or(first),
        None => text,
    };
    let text = text.trim().trim_end_matches('.');
    let text = match text.rsplit_once(' ') {
        Some((before, last)) if last.contains('@') => before,
        _ => text,
    };
    let text = text.trim_end().trim_end_matches([',', ';', '.']);
    text.strip_suffix(" Electronic address:")
        .unwrap_or(text)
        .trim_end_matches([',', '.', ' '])
}

/// A journal's name as NLM writes it, in sentence case (`Journal of
/// molecular biology`), with its words capitalised as a bibliography writes
/// them (`Journal of Molecular Biology`). A name with capitals inside
/// (`Proceedings of the National Academy ...`, `PloS one`) is kept as written.
fn journal_case(name: &str) -> String {
    const SMALL: &[&str] = &[
        "a", "an", "and", "at", "de", "der", "des", "du", "et", "for", "in", "la", "of", "on",
        "the", "to", "und",
    ];
    let capitals_inside = name
        .split_whitespace()
        .skip(1)
        .any(|word| word.starts_with(char::is_uppercase));
    if capitals_inside {
        return name.to_owned();
    }
    name.split(' ')
        .enumerate()
        .map(|(i, word)| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) if i == 0 || !SMALL.contains(&word) => {
                    first.to_uppercase().chain(chars).collect()
                }
                _ => word.to_owned(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// A DOI written `10.1038/nature14539 [doi]` (`LID`, `AID`).
fn marked_doi(value: &str) -> Option<Doi> {
    value.strip_suffix("[doi]")?.trim().parse().ok()
}

fn convert(record: &Record) -> Entry {
    let values = |tags: &[&str]| record.values(tags);
    let first = |tags: &[&str]| record.first(tags);
    let mut entry = Entry::default();
    let book = first(&["BTI"]);
    entry.title = first(&["TI"])
        .or_else(|| book.clone())
        .map(|t| t.trim_end_matches('.').into())
        .unwrap_or_default();
    entry.set_origin("title", Origin::Input);
    entry.authors = people(record, "FAU", "AU", Some("CN"));
    if !entry.authors.is_empty() {
        entry.set_origin("authors", Origin::Input);
    }
    entry.details.editors = people(record, "FED", "ED", None);
    // `DP  - 2015 May 28`: the date of publication.
    let date = first(&["DP"]).or_else(|| first(&["DEP"]));
    entry.year = date.as_deref().and_then(venue::year_in);
    if entry.year.is_some() {
        entry.set_origin("year", Origin::Input);
    }
    if let Some(month) = date.as_deref().and_then(tagged::month_in) {
        entry
            .details
            .extra
            .insert("month".into(), month.to_string());
    }
    // `JT  - Bioinformatics (Oxford, England)`: the place tells journals of
    // one name apart; `TA` is the NLM abbreviation (`J Mol Biol`).
    let journal = first(&["JT"]).map(|title| match title.rsplit_once(" (") {
        Some((name, _)) if title.ends_with(')') => journal_case(name),
        _ => journal_case(&title),
    });
    let abbreviation = first(&["TA"]);
    // Journals' names as written, whole: `Nature methods` names no `Nature`.
    let known = journal
        .as_deref()
        .and_then(venue::lookup)
        .or_else(|| abbreviation.as_deref().and_then(venue::lookup));
    let container = if entry.title.as_str() == book.as_deref().unwrap_or_default() {
        journal.clone().or(abbreviation)
    } else {
        // A chapter: the book it is in.
        book.clone().or(journal.clone()).or(abbreviation)
    };
    entry.venue = known.map(|v| v.short.to_owned()).or(container);
    if entry.venue.is_some() {
        entry.set_origin("venue", Origin::Input);
    }
    entry.details.pages = first(&["PG"]).map(|pages| MaybeTyped::parse(&pages));
    entry.details.volume = first(&["VI"]);
    entry.details.number = first(&["IP"]);
    entry.details.publisher = first(&["PB"]);
    if let Some(doi) = values(&["LID", "AID"])
        .iter()
        .find_map(|value| marked_doi(value))
    {
        entry.doi = Some(MaybeTyped::Typed(doi));
        entry.set_origin("doi", Origin::Input);
    }
    if let Some(pmid) = first(&["PMID"]) {
        entry.url = Some(format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"));
        entry.details.extra.insert("pmid".into(), pmid);
    }
    for (tag, name) in [
        ("PMC", "pmcid"),
        ("AB", "abstract"),
        ("IS", "issn"),
        ("ISBN", "isbn"),
    ] {
        // `IS  - 1476-4687 (Electronic)`: the number without its medium.
        if let Some(value) = first(&[tag]) {
            let value = match value.split_once(" (") {
                Some((number, _)) if tag == "IS" => number.to_owned(),
                _ => value,
            };
            entry.details.extra.insert(name.into(), value);
        }
    }
    let keywords = values(&["OT"]);
    if !keywords.is_empty() {
        entry
            .details
            .extra
            .insert("keywords".into(), keywords.join("; "));
    }
    let types = values(&["PT"]);
    let declared = if types.iter().any(|t| t == "Preprint") {
        Some(EntryKind::Preprint)
    } else if book.is_some() {
        Some(
            if entry.title.as_str() == book.as_deref().unwrap_or_default() {
                EntryKind::Book
            } else {
                EntryKind::Chapter
            },
        )
    } else if journal.is_some() || !types.is_empty() {
        Some(EntryKind::Article)
    } else {
        None
    };
    tagged::finish_kind(&mut entry, declared, known, false);
    entry
}

#[cfg(test)]
mod tests {
    use super::*;
    use paperlist_model::Status;

    fn read(text: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
        parse(&Arc::from(text), "x.nbib")
    }

    #[test]
    fn pubmed_records() {
        let (entries, diagnostics) = read(concat!(
            "PMID- 19451168\n",
            "OWN - NLM\n",
            "DP  - 2009 Jul 15\n",
            "TI  - Fast and accurate short read alignment with Burrows-Wheeler\n",
            "      transform.\n",
            "PG  - 1754-60\n",
            "LID - 10.1093/bioinformatics/btp324 [doi]\n",
            "FAU - Li, Heng\n",
            "AU  - Li H\n",
            "AD  - Wellcome Trust Sanger Institute, Wellcome Trust Genome Campus, Cambridge,\n",
            "      CB10 1SA, UK.\n",
            "FAU - Durbin, Richard\n",
            "AU  - Durbin R\n",
            "LA  - eng\n",
            "PT  - Journal Article\n",
            "TA  - Bioinformatics\n",
            "JT  - Bioinformatics (Oxford, England)\n",
            "IS  - 1367-4811 (Electronic)\n",
            "VI  - 25\n",
            "IP  - 14\n",
            "PMC - PMC2705234\n",
            "\n",
            "PMID- 2231712\n",
            "TI  - Basic local alignment search tool.\n",
            "AU  - Altschul SF\n",
            "AU  - Gish W\n",
            "DP  - 1990 Oct 5\n",
            "TA  - J Mol Biol\n",
            "JT  - Journal of molecular biology\n",
        ));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(entries.len(), 2);
        let bwa = &entries[0];
        assert_eq!(
            bwa.title,
            "Fast and accurate short read alignment with Burrows-Wheeler transform"
        );
        assert_eq!(bwa.kind, EntryKind::Article);
        assert_eq!(bwa.venue.as_deref(), Some("Bioinformatics"));
        assert_eq!(bwa.details.extra["issn"], "1367-4811");
        assert_eq!(bwa.year, Some(2009));
        assert_eq!(bwa.details.extra["month"], "7");
        assert_eq!(
            bwa.details
                .pages
                .as_ref()
                .map(ToString::to_string)
                .as_deref(),
            Some("1754-1760")
        );
        assert_eq!(
            bwa.doi().map(ToString::to_string).as_deref(),
            Some("10.1093/bioinformatics/btp324")
        );
        assert_eq!(bwa.authors.len(), 2);
        assert_eq!(bwa.authors[0].name(), "Heng Li");
        assert_eq!(
            bwa.authors[0].affiliation.as_deref(),
            Some(
                "Wellcome Trust Sanger Institute, Wellcome Trust Genome Campus, Cambridge, CB10 1SA, UK"
            )
        );
        assert_eq!(bwa.details.extra["pmid"], "19451168");
        assert_eq!(bwa.details.extra["pmcid"], "PMC2705234");
        assert_eq!(
            bwa.url.as_deref(),
            Some("https://pubmed.ncbi.nlm.nih.gov/19451168/")
        );
        // Without full names, the Vancouver ones.
        let blast = &entries[1];
        assert_eq!(blast.authors[0].name(), "S. F. Altschul");
        assert_eq!(blast.authors[0].family(), Some("Altschul"));
        assert_eq!(blast.venue.as_deref(), Some("Journal of Molecular Biology"));
        assert_eq!(blast.source.line, 23);
    }

    #[test]
    fn preprints_books_and_groups() {
        let (entries, _) = read(concat!(
            "PMID- 1\n",
            "TI  - A preprint.\n",
            "FAU - Doe, Jane\n",
            "AUID- ORCID: https://orcid.org/0000-0002-1825-0097\n",
            "CN  - The Consortium\n",
            "PT  - Preprint\n",
            "JT  - bioRxiv : the preprint server for biology\n",
            "DP  - 2023 Jan 2\n",
            "\n",
            "PMID- 2\n",
            "TI  - A chapter.\n",
            "BTI - A Book\n",
            "FED - Roe, Richard\n",
            "PB  - National Academies Press (US)\n",
            "DP  - 2011\n",
        ));
        assert_eq!(entries[0].kind, EntryKind::Preprint);
        assert_eq!(entries[0].status, Status::Preprint);
        assert_eq!(entries[0].authors[0].orcid(), Some("0000-0002-1825-0097"));
        assert_eq!(entries[0].authors[1].name(), "The Consortium");
        assert_eq!(entries[1].kind, EntryKind::Chapter);
        assert_eq!(entries[1].venue.as_deref(), Some("A Book"));
        assert_eq!(entries[1].details.editors[0].family(), Some("Roe"));
    }

    #[test]
    fn affiliations_lose_their_addresses() {
        assert_eq!(
            affiliation("DeepMind, London, UK. jumper@deepmind.com."),
            "DeepMind, London, UK"
        );
        assert_eq!(
            affiliation("Dept. of X, Y University, Z. Electronic address: a@b.org."),
            "Dept. of X, Y University, Z"
        );
        assert_eq!(
            affiliation(
                "1] Google, Mountain View, California 94043, USA. [2] University of Toronto."
            ),
            "Google, Mountain View, California 94043, USA"
        );
    }

    #[test]
    fn broken_records_are_diagnostics_with_their_lines() {
        let (entries, diagnostics) = read(concat!(
            "PMID- 1\n",
            "TI  - Kept.\n",
            "not a tag\n",
            "\n",
            "PMID- 2\n",
            "AU  - Doe J\n",
        ));
        assert_eq!(entries.len(), 1);
        let lines: Vec<(Option<u32>, &str)> = diagnostics
            .iter()
            .map(|d| (d.line, d.code.as_str()))
            .collect();
        assert_eq!(
            lines,
            [(Some(3), "medline-line"), (Some(5), "medline-record")]
        );
    }

    #[test]
    fn detection() {
        assert!(looks_like_medline("\nPMID- 26017442\nOWN - NLM\n"));
        assert!(!looks_like_medline("TY  - JOUR\n"));
        assert!(!looks_like_medline("PMID: 26017442\n"));
    }
}
