//! One bibliography entry and the small types it is made of.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use compact_str::CompactString;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::excerpt::Excerpt;
use crate::ident::{ArxivId, DblpKey, Doi, MaybeTyped, PageRange};
use crate::person::Person;

/// What kind of publication an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A paper in conference or workshop proceedings.
    Inproceedings,
    /// A journal article.
    Article,
    /// A preprint (arXiv, a report not yet published).
    Preprint,
    /// A PhD or master's thesis.
    Thesis,
    /// A book.
    Book,
    /// A chapter or part of a book or collection.
    Chapter,
    /// Anything else.
    #[default]
    Misc,
}

/// Where an entry is in its publication life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Published (the default when nothing says otherwise).
    #[default]
    Published,
    /// Accepted, to appear.
    Accepted,
    /// Submitted or under review.
    UnderReview,
    /// Available only as a preprint.
    Preprint,
}

/// What a link points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// The paper itself (PDF or publisher page).
    Paper,
    /// A PDF file.
    Pdf,
    /// Source code.
    Code,
    /// Slides.
    Slides,
    /// A talk or video.
    Video,
    /// A poster.
    Poster,
    /// A project page.
    Project,
    /// A DOI resolver link.
    Doi,
    /// An arXiv page.
    Arxiv,
    /// A dblp record.
    Dblp,
    /// A BibTeX file.
    Bibtex,
    /// Anything else.
    Other,
}

/// A link attached to an entry, with the label it had in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the link points to.
    pub kind: LinkKind,
    /// The URL.
    pub url: String,
    /// The label it had in the input, e.g. `PDF`, `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Where an entry came from: file, line, the headings above it and its raw text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The input file (`-` for standard input); shared by the entries of one file.
    pub file: Arc<str>,
    /// The 1-based line where the entry starts.
    pub line: u32,
    /// The 1-based line where it ends, when it spans several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_line: Option<u32>,
    /// The headings above the entry, outermost first, e.g. `["Paper list", "OSDI", "2018"]`.
    /// Shared by the entries under the same headings.
    #[serde(default, skip_serializing_if = "is_empty_slice")]
    pub section: Arc<[String]>,
    /// The entry's text exactly as it was in the input (a range of the
    /// document, which the entries read from it share).
    pub raw: Excerpt,
}

fn is_empty_slice(section: &Arc<[String]>) -> bool {
    section.is_empty()
}

/// Where a field's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Written in the entry itself.
    Input,
    /// Taken from context: a heading above the entry (`## OSDI`, `### 2018`).
    Context,
    /// Derived from other fields (an arXiv id read from a link, a key generated).
    Derived,
    /// Filled or corrected from dblp.
    Dblp,
}

/// The outcome of matching an entry against dblp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchStatus {
    /// One record clearly matched.
    Matched,
    /// Candidates were too close to tell, or too weak to trust: nothing was changed.
    Ambiguous,
    /// No record matched.
    Unmatched,
    /// The lookup itself failed (network, server); retrying may help.
    Failed,
}

/// The parts of a match score, each in `0.0..=1.0`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreBreakdown {
    /// Title similarity.
    pub title: f64,
    /// Author overlap (absent when the entry had no authors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authors: Option<f64>,
    /// Year agreement (absent when the entry had no year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<f64>,
    /// Venue agreement (absent when the entry had no venue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<f64>,
}

/// A dblp record considered for an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The record's key.
    pub dblp_key: DblpKey,
    /// Its title.
    pub title: String,
    /// Its score.
    pub score: f64,
    /// How the score was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<ScoreBreakdown>,
}

/// The result of matching one entry against dblp.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchResult {
    /// The decision.
    pub status: MatchStatus,
    /// The best candidate's score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The chosen record (only when matched).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dblp_key: Option<DblpKey>,
    /// The second-best candidate's score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runner_up: Option<f64>,
    /// How the best score was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<ScoreBreakdown>,
    /// The candidates, best first (kept for ambiguous decisions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
    /// Why the decision was taken, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// One publication.
