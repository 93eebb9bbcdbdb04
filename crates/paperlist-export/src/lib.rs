//! Exporters from a [`paperlist_model::Library`] to the formats researchers use:
//! BibTeX and BibLaTeX ([`bibtex`]), CSL-JSON ([`csl`]), RIS ([`ris`]), Markdown
//! ([`markdown`]), CSV ([`csv`]) and paperlist JSON ([`json`]).
//!
//! Each exporter is a pure function from a library and options to a string; only
//! the CLI writes files.
//!
//! ```
//! use paperlist_model::{Entry, EntryKind, Library, Person};
//! use paperlist_export::ris::{to_ris, RisOptions};
//!
//! let library = Library {
//!     entries: vec![Entry {
//!         kind: EntryKind::Inproceedings,
//!         title: "Ray: A Distributed Framework for Emerging AI Applications".into(),
//!         authors: vec![Person::new("Philipp Moritz")],
//!         venue: Some("OSDI".into()),
//!         year: Some(2018),
//!         ..Entry::default()
//!     }],
//!     diagnostics: vec![],
//! };
//! let ris = to_ris(&library, &RisOptions::default());
//! assert!(ris.starts_with("TY  - CONF\nID  - moritz2018ray\nAU  - Moritz, Philipp\n"));
//! ```

#![deny(missing_docs)]

pub mod bibtex;
mod common;
pub mod csl;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod ris;

pub use common::export_keys;
