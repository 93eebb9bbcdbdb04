//! Parsers that turn the publication lists people write (Markdown reading lists,
//! homepages, CVs, HTML pages, BibTeX, CSL-JSON) into a [`paperlist_model::Library`].
//!
//! Each format will be a pure function from text to entries and diagnostics that
//! never panics and never fails on bad input. Nothing is implemented yet: the
//! parsers arrive with their own issue.

#![deny(missing_docs)]
