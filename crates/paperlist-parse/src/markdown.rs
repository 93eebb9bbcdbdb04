//! Markdown (and plain text, which is Markdown without markup) lowered into
//! blocks with pulldown-cmark: headings, paragraphs, list items and table rows,
//! keeping bold, italic, underline (`<u>`) and links as marks.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::blocks::{Block, BlockKind, Line, LineIndex};
use crate::styled::{Mark, Styled};

/// A block under construction.
struct Open {
    kind: BlockKind,
    lines: Vec<Line>,
    cells: Vec<Styled>,
    /// A table row's papers, when a cell lists several (see [`cell_papers`]).
    papers: Vec<Styled>,
    current: Styled,
    current_line: Option<u32>,
    span: Range<usize>,
}

impl Open {
    fn new(kind: BlockKind, span: Range<usize>) -> Open {
        Open {
            kind,
            lines: Vec::new(),
            cells: Vec::new(),
            papers: Vec::new(),
            current: Styled::default(),
            current_line: None,
            span,
        }
    }

    fn break_line(&mut self) {
        let text = std::mem::take(&mut self.current);
        if let Some(number) = self.current_line.take()
            && !text.is_blank()
        {
            self.lines.push(Line { text, number });
        }
    }

    fn finish(mut self, end: usize) -> Block {
        self.break_line();
        Block {
            kind: self.kind,
            lines: self.lines,
            cells: self.cells,
            span: self.span.start..end.max(self.span.start),
        }
    }
}

struct Lowering<'i> {
    index: &'i LineIndex,
    source: &'i str,
    /// Where the HTML block being read starts.
    html_block: Option<usize>,
    /// Set when a code or HTML block runs to the end of the text read: the
    /// text may have been cut inside it.
    runs_to_end: bool,
    blocks: Vec<Block>,
    /// Open containers, innermost last: list items, then the paragraph or heading inside.
    open: Vec<Open>,
    /// Marks being built: (start offset in the innermost block's current line, mark).
    pending: Vec<(usize, Mark)>,
    /// For each open emphasis, whether it is no emphasis but two superscript
    /// marks CommonMark paired (`A<sup>*</sup>, B<sup>*</sup>`).
    literal_emphasis: Vec<bool>,
    /// Inside `<sup>`: affiliation numbers and marks after a name.
    in_sup: bool,
    table_header: Vec<String>,
    in_table_head: bool,
    /// Inside a table cell, where a `<br>` separates items (`A<br>B` in an
    /// Authors column) instead of breaking the row's line.
    in_table_cell: bool,
    /// Where the current cell's `<br>`s broke it (offsets in its text).
    cell_breaks: Vec<usize>,
    /// How many block quotes outside list items the text is in.
    quote_depth: usize,
    /// In a table whose rows are groups of papers, the column that lists them.
    papers_column: Option<usize>,
    /// In a course schedule (`| Date | Topic | Readings |`), the readings
    /// column and the topic column that heads each row's papers.
    schedule: Option<(usize, Option<usize>)>,
    in_image: usize,
    in_metadata: bool,
    in_code_block: bool,
    /// A code block's text and first line, kept when it is inside a list
    /// item: an entry's BibTeX written under it.
    code: Option<(String, u32)>,
    /// After reStructuredText's `` `Title <url>`_ ``: the `_` or `__` that
    /// follows the code span is the link's syntax, not text.
    skip_underscores: bool,
}

/// A BibTeX entry written in a code block under a list item (`- **Title**
/// [[paper]](url)` then a fenced `@inproceedings{...}`): the names, venue,
/// year, pages and DOI it gives, as labelled lines of the item. The item's
/// own title stays its title.
fn bibtex_lines(code: &str) -> Vec<String> {
    if !crate::bibtex::looks_like_bibtex(code) {
        return Vec::new();
    }
    let (entries, _) = crate::bibtex::parse(&std::sync::Arc::from(code), "");
    let Some(entry) = entries.first() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if !entry.authors.is_empty() {
        let names: Vec<&str> = entry.authors.iter().map(|p| p.name()).collect();
        lines.push(format!("Authors: {}", names.join(", ")));
    }
    let mut published = Vec::new();
    if let Some(venue) = &entry.venue {
        published.push(venue.clone());
    }
    if let Some(year) = entry.year {
        published.push(year.to_string());
    }
    if let Some(pages) = entry.pages() {
        published.push(format!("pp. {pages}"));
    }
    if !published.is_empty() {
        lines.push(format!("Published in: {}", published.join(", ")));
    }
    if let Some(doi) = entry.doi() {
        lines.push(format!("doi: {doi}"));
    }
    lines
}

/// Lowers a Markdown document into blocks, in document order, handing them to
/// `sink` a part of the document at a time.
///
/// pulldown-cmark builds a tree of the whole text it is given before it yields
/// anything (about twice the text's size), so a long document is cut into parts
/// where no block can be open: before a top-level ATX heading that follows a
/// blank line. Such a heading ends every open container except a fenced code
/// block or an HTML block that waits for its end marker; a part in which one of
/// those runs to the end is read again with the next part. Link reference
/// definitions apply to the whole document, so a document that may have one
/// (`]:`) is read in one piece.
pub(crate) fn lower(source: &str, index: &LineIndex, sink: &mut dyn FnMut(Vec<Block>)) {
    let mut cuts = if source.contains("]:") {
        Vec::new()
    } else {
        part_starts(source)
    }
    .into_iter()
    .chain(std::iter::once(source.len()));
    let mut start = 0;
    let mut end = 0;
    while start < source.len() {
        // The next cut at least a part's length away (or the end).
        for cut in cuts.by_ref() {
            end = cut;
            if cut >= start + MIN_PART || cut == source.len() {
                break;
            }
        }
        if end <= start {
            end = source.len();
        }
        let (blocks, runs_to_end) = lower_part(source, start..end, index);
        if runs_to_end && end < source.len() {
            // Cut inside a code or HTML block: read on to the next cut.
            continue;
        }
        sink(blocks);
        start = end;
    }
}

/// The least length of a part of the document read at once.
const MIN_PART: usize = 64 * 1024;

/// Offsets where a part may start: lines that are a top-level ATX heading
/// (`# `..`###### ` at the line start) after a blank line.
fn part_starts(source: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous_blank = false;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let hashes = line.bytes().take_while(|b| *b == b'#').count();
        let rest = &line[hashes..];
        let is_heading =
            (1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with([' ', '\t', '\n']));
        if is_heading && previous_blank && offset > 0 {
            starts.push(offset);
        }
        previous_blank = line.trim().is_empty();
        offset += line.len();
    }
    starts
}