///
/// Field names are the paperlist JSON contract (see `docs/paperlist.schema.json`).
///
/// A parsed list holds many entries, so the fields most of them lack (editors,
/// pages, volume, number, publisher, dblp key, awards, note, extra fields, what
/// enrichment replaced, the dblp match) live in one box, `entry.details` (see
/// [`Details`]): read through it as `entry.details.volume`; the box is made when
/// one of them is first changed. In JSON every field is flat.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// Citation key, unique within a library, e.g. `moritz2018ray` (kept
    /// inline, without an allocation, up to 24 bytes).
    pub key: CompactString,
    /// Kind of publication.
    pub kind: EntryKind,
    /// Publication status.
    pub status: Status,
    /// Title, without trailing period (a range of the document when it is
    /// written there as is).
    pub title: Excerpt,
    /// Authors in order.
    pub authors: Vec<Person>,
    /// Venue: the registry's short name when known (`OSDI`), else as written.
    pub venue: Option<String>,
    /// Publication year.
    pub year: Option<i32>,
    /// DOI (kept raw if it does not parse).
    pub doi: Option<MaybeTyped<Doi>>,
    /// arXiv identifier.
    pub arxiv: Option<MaybeTyped<ArxivId>>,
    /// The main link (title link, publisher page).
    pub url: Option<String>,
    /// Other links (PDF, code, slides, ...).
    pub links: Vec<Link>,
    /// Where the entry came from.
    pub source: Source,
    /// Where each field's value came from, by field name.
    pub provenance: Provenance,
    /// The fields most entries lack.
    pub details: DetailsBox,
}

/// The fields of an [`Entry`] that most entries of a parsed list do not have.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Details {
    /// The author list was cut short where it was written (`et al.`, `and
    /// others`, `...`): the paper has more authors than are listed.
    pub authors_truncated: bool,
    /// Editors in order (books, proceedings).
    pub editors: Vec<Person>,
    /// Pages.
    pub pages: Option<MaybeTyped<PageRange>>,
    /// Journal volume.
    pub volume: Option<String>,
    /// Journal issue number.
    pub number: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// dblp record key.
    pub dblp_key: Option<MaybeTyped<DblpKey>>,
    /// Awards, as written (`Best Paper Award`).
    pub awards: Vec<String>,
    /// A free-text note from the input.
    pub note: Option<String>,
    /// Input fields with no place of their own (BibTeX `month`, `isbn`, `abstract`, ...).
    pub extra: BTreeMap<String, String>,
    /// Input values that enrichment replaced, by field name.
    pub previous: BTreeMap<String, serde_json::Value>,
    /// The dblp match, once enriched.
    pub match_result: Option<Box<MatchResult>>,
}

/// No details: what an entry without a box of details shows.
static NO_DETAILS: Details = Details {
    authors_truncated: false,
    editors: Vec::new(),
    pages: None,
    volume: None,
    number: None,
    publisher: None,
    dblp_key: None,
    awards: Vec::new(),
    note: None,
    extra: BTreeMap::new(),
    previous: BTreeMap::new(),
    match_result: None,
};

/// The box holding an entry's [`Details`]: it reads as them (empty until one
/// is set) and is made the first time they are borrowed to change. An absent
/// box and an empty one compare equal.
#[derive(Clone, Default)]
pub struct DetailsBox(Option<Box<Details>>);

impl DetailsBox {
    fn get(&self) -> &Details {
        self.0.as_deref().unwrap_or(&NO_DETAILS)
    }
}

impl From<Details> for DetailsBox {
    fn from(details: Details) -> DetailsBox {
        DetailsBox((details != NO_DETAILS).then(|| Box::new(details)))
    }
}

impl Deref for DetailsBox {
    type Target = Details;

    fn deref(&self) -> &Details {
        self.get()
    }
}

impl DerefMut for DetailsBox {
    fn deref_mut(&mut self) -> &mut Details {
        self.0.get_or_insert_with(Box::default)
    }
}

impl PartialEq for DetailsBox {
    fn eq(&self, other: &DetailsBox) -> bool {
        self.get() == other.get()
    }
}

