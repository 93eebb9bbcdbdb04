//! Text cut from a document that many entries share, or standing alone.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A piece of a shared document: the entries read from one file keep their raw
/// text (and their title, where it is written as is) as ranges of the one copy
/// of that file, instead of a copy each. Text from elsewhere is its own
/// document (`Excerpt::from("...")`).
///
/// It reads as a `str` (it derefs to one, compares with `str` and `String`)
/// and is written to JSON as a string.
///
/// ```
/// use std::sync::Arc;
/// use paperlist_model::Excerpt;
/// let document: Arc<str> = Arc::from("Ray. OSDI 2018.\nTVM. OSDI 2018.\n");
/// let second = Excerpt::of(&document, 16..31);
/// assert_eq!(&*second, "TVM. OSDI 2018.");
/// assert_eq!(Excerpt::from("TVM. OSDI 2018."), second);
/// ```
#[derive(Clone)]
pub struct Excerpt {
    document: Arc<str>,
    start: u32,
    end: u32,
}

impl Excerpt {
    /// The text of `document[range]`, sharing the document.
    ///
    /// A range that is not a character range of the document gives empty text;
    /// a document too long for 32-bit offsets gives a copy of the range.
    pub fn of(document: &Arc<str>, range: Range<usize>) -> Excerpt {
        let Some(text) = document.get(range.clone()) else {
            return Excerpt::default();
        };
        match (u32::try_from(range.start), u32::try_from(range.end)) {
            (Ok(start), Ok(end)) => Excerpt {
                document: Arc::clone(document),
                start,
                end,
            },
            _ => Excerpt::from(text),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        self.document
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

impl Default for Excerpt {
    /// Empty text; every empty excerpt shares one empty document, so making
    /// one (as every `Entry::default()` does) allocates nothing.
    fn default() -> Excerpt {
        static EMPTY: LazyLock<Arc<str>> = LazyLock::new(|| Arc::from(""));
        Excerpt {
            document: Arc::clone(&EMPTY),
            start: 0,
            end: 0,
        }
    }
}

impl From<&str> for Excerpt {
    fn from(text: &str) -> Excerpt {
        Excerpt::from(Arc::<str>::from(text))
    }
}

impl From<String> for Excerpt {
    fn from(text: String) -> Excerpt {
        Excerpt::from(Arc::<str>::from(text))
    }
}

impl From<Arc<str>> for Excerpt {
    fn from(document: Arc<str>) -> Excerpt {
        let len = document.len();
        match u32::try_from(len) {
            Ok(end) => Excerpt {
                document,
                start: 0,
                end,
            },
            // Longer than 4 GiB: kept whole, read through `as_str` as empty
            // would lose it, so cut to the longest character boundary that fits.
            Err(_) => {
                let mut end = u32::MAX as usize;
                while !document.is_char_boundary(end) {
                    end -= 1;
                }
                Excerpt::from(&document[..end])
            }
        }
    }
}

impl Deref for Excerpt {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Excerpt {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Excerpt {
    fn eq(&self, other: &Excerpt) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Excerpt {}

impl PartialEq<str> for Excerpt {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Excerpt {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Excerpt {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Excerpt> for str {
    fn eq(&self, other: &Excerpt) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Excerpt> for &str {
    fn eq(&self, other: &Excerpt) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Excerpt> for String {
    fn eq(&self, other: &Excerpt) -> bool {
        self == other.as_str()
    }
}

impl std::hash::Hash for Excerpt {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Excerpt {
    fn partial_cmp(&self, other: &Excerpt) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Excerpt {
    fn cmp(&self, other: &Excerpt) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::borrow::Borrow<str> for Excerpt {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&String> for Excerpt {
    fn from(text: &String) -> Excerpt {
        Excerpt::from(text.as_str())
    }
}

impl From<Excerpt> for String {
    fn from(text: Excerpt) -> String {
        text.as_str().to_owned()
    }
}

impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Excerpt {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Excerpt {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Excerpt, D::Error> {
        String::deserialize(deserializer).map(Excerpt::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_the_document_and_compares_by_text() {
        let document: Arc<str> = Arc::from("αβ line one\nline two");
        let first = Excerpt::of(&document, 0..13);
        assert_eq!(first.as_str(), "αβ line one");
        assert_eq!(Arc::strong_count(&document), 2);
        assert_eq!(first, Excerpt::from("αβ line one"));
        // Not a character range: empty, no panic.
        assert_eq!(Excerpt::of(&document, 1..3).as_str(), "");
        assert_eq!(Excerpt::of(&document, 5..500).as_str(), "");
        let json = serde_json::to_string(&first).unwrap_or_default();
        assert_eq!(json, "\"αβ line one\"");
        let back: Excerpt = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, first);
    }
}
