//! dblp for paperlist: readers for dblp's formats, candidate scoring and
//! matching, the merge policy, and (next) the online client and offline index.
//!
//! ```
//! use paperlist_dblp::formats::parse_search_json;
//!
//! let response = r#"{"result":{"hits":{"@total":"1","hit":[{"info":{
//!     "authors":{"author":[{"@pid":"185/0634","text":"Philipp Moritz"}]},
//!     "title":"Ray: A Distributed Framework for Emerging AI Applications.",
//!     "venue":"OSDI","year":"2018","type":"Conference and Workshop Papers",
//!     "key":"conf/osdi/MoritzNWTLLEYPJ18"}}]}}}"#;
//! let results = parse_search_json(response).unwrap();
//! assert_eq!(results.hits[0].title, "Ray: A Distributed Framework for Emerging AI Applications");
//! ```

#![deny(missing_docs)]

pub mod client;
pub mod enrich;
mod entities;
#[cfg(feature = "fake")]
pub mod fake;
pub mod formats;
pub mod input;
pub mod matcher;
pub mod merge;
pub mod record;

pub use client::{
    ClientOptions, DblpClient, RecordSource, ResponseFormat, SourceError, StatsSnapshot,
};
pub use enrich::{EnrichOptions, EnrichReport, EntryReport, enrich};
pub use formats::{FormatError, SearchResults};
pub use record::{DblpPerson, DblpRecord, RecordKind};