impl fmt::Debug for DetailsBox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.get(), f)
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// An entry as written to paperlist JSON, borrowed: every field flat, in the
/// contract's order.
#[derive(Serialize)]
struct EntryJsonRef<'a> {
    key: &'a str,
    kind: EntryKind,
    title: &'a str,
    authors: &'a [Person],
    #[serde(skip_serializing_if = "is_false")]
    authors_truncated: bool,
    #[serde(skip_serializing_if = "<[Person]>::is_empty")]
    editors: &'a [Person],
    #[serde(skip_serializing_if = "Option::is_none")]
    venue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<&'a MaybeTyped<PageRange>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    volume: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    doi: Option<&'a MaybeTyped<Doi>>,
    dblp_key: Option<&'a MaybeTyped<DblpKey>>,
    arxiv: Option<&'a MaybeTyped<ArxivId>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Link]>::is_empty")]
    links: &'a [Link],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    awards: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    extra: &'a BTreeMap<String, String>,
    source: &'a Source,
    #[serde(skip_serializing_if = "Provenance::is_empty")]
    provenance: &'a Provenance,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    previous: &'a BTreeMap<String, serde_json::Value>,
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    match_result: Option<&'a MatchResult>,
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let details = &*self.details;
        EntryJsonRef {
            key: &self.key,
            kind: self.kind,
            title: &self.title,
            authors: &self.authors,
            authors_truncated: details.authors_truncated,
            editors: &details.editors,
            venue: self.venue.as_deref(),
            year: self.year,
            status: self.status,
            pages: details.pages.as_ref(),
            volume: details.volume.as_deref(),
            number: details.number.as_deref(),
            publisher: details.publisher.as_deref(),
            doi: self.doi.as_ref(),
            dblp_key: details.dblp_key.as_ref(),
            arxiv: self.arxiv.as_ref(),
            url: self.url.as_deref(),
            links: &self.links,
            awards: &details.awards,
            note: details.note.as_deref(),
            extra: &details.extra,
            source: &self.source,
            provenance: &self.provenance,
            previous: &details.previous,
            match_result: details.match_result.as_deref(),
        }
        .serialize(serializer)
    }
}

/// An entry as read from paperlist JSON: every field flat.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryJson {
    key: CompactString,
    kind: EntryKind,
    title: Excerpt,
    #[serde(default)]
    authors: Vec<Person>,
    #[serde(default)]
    authors_truncated: bool,
    #[serde(default)]
    editors: Vec<Person>,
    #[serde(default)]
    venue: Option<String>,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    pages: Option<MaybeTyped<PageRange>>,
    #[serde(default)]
    volume: Option<String>,
    #[serde(default)]
    number: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    doi: Option<MaybeTyped<Doi>>,
    #[serde(default)]
    dblp_key: Option<MaybeTyped<DblpKey>>,
    #[serde(default)]
    arxiv: Option<MaybeTyped<ArxivId>>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    awards: Vec<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    extra: BTreeMap<String, String>,
    source: Source,
    #[serde(default)]
    provenance: Provenance,
    #[serde(default)]
    previous: BTreeMap<String, serde_json::Value>,
    #[serde(rename = "match", default)]
    match_result: Option<Box<MatchResult>>,
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entry, D::Error> {
        let json = EntryJson::deserialize(deserializer)?;
        let details = Details {
            authors_truncated: json.authors_truncated,
            editors: json.editors,
            pages: json.pages,
            volume: json.volume,
            number: json.number,
            publisher: json.publisher,
            dblp_key: json.dblp_key,
            awards: json.awards,
            note: json.note,
            extra: json.extra,
            previous: json.previous,
            match_result: json.match_result,
        };
        Ok(Entry {
            key: json.key,
            kind: json.kind,
            status: json.status,
            title: json.title,
            authors: json.authors,
            venue: json.venue,
            year: json.year,
            doi: json.doi,
            arxiv: json.arxiv,
            url: json.url,
            links: json.links,
            source: json.source,
            provenance: json.provenance,
            details: details.into(),
        })
    }
}

impl Entry {
    /// The DOI, if it parsed.
    pub fn doi(&self) -> Option<&Doi> {
        self.doi.as_ref().and_then(MaybeTyped::typed)
    }

    /// The dblp key, if it parsed.
    pub fn dblp_key(&self) -> Option<&DblpKey> {
        self.details.dblp_key.as_ref().and_then(MaybeTyped::typed)
    }

