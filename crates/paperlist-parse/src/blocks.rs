//! The block model every document format is lowered into: headings, paragraphs,
//! list items and table rows, each made of lines of styled text with their line
//! numbers and the byte range they came from.

use std::ops::Range;

use crate::styled::Styled;

/// What a block was in its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A heading of the given level (1 = top).
    Heading(u8),
    /// A paragraph of text.
    Paragraph,
    /// A list item (all its paragraphs).
    ListItem,
    /// A table row; `header` holds the table's column names.
    TableRow { header: Vec<String> },
    /// A paragraph quoted outside any list item (Markdown's `> ...`): a
    /// list's note or description, no entry.
    Quote,
}

/// One line of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub text: Styled,
    /// 1-based line number in the input.
    pub number: u32,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: BlockKind,
    pub lines: Vec<Line>,
    /// Table cells (table rows only).
    pub cells: Vec<Styled>,
    /// Byte range in the input.
    pub span: Range<usize>,
}

impl Block {
    pub fn first_line(&self) -> u32 {
        self.lines.first().map_or(0, |l| l.number)
    }

    pub fn last_line(&self) -> u32 {
        self.lines.last().map_or(0, |l| l.number)
    }

    /// The block's text, lines joined with spaces.
    pub fn joined(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.text.text.trim())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Maps byte offsets to 1-based line numbers.
///
/// Line starts are kept as `u32` (a document under 4 GiB, as all are), half
/// the size of `usize` offsets: the index lives as long as the parse.
#[derive(Debug)]
pub(crate) struct LineIndex {
    starts: Starts,
}

#[derive(Debug)]
enum Starts {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        // Sized exactly: no doubling slack while the document is read.
        let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        let starts = if u32::try_from(text.len()).is_ok() {
            let mut narrow = Vec::with_capacity(lines);
            narrow.extend(starts.map(|i| i as u32));
            Starts::Narrow(narrow)
        } else {
            Starts::Wide(starts.collect())
        };
        LineIndex { starts }
    }

    /// Where the line at `index` (0-based) starts.
    fn start(&self, index: usize) -> Option<usize> {
        match &self.starts {
            Starts::Narrow(starts) => starts.get(index).map(|&s| s as usize),
            Starts::Wide(starts) => starts.get(index).copied(),
        }
    }

    /// The byte range of lines `first..=last` (1-based) in `text`, without the
    /// final line end.
    pub fn line_range(&self, text: &str, first: u32, last: u32) -> Range<usize> {
        let start = self
            .start(first.saturating_sub(1) as usize)
            .unwrap_or(text.len());
        let end = self.start(last as usize).unwrap_or(text.len()).max(start);
        start..start + text[start..end].trim_end_matches(['\n', '\r']).len()
    }

    /// Where an entry read from bytes `span` of `text` came from: its first and
    /// last line and the text itself.
    pub fn source_of(
        &self,
        file: &std::sync::Arc<str>,
        text: &std::sync::Arc<str>,
        span: Range<usize>,
    ) -> paperlist_model::Source {
        let line = self.line_of(span.start);
        let end_line = self.line_of(span.end.saturating_sub(1));
        paperlist_model::Source {
            file: file.clone(),
            line,
            end_line: (end_line > line).then_some(end_line),
            section: Default::default(),
            raw: paperlist_model::Excerpt::of(text, span),
        }
    }

    pub fn line_of(&self, offset: usize) -> u32 {
        let found = match &self.starts {
            Starts::Narrow(starts) => match u32::try_from(offset) {
                Ok(offset) => starts.binary_search(&offset),
                Err(_) => Err(starts.len()),
            },
            Starts::Wide(starts) => starts.binary_search(&offset),
        };
        let index = match found {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        u32::try_from(index + 1).unwrap_or(u32::MAX)
    }
}

/// Every block a lowering gives for `source` (for the formats' tests).
#[cfg(test)]
pub(crate) fn lower_all(lower: crate::Lower, source: &str) -> Vec<Block> {
    let index = LineIndex::new(source);
    let mut all = Vec::new();
    lower(source, &index, &mut |blocks| all.extend(blocks));
    all
}

/// A course schedule's columns (`| Date | Topic | Readings |`): the one whose
/// cells are the papers to read, each line of a cell a whole reference, and
/// the one naming the class's topic, which heads them. None when the table
/// lists papers by field (a `Title` or `Authors` column).
pub(crate) fn schedule_columns(header: &[String]) -> Option<(usize, Option<usize>)> {
    let folded: Vec<String> = header
        .iter()
        .map(|name| {
            name.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let has_word = |name: &str, words: &[&str]| name.split(' ').any(|w| words.contains(&w));
    if folded.iter().any(|name| {
        has_word(
            name,
            &[
                "title",
                "author",
                "authors",
                "venue",
                "conference",
                "journal",
                "publication",
                "published",
                "year",
            ],
        )
    }) {
        return None;
    }
    // (`Paper` beside a `Date` is an awesome list's title column: only a
    // class's schedule reads papers in its rows.)
    let dated = folded
        .iter()
        .any(|name| has_word(name, &["week", "lecture", "class", "session"]));
    let readings = folded.iter().position(|name| {
        has_word(name, &["reading", "readings", "prereading"])
            || (dated && has_word(name, &["paper", "papers", "materials"]))
    })?;
    let topic = folded.iter().position(|name| {
        has_word(
            name,
            &["topic", "topics", "subject", "theme", "lecture", "session"],
        )
    });
    Some((readings, topic.filter(|&at| at != readings)))
}

/// What a line of a schedule's readings cell may hold besides papers: a dash,
/// `TBD`, `None`.
pub(crate) fn is_no_reading(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    text.chars().all(|c| !c.is_alphanumeric())
        || ["tbd", "tba", "none", "n/a", "no reading", "no readings"]
            .iter()
            .any(|word| text.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn a_schedule_reads_papers_in_its_readings_column() {
        assert_eq!(
            schedule_columns(&header(&["Date", "Topic", "Readings", "Presenter"])),
            Some((2, Some(1)))
        );
        assert_eq!(
            schedule_columns(&header(&["Week", "Required Reading"])),
            Some((1, None))
        );
        assert_eq!(
            schedule_columns(&header(&["Lecture", "Papers"])),
            Some((1, Some(0)))
        );
        // A list of papers by field, and an awesome list's dated table.
        assert_eq!(
            schedule_columns(&header(&["Title", "Authors", "Reading"])),
            None
        );
        assert_eq!(
            schedule_columns(&header(&["Date", "Keywords", "Paper", "Publication"])),
            None
        );
        assert_eq!(schedule_columns(&header(&["Date", "Paper"])), None);
        assert!(is_no_reading("—"));
        assert!(is_no_reading("TBD"));
        assert!(!is_no_reading("Lamport. Paxos Made Simple. 2001."));
    }
}
