//! A library: entries in order plus the diagnostics about them, and the
//! paperlist JSON format (version 1) that carries it between stages.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::citekey::{KeyScheme, assign_keys};
use crate::diagnostic::{Diagnostic, Severity};
use crate::entry::Entry;

/// The version of paperlist JSON this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Entries in input order, and what the stages had to say about them.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(try_from = "LibraryJson")]
pub struct Library {
    /// Entries, in input order.
    pub entries: Vec<Entry>,
    /// Diagnostics, in the order they were raised.
    pub diagnostics: Vec<Diagnostic>,
}

/// The on-disk shape: `{"paperlist": 1, "entries": [...], "diagnostics": [...]}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryJson {
    paperlist: u32,
    #[serde(default)]
    entries: Vec<Entry>,
    #[serde(default)]
    diagnostics: Vec<Diagnostic>,
}

impl TryFrom<LibraryJson> for Library {
    type Error = String;

    fn try_from(json: LibraryJson) -> Result<Self, Self::Error> {
        if json.paperlist != FORMAT_VERSION {
            return Err(format!(
                "unsupported paperlist JSON version {} (this build reads version {FORMAT_VERSION})",
                json.paperlist
            ));
        }
        Ok(Library {
            entries: json.entries,
            diagnostics: json.diagnostics,
        })
    }
}

impl Serialize for Library {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Library", 3)?;
        state.serialize_field("paperlist", &FORMAT_VERSION)?;
        state.serialize_field("entries", &self.entries)?;
        state.serialize_field("diagnostics", &self.diagnostics)?;
        state.end()
    }
}

impl Library {
    /// An empty library.
    pub fn new() -> Library {
        Library::default()
    }

    /// Reads paperlist JSON. The error carries the line and column.
    pub fn from_json(text: &str) -> Result<Library, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Writes paperlist JSON, pretty-printed, with a final newline.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Appends another library's entries and diagnostics.
    pub fn extend(&mut self, other: Library) {
        self.entries.extend(other.entries);
        self.diagnostics.extend(other.diagnostics);
    }

    /// Gives every entry without a key one from `scheme`, and makes all keys
    /// unique (see [`assign_keys`]).
    pub fn assign_keys(&mut self, scheme: KeyScheme) {
        assign_keys(&mut self.entries, scheme, false);
    }

    /// How many diagnostics have the given severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}