    /// The arXiv id, if it parsed.
    pub fn arxiv(&self) -> Option<&ArxivId> {
        self.arxiv.as_ref().and_then(MaybeTyped::typed)
    }

    /// The pages, if they parsed.
    pub fn pages(&self) -> Option<&PageRange> {
        self.details.pages.as_ref().and_then(MaybeTyped::typed)
    }

    /// A thesis's publisher is the university that granted it, which is
    /// where it appeared: its venue (BibTeX `school`), when it has no other.
    /// CSL and RIS name the university as the publisher.
    pub fn publisher_as_school(&mut self) {
        if self.kind == EntryKind::Thesis
            && (self.venue.is_none() || self.origin("venue") == Some(Origin::Context))
            && let Some(school) = self.details.publisher.take()
        {
            self.venue = Some(school);
            let origin = self.origin("publisher").unwrap_or(Origin::Input);
            self.set_origin("venue", origin);
            self.provenance.remove("publisher");
        }
    }

    /// Records where a field's value came from.
    pub fn set_origin(&mut self, field: &str, origin: Origin) {
        self.provenance.set(field, origin);
    }

    /// Where a field's value came from, if recorded.
    pub fn origin(&self, field: &str) -> Option<Origin> {
        self.provenance.get(field)
    }
}

/// Where each field's value came from, by field name; written as a JSON object
/// in name order.
///
/// The entry's own fields (`title`, `venue`, `doi`, ...) each have three bits
/// in one word, so recording them allocates nothing; other names (only from
/// JSON written by someone else) go to a sorted list.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    known: u64,
    other: Option<Box<OtherFields>>,
}

/// Fields without bits of their own, sorted by name.
type OtherFields = Vec<(Box<str>, Origin)>;

/// The field names with bits of their own, in name order.
const KNOWN_FIELDS: [&str; 19] = [
    "arxiv",
    "authors",
    "awards",
    "dblp_key",
    "doi",
    "editors",
    "key",
    "kind",
    "links",
    "note",
    "number",
    "pages",
    "publisher",
    "status",
    "title",
    "url",
    "venue",
    "volume",
    "year",
];

const ORIGINS: [Origin; 4] = [
    Origin::Input,
    Origin::Context,
    Origin::Derived,
    Origin::Dblp,
];

impl Provenance {
    /// Where `field`'s value came from, if recorded.
    pub fn get(&self, field: &str) -> Option<Origin> {
        match KNOWN_FIELDS.binary_search(&field) {
            Ok(slot) => self.slot(slot),
            Err(_) => {
                let other = self.other.as_deref()?;
                other
                    .binary_search_by(|(name, _)| name.as_ref().cmp(field))
                    .ok()
                    .map(|i| other[i].1)
            }
        }
    }

    /// Records (or replaces) where `field`'s value came from.
    pub fn set(&mut self, field: &str, origin: Origin) {
        match KNOWN_FIELDS.binary_search(&field) {
            Ok(slot) => {
                let code: u64 = match origin {
                    Origin::Input => 1,
                    Origin::Context => 2,
                    Origin::Derived => 3,
                    Origin::Dblp => 4,
                };
                self.known = (self.known & !(0b111 << (slot * 3))) | (code << (slot * 3));
            }
            Err(_) => {
                let other = self.other.get_or_insert_with(Box::default);
                match other.binary_search_by(|(name, _)| name.as_ref().cmp(field)) {
                    Ok(i) => other[i].1 = origin,
                    Err(i) => other.insert(i, (field.into(), origin)),
                }
            }
        }
    }

    /// Forgets where `field`'s value came from (the value was moved or dropped).
    pub fn remove(&mut self, field: &str) {
        match KNOWN_FIELDS.binary_search(&field) {
            Ok(slot) => self.known &= !(0b111 << (slot * 3)),
            Err(_) => {
                if let Some(other) = self.other.as_mut()
                    && let Ok(i) = other.binary_search_by(|(name, _)| name.as_ref().cmp(field))
                {
                    other.remove(i);
                }
            }
        }
    }

