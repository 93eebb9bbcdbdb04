//! Citation keys: `{first author family}{year}{first significant title word}`
//! (`moritz2018ray`) or dblp's own (`DBLP:conf/osdi/MoritzNWTLLEYPJ18`), unique
//! within a library.

use std::hash::BuildHasher;

use compact_str::{CompactString, format_compact};
use foldhash::HashMap;
use hashbrown::HashTable;
use std::fmt;
use std::str::FromStr;

use crate::entry::Entry;
use crate::normalize::{fold, normalize_title};

/// How citation keys are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyScheme {
    /// `moritz2018ray`: first author's family name, year, first significant title word.
    #[default]
    AuthorYearTitle,
    /// `DBLP:conf/osdi/MoritzNWTLLEYPJ18` when the dblp key is known, else as
    /// [`KeyScheme::AuthorYearTitle`].
    Dblp,
}

impl FromStr for KeyScheme {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "author-year-title" | "default" => Ok(KeyScheme::AuthorYearTitle),
            "dblp" => Ok(KeyScheme::Dblp),
            other => Err(format!(
                "unknown key scheme {other:?} (expected author-year-title or dblp)"
            )),
        }
    }
}

impl fmt::Display for KeyScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyScheme::AuthorYearTitle => "author-year-title",
            KeyScheme::Dblp => "dblp",
        })
    }
}

/// Title words that do not name a paper.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "towards", "toward", "via",
    "from", "at", "by", "is", "are",
];

fn ascii_alphanumeric(text: &str) -> String {
    fold(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The key an entry would get from `scheme`, before making it unique.
///
/// ```
/// use paperlist_model::{Entry, Person, citekey::{base_key, KeyScheme}};
/// let entry = Entry {
///     title: "Ray: A Distributed Framework for Emerging AI Applications".into(),
///     authors: vec![Person::new("Philipp Moritz")],
///     year: Some(2018),
///     ..Entry::default()
/// };
/// assert_eq!(base_key(&entry, KeyScheme::AuthorYearTitle), "moritz2018ray");
/// ```
pub fn base_key(entry: &Entry, scheme: KeyScheme) -> String {
    if scheme == KeyScheme::Dblp
        && let Some(key) = entry.dblp_key()
    {
        return format!("DBLP:{key}");
    }
    let author = entry
        .authors
        .first()
        .map(|person| ascii_alphanumeric(person.family_or_last_word()))
        .filter(|family| !family.is_empty())
        .unwrap_or_else(|| "anon".to_owned());
    let year = entry
        .year
        .map_or_else(|| "nd".to_owned(), |y| y.to_string());
    let normalized = normalize_title(&entry.title);
    let word = normalized
        .split(' ')
        .find(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .unwrap_or_default();
    format!("{author}{year}{word}")
}

/// Fills empty keys from `scheme` (all keys when `overwrite`), then makes keys
/// unique in entry order: the first holder keeps a key, later ones get `a`, `b`,
/// ... appended, as Better BibTeX does.
pub fn assign_keys(entries: &mut [Entry], scheme: KeyScheme, overwrite: bool) {
    // The keys taken so far, as the indices of the entries holding them: the
    // table copies no key (a long list's keys are a good part of its memory).
    let state = foldhash::fast::FixedState::default();
    let hash = |key: &str| state.hash_one(key);
    let mut used: HashTable<usize> = HashTable::with_capacity(entries.len());
    // Next suffix to try per wanted key, so many duplicates stay linear.
    let mut next_suffix: HashMap<CompactString, usize> = HashMap::default();
    for i in 0..entries.len() {
        if overwrite || entries[i].key.trim().is_empty() {
            entries[i].key = base_key(&entries[i], scheme).into();
        }
        let taken = |key: &str, entries: &[Entry]| {
            used.find(hash(key), |&j| entries[j].key == key).is_some()
        };
        if taken(&entries[i].key, entries) {
            let wanted = entries[i].key.clone();
            let n = next_suffix.entry(wanted.clone()).or_insert(0);
            let mut key;
            loop {
                key = format_compact!("{wanted}{}", suffix(*n));
                *n += 1;
                if !taken(&key, entries) {
                    break;
                }
            }
            entries[i].key = key;
        }
        used.insert_unique(hash(&entries[i].key), i, |&j| hash(&entries[j].key));
    }
}

/// `a`, `b`, ..., `z`, `aa`, `ab`, ...
fn suffix(mut n: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'a' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MaybeTyped, Person};

    fn entry(author: &str, year: Option<i32>, title: &str) -> Entry {
        Entry {
            title: title.into(),
            authors: if author.is_empty() {
                vec![]
            } else {
                vec![Person::new(author)]
            },
            year,
            ..Entry::default()
        }
    }

    #[test]
    fn keys_from_author_year_title() {
        let key = |e: &Entry| base_key(e, KeyScheme::AuthorYearTitle);
        assert_eq!(
            key(&entry(
                "Philipp Moritz",
                Some(2018),
                "Ray: A Distributed Framework"
            )),
            "moritz2018ray"
        );
        assert_eq!(
            key(&entry(
                "Marcel Wagenländer",
                Some(2020),
                "The KungFu system"
            )),
            "wagenlander2020kungfu"
        );
        assert_eq!(
            key(&entry("Ludwig van Beethoven", Some(1808), "On a Symphony")),
            "vanbeethoven1808symphony"
        );
        assert_eq!(
            key(&entry("Arvind", Some(2022), "Efficient Graph Mining")),
            "arvind2022efficient"
        );
        assert_eq!(key(&entry("", None, "A Paper")), "anonndpaper");
        assert_eq!(
            key(&entry(
                "Derek G. Murray",
                Some(2021),
                "tf.data: a machine learning data processing framework"
            )),
            "murray2021tf"
        );
    }

    #[test]
    fn dblp_scheme_uses_the_dblp_key() {
        let mut e = entry("Philipp Moritz", Some(2018), "Ray");
        assert_eq!(base_key(&e, KeyScheme::Dblp), "moritz2018ray");
        e.details.dblp_key = Some(MaybeTyped::Typed(
            "conf/osdi/MoritzNWTLLEYPJ18".parse().unwrap(),
        ));
        assert_eq!(
            base_key(&e, KeyScheme::Dblp),
            "DBLP:conf/osdi/MoritzNWTLLEYPJ18"
        );
    }

    #[test]
    fn keys_are_made_unique() {
        let mut entries = vec![
            entry("Zhihao Jia", Some(2019), "TASO: Optimizing"),
            entry("Zhihao Jia", Some(2019), "TASO: Optimizing again"),
            entry("Zhihao Jia", Some(2019), "TASO: third"),
            entry("Other Person", Some(2019), "Different"),
        ];
        entries[3].key = "jia2019taso".into();
        assign_keys(&mut entries, KeyScheme::AuthorYearTitle, false);
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "jia2019taso",
                "jia2019tasoa",
                "jia2019tasob",
                "jia2019tasoc"
            ]
        );
        assert_eq!(suffix(25), "z");
        assert_eq!(suffix(26), "aa");
    }
}