/// Lowers `source[part]` into blocks in document order; also says whether a code
/// or HTML block ran to the part's end.
fn lower_part(source: &str, part: Range<usize>, index: &LineIndex) -> (Vec<Block>, bool) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_MATH
        | Options::ENABLE_TASKLISTS;
    let text = &source[part.clone()];
    let mut lowering = Lowering {
        index,
        source,
        html_block: None,
        runs_to_end: false,
        blocks: Vec::new(),
        open: Vec::new(),
        pending: Vec::new(),
        literal_emphasis: Vec::new(),
        in_sup: false,
        table_header: Vec::new(),
        in_table_head: false,
        in_table_cell: false,
        cell_breaks: Vec::new(),
        quote_depth: 0,
        papers_column: None,
        schedule: None,
        in_image: 0,
        in_metadata: false,
        in_code_block: false,
        code: None,
        skip_underscores: false,
    };
    let content_end = part.start + text.trim_end().len();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let range = range.start + part.start..range.end + part.start;
        if matches!(event, Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock))
            && range.end >= content_end
        {
            lowering.runs_to_end = true;
        }
        lowering.event(event, range);
    }
    while let Some(open) = lowering.open.pop() {
        let block = open.finish(part.end);
        lowering.emit(block);
    }
    let mut blocks = lowering.blocks;
    blocks.sort_by_key(|b| b.span.start);
    merge_field_items(&mut blocks);
    (blocks, lowering.runs_to_end)
}

/// `[Title A](url) (2025, arXiv)<br><sub>notes</sub><br>[Title B](url) (2024,
/// ICML)`: a table cell (broken at `breaks`) that lists `least` papers or
/// more, each a line that starts with its linked title and names its year.
/// The papers' lines; none when the cell is one entry's field.
fn cell_papers(cell: &Styled, breaks: &[usize], least: usize) -> Vec<Styled> {
    if breaks.len() + 1 < least {
        return Vec::new();
    }
    let papers: Vec<Styled> = cell_lines(cell, breaks)
        .filter(|line| {
            line.marks
                .iter()
                .any(|(range, mark)| range.start == 0 && matches!(mark, Mark::Link(_)))
                && paperlist_model::venue::year_in(&line.text).is_some()
        })
        .collect();
    if papers.len() >= least {
        papers
    } else {
        Vec::new()
    }
}

/// The lines of a table cell its `<br>`s broke (at `breaks`), trimmed, none
/// empty.
fn cell_lines<'a>(cell: &'a Styled, breaks: &'a [usize]) -> impl Iterator<Item = Styled> + 'a {
    // Each break added `, ` after it.
    let starts = std::iter::once(0).chain(breaks.iter().map(|&at| at + 2));
    let ends = breaks
        .iter()
        .copied()
        .chain(std::iter::once(cell.text.len()));
    starts
        .zip(ends)
        .filter(|(start, end)| start < end)
        .map(|(start, end)| cell.slice(start..end).trim())
        .filter(|line| !line.is_blank())
}

/// `\color{red}{(Read)(New)}`, `\textcolor{blue}{\text{[Hot]}}`: math that
/// only colours a mark.
fn is_colour_mark(math: &str) -> bool {
    let math = math.trim();
    [r"\color{", r"\textcolor{", r"\colorbox{"]
        .iter()
        .any(|command| math.starts_with(command))
}

/// Whether `at` is inside `<sup>...</sup>` (`A<sup>1,*</sup>`): a `*` there
/// is a mark after a name, not an emphasis delimiter.
fn inside_sup(source: &str, at: usize) -> bool {
    // (Only a few bytes back: a mark's superscript is short, and the text
    // before it may be the whole document.)
    let from = crate::styled::floor_char_boundary(source, at.saturating_sub(16));
    let (Some(before), Some(after)) = (source.get(from..at), source.get(at..)) else {
        return false;
    };
    let Some(open) = before.rfind("<sup>") else {
        return false;
    };
    let after = &after[..crate::styled::floor_char_boundary(after, after.len().min(24))];
    !before[open..].contains("</sup>")
        && after
            .find("</sup>")
            .is_some_and(|close| !after[..close].contains('<'))
}

/// A text that may hold Markdown or HTML (`<strong>Name</strong>`,
/// `__Nature__`, `[PDF](url)`, `&amp;`), as styled text on one line.
pub(crate) fn styled_snippet(text: &str) -> Styled {
    if !text.contains(['<', '*', '_', '[', '`', '&', '\\']) {
        return Styled::from_text(paperlist_model::normalize::collapse_whitespace(text));
    }
    // `Shypula A<sup>*</sup>, Madaan A<sup>*</sup>`: a mark in superscript,
    // not a pair of emphasis delimiters.
    let escaped;
    let text = if text.contains("<sup>*") {
        escaped = text.replace("<sup>*", "<sup>\\*");
        escaped.as_str()
    } else {
        text
    };
    let index = LineIndex::new(text);
    let mut joined = Styled::default();
    lower(text, &index, &mut |blocks| {
        for block in blocks {
            for line in block.lines {
                let line = line.text.trim();
                if line.is_blank() {
                    continue;
                }
                if !joined.text.is_empty() {
                    joined.push_str(" ");
                }
                joined.push(&line);
            }
        }
    });
    joined
}

/// How deep in lists each block is, from the byte ranges of Markdown's
/// blocks: a list item inside another item's range is nested in it.
fn item_depths(blocks: &[Block]) -> Vec<u8> {
    let mut open: Vec<&Range<usize>> = Vec::new();
    blocks
        .iter()
        .map(|block| {
            // (The papers of one table row share its span: siblings.)
            while open
                .last()
                .is_some_and(|span| span.end <= block.span.start || **span == block.span)
            {
                open.pop();
            }
            let depth = u8::try_from(open.len()).unwrap_or(u8::MAX);
            if block.kind == BlockKind::ListItem {
                open.push(&block.span);
            }
            depth
        })
        .collect()
}

fn merge_field_items(blocks: &mut Vec<Block>) {
    if crate::records::has_records(blocks) {
        let mut depths = item_depths(blocks);
        crate::records::merge_labelled_records(blocks, &mut depths);
    }
    if blocks.windows(2).any(|pair| {
        pair[0].kind == BlockKind::ListItem
            && pair[1].kind == BlockKind::ListItem
            && pair[1].span.start < pair[0].span.end
    }) {
        let mut depths = item_depths(blocks);
        merge_nested_items(blocks, &mut depths);
    }
    merge_sibling_fields(blocks);
    crate::records::merge_labelled_paragraphs(blocks);
}

