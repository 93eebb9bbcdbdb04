//! A dblp record, as the search API, the record endpoint and the dump give it.

use paperlist_model::{ArxivId, DblpKey, Doi};

/// What kind of publication a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// `inproceedings`: a paper in proceedings.
    Inproceedings,
    /// `article`: a journal article (or, with `informal`, a CoRR preprint).
    Article,
    /// `proceedings`: a volume of proceedings.
    Proceedings,
    /// `book`.
    Book,
    /// `incollection`: a part of a book.
    Incollection,
    /// `phdthesis` or `mastersthesis`.
    Thesis,
    /// Anything else (`www`, `data`, ...).
    Other,
}

impl RecordKind {
    /// The kind of a dump/record element name.
    pub fn from_element(name: &str) -> Option<RecordKind> {
        Some(match name {
            "inproceedings" => RecordKind::Inproceedings,
            "article" => RecordKind::Article,
            "proceedings" => RecordKind::Proceedings,
            "book" => RecordKind::Book,
            "incollection" => RecordKind::Incollection,
            "phdthesis" | "mastersthesis" => RecordKind::Thesis,
            "www" | "data" => RecordKind::Other,
            _ => return None,
        })
    }

    /// The kind of a search hit's `type` text.
    pub fn from_search_type(text: &str) -> RecordKind {
        match text {
            "Conference and Workshop Papers" => RecordKind::Inproceedings,
            "Journal Articles" | "Informal and Other Publications" | "Informal Publications" => {
                RecordKind::Article
            }
            "Editorship" => RecordKind::Proceedings,
            "Books and Theses" => RecordKind::Book,
            "Parts in Books or Collections" => RecordKind::Incollection,
            _ => RecordKind::Other,
        }
    }
}

/// A person on a dblp record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DblpPerson {
    /// The name as dblp writes it, with its homonym number (`Ying Liu 0024`).
    pub name: String,
    /// dblp's person id, when given.
    pub pid: Option<String>,
    /// ORCID, when given.
    pub orcid: Option<String>,
}

impl DblpPerson {
    /// The person as paperlist keeps one: the name (its homonym number kept
    /// as the dblp name), dblp pid and ORCID.
    pub fn to_person(&self) -> paperlist_model::Person {
        let mut person = paperlist_model::Person::new(&self.name);
        person.set_dblp_pid(self.pid.as_deref());
        person.set_orcid(self.orcid.as_deref());
        person
    }
}

/// One dblp record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DblpRecord {
    /// The record key.
    pub key: DblpKey,
    /// What kind of record.
    pub kind: RecordKind,
    /// `publtype="informal"` or the search type "Informal ...": CoRR and the like.
    pub informal: bool,
    /// Title without dblp's final period.
    pub title: String,
    /// Authors in order.
    pub authors: Vec<DblpPerson>,
    /// Editors in order.
    pub editors: Vec<DblpPerson>,
    /// `booktitle` or `journal` (dblp's short forms: `OSDI`, `Proc. VLDB Endow.`, `CoRR`).
    pub venue: Option<String>,
    /// Year.
    pub year: Option<i32>,
    /// Pages as dblp writes them.
    pub pages: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue number.
    pub number: Option<String>,
    /// Publisher (books, proceedings).
    pub publisher: Option<String>,
    /// Electronic editions (`ee`), in order.
    pub ee: Vec<String>,
    /// DOI: the search API's `doi`, else the first DOI link among `ee`.
    pub doi: Option<Doi>,
    /// The record's `crossref` (its proceedings volume).
    pub crossref: Option<String>,
}

impl DblpRecord {
    /// An empty record with this key.
    pub fn new(key: DblpKey, kind: RecordKind) -> DblpRecord {
        DblpRecord {
            key,
            kind,
            informal: false,
            title: String::new(),
            authors: Vec::new(),
            editors: Vec::new(),
            venue: None,
            year: None,
            pages: None,
            volume: None,
            number: None,
            publisher: None,
            ee: Vec::new(),
            doi: None,
            crossref: None,
        }
    }

    /// Whether this is a CoRR (arXiv) record.
    pub fn is_corr(&self) -> bool {
        self.key.is_corr() || self.venue.as_deref() == Some("CoRR")
    }

    /// The arXiv paper this record is, or links to.
    pub fn arxiv(&self) -> Option<ArxivId> {
        ArxivId::from_dblp_key(&self.key)
            .or_else(|| self.ee.iter().find_map(|ee| ArxivId::from_url(ee)))
            .or_else(|| self.doi.as_ref().and_then(ArxivId::from_doi))
    }

    /// The DOI of the record, when it is not arXiv's own DOI for a CoRR record.
    pub fn publisher_doi(&self) -> Option<&Doi> {
        self.doi.as_ref().filter(|d| ArxivId::from_doi(d).is_none())
    }

    /// Fills the DOI from the `ee` links when the source gave none.
    pub(crate) fn finish(&mut self) {
        let title = self.title.trim();
        self.title = title.strip_suffix('.').unwrap_or(title).trim().to_owned();
        if self.doi.is_none() {
            self.doi = self
                .ee
                .iter()
                .find(|ee| ee.contains("doi.org/"))
                .and_then(|ee| Doi::from_url(ee));
        }
    }
}
