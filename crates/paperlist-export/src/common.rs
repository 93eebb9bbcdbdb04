//! What every exporter shares: export keys and venue names.

use paperlist_model::citekey::{KeyScheme, assign_keys};
use paperlist_model::venue::{self, VenueKind};
use paperlist_model::{Entry, Library};

/// The citation keys entries get in an export: the scheme's keys, unique in
/// the file. With the default scheme an entry's own key is kept (so keys in a
/// user's .bib survive); with `dblp` the dblp key is used where known.
pub fn export_keys(library: &Library, scheme: KeyScheme) -> Vec<String> {
    let mut entries: Vec<Entry> = library
        .entries
        .iter()
        .map(|e| {
            let mut entry = Entry {
                key: if scheme == KeyScheme::AuthorYearTitle && is_usable_key(&e.key) {
                    e.key.clone()
                } else {
                    paperlist_model::CompactString::default()
                },
                title: e.title.clone(),
                authors: e.authors.first().cloned().into_iter().collect(),
                year: e.year,
                ..Entry::default()
            };
            entry.details.dblp_key.clone_from(&e.details.dblp_key);
            entry
        })
        .collect();
    assign_keys(&mut entries, scheme, false);
    entries.into_iter().map(|e| e.key.into()).collect()
}

/// Whether a key can stand in a BibTeX file as it is.
fn is_usable_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_:-./+".contains(c))
}

/// The container to name for an entry: the registry's full name with its
/// short name (`USENIX Symposium on Operating Systems Design and Implementation
/// (OSDI)`), or the venue as written.
pub fn container_title(entry: &Entry) -> Option<String> {
    let written = entry.venue.as_deref()?;
    match venue::by_short(written) {
        Some(known) if matches!(known.kind, VenueKind::Preprint | VenueKind::Journal) => {
            Some(known.name.to_owned())
        }
        Some(known) if known.name != known.short => {
            Some(format!("{} ({})", known.name, known.short))
        }
        Some(known) => Some(known.name.to_owned()),
        None => Some(written.to_owned()),
    }
}

/// The registry venue of an entry, if its venue is one.
pub fn known_venue(entry: &Entry) -> Option<&'static paperlist_model::Venue> {
    entry.venue.as_deref().and_then(venue::by_short)
}