/// `- Title [[pdf]](url)` followed by `- *Names*`, `` - `2021, TMI` `` and
/// `- [code](url)`: sibling items that hold only fields (names, a venue and
/// a year, links) belong to the title item before them, as a paper-notes
/// file writes one paper. Only items shaped so (in italics, links alone, or
/// short and dated) are read to find out.
fn merge_sibling_fields(blocks: &mut Vec<Block>) {
    use crate::fields::{FieldKind, classify, split_line};
    let shaped = |block: &Block| {
        let [line] = block.lines.as_slice() else {
            return false;
        };
        let text = &line.text;
        let plain = text.text.trim();
        block.kind == BlockKind::ListItem
            && !plain.is_empty()
            && (text.covered_by(0..text.text.len(), |m| *m == Mark::Emphasis)
                || crate::fields::is_links_only(text)
                || (plain.len() <= 40 && paperlist_model::venue::year_in(plain).is_some()))
    };
    let kinds = |block: &Block| -> Vec<FieldKind> {
        block
            .lines
            .iter()
            .flat_map(|line| split_line(&line.text))
            .map(|piece| classify(&piece))
            .collect()
    };
    if !blocks.iter().any(shaped) {
        return;
    }
    let depths = item_depths(blocks);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i + 1 < blocks.len() {
        let siblings = (i + 1..blocks.len())
            .take_while(|&j| depths[j] == depths[i] && shaped(&blocks[j]))
            .take_while(|&j| {
                let kinds = kinds(&blocks[j]);
                !kinds.is_empty() && !kinds.contains(&FieldKind::Title)
            })
            .count();
        if siblings > 0 && blocks[i].kind == BlockKind::ListItem && blocks[i].lines.len() == 1 && {
            let parent = kinds(&blocks[i]);
            parent.contains(&FieldKind::Title)
                && !parent.iter().any(|k| matches!(k, FieldKind::Authors(_)))
        } {
            merged.push((i, siblings));
            i += siblings + 1;
        } else {
            i += 1;
        }
    }
    for &(at, count) in merged.iter().rev() {
        let children: Vec<Block> = blocks.drain(at + 1..=at + count).collect();
        let parent = &mut blocks[at];
        for child in children {
            parent.span.end = parent.span.end.max(child.span.end);
            parent.lines.extend(child.lines);
        }
    }
}

/// `- **Title**` with nested `- Authors`, `- OSDI 2022`, `- Note: ...` items
/// (`depths` says how deep in lists each block is): the nested items are
/// fields of the entry, so their lines join it. Nested items stay entries of
/// their own when any reads as one (a title with names or a venue), or when
/// only notes are nested; a short item over them (`- Serving` over `-
/// [Orca](url) ...`) is then a category, read as a heading.
pub(crate) fn merge_nested_items(blocks: &mut Vec<Block>, depths: &mut Vec<u8>) {
    use crate::fields::{FieldKind, classify, split_line};
    #[derive(PartialEq)]
    enum Child {
        Field,
        Note,
        /// Lines of prose about the paper: a note, joined into one line.
        Prose,
        /// `- UC Berkeley` under `- Names`: the names' affiliation.
        Organization,
        Entry,
    }
    let child_kind = |block: &Block| {
        // `Note: ...`, `Summary (2023/4/14 by Liang): ...`: a label, maybe
        // dated, then text.
        let labelled = block.lines.first().is_some_and(|line| {
            let text = line.text.text.trim_end();
            // `Summary (2023/4/14 by Liang):` with nothing after it yet.
            let label = text.strip_suffix(':').map(|label| (label, ""));
            label
                .or_else(|| text.split_once(": "))
                .is_some_and(|(label, _)| {
                    let label = label.split_once(" (").map_or(label, |(head, _)| head);
                    crate::fields::words_up_to(label, 3) <= 2
                })
        });
        if block.lines.len() > 2 && !labelled {
            // Lines of prose about the paper (`A stateful FaaS platform.` over
            // `(1) ...`, `(2) ...`) name no venue, year or people.
            let prose = !block.lines[0]
                .text
                .marks
                .iter()
                .any(|(range, mark)| range.start == 0 && matches!(mark, Mark::Link(_)))
                && block
                    .lines
                    .iter()
                    .flat_map(|line| split_line(&line.text))
                    .all(|piece| {
                        !matches!(
                            classify(&piece),
                            FieldKind::Authors(_) | FieldKind::Venue(_) | FieldKind::Year(_)
                        )
                    });
            return if prose { Child::Prose } else { Child::Entry };
        }
        // `- TODO` under a paper: a note still to be written.
        if let [line] = block.lines.as_slice()
            && is_placeholder(&line.text.text)
        {
            return Child::Note;
        }
        let kinds: Vec<FieldKind> = block
            .lines
            .iter()
            .flat_map(|line| split_line(&line.text))
            .map(|piece| classify(&piece))
            .collect();
        let has_title = kinds.contains(&FieldKind::Title);
        if kinds == [FieldKind::Title]
            && block.lines.len() == 1
            && crate::fields::names_organization(&block.lines[0].text.text)
        {
            return Child::Organization;
        }
        match (has_title, labelled) {
            (false, _) => Child::Field,
            (true, true) => Child::Note,
            _ => Child::Entry,
        }
    };
    let mut i = 0;
    while i < blocks.len() {
        let depth = depths[i];
        let nested = (i + 1..blocks.len())
            .take_while(|&j| blocks[j].kind == BlockKind::ListItem && depths[j] > depth)
            .count();
        if nested == 0 || blocks[i].kind != BlockKind::ListItem {
            i += 1;
            continue;
        }
        let parent_kinds: Vec<FieldKind> = if blocks[i].lines.len() <= 2 {
            blocks[i]
                .lines
                .iter()
                .flat_map(|line| split_line(&line.text))
                .map(|piece| classify(&piece))
                .collect()
        } else {
            Vec::new()
        };
        let parent_is_title = parent_kinds.contains(&FieldKind::Title);
        let mut merged = false;
        if parent_is_title {
            let kinds: Vec<Child> = blocks[i + 1..=i + nested].iter().map(child_kind).collect();
            // Notes alone join a parent that is a whole entry already (a
            // title with names or a venue: `- *Highlight: ...*` under it).
            let whole = parent_kinds.iter().any(|kind| {
                matches!(
                    kind,
                    FieldKind::Authors(_) | FieldKind::Venue(_) | FieldKind::Year(_)
                )
            });
            let fields = kinds.contains(&Child::Field)
                || (whole
                    && kinds
                        .iter()
                        .all(|k| matches!(k, Child::Note | Child::Prose)));
            merged = fields && kinds.iter().all(|k| *k != Child::Entry);
            if merged {
                let children: Vec<Block> = blocks.drain(i + 1..=i + nested).collect();
                depths.drain(i + 1..=i + nested);
                let parent = &mut blocks[i];
                for (child, kind) in children.into_iter().zip(kinds) {
                    parent.span.end = parent.span.end.max(child.span.end);
                    if kind == Child::Prose {
                        // One line, so that its `(1)`, `(2)` start no entries.
                        let mut lines = child.lines.into_iter();
                        if let Some(mut joined) = lines.next() {
                            for line in lines {
                                joined.text.push_str(" ");
                                joined.text.push(&line.text);
                            }
                            parent.lines.push(joined);
                        }
                    } else {
                        parent.lines.extend(child.lines);
                    }
                }
                parent.lines.sort_by_key(|line| line.number);
            }
        }
        let parent = &mut blocks[i];
        let category = !merged
            && parent.lines.len() == 1
            && parent.lines[0].text.links().next().is_none()
            && crate::fields::words_up_to(&parent.lines[0].text.text, 7) <= 6;
        if category {
            // The deepest level, so the next category replaces it.
            parent.kind = BlockKind::Heading(6);
        }
        i += 1;
    }
}

