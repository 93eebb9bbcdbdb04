//! Exporters from a [`paperlist_model::Library`] to BibTeX, BibLaTeX, CSL-JSON,
//! RIS, Markdown, JSON and CSV.
//!
//! Each format will be a pure function from a library and options to a string.
//! Nothing is implemented yet: the exporters arrive with their own issue.

#![deny(missing_docs)]