    /// The recorded fields and their origins, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Origin)> {
        let mut all: Vec<(&str, Origin)> = (0..KNOWN_FIELDS.len())
            .filter_map(|slot| Some((KNOWN_FIELDS[slot], self.slot(slot)?)))
            .chain(
                self.other
                    .iter()
                    .flat_map(|other| other.iter())
                    .map(|(name, origin)| (name.as_ref(), *origin)),
            )
            .collect();
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        all.into_iter()
    }

    /// How many fields are recorded.
    pub fn len(&self) -> usize {
        (0..KNOWN_FIELDS.len())
            .filter(|&slot| self.slot(slot).is_some())
            .count()
            + self.other.as_ref().map_or(0, |other| other.len())
    }

    /// Whether no field is recorded.
    pub fn is_empty(&self) -> bool {
        self.known == 0 && self.other.as_ref().is_none_or(|other| other.is_empty())
    }

    fn slot(&self, slot: usize) -> Option<Origin> {
        let code = (self.known >> (slot * 3)) & 0b111;
        ORIGINS
            .get(usize::try_from(code).ok()?.checked_sub(1)?)
            .copied()
    }
}

impl fmt::Debug for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: AsRef<str>> FromIterator<(K, Origin)> for Provenance {
    fn from_iter<I: IntoIterator<Item = (K, Origin)>>(iter: I) -> Provenance {
        let mut provenance = Provenance::default();
        for (field, origin) in iter {
            provenance.set(field.as_ref(), origin);
        }
        provenance
    }
}

impl Serialize for Provenance {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (field, origin) in self.iter() {
            map.serialize_entry(field, &origin)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Provenance {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Provenance, D::Error> {
        struct ProvenanceVisitor;

        impl<'de> Visitor<'de> for ProvenanceVisitor {
            type Value = Provenance;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object from field names to origins")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Provenance, A::Error> {
                let mut provenance = Provenance::default();
                while let Some((field, origin)) = map.next_entry::<String, Origin>()? {
                    provenance.set(&field, origin);
                }
                Ok(provenance)
            }
        }

        deserializer.deserialize_map(ProvenanceVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_box_reads_empty_and_is_made_on_change() {
        // A parsed list holds about one entry per 300 bytes of input.
        assert!(size_of::<Entry>() <= 320, "{}", size_of::<Entry>());
        let mut entry = Entry::default();
        assert!(entry.details.0.is_none());
        assert_eq!(entry.details.volume, None);
        assert!(entry.details.0.is_none(), "reading makes no box");
        let empty = entry.clone();
        entry.details.volume = Some("3".into());
        assert!(entry.details.0.is_some());
        assert_ne!(entry, empty);
        entry.details.volume = None;
        assert_eq!(entry, empty, "an empty box equals no box");
    }

    #[test]
    fn provenance_keeps_known_and_other_fields_in_name_order() {
        assert!(KNOWN_FIELDS.windows(2).all(|w| w[0] < w[1]), "sorted");
        let mut provenance = Provenance::default();
        assert!(provenance.is_empty());
        provenance.set("year", Origin::Context);
        provenance.set("x-custom", Origin::Derived);
        provenance.set("doi", Origin::Input);
        provenance.set("doi", Origin::Dblp);
        provenance.set("a-custom", Origin::Input);
        assert_eq!(provenance.get("doi"), Some(Origin::Dblp));
        assert_eq!(provenance.get("year"), Some(Origin::Context));
        assert_eq!(provenance.get("x-custom"), Some(Origin::Derived));
        assert_eq!(provenance.get("title"), None);
        assert_eq!(provenance.len(), 4);
        let names: Vec<&str> = provenance.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["a-custom", "doi", "x-custom", "year"]);
        let json = serde_json::to_string(&provenance).expect("serialises");
        assert_eq!(
            json,
            r#"{"a-custom":"input","doi":"dblp","x-custom":"derived","year":"context"}"#
        );
        let back: Provenance = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, provenance);
        provenance.remove("doi");
        provenance.remove("x-custom");
        provenance.remove("title");
        let names: Vec<&str> = provenance.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["a-custom", "year"]);
        assert_eq!(provenance.get("year"), Some(Origin::Context));
    }
}
