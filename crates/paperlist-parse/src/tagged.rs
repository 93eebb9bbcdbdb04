//! What the reference managers' tagged line formats share: RIS (`TI  - `),
//! EndNote's refer (`%T `, Google Scholar's "EndNote" button) and MEDLINE
//! (`TI  - `, PubMed's `.nbib`). Each writes a record as one tag and value per
//! line, a value running onto the lines after it; each record is one entry.
//!
//! Read by hand: these are line formats with no nesting, and the crates that
//! read them (biblib) keep no line numbers, which every diagnostic here names.

use std::sync::Arc;

use paperlist_model::normalize::collapse_whitespace;
use paperlist_model::venue::{Venue, VenueKind};
use paperlist_model::{ArxivId, Diagnostic, Doi, Entry, EntryKind, MaybeTyped, Origin, Status};

use crate::blocks::LineIndex;
use crate::fields::{FieldKind, status_or_award};

/// One record's tags as written, with the line it starts on and its span.
pub(crate) struct Record {
    pub tags: Vec<(String, String)>,
    pub first_line: u32,
    pub start: usize,
    pub end: usize,
}

impl Record {
    pub fn new(tag: &str, value: &str, first_line: u32, start: usize, end: usize) -> Record {
        Record {
            tags: vec![(tag.to_owned(), value.to_owned())],
            first_line,
            start,
            end,
        }
    }

    /// The values of any of `tags`, in the record's order, spaces collapsed,
    /// empty ones left out.
    pub fn values(&self, tags: &[&str]) -> Vec<String> {
        self.tags
            .iter()
            .filter(|(tag, _)| tags.contains(&tag.as_str()))
            .map(|(_, value)| collapse_whitespace(value))
            .filter(|value| !value.is_empty())
            .collect()
    }

    /// The first value of any of `tags`.
    pub fn first(&self, tags: &[&str]) -> Option<String> {
        self.values(tags).into_iter().next()
    }

    fn has(&self, tag: &str) -> bool {
        self.tags.iter().any(|(t, _)| t == tag)
    }
}

/// How a format writes its lines.
pub(crate) struct Syntax {
    /// The format's name in diagnostics' codes (`refer`, `medline`).
    pub name: &'static str,
    /// A line's tag and value, when it is a tag line.
    pub tag_of: fn(&str) -> Option<(&str, &str)>,
    /// The tag every record starts with (`%0`, `PMID`): seen again in the
    /// same record, it starts the next one even without a blank line.
    pub opener: &'static str,
    /// Whether a line that is no tag line continues the value before it.
    pub continues: fn(&str) -> bool,
}

/// A text's lines for the line formats: each with its number (from 1), the
/// byte range it spans (with its line end) and its text without the line end
/// and a byte-order mark.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (u32, std::ops::Range<usize>, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .enumerate()
        .map(move |(number, line)| {
            let at = offset;
            offset += line.len();
            let number = u32::try_from(number + 1).unwrap_or(u32::MAX);
            let text = line
                .trim_end_matches(['\n', '\r'])
                .trim_start_matches('\u{feff}');
            (number, at..offset, text)
        })
}

/// Reads records separated by blank lines (refer, MEDLINE). A line that is
/// neither a tag, a continuation nor blank is a diagnostic with its number.
pub(crate) fn blank_line_records(
    text: &str,
    file: &str,
    syntax: &Syntax,
) -> (Vec<Record>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut records: Vec<Record> = Vec::new();
    let mut open: Option<Record> = None;
    for (number, span, line) in lines(text) {
        let (at, offset) = (span.start, span.end);
        if line.trim().is_empty() {
            records.extend(open.take());
            continue;
        }
        match ((syntax.tag_of)(line), &mut open) {
            (Some((tag, value)), Some(record)) if !(tag == syntax.opener && record.has(tag)) => {
                record.tags.push((tag.to_owned(), value.to_owned()));
                record.end = offset;
            }
            (Some((tag, value)), _) => {
                records.extend(open.take());
                open = Some(Record::new(tag, value, number, at, offset));
            }
            (None, Some(record)) if (syntax.continues)(line) => {
                if let Some((_, value)) = record.tags.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                record.end = offset;
            }
            (None, _) => diagnostics.push(Diagnostic::warning(
                file,
                Some(number),
                &format!("{}-line", syntax.name),
                format!("line {number} is neither a tag line nor a value's continuation; skipped"),
            )),
        }
    }
    records.extend(open.take());
    (records, diagnostics)
}

