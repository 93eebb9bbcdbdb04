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

/// The month an entry was published, 1 to 12, from the `month` a BibTeX file
/// gave (`jul`, `July`, `7`, `07`); `None` when there is none or it is no month.
pub fn month(entry: &Entry) -> Option<u8> {
    let written = entry
        .details
        .extra
        .get("month")?
        .trim()
        .trim_end_matches('.');
    if let Ok(number) = written.parse::<u8>() {
        return (1..=12).contains(&number).then_some(number);
    }
    paperlist_model::normalize::month_number(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_month(written: &str) -> Entry {
        let mut entry = Entry::default();
        entry.details.extra.insert("month".into(), written.into());
        entry
    }

    #[test]
    fn months_as_people_write_them() {
        for (written, expected) in [
            ("jul", Some(7)),
            ("July", Some(7)),
            ("7", Some(7)),
            ("07", Some(7)),
            ("Sept.", Some(9)),
            ("dec", Some(12)),
            ("13", None),
            ("0", None),
            ("Summer", None),
            ("ju", None),
        ] {
            assert_eq!(month(&with_month(written)), expected, "{written}");
        }
        assert_eq!(month(&Entry::default()), None);
    }
}
