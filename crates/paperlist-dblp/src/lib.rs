//! DBLP for paperlist: the online search client, the dump reader and offline
//! index, candidate scoring and matching, and the merge policy.
//!
//! Nothing is implemented yet: enrichment arrives with its own issue.

#![deny(missing_docs)]