/// Turns records into entries with `convert`; a record whose entry has no
/// title is a diagnostic (`code`, naming the title's tags) instead.
pub(crate) fn entries_of(
    text: &Arc<str>,
    file: &str,
    records: Vec<Record>,
    convert: impl Fn(&Record) -> Entry,
    code: &str,
    title_tags: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Entry> {
    let index = LineIndex::new(text);
    let shared_file: Arc<str> = file.into();
    let mut entries = Vec::new();
    for record in records {
        let mut entry = convert(&record);
        if entry.title.is_empty() {
            diagnostics.push(Diagnostic::warning(
                file,
                Some(record.first_line),
                code,
                format!(
                    "the record at line {} has no title ({title_tags})",
                    record.first_line
                ),
            ));
            continue;
        }
        entry.source = index.source_of(&shared_file, text, record.start..record.end);
        entries.push(entry);
    }
    diagnostics.sort_by_key(|d| d.line);
    entries
}

/// Reads a record's addresses: an arXiv one is the preprint, a DOI one the
/// DOI (nothing more when it resolves the DOI the record gave), the first
/// other one the entry's URL.
pub(crate) fn read_urls(entry: &mut Entry, urls: Vec<String>) {
    for url in urls {
        if let Some(id) = ArxivId::from_url(&url) {
            if entry.arxiv.is_none() {
                entry.arxiv = Some(MaybeTyped::Typed(id));
                entry.set_origin("arxiv", Origin::Derived);
            }
        } else if let Some(doi) = Doi::from_url(&url)
            && entry.doi.as_ref().is_none_or(|known| {
                // `https://doi.org/<the DOI>` says nothing more (a publisher's
                // page for it is a page of its own).
                let resolver = ["doi.org/", "dx.doi.org/"].iter().any(|host| {
                    let bare = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
                    bare.get(..host.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(host))
                });
                resolver
                    && known
                        .typed()
                        .is_some_and(|k| k.normalized() == doi.normalized())
            })
        {
            if entry.doi.is_none() {
                entry.doi = Some(MaybeTyped::Typed(doi));
                entry.set_origin("doi", Origin::Derived);
            }
        } else if entry.url.is_none() {
            entry.url = Some(url);
        }
    }
}

/// Reads a record's notes: one that only says the status or an award (as
/// paperlist's own exports write them) is that; the others are the note.
/// Says whether a status was written.
pub(crate) fn read_notes(entry: &mut Entry, notes: Vec<String>) -> bool {
    let mut kept = Vec::new();
    let mut status_written = false;
    for note in notes {
        match status_or_award(&note) {
            Some(FieldKind::Status(status)) => {
                entry.status = status;
                entry.set_origin("status", Origin::Input);
                status_written = true;
            }
            Some(FieldKind::Award(award)) => entry.details.awards.push(award),
            _ => kept.push(note),
        }
    }
    entry.details.note = (!kept.is_empty()).then(|| kept.join(". "));
    status_written
}

/// An arXiv identifier named in a container: Google Scholar's `arXiv
/// preprint arXiv:2001.08361`, dblp's `CoRR abs/2001.08361`.
pub(crate) fn arxiv_named_in(container: &str) -> Option<ArxivId> {
    container
        .split_whitespace()
        .filter(|word| word.contains(['.', '/']))
        .find_map(|word| word.parse::<ArxivId>().ok())
}

/// Sets the entry's kind and what follows from it: the record's own kind
/// (`declared`), else a preprint when it has an arXiv identifier and no venue
/// other than a preprint server, else misc; a thesis's publisher is its
/// school; a preprint gets its status (unless a note said another) and its
/// server as the venue when the record named none.
pub(crate) fn finish_kind(
    entry: &mut Entry,
    declared: Option<EntryKind>,
    known: Option<&Venue>,
    status_written: bool,
) {
    entry.kind = match declared {
        Some(kind) => kind,
        None if entry.arxiv.is_some() && known.is_none_or(|v| v.kind == VenueKind::Preprint) => {
            EntryKind::Preprint
        }
        None => EntryKind::Misc,
    };
    entry.publisher_as_school();
    if known.is_some_and(|v| v.kind == VenueKind::Preprint) || entry.kind == EntryKind::Preprint {
        entry.kind = EntryKind::Preprint;
        if !status_written {
            entry.status = Status::Preprint;
        }
        if entry.venue.is_none() {
            entry.venue = Some("arXiv".to_owned());
            entry.set_origin("venue", Origin::Derived);
        }
    }
}

/// The month a record's date names: `2017/05/12` (RIS, EndNote), `2021 Aug`
/// (MEDLINE), `October 2019`, `May 28, 2015`.
pub(crate) fn month_in(date: &str) -> Option<u8> {
    let mut parts = date
        .split(|c: char| !c.is_alphanumeric())
        .filter(|part| !part.is_empty());
    let numeric = date.contains(['/', '-']);
    let first = parts.next()?;
    let named = std::iter::once(first)
        .chain(parts.clone())
        .find_map(paperlist_model::normalize::month_number);
    let number = || {
        // A year, then the month's number.
        (numeric && first.len() == 4)
            .then(|| parts.next()?.parse::<u8>().ok())
            .flatten()
    };
    named
        .or_else(number)
        .filter(|month| (1..=12).contains(month))
}
