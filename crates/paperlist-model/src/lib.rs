//! The paperlist data model: the one set of types every stage reads and writes.
//!
//! A [`Library`] holds [`Entry`]s (with [`Person`]s, typed identifiers such as
//! [`Doi`], [`DblpKey`] and [`ArxivId`], a [`Source`] and per-field provenance)
//! and the [`Diagnostic`]s raised about them. It serialises to paperlist JSON
//! version 1, whose schema is `docs/paperlist.schema.json`. The [`venue`]
//! registry and the [`normalize`] functions are shared by parsing, matching,
//! deduplication and export.
//!
//! This crate does no I/O: no files, no network, no terminal.
//!
//! ```
//! use paperlist_model::{Doi, Entry, Library, Person};
//!
//! let mut library = Library::new();
//! library.entries.push(Entry {
//!     title: "Ray: A Distributed Framework for Emerging AI Applications".into(),
//!     authors: vec![Person::new("Philipp Moritz"), Person::new("Ion Stoica")],
//!     venue: paperlist_model::venue::lookup("OSDI '18").map(|v| v.short.to_owned()),
//!     year: Some(2018),
//!     ..Entry::default()
//! });
//! library.assign_keys(Default::default());
//! assert_eq!(library.entries[0].key, "moritz2018ray");
//!
//! let json = library.to_json();
//! assert_eq!(Library::from_json(&json).unwrap(), library);
//! assert_eq!("https://doi.org/10.1145/X.Y".parse::<Doi>().unwrap().as_str(), "10.1145/X.Y");
//! ```

#![deny(missing_docs)]

pub mod citekey;
mod diagnostic;
mod entry;
mod excerpt;
pub mod ident;
mod library;
pub mod normalize;
mod person;
pub mod venue;

pub use compact_str::CompactString;
pub use diagnostic::{Diagnostic, Severity};
pub use entry::{
    Candidate, Details, DetailsBox, Entry, EntryKind, Link, LinkKind, MatchResult, MatchStatus,
    Origin, Provenance, ScoreBreakdown, Source, Status,
};
pub use excerpt::Excerpt;
pub use ident::{ArxivId, DblpKey, Doi, IdentError, MaybeTyped, PageRange};
pub use library::{FORMAT_VERSION, Library};
pub use person::{NameAgreement, NameKey, Person, looks_like_organization};
pub use venue::{Venue, VenueKind};
