//! Styled text: a string plus the ranges that were bold, italic, underlined or
//! links in the input. Every input format (Markdown, HTML, plain text) is lowered
//! into lines of styled text, so the entry rules see one representation.

use std::borrow::Cow;
use std::ops::Range;

/// What a range of text was marked as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mark {
    Strong,
    Emphasis,
    Underline,
    Link(String),
}

/// A string with marked ranges (byte offsets into `text`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Styled {
    pub text: String,
    pub marks: Vec<(Range<usize>, Mark)>,
}

impl Styled {
    /// Cuts the text to `len` bytes, and its marks with it.
    pub fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        self.marks.retain_mut(|(range, _)| {
            range.end = range.end.min(len);
            range.start < range.end
        });
    }

    #[cfg(test)]
    pub fn plain(text: &str) -> Styled {
        Styled::from_text(text.to_owned())
    }

    /// Text without marks.
    pub fn from_text(text: String) -> Styled {
        Styled {
            text,
            marks: Vec::new(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The part of the text in `range`, with the marks that overlap it.
    pub fn slice(&self, range: Range<usize>) -> Styled {
        let start = floor_char_boundary(&self.text, range.start.min(self.text.len()));
        let end = floor_char_boundary(&self.text, range.end.min(self.text.len())).max(start);
        let marks = self
            .marks
            .iter()
            .filter(|(r, _)| r.start < end && r.end > start)
            .map(|(r, m)| {
                (
                    r.start.max(start) - start..r.end.min(end) - start,
                    m.clone(),
                )
            })
            .filter(|(r, _)| !r.is_empty())
            .collect();
        Styled {
            text: self.text[start..end].to_owned(),
            marks,
        }
    }

    /// The part of the text in `range`, reusing this text when the range is all of it.
    pub fn into_slice(self, range: Range<usize>) -> Styled {
        if range.start == 0 && range.end >= self.text.len() {
            self
        } else {
            self.slice(range)
        }
    }

    /// Where the text is left once surrounding whitespace and `extra` are trimmed.
    fn trimmed_range(&self, extra: &[char]) -> Range<usize> {
        let is_trim = |c: char| c.is_whitespace() || extra.contains(&c);
        let start = self.text.len() - self.text.trim_start_matches(is_trim).len();
        let end = self.text.trim_end_matches(is_trim).len().max(start);
        start..end
    }

    /// Without surrounding whitespace and the given punctuation.
    pub fn trim_matches(&self, extra: &[char]) -> Styled {
        self.slice(self.trimmed_range(extra))
    }

    /// [`Styled::trim_matches`], reusing this text when there is nothing to trim.
    pub fn into_trimmed(self, extra: &[char]) -> Styled {
        let range = self.trimmed_range(extra);
        self.into_slice(range)
    }

    pub fn trim(&self) -> Styled {
        self.trim_matches(&[])
    }

    /// Appends another piece, shifting its marks.
    pub fn push(&mut self, other: &Styled) {
        let offset = self.text.len();
        self.text.push_str(&other.text);
        self.marks.extend(
            other
                .marks
                .iter()
                .map(|(r, m)| (r.start + offset..r.end + offset, m.clone())),
        );
    }

    pub fn push_str(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// The texts of the links, in order, when the text is links and nothing
    /// else but separators (`[Code] | [Slides]`); `None` otherwise.
    pub fn only_links(&self) -> Option<Vec<&str>> {
        let mut ranges: Vec<Range<usize>> = self.links().map(|(r, _)| r).collect();
        ranges.sort_by_key(|r| r.start);
        let mut end = 0;
        let mut labels = Vec::with_capacity(ranges.len());
        for range in ranges {
            let before = self.text.get(end..range.start)?;
            if before.chars().any(char::is_alphanumeric) {
                return None;
            }
            labels.push(self.text.get(range.clone())?);
            end = range.end;
        }
        let after = self.text.get(end..)?;
        (!labels.is_empty() && !after.chars().any(char::is_alphanumeric)).then_some(labels)
    }

    /// Links, in order, as (range, url).
    pub fn links(&self) -> impl Iterator<Item = (Range<usize>, &str)> {
        self.marks.iter().filter_map(|(r, m)| match m {
            Mark::Link(url) => Some((r.clone(), url.as_str())),
            _ => None,
        })
    }

    /// Whether every non-space character of `range` carries a mark like `want`.
    pub fn covered_by(&self, range: Range<usize>, want: fn(&Mark) -> bool) -> bool {
        let covered = |i: usize| self.marks.iter().any(|(r, m)| want(m) && r.contains(&i));
        self.text[range.clone()]
            .char_indices()
            .filter(|(_, c)| {
                !c.is_whitespace() && !matches!(c, ',' | '.' | ';' | ':' | '*' | '(' | ')')
            })
            .all(|(i, _)| covered(range.start + i))
            && !self.text[range].trim().is_empty()
    }

    /// The ranges marked strong or underlined: how a page highlights its owner.
    pub fn highlighted(&self, range: Range<usize>) -> bool {
        self.covered_by(range, |m| matches!(m, Mark::Strong | Mark::Underline))
    }
}

/// What a `<sup>` holds, as the text after a name reads it: digits as
/// superscript digits (`Kwon<sup>1,2</sup>` is `Kwon¹²`), marks kept
/// (`<sup>*</sup>`, `†`), the commas, spaces, brackets and affiliation
/// letters between them gone; after a number, an ordinal's letters as they
/// are (`29<sup>th</sup>`); a word as it is, spaced (`<sup>(Oral)</sup>`).
pub(crate) fn superscript(text: &str, after_digit: bool) -> String {
    const DIGITS: [char; 10] = [
        '\u{2070}', '\u{b9}', '\u{b2}', '\u{b3}', '\u{2074}', '\u{2075}', '\u{2076}', '\u{2077}',
        '\u{2078}', '\u{2079}',
    ];
    if after_digit && text.chars().all(char::is_alphabetic) {
        return text.to_owned();
    }
    // A word in superscript (`<sup>(Oral)</sup>`, `<sup>new</sup>`) is text,
    // set apart from what it follows.
    let has_word = text
        .split(|c: char| !c.is_alphabetic())
        .any(|word| word.chars().count() >= 3);
    if has_word {
        return format!(" {text} ");
    }
    text.chars()
        .filter_map(|c| match c.to_digit(10) {
            Some(digit) => DIGITS.get(digit as usize).copied(),
            None => crate::authors::MARKERS.contains(&c).then_some(c),
        })
        .collect()
}

/// `Philipp Moritz^1, Ion Stoica^1,2`: marks written with a caret after a
/// name (a capitalised word), as superscript (`Moritz¹`, `Stoica¹²`). A comma
/// belongs to the mark only between its numbers.
pub(crate) fn caret_marks(text: &str) -> Cow<'_, str> {
    if !text.contains('^') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('^') {
        let (head, tail) = rest.split_at(at);
        let tail = &tail[1..];
        // (After a name: a capitalised word, not `x^2` or `O(n^2)`.)
        let word = head
            .rsplit(|c: char| !c.is_alphabetic() && c != '.' && c != '-')
            .next()
            .unwrap_or_default();
        let after_name = word.chars().count() >= 2
            && word.starts_with(char::is_uppercase)
            && !word.ends_with('-');
        let mut end = 0;
        for (i, c) in tail.char_indices() {
            let mark = c.is_ascii_digit() || crate::authors::MARKERS.contains(&c);
            let inner_comma =
                c == ',' && tail[i + 1..].starts_with(|n: char| n.is_ascii_digit()) && i > 0;
            if !(mark || inner_comma) {
                break;
            }
            end = i + c.len_utf8();
        }
        out.push_str(head);
        if after_name && end > 0 {
            out.push_str(&superscript(&tail[..end], false));
            rest = &tail[end..];
        } else {
            out.push('^');
            rest = tail;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The largest char boundary not after `index`.
pub(crate) fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Splits styled text at the given cuts (byte ranges, dropped); no cut gives
/// the text back as it is.
pub(crate) fn split_at_ranges(text: Styled, cuts: &[Range<usize>]) -> Cut {
    if cuts.is_empty() {
        return Cut::Whole(text);
    }
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        pieces.push(text.slice(start..cut.start));
        start = cut.end;
    }
    pieces.push(text.slice(start..text.text.len()));
    Cut::Parts(pieces)
}

/// What a stage that cuts text into fields gives back: most text passes
/// whole, and then no vector is made for it.
#[derive(Debug)]
pub(crate) enum Cut {
    Whole(Styled),
    Parts(Vec<Styled>),
}

impl From<Vec<Styled>> for Cut {
    fn from(parts: Vec<Styled>) -> Cut {
        Cut::Parts(parts)
    }
}

impl IntoIterator for Cut {
    type Item = Styled;
    type IntoIter = CutIter;

    fn into_iter(self) -> CutIter {
        match self {
            Cut::Whole(text) => CutIter::Whole(Some(text)),
            Cut::Parts(parts) => CutIter::Parts(parts.into_iter()),
        }
    }
}

/// The pieces of a [`Cut`], in order.
#[derive(Debug)]
pub(crate) enum CutIter {
    Whole(Option<Styled>),
    Parts(std::vec::IntoIter<Styled>),
}

impl Iterator for CutIter {
    type Item = Styled;

    fn next(&mut self) -> Option<Styled> {
        match self {
            CutIter::Whole(text) => text.take(),
            CutIter::Parts(parts) => parts.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_marks_are_superscripts() {
        assert_eq!(
            caret_marks("Philipp Moritz^1, Ion Stoica^1,2"),
            "Philipp Moritz\u{b9}, Ion Stoica\u{b9}\u{b2}"
        );
        assert_eq!(
            caret_marks("Doe^*, Roe^1, and Li"),
            "Doe*, Roe\u{b9}, and Li"
        );
        assert_eq!(caret_marks("x^2 + y^2 in O(n^2)"), "x^2 + y^2 in O(n^2)");
        assert_eq!(caret_marks("a ^ b"), "a ^ b");
    }

    #[test]
    fn superscripts_are_marks_ordinals_or_words() {
        assert_eq!(superscript("1,*", false), "\u{b9}*");
        assert_eq!(superscript("1, 2", false), "\u{b9}\u{b2}");
        assert_eq!(superscript("a", false), "");
        assert_eq!(superscript("th", true), "th");
        assert_eq!(superscript("(Oral)", false), " (Oral) ");
    }

    #[test]
    fn slicing_keeps_marks() {
        let styled = Styled {
            text: "**Title** and more".replace("**", ""),
            marks: vec![(0..5, Mark::Strong), (10..14, Mark::Link("u".into()))],
        };
        let tail = styled.slice(6..styled.text.len());
        assert_eq!(tail.text, "and more");
        assert_eq!(tail.marks, vec![(4..8, Mark::Link("u".into()))]);
        assert!(styled.covered_by(0..5, |m| *m == Mark::Strong));
        assert!(!styled.covered_by(0..9, |m| *m == Mark::Strong));
        let trimmed = Styled::plain("  x, ").trim_matches(&[',']);
        assert_eq!(trimmed.text, "x");
    }
}
