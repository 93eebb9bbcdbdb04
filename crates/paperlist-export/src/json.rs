//! paperlist JSON v1 (the same format every command reads).

use paperlist_model::Library;

/// Writes the library as paperlist JSON.
pub fn to_json(library: &Library) -> String {
    library.to_json()
}