/// What a list puts where a note is still to come: `TODO`, `TBD`, `WIP`.
fn is_placeholder(text: &str) -> bool {
    const PLACEHOLDERS: &[&str] = &[
        "todo",
        "tbd",
        "tba",
        "wip",
        "to do",
        "to read",
        "coming soon",
    ];
    let text = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    PLACEHOLDERS.contains(&text.as_str())
}

impl Lowering<'_> {
    fn emit(&mut self, block: Block) {
        let keep = !block.lines.is_empty() || !block.cells.is_empty();
        if keep {
            self.blocks.push(block);
        }
    }

    /// `<details><summary>AlphaFold2</summary>`: outside a list item, what a
    /// collapsible block is called heads what it holds, as a heading does (a
    /// tool's name over its record, a year over its papers), unless it is a
    /// paper itself. Says whether `line` was such a summary.
    fn summary_heading(&mut self, line: &str, text: &str, at: usize) -> bool {
        let lower = line.trim().to_ascii_lowercase();
        let is_summary = lower
            .trim_start_matches("<details>")
            .starts_with("<summary")
            && lower.ends_with("</summary>");
        if !is_summary || self.open.iter().any(|o| o.kind == BlockKind::ListItem) {
            return false;
        }
        let number = self.index.line_of(at);
        // `<summary><strong>Title</strong> - Names - [[pdf]](url)</summary>`:
        // a summary that names a paper's authors is the paper, its marks and
        // links read as Markdown's are.
        let inner = line
            .trim()
            .get(lower.find("<summary").unwrap_or_default()..)
            .and_then(|summary| Some(&summary[summary.find('>')? + 1..]))
            .and_then(|inner| inner.get(..inner.len().checked_sub("</summary>".len())?))
            .unwrap_or_default();
        let styled = styled_snippet(inner);
        let names_authors = text.contains([',', '-'])
            && crate::fields::split_line(&styled).iter().any(|piece| {
                matches!(
                    crate::fields::classify(piece),
                    crate::fields::FieldKind::Authors(_)
                )
            });
        let (kind, text) = if names_authors {
            (BlockKind::Paragraph, styled)
        } else {
            (
                BlockKind::Heading(6),
                Styled::from_text(text.trim().to_owned()),
            )
        };
        self.blocks.push(Block {
            kind,
            lines: vec![Line { text, number }],
            cells: Vec::new(),
            span: at..at + line.len(),
        });
        true
    }

    /// A row of a table whose rows are groups of papers: the first cell (a
    /// topic) heads the papers the row lists, one entry each; the cells that
    /// describe the group are no entry. A row that lists no paper keeps the
    /// text of its papers column, to be read (and reported) as any text is.
    fn group_row(&mut self, open: Open, range: &Range<usize>) {
        let number = open
            .current_line
            .unwrap_or_else(|| self.index.line_of(range.start));
        let span = open.span.start..range.end;
        let block = |kind: BlockKind, text: Styled| Block {
            kind,
            lines: vec![Line { text, number }],
            cells: Vec::new(),
            span: span.clone(),
        };
        // A schedule's row is headed by its topic, if a column names it.
        let topic = match self.schedule {
            Some((_, topic)) => topic,
            None => Some(0),
        };
        if let Some(topic) = topic.and_then(|at| open.cells.get(at)).map(Styled::trim)
            && !topic.is_blank()
        {
            self.emit(block(BlockKind::Heading(6), topic));
        }
        if open.papers.is_empty() && self.schedule.is_none() {
            let column = self.papers_column.unwrap_or_default();
            if let Some(cell) = open.cells.get(column) {
                self.emit(block(BlockKind::Paragraph, cell.trim()));
            }
        }
        for paper in open.papers {
            self.emit(block(BlockKind::ListItem, paper));
        }
    }

    fn innermost(&mut self) -> Option<&mut Open> {
        self.open.last_mut()
    }

    fn text(&mut self, text: &str, range: &Range<usize>) {
        if self.in_code_block
            && let Some((code, _)) = &mut self.code
        {
            code.push_str(text);
        }
        if self.in_metadata || self.in_code_block || self.in_image > 0 {
            return;
        }
        let text = if std::mem::take(&mut self.skip_underscores) {
            let rest = text.trim_start_matches('_');
            // `__` may come as two texts.
            self.skip_underscores = rest.is_empty();
            rest
        } else {
            text
        };
        let number = self.index.line_of(range.start);
        let in_sup = self.in_sup;
        if let Some(open) = self.innermost() {
            if open.current_line.is_none() {
                open.current_line = Some(number);
            }
            if in_sup {
                let after_digit = open.current.text.ends_with(|c: char| c.is_ascii_digit());
                open.current
                    .push_str(&crate::styled::superscript(text, after_digit));
            } else {
                open.current.push_str(&crate::styled::caret_marks(text));
            }
        }
    }

    fn line_break(&mut self) {
        if self.in_table_cell {
            if let Some(open) = self.open.last_mut()
                && !open.current.text.trim().is_empty()
            {
                self.cell_breaks.push(open.current.text.len());
                open.current.push_str(", ");
            }
            return;
        }
        if let Some(open) = self.innermost() {
            open.break_line();
        }
        // Marks continue onto the next line from its start.
        for (start, _) in &mut self.pending {
            *start = 0;
        }
    }

    fn start_mark(&mut self, mark: Mark) {
        let start = self.open.last().map_or(0, |o| o.current.text.len());
        self.pending.push((start, mark));
    }

    fn end_mark(&mut self, matches: fn(&Mark) -> bool) {
        let Some(position) = self.pending.iter().rposition(|(_, m)| matches(m)) else {
            return;
        };
        let (start, mark) = self.pending.remove(position);
        if let Some(open) = self.open.last_mut() {
            let end = open.current.text.len();
            if end > start {
                open.current.marks.push((start..end, mark));
            }
        }
    }

    fn start_block(&mut self, kind: BlockKind, range: &Range<usize>) {
        // A paragraph inside a list item belongs to the item; separate
        // paragraphs of one item become separate lines.
        if kind == BlockKind::Paragraph
            && let Some(open) = self.open.last_mut()
            && open.kind == BlockKind::ListItem
        {
            open.break_line();
            return;
        }
        self.open.push(Open::new(kind, range.clone()));
    }

    fn end_block(&mut self, kind_is: fn(&BlockKind) -> bool, range: &Range<usize>) {
        if let Some(position) = self.open.iter().rposition(|o| kind_is(&o.kind)) {
            // Close anything opened inside it first.
            while self.open.len() > position {
                if let Some(open) = self.open.pop() {
                    let block = open.finish(range.end);
                    self.emit(block);
                }
            }
        } else if let Some(open) = self.open.last_mut() {
            open.break_line();
        }
        self.pending.clear();
    }

    fn inline_html(&mut self, html: &str, range: &Range<usize>) {
        let tag = html.trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('<')
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let closing = tag.starts_with("</");
        match (name.as_str(), closing) {
            ("br", _) => self.line_break(),
            ("u" | "ins", false) => self.start_mark(Mark::Underline),
            ("u" | "ins", true) => self.end_mark(|m| *m == Mark::Underline),
            ("b" | "strong", false) => self.start_mark(Mark::Strong),
            ("b" | "strong", true) => self.end_mark(|m| *m == Mark::Strong),
            ("i" | "em", false) => self.start_mark(Mark::Emphasis),
            ("i" | "em", true) => self.end_mark(|m| *m == Mark::Emphasis),
            ("a", false) => {
                let href = attribute(html, "href").unwrap_or_default();
                self.start_mark(Mark::Link(href));
            }
            ("a", true) => self.end_mark(|m| matches!(m, Mark::Link(_))),
            ("sup", false) => self.in_sup = true,
            ("sup", true) => self.in_sup = false,
            _ => {
                // Other tags (`<font>`, `<span>`) carry no meaning here; a
                // comment or unknown tag leaves a space so words do not glue.
                if tag.starts_with("<!--") {
                    self.text(" ", range);
                }
            }
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, &range),
            Event::End(tag) => self.end(tag, &range),
            Event::Text(text) => self.text(&text, &range),
            Event::Code(code) => {
                // reStructuredText's `` `Title <https://...>`_ `` is a link
                // (CommonMark reads it as code and a `_`).
                if self.source[range.end..].starts_with('_')
                    && let Some((label, url)) = rst_link(&code)
                {
                    self.start_mark(Mark::Link(url.to_owned()));
                    self.text(label, &range);
                    self.end_mark(|m| matches!(m, Mark::Link(_)));
                    self.skip_underscores = true;
                    return;
                }
                // `` `ICML'23` Title ``: a venue tag in code at the start of
                // a line is bracketed, as `[ICML'23] Title` would be.
                let at_start = self
                    .open
                    .last()
                    .is_some_and(|open| open.current.text.trim().is_empty());
                let bracketed = code.starts_with(['[', '(']);
                if at_start && !bracketed && crate::fields::is_tag(&code) {
                    self.text(&format!("[{code}]"), &range);
                } else {
                    self.text(&code, &range);
                }
            }
            // `$\color{red}{(New)}$`: a coloured mark a list puts before an
            // entry (GitHub renders math), no text of it.
            Event::InlineMath(math) if is_colour_mark(&math) => {}
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(&math, &range),
            Event::SoftBreak | Event::HardBreak => self.line_break(),
            Event::InlineHtml(html) => self.inline_html(&html, &range),
            Event::Html(html) => {
                // A raw HTML block: keep its text, one line per source line.
                for (offset, line) in line_offsets(&html) {
                    let text = strip_tags(line);
                    if !text.trim().is_empty() {
                        let at = range.start + offset;
                        if self.summary_heading(line, &text, at) {
                            continue;
                        }
                        self.text(&text, &(at..at + line.len()));
                        self.line_break();
                    }
                }
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) | Event::Rule => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: &Range<usize>) {
        match tag {
            Tag::Paragraph if self.quote_depth > 0 => self.start_block(BlockKind::Quote, range),
            Tag::Paragraph => self.start_block(BlockKind::Paragraph, range),
            Tag::Heading { level, .. } => {
                self.start_block(BlockKind::Heading(heading_level(level)), range)
            }
            Tag::Item => {
                // A nested item closes the text of its parent item's current line.
                if let Some(open) = self.open.last_mut() {
                    open.break_line();
                }
                self.open
                    .push(Open::new(BlockKind::ListItem, range.clone()));
            }
            Tag::TableHead => {
                self.in_table_head = true;
                self.papers_column = None;
                self.table_header.clear();
                self.open
                    .push(Open::new(BlockKind::Paragraph, range.clone()));
            }
            Tag::TableRow => {
                let header = self.table_header.clone();
                self.open
                    .push(Open::new(BlockKind::TableRow { header }, range.clone()));
            }
            Tag::TableCell => {
                self.in_table_cell = true;
                self.cell_breaks.clear();
                if let Some(open) = self.open.last_mut() {
                    open.current = Styled::default();
                }
            }
            Tag::HtmlBlock => {
                self.html_block = Some(range.start);
                self.start_block(BlockKind::Paragraph, range);
            }
            Tag::Emphasis => {
                let literal = inside_sup(self.source, range.start);
                self.literal_emphasis.push(literal);
                if literal {
                    self.text("*", &(range.start..range.start + 1));
                } else {
                    self.start_mark(Mark::Emphasis);
                }
            }
            Tag::Strong => self.start_mark(Mark::Strong),
            Tag::Link { dest_url, .. } => self.start_mark(Mark::Link(dest_url.to_string())),
            Tag::Image { dest_url, .. } => {
                // A shields.io badge that reads `OSDI | 2022` is the entry's
                // venue tag; other images are not text.
                if let Some(badge) = badge_text(&dest_url)
                    && crate::fields::is_tag(&badge)
                {
                    self.text(&format!(" ({badge}) "), range);
                }
                self.in_image += 1;
            }
            Tag::MetadataBlock(_) => self.in_metadata = true,
            Tag::CodeBlock(_) => {
                self.in_code_block = true;
                if self
                    .open
                    .last()
                    .is_some_and(|o| o.kind == BlockKind::ListItem)
                {
                    self.code = Some((String::new(), self.index.line_of(range.start)));
                }
            }
            Tag::BlockQuote(_) => {
                if !self.open.iter().any(|o| o.kind == BlockKind::ListItem) {
                    self.quote_depth += 1;
                }
            }
            Tag::List(_)
            | Tag::Table(_)
            | Tag::FootnoteDefinition(_)
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: &Range<usize>) {
        match tag {
            TagEnd::BlockQuote(_) if !self.open.iter().any(|o| o.kind == BlockKind::ListItem) => {
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::Paragraph => {
                if self
                    .open
                    .last()
                    .is_some_and(|o| o.kind == BlockKind::ListItem)
                {
                    if let Some(open) = self.open.last_mut() {
                        open.break_line();
                    }
                } else {
                    self.end_block(
                        |k| matches!(k, BlockKind::Paragraph | BlockKind::Quote),
                        range,
                    );
                }
            }
            TagEnd::Heading(_) => self.end_block(|k| matches!(k, BlockKind::Heading(_)), range),
            TagEnd::Item => self.end_block(|k| *k == BlockKind::ListItem, range),
            TagEnd::HtmlBlock => {
                // A table or list written in HTML is read as HTML: rows and
                // items, with their links. Other HTML keeps its text.
                let start = self.html_block.take().unwrap_or(range.start);
                let html = &self.source[start..range.end.max(start)];
                if has_html_structure(html)
                    && self
                        .open
                        .last()
                        .is_some_and(|o| o.kind == BlockKind::Paragraph)
                {
                    self.open.pop();
                    let end = range.end.max(start);
                    for mut block in
                        crate::html::lower_fragment(self.source, start..end, self.index)
                    {
                        block.span = start..end;
                        self.emit(block);
                    }
                } else {
                    self.end_block(|k| *k == BlockKind::Paragraph, range);
                }
            }
            TagEnd::TableCell => {
                self.in_table_cell = false;
                let in_head = self.in_table_head;
                if let Some(open) = self.open.last_mut() {
                    let cell = std::mem::take(&mut open.current);
                    if in_head {
                        self.table_header.push(cell.text.trim().to_owned());
                    } else {
                        if open.current_line.is_none() {
                            open.current_line = Some(self.index.line_of(range.start));
                        }
                        let column = open.cells.len();
                        // Once a column listed papers, one paper is a list too.
                        let least = if self.papers_column == Some(column) {
                            1
                        } else {
                            2
                        };
                        let papers = match self.schedule {
                            // Each line of a readings cell is a reference.
                            Some((readings, _)) if readings == column => {
                                cell_lines(&cell, &self.cell_breaks)
                                    .filter(|line| !crate::blocks::is_no_reading(&line.text))
                                    .collect()
                            }
                            _ => cell_papers(&cell, &self.cell_breaks, least),
                        };
                        if !papers.is_empty() {
                            self.papers_column = Some(column);
                        }
                        open.papers.extend(papers);
                        open.cells.push(cell);
                    }
                }
                self.pending.clear();
            }
            TagEnd::TableHead => {
                self.in_table_head = false;
                self.schedule = crate::blocks::schedule_columns(&self.table_header);
                self.papers_column = self.schedule.map(|(readings, _)| readings);
                self.open.pop();
            }
            TagEnd::TableRow => {
                let group_row = self.papers_column.is_some()
                    && self
                        .open
                        .last()
                        .is_some_and(|o| o.kind != BlockKind::Paragraph);
                if group_row && let Some(open) = self.open.pop() {
                    self.group_row(open, range);
                } else if let Some(mut open) = self.open.pop() {
                    // The row as one line too: cells joined with " | ".
                    let mut joined = Styled::default();
                    for (i, cell) in open.cells.iter().enumerate() {
                        if i > 0 {
                            joined.push_str(" | ");
                        }
                        joined.push(&cell.trim());
                    }
                    let number = open
                        .current_line
                        .unwrap_or_else(|| self.index.line_of(range.start));
                    open.lines.push(Line {
                        text: joined,
                        number,
                    });
                    open.current_line = None;
                    open.current = Styled::default();
                    let block = open.finish(range.end);
                    self.emit(block);
                }
            }
            TagEnd::Emphasis => {
                if self.literal_emphasis.pop().unwrap_or(false) {
                    let at = range.end.saturating_sub(1);
                    self.text("*", &(at..range.end));
                } else {
                    self.end_mark(|m| *m == Mark::Emphasis);
                }
            }
            TagEnd::Strong => self.end_mark(|m| *m == Mark::Strong),
            TagEnd::Link => self.end_mark(|m| matches!(m, Mark::Link(_))),
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            TagEnd::MetadataBlock(_) => self.in_metadata = false,
            TagEnd::CodeBlock => {
                self.in_code_block = false;
                if let Some((code, line)) = self.code.take()
                    && let Some(open) = self.open.last_mut()
                {
                    let lines = bibtex_lines(&code);
                    if !lines.is_empty() {
                        open.break_line();
                        open.lines.extend(lines.into_iter().map(|text| Line {
                            text: Styled::from_text(text),
                            number: line,
                        }));
                    }
                }
            }
            _ => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Lines of `text` with their byte offsets.
fn line_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |line| {
        let at = offset;
        offset += line.len();
        (at, line.trim_end_matches(['\n', '\r']))
    })
}

/// Whether an HTML block holds a table, a list or a heading (a README's
/// `<div align="center">` around its logo and `<h1>` name).
fn has_html_structure(html: &str) -> bool {
    let bytes = html.as_bytes();
    bytes.windows(3).enumerate().any(|(i, w)| {
        w[0] == b'<'
            && matches!(
                (w[1].to_ascii_lowercase(), w[2].to_ascii_lowercase()),
                (b't', b'r') | (b'l', b'i') | (b'd', b't') | (b'h', b'1'..=b'6')
            )
            && bytes
                .get(i + 3)
                .is_some_and(|b| matches!(b, b'>' | b' ' | b'\t' | b'\n' | b'\r'))
    })
}

/// `Title <https://...>`: the text of a reStructuredText link, its label and
/// its address.
fn rst_link(code: &str) -> Option<(&str, &str)> {
    let inner = code.trim().strip_suffix('>')?;
    let open = inner.rfind('<')?;
    let url = &inner[open + 1..];
    let label = inner[..open].trim_end();
    (!label.is_empty() && (url.contains("://") || url.starts_with('/')) && !url.contains(' '))
        .then_some((label, url))
}

pub(crate) fn strip_tags(html: &str) -> Cow<'_, str> {
    if !html.contains('<') {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

/// The value of an attribute in an HTML start tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[at..];
    let (quote, rest) = match rest.chars().next()? {
        q @ ('"' | '\'') => (Some(q), &rest[1..]),
        _ => (None, rest),
    };
    let end = match quote {
        Some(q) => rest.find(q)?,
        None => rest
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(rest.len()),
    };
    Some(rest[..end].to_owned())
}

/// The text of a shields.io static badge
/// (`https://img.shields.io/badge/OSDI-2022-blue` is `OSDI 2022`): label and
/// message, with the badge's escapes (`--` a dash, `__` an underscore, `_` a
/// space, `%20`) undone. Written by hand: a dozen lines no crate does.
fn badge_text(url: &str) -> Option<String> {
    let path = url
        .split_once("img.shields.io/badge/")?
        .1
        .split(['?', '#'])
        .next()?;
    let mut parts: Vec<Vec<u8>> = vec![Vec::new()];
    let mut bytes = path.bytes().peekable();
    while let Some(b) = bytes.next() {
        let part = parts.last_mut()?;
        match b {
            b'-' | b'_' if bytes.peek() == Some(&b) => {
                bytes.next();
                part.push(b);
            }
            b'-' => parts.push(Vec::new()),
            b'_' => part.push(b' '),
            b'%' => {
                let hex = [bytes.next()?, bytes.next()?];
                part.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
            }
            _ => part.push(b),
        }
    }
    // The last part is the colour.
    parts.pop()?;
    let text = String::from_utf8(parts.join(&b' ')).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bibtex_block_under_an_item_gives_its_fields() {
        let lines = bibtex_lines(
            "@inproceedings{x,\n title={T},\n author={Yu, Gyeong-In and Chun, Byung-Gon},\n booktitle={OSDI},\n pages={521--538},\n doi={10.1145/3600006.3613165},\n year={2022}\n}",
        );
        assert_eq!(
            lines,
            [
                "Authors: Gyeong-In Yu, Byung-Gon Chun",
                "Published in: OSDI, 2022, pp. 521-538",
                "doi: 10.1145/3600006.3613165"
            ]
        );
        assert!(bibtex_lines("fn main() {}").is_empty());
    }

    fn lower_all(source: &str) -> Vec<Block> {
        crate::blocks::lower_all(lower, source)
    }

    fn texts(source: &str) -> Vec<(BlockKind, Vec<String>)> {
        lower_all(source)
            .into_iter()
            .map(|b| {
                (
                    b.kind,
                    b.lines
                        .into_iter()
                        .map(|l| format!("{}:{}", l.number, l.text.text))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn headings_paragraphs_items() {
        let doc = "# Paper list\n\n## OSDI\n\n### 2018\n\nRay: A Framework\nPhilipp Moritz, UC Berkeley\n\n- **Title**\n\n  Authors\n";
        let blocks = texts(doc);
        assert_eq!(
            blocks[0],
            (BlockKind::Heading(1), vec!["1:Paper list".to_owned()])
        );
        assert_eq!(
            blocks[2],
            (BlockKind::Heading(3), vec!["5:2018".to_owned()])
        );
        assert_eq!(
            blocks[3],
            (
                BlockKind::Paragraph,
                vec![
                    "7:Ray: A Framework".to_owned(),
                    "8:Philipp Moritz, UC Berkeley".to_owned()
                ]
            )
        );
        assert_eq!(
            blocks[4],
            (
                BlockKind::ListItem,
                vec!["10:Title".to_owned(), "12:Authors".to_owned()]
            )
        );
    }

    #[test]
    fn restructured_text_links() {
        let blocks = lower_all(
            "* A. `Title <https://x.org/a>`_. `[pdf] <https://x.org/a.pdf>`__ and `code`_\n",
        );
        let line = &blocks[0].lines[0].text;
        assert_eq!(line.text.trim_end_matches('_'), "A. Title. [pdf] and code");
        let links: Vec<(&str, &str)> = line
            .links()
            .map(|(range, url)| (&line.text[range], url))
            .collect();
        assert_eq!(
            links,
            [
                ("Title", "https://x.org/a"),
                ("[pdf]", "https://x.org/a.pdf")
            ]
        );
    }

    #[test]
    fn badges_and_code_tags() {
        assert_eq!(
            badge_text("https://img.shields.io/badge/OSDI-2022-blue").as_deref(),
            Some("OSDI 2022")
        );
        assert_eq!(
            badge_text("https://img.shields.io/badge/Under_Review--ICLR%202025-red?style=flat")
                .as_deref(),
            Some("Under Review-ICLR 2025")
        );
        assert_eq!(badge_text("https://img.shields.io/github/stars/x/y"), None);
        let doc = "- ![](https://img.shields.io/badge/OSDI-2022-blue) Orca: A System\n- ![stars](https://img.shields.io/badge/stars-1k-yellow) `ICML'23` FlexGen: Inference\n- Faster `memcpy` for All\n";
        let lines: Vec<String> = texts(doc)
            .into_iter()
            .flat_map(|(_, lines)| lines)
            .map(|line| paperlist_model::normalize::collapse_whitespace(&line).replace(": ", ":"))
            .collect();
        assert_eq!(
            lines,
            [
                "1:(OSDI 2022) Orca:A System",
                "2:[ICML'23] FlexGen:Inference",
                "3:Faster memcpy for All"
            ]
        );
    }

    #[test]
    fn marks_survive() {
        let blocks = lower_all(
            "+ **Bold title.** [[PDF]](https://x.org/a.pdf)\n\n  <u>Owner Name</u>, Other\n",
        );
        let item = &blocks[0];
        let first = &item.lines[0].text;
        assert_eq!(first.text, "Bold title. [PDF]");
        assert!(first.marks.contains(&(0..11, Mark::Strong)));
        assert!(
            first
                .marks
                .iter()
                .any(|(_, m)| *m == Mark::Link("https://x.org/a.pdf".into()))
        );
        let second = &item.lines[1].text;
        assert_eq!(second.text, "Owner Name, Other");
        assert!(second.marks.contains(&(0..10, Mark::Underline)));
    }

    #[test]
    fn tables_and_front_matter() {
        let doc = "---\ntitle: x\n---\n| Title | Year |\n|---|---|\n| Ray | 2018 |\n";
        let blocks = lower_all(doc);
        assert_eq!(blocks.len(), 1);
        assert_eq!(
            blocks[0].kind,
            BlockKind::TableRow {
                header: vec!["Title".into(), "Year".into()]
            }
        );
        assert_eq!(
            blocks[0]
                .cells
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["Ray", "2018"]
        );
        assert_eq!(blocks[0].lines[0].number, 6);
    }

    #[test]
    fn setext_headings_and_hard_breaks() {
        let blocks = texts("Publications\n=====\n\nAstra: Deep Learning\\\nMuthian Sivathanu\n");
        assert_eq!(blocks[0].0, BlockKind::Heading(1));
        assert_eq!(
            blocks[1].1,
            vec!["4:Astra: Deep Learning", "5:Muthian Sivathanu"]
        );
    }

    /// A long document read in parts gives the blocks it gives read whole,
    /// including where a fenced code block, an HTML comment or a `<pre>` block
    /// holds a heading-like line after a blank line.
    #[test]
    fn notes_nested_under_a_whole_entry_are_no_entries() {
        let text = "# Papers\n\n- **[Time-LLM: Time Series Forecasting by Reprogramming Large Language Models](https://arxiv.org/abs/2310.01728)**. *Jin, M. et al.* **[ICLR 2024]**.\n    - *Highlight: Reprograms time series into text prototypes for a frozen LLM.*\n";
        let parsed = crate::parse(text, &crate::SourceId::new("x.md"), crate::Format::Markdown);
        let titles: Vec<&str> = parsed.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Time-LLM: Time Series Forecasting by Reprogramming Large Language Models"]
        );
    }

    #[test]
    fn a_summary_that_names_authors_is_a_paper() {
        let text = "<details>\n<summary><strong>ReAct: Synergizing Reasoning and Acting in Language Models</strong> - Shunyu Yao, Jeffrey Zhao - [[pdf]](https://arxiv.org/pdf/2210.03629)</summary>\n\nAbstract text.\n\n</details>\n\n<details><summary>Agents (6 papers)</summary>\n\n- [Toolformer: Language Models Can Teach Themselves to Use Tools](https://arxiv.org/abs/2302.04761)\n\n</details>\n";
        let parsed = crate::parse(text, &crate::SourceId::new("x.md"), crate::Format::Markdown);
        let entries: Vec<(&str, usize, Vec<String>)> = parsed
            .entries
            .iter()
            .map(|e| (e.title.as_str(), e.authors.len(), e.source.section.to_vec()))
            .collect();
        assert_eq!(
            entries,
            [
                (
                    "ReAct: Synergizing Reasoning and Acting in Language Models",
                    2,
                    vec![]
                ),
                (
                    "Toolformer: Language Models Can Teach Themselves to Use Tools",
                    0,
                    vec!["Agents (6 papers)".to_owned()]
                ),
            ]
        );
        assert!(
            parsed.entries[0].arxiv.is_some(),
            "the summary's link is read"
        );
    }

    #[test]
    fn sibling_items_of_fields_join_the_title_item() {
        let text = "# Notes\n\n- Unsupervised Domain Adaptation by Backpropagation [[pdf]](https://arxiv.org/pdf/1409.7495.pdf)\n- *Yaroslav Ganin, Victor Lempitsky*\n- `2015, ICML`\n- [code](https://github.com/x/y)\n\n# Publications\n\n- Attention Is All You Need (2017)\n- Deep Residual Learning for Image Recognition (2016)\n";
        let parsed = crate::parse(text, &crate::SourceId::new("x.md"), crate::Format::Markdown);
        let entries: Vec<(&str, usize, Option<i32>)> = parsed
            .entries
            .iter()
            .map(|e| (e.title.as_str(), e.authors.len(), e.year))
            .collect();
        assert_eq!(
            entries,
            [
                (
                    "Unsupervised Domain Adaptation by Backpropagation",
                    2,
                    Some(2015)
                ),
                ("Attention Is All You Need", 0, Some(2017)),
                (
                    "Deep Residual Learning for Image Recognition",
                    0,
                    Some(2016)
                ),
            ]
        );
    }

    #[test]
    fn labelled_paragraphs_are_one_card() {
        let text = "# Notes\n\n### Paper 2\n\n**Full Title:** A Watermark for Large Language Models\n\n**Authors:** John Kirchenbauer, Jonas Geiping\n\n**Venue:** ICML 2023\n";
        let parsed = crate::parse(text, &crate::SourceId::new("x.md"), crate::Format::Markdown);
        let entries: Vec<(&str, usize, Option<&str>)> = parsed
            .entries
            .iter()
            .map(|e| (e.title.as_str(), e.authors.len(), e.venue.as_deref()))
            .collect();
        assert_eq!(
            entries,
            [("A Watermark for Large Language Models", 2, Some("ICML"))]
        );
    }

    #[test]
    fn parts_read_like_the_whole() {
        let section = "## OSDI\n\n- **Ray: A Distributed Framework.** Philipp Moritz, Ion Stoica. 2018\n- Second *paper*\n  continued\n\n| Title | Year |\n|---|---|\n| TVM | 2018 |\n\n";
        let traps = [
            "```\n\n# in code\n\n```\n\n",
            "<!-- a comment\n\n# in comment\n\n-->\n\n",
            "<pre>\n\n# in pre\n\n</pre>\n\n",
            "<div>\nhello\n\n",
        ];
        let mut doc = String::new();
        let mut i = 0;
        while doc.len() < 5 * MIN_PART {
            doc.push_str(section);
            if i % 97 == 0 {
                doc.push_str(traps[(i / 97) % traps.len()]);
            }
            i += 1;
        }
        // An unclosed fence swallows the rest, in parts as when whole.
        doc.push_str("~~~~ unclosed\n\n");
        for _ in 0..MIN_PART / section.len() + 2 {
            doc.push_str(section);
        }
        let index = LineIndex::new(&doc);
        let mut parts = 0;
        let mut in_parts = Vec::new();
        lower(&doc, &index, &mut |blocks| {
            parts += 1;
            in_parts.extend(blocks);
        });
        let (whole, _) = lower_part(&doc, 0..doc.len(), &index);
        assert!(parts > 1, "read in {parts} part(s)");
        assert_eq!(in_parts, whole);
        assert!(whole.len() > i * 4);
        assert!(whole.len() < i * 5);
    }

    #[test]
    fn link_definitions_keep_the_document_whole() {
        let mut doc = "## A\n\n- [Ray][r]\n\n".repeat(2 * MIN_PART / 16);
        doc.push_str("[r]: https://x.org/ray.pdf\n");
        let index = LineIndex::new(&doc);
        let mut parts = 0;
        lower(&doc, &index, &mut |_| parts += 1);
        assert_eq!(parts, 1);
    }
}
