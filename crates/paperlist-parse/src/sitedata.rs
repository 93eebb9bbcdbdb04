//! A static site's data file of publications: Jekyll's
//! `_data/publications.yml`, Hugo's `data/publications.yaml` or `.json`, the
//! file a group's or a researcher's site renders its publication page from.
//!
//! Each publication is a mapping of fields (`title`, `authors`, `venue`,
//! `year`, `doi`, `pdf`, a `links` list, ...) under any names a site chose;
//! the records sit in a flat list, in groups (`- year: 2024` / `papers:`),
//! or under category keys (`journals:`, `conferences:`). A record is lowered
//! into a table row whose columns are its field names, so the column rules
//! of spreadsheets and Markdown tables read it; a group becomes a heading
//! over its records (a year, `Journal Articles`, `Talks`).
//!
//! The YAML is read with yaml-rust2's event parser into a tree of our own,
//! as its document loader forgets which line a value was on. A file with a
//! YAML error is read record by record, so one broken record is one
//! diagnostic and the others are still read.

use std::collections::HashMap;

use paperlist_model::EntryKind;
use paperlist_model::normalize::collapse_whitespace;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::blocks::{Block, BlockKind, Line, LineIndex};
use crate::delimited;
use crate::fields;
use crate::markdown::styled_snippet as styled;
use crate::styled::{Mark, Styled};

/// A YAML value and the line it starts on.
#[derive(Debug, Clone)]
struct Node {
    value: Value,
    line: u32,
    /// The line of the event that closed a collection (the next token's):
    /// where the collection ends.
    end_line: u32,
}

#[derive(Debug, Clone)]
enum Value {
    Scalar(String),
    List(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

/// A mapping's key and its line.
#[derive(Debug, Clone)]
struct Key {
    name: String,
    line: u32,
}

impl Node {
    fn scalar(&self) -> Option<&str> {
        match &self.value {
            // YAML's and JSON's null is no value.
            Value::Scalar(text) => Some(text.trim())
                .filter(|t| !t.is_empty() && !matches!(*t, "~" | "null" | "Null" | "NULL")),
            _ => None,
        }
    }

    /// A title's text: a scalar, or the one scalar of a list (Crossref
    /// writes `"title": ["Deep learning"]`).
    fn title_text(&self) -> Option<&str> {
        match &self.value {
            Value::List(items) if items.len() == 1 => items[0].scalar(),
            _ => self.scalar(),
        }
    }

    fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.name.eq_ignore_ascii_case(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The first of `keys` the mapping has, as text.
    fn text_of(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| self.get(key)?.scalar())
    }
}

/// Cloned nodes that aliases may add in all: an alias repeats its anchor's
/// whole subtree, and nested aliases would otherwise grow without bound.
const ALIAS_BUDGET: usize = 100_000;

/// Builds [`Node`] trees from the parser's events.
#[derive(Default)]
struct Builder {
    frames: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    documents: Vec<Node>,
    /// Added to the parser's line numbers (a record read on its own).
    line_offset: u32,
    cloned: usize,
    /// Collections open below [`MAX_NESTING`], not kept.
    skipped: usize,
}

/// How deep collections are kept: no publication list nests deeper, and a
/// tree of unbounded depth would overflow the stack when dropped.
const MAX_NESTING: usize = 64;

enum Frame {
    List(Vec<Node>, u32, usize),
    Map(Vec<(Key, Node)>, Option<Key>, u32, usize),
}

fn size(node: &Node) -> usize {
    match &node.value {
        Value::Scalar(_) => 1,
        Value::List(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Map(entries) => 1 + entries.iter().map(|(_, v)| size(v)).sum::<usize>(),
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let line = u32::try_from(mark.line())
            .unwrap_or(u32::MAX)
            .saturating_add(self.line_offset);
        if self.skipped > 0 || self.frames.len() >= MAX_NESTING {
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => self.skipped += 1,
                Event::SequenceEnd | Event::MappingEnd if self.skipped > 0 => self.skipped -= 1,
                _ if self.skipped > 0 => {}
                // At the limit, a scalar still fills its place.
                _ => self.keep(event, line),
            }
            return;
        }
        self.keep(event, line);
    }
}

impl Builder {
    fn keep(&mut self, event: Event, line: u32) {
        match event {
            Event::SequenceStart(anchor, _) => {
                self.frames.push(Frame::List(Vec::new(), line, anchor))
            }
            Event::MappingStart(anchor, _) => {
                self.frames.push(Frame::Map(Vec::new(), None, line, anchor));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (value, start, anchor) = match self.frames.pop() {
                    Some(Frame::List(items, start, anchor)) => (Value::List(items), start, anchor),
                    Some(Frame::Map(entries, _, start, anchor)) => {
                        (Value::Map(entries), start, anchor)
                    }
                    None => return,
                };
                let node = Node {
                    value,
                    line: start,
                    end_line: line,
                };
                self.insert(node, anchor);
            }
            Event::Scalar(text, _, anchor, _) => {
                let node = Node {
                    value: Value::Scalar(text),
                    line,
                    end_line: line,
                };
                self.insert(node, anchor);
            }
            Event::Alias(id) => {
                let node = match self.anchors.get(&id) {
                    Some((node, size)) if self.cloned + size <= ALIAS_BUDGET => {
                        self.cloned += size;
                        Node {
                            line,
                            end_line: line,
                            ..node.clone()
                        }
                    }
                    _ => Node {
                        value: Value::Scalar(String::new()),
                        line,
                        end_line: line,
                    },
                };
                self.insert(node, 0);
            }
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd => {}
        }
    }

    fn insert(&mut self, node: Node, anchor: usize) {
        if anchor > 0 {
            let size = size(&node);
            self.anchors.insert(anchor, (node.clone(), size));
        }
        match self.frames.last_mut() {
            None => self.documents.push(node),
            Some(Frame::List(items, ..)) => items.push(node),
            Some(Frame::Map(entries, key, ..)) => match key.take() {
                None => {
                    *key = Some(Key {
                        name: node.scalar().unwrap_or_default().to_owned(),
                        line: node.line,
                    });
                }
                Some(key) => entries.push((key, node)),
            },
        }
    }
}

/// How wide the indentation of a block collection may be (spaces and the
/// `- `, `? `, `: ` of compact nesting). A block collection nests once per
/// column at most, and yaml-rust2 reads nesting recursively: a limit keeps
/// the stack safe. (Flow collections have the parser's own limit.)
const MAX_INDENT: usize = 256;

/// The documents of `text`, or the YAML error and its line.
fn load(text: &str, line_offset: u32) -> Result<Vec<Node>, (u32, String)> {
    for (number, line) in text.lines().enumerate() {
        let indent = line
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'-' | b'?' | b':' | b'\t'))
            .count();
        if indent > MAX_INDENT {
            let line = u32::try_from(number + 1)
                .unwrap_or(u32::MAX)
                .saturating_add(line_offset);
            return Err((line, format!("indented more than {MAX_INDENT} columns")));
        }
    }
    let mut builder = Builder {
        line_offset,
        ..Builder::default()
    };
    let mut parser = Parser::new_from_str(text);
    match parser.load(&mut builder, true) {
        Ok(()) => Ok(builder.documents),
        Err(error) => {
            let line = u32::try_from(error.marker().line())
                .unwrap_or(u32::MAX)
                .saturating_add(line_offset);
            Err((line, error.info().to_owned()))
        }
    }
}

/// Offsets where the top-level items or keys of a YAML document start (a
/// line at column 0 that is not a comment, a blank or a continuation).
fn top_level_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let first = line.as_bytes().first().copied();
        let is_start = match first {
            Some(b'-') => line.starts_with("- ") || line.trim_end() == "-",
            Some(b'#' | b' ' | b'\t' | b'\n' | b'\r') | None => false,
            Some(_) => !line.starts_with("---") && !line.starts_with("..."),
        };
        if is_start {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts
}

/// The publications of a data file: its blocks (headings and table rows) and
/// the diagnostics of YAML that could not be read.
/// What a data file lowers to: its blocks, YAML errors and warnings, each
/// with its line.
pub(crate) struct Lowered {
    pub blocks: Vec<Block>,
    pub errors: Vec<(u32, String)>,
    pub warnings: Vec<(u32, String)>,
}

pub(crate) fn lower(text: &str, index: &LineIndex) -> Lowered {
    lower_parsed(text, text, index)
}

/// [`lower`] for a JavaScript or TypeScript module that keeps its list in a
/// literal (`export const publications = [{ title: "...", ... }];`, as
/// React and Next.js sites do): the literal is read as YAML flow text.
pub(crate) fn lower_script(text: &str, index: &LineIndex) -> Lowered {
    match script_literal(text) {
        Some(flow) => lower_parsed(&flow, text, index),
        None => Lowered {
            blocks: Vec::new(),
            errors: vec![(
                1,
                "no data literal (`const name = [ ... ]`) in this script; a list the script \
                 imports is read from its own file"
                    .to_owned(),
            )],
            warnings: Vec::new(),
        },
    }
}

/// The data literal of a script as YAML flow text with the script's lines:
/// everything outside the literal and every comment become blank, strings
/// become double-quoted (`'it\'s'` is `"it's"`), a key's colon gets its space,
/// `undefined` is `null`. (Written by hand: JSON5 readers take most of this
/// syntax but do not say which line a value was on.)
fn script_literal(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    // The literal assigned (`= [`, `= {`) or exported (`export default [`).
    let start = text
        .match_indices('=')
        .filter(|&(i, _)| {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let after = bytes.get(i + 1).copied();
            !matches!(before, Some(b'=' | b'!' | b'<' | b'>'))
                && !matches!(after, Some(b'=' | b'>'))
        })
        .map(|(i, _)| i + 1)
        .chain(
            text.match_indices("export default")
                .map(|(i, m)| i + m.len()),
        )
        .filter_map(|after| {
            let rest = text[after..].trim_start();
            rest.starts_with(['[', '{'])
                .then_some(text.len() - rest.len())
        })
        .min()?;
    let mut out = String::with_capacity(text.len());
    for c in text[..start].chars() {
        if c == '\n' {
            out.push('\n');
        }
    }
    #[derive(PartialEq)]
    enum State {
        Code,
        Quoted(char),
        LineComment,
        BlockComment,
    }
    let mut state = State::Code;
    let mut depth = 0usize;
    let mut chars = text[start..].char_indices().peekable();
    let mut end = None;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match state {
            State::Code => match c {
                '/' if next == Some('/') => state = State::LineComment,
                '/' if next == Some('*') => {
                    chars.next();
                    state = State::BlockComment;
                }
                '"' | '\'' | '`' => {
                    out.push('"');
                    state = State::Quoted(c);
                }
                '[' | '{' => {
                    depth += 1;
                    out.push(c);
                }
                ']' | '}' => {
                    out.push(c);
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = Some(start + at + c.len_utf8());
                        break;
                    }
                }
                ':' => {
                    out.push(':');
                    if next.is_some_and(|n| !n.is_whitespace()) {
                        out.push(' ');
                    }
                }
                'u' if text[start + at..].starts_with("undefined")
                    && !text[start + at + 9..]
                        .starts_with(|n: char| n.is_alphanumeric() || n == '_') =>
                {
                    out.push_str("null");
                    for _ in 0..8 {
                        chars.next();
                    }
                }
                _ => out.push(c),
            },
            State::Quoted(quote) => match c {
                '\\' => match chars.next() {
                    Some((_, '\'')) => out.push('\''),
                    Some((_, '`')) => out.push('`'),
                    Some((_, escaped)) => {
                        out.push('\\');
                        out.push(escaped);
                    }
                    None => {}
                },
                c if c == quote => {
                    out.push('"');
                    state = State::Code;
                }
                '"' => out.push_str("\\\""),
                // `${...}` in a template: no plain text; the value is left out.
                '$' if quote == '`' && next == Some('{') => return None,
                _ => out.push(c),
            },
            State::LineComment => {
                if c == '\n' {
                    out.push('\n');
                    state = State::Code;
                }
            }
            State::BlockComment => {
                if c == '\n' {
                    out.push('\n');
                } else if c == '*' && next == Some('/') {
                    chars.next();
                    state = State::Code;
                }
            }
        }
    }
    let end = end?;
    for c in text[end..].chars() {
        if c == '\n' {
            out.push('\n');
        }
    }
    Some(out)
}

/// [`lower`] of `parse` (the text read as YAML), numbered and cut as `text`,
/// which has the same lines.
fn lower_parsed(parse: &str, text: &str, index: &LineIndex) -> Lowered {
    let mut diagnostics_at: Vec<(u32, String)> = Vec::new();
    let documents = match load(parse, 0) {
        Ok(documents) => documents,
        Err(whole) => {
            // Read the top-level items one by one: one bad record costs itself.
            let starts = top_level_starts(parse);
            if starts.len() < 2 {
                diagnostics_at.push(whole);
                Vec::new()
            } else {
                let mut documents = Vec::new();
                let mut items = Vec::new();
                let mut ends = starts.iter().skip(1).copied().chain([parse.len()]);
                for &start in &starts {
                    let end = ends.next().unwrap_or(parse.len());
                    // The lines before the item (`parse` has the lines of `text`).
                    let offset = parse.as_bytes()[..start]
                        .iter()
                        .filter(|b| **b == b'\n')
                        .count();
                    let offset = u32::try_from(offset).unwrap_or(u32::MAX);
                    match load(&parse[start..end], offset) {
                        Ok(parsed) => items.extend(parsed),
                        Err(error) => diagnostics_at.push(error),
                    }
                }
                // Items of a list are one list again; keys of a mapping, one mapping.
                let mut list = Vec::new();
                let mut map = Vec::new();
                for item in items {
                    match item.value {
                        Value::List(inner) => list.extend(inner),
                        Value::Map(entries) => map.extend(entries),
                        Value::Scalar(_) => {}
                    }
                }
                for value in [Value::List(list), Value::Map(map)] {
                    documents.push(Node {
                        value,
                        line: 1,
                        end_line: index.line_of(text.len()),
                    });
                }
                documents
            }
        }
    };
    let mut lowering = Lowering {
        text,
        index,
        blocks: Vec::new(),
        warnings: Vec::new(),
    };
    for document in &documents {
        lowering.walk(document, 1, 0);
    }
    // The parser may place an error at the end of input, past the last line.
    let last = index.line_of(text.len().saturating_sub(1));
    for (line, _) in &mut diagnostics_at {
        *line = (*line).clamp(1, last);
    }
    Lowered {
        blocks: lowering.blocks,
        errors: diagnostics_at,
        warnings: lowering.warnings,
    }
}

/// How deep a data file may nest before the rest is not looked at.
const MAX_DEPTH: usize = 32;

struct Lowering<'a> {
    text: &'a str,
    index: &'a LineIndex,
    blocks: Vec<Block>,
    warnings: Vec<(u32, String)>,
}

impl Lowering<'_> {
    fn walk(&mut self, node: &Node, level: u8, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match &node.value {
            Value::Scalar(_) => {}
            Value::List(items) => {
                for item in items {
                    self.walk(item, level, depth + 1);
                }
            }
            Value::Map(entries) => {
                if is_record(node) {
                    self.record(node);
                    // CITATION.cff: the software, then the paper to cite for it
                    // and the works it cites.
                    for (key, value) in entries {
                        if matches!(
                            key_name(&key.name).as_str(),
                            "preferred_citation" | "references"
                        ) {
                            self.walk(value, level, depth + 1);
                        }
                    }
                    return;
                }
                // A group: `- year: 2024` / `papers: [...]`, or `title:
                // Journal Articles` / `items: [...]`; its name heads its records.
                let collections: Vec<&(Key, Node)> = entries
                    .iter()
                    .filter(|(_, v)| matches!(v.value, Value::List(_) | Value::Map(_)))
                    .collect();
                let name = GROUP_NAME_KEYS
                    .iter()
                    .find_map(|key| node.get(key)?.scalar());
                if let Some(name) = name {
                    self.heading(level, name, node.line);
                    for (_, value) in collections {
                        self.walk(value, level + 1, depth + 1);
                    }
                    return;
                }
                // Category keys (`journals:`, `2023:`) head what they hold;
                // records under their ids (`ray2018:`) are read as they are.
                for (key, value) in collections {
                    if !is_record(value) {
                        self.heading(level, &key.name.replace('_', " "), key.line);
                    }
                    self.walk(value, level + 1, depth + 1);
                }
            }
        }
    }

    fn heading(&mut self, level: u8, name: &str, line: u32) {
        let span = self.index.line_range(self.text, line, line);
        self.blocks.push(Block {
            kind: BlockKind::Heading(level.min(6)),
            lines: vec![Line {
                text: Styled::from_text(collapse_whitespace(name)),
                number: line,
            }],
            cells: Vec::new(),
            span,
        });
    }

    /// A record as a table row: a column per field it has.
    fn record(&mut self, node: &Node) {
        let Value::Map(entries) = &node.value else {
            return;
        };
        let mut row = Row::default();
        let titled = entries
            .iter()
            .any(|(k, _)| matches!(field(k), Field::Title));
        let mut links = Styled::default();
        let mut bibtex: Option<&str> = None;
        let mut venue: Option<String> = None;
        let mut source: Option<String> = None;
        let mut parent_biblio: Vec<(&str, String)> = Vec::new();
        let mut parent_kind: Option<EntryKind> = None;
        let mut short: Option<String> = None;
        for (key, value) in entries {
            let named = !titled && is_name_key(key);
            let key = key_name(&key.name);
            if named {
                if let Some(text) = value.scalar() {
                    row.push("title", styled(text));
                }
                continue;
            }
            match Field::of(&key) {
                Field::Title => {
                    if let Some(text) = value.title_text() {
                        row.push("title", styled(text));
                    }
                }
                Field::Authors => match author_ids(value) {
                    // `authors: [stoica, pmoritz]`: keys of the site's people file.
                    Some(ids) => self.warnings.push((
                        value.line,
                        format!(
                            "authors written as ids of another data file ({ids}): their names \
                             are not in this file, so the entry has no authors"
                        ),
                    )),
                    None => row.push("authors", authors(value)),
                },
                // Crossref's `source: Crossref` names where the record came
                // from: any other venue key says more.
                Field::Venue if key == "source" => source = source.or_else(|| value_text(value)),
                Field::Venue => venue = venue.or_else(|| value_text(value)),
                Field::ShortVenue => short = short.or_else(|| value_text(value)),
                Field::Year => {
                    if let Some(text) = value.scalar() {
                        row.push("year", Styled::from_text(date_text(text)));
                    } else if let Some(year) = date_parts_year(value) {
                        row.push("year", Styled::from_text(year.to_owned()));
                    }
                }
                Field::Kind => {
                    if let Some(kind) = value_kind(value) {
                        row.push("type", Styled::from_text(kind_name(kind).to_owned()));
                    }
                }
                Field::Note => match value.scalar() {
                    // A recorded talk.
                    Some(url) if is_address(url) => add_links(&mut links, value, "Video"),
                    // A note that says the status or an award; other remarks
                    // are about the paper, not of it.
                    Some(text) if fields::status_or_award(&styled(text).text).is_some() => {
                        row.push("note", styled(text));
                    }
                    // `presentation: Oral`: how the paper was presented, a distinction.
                    Some(text)
                        if ["oral", "spotlight", "highlight"]
                            .iter()
                            .any(|kind| text.eq_ignore_ascii_case(kind)) =>
                    {
                        row.push("award", Styled::from_text(text.to_owned()));
                    }
                    _ => {}
                },
                Field::Own(name) => {
                    if let Some(text) = value_text(value) {
                        row.push(name, styled(&text));
                    }
                }
                // Hayagriva's `url: {value: ..., date: ...}` (with the date it was read).
                Field::Address => match value.scalar().or_else(|| value.text_of(&["value"])) {
                    // The paper's address, as a spreadsheet's URL column has it;
                    // a path on the site is a link to the paper.
                    Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                        row.push("url", delimited::cell(url, "url"));
                    }
                    _ => add_links(&mut links, value, "Paper"),
                },
                Field::Identifier(column) => {
                    if let Some(id) = value.scalar() {
                        row.push(column, delimited::cell(id, column));
                    }
                }
                Field::Link(label) => add_links(&mut links, value, label),
                Field::Links => add_links(&mut links, value, ""),
                Field::Bibtex => match value.scalar() {
                    Some(text) if text.trim_start().starts_with('@') => bibtex = Some(text),
                    _ => add_links(&mut links, value, "BibTeX"),
                },
                Field::Parent => {
                    let parent = match &value.value {
                        Value::List(items) => items.first(),
                        _ => Some(value),
                    };
                    if let Some(parent) = parent {
                        venue = venue.or_else(|| value_text(parent));
                        for (column, key) in [
                            ("volume", "volume"),
                            ("number", "issue"),
                            ("publisher", "publisher"),
                        ] {
                            if let Some(text) = parent.get(key).and_then(value_text) {
                                parent_biblio.push((column, text));
                            }
                        }
                        parent_kind = parent.text_of(&["type"]).and_then(parent_type_kind);
                    }
                }
                Field::Biblio => {
                    if let Some(volume) = value.text_of(&["volume"]) {
                        row.push("volume", Styled::from_text(volume.to_owned()));
                    }
                    if let Some(issue) = value.text_of(&["issue", "number"]) {
                        row.push("number", Styled::from_text(issue.to_owned()));
                    }
                    let pages = match (
                        value.text_of(&["first_page"]),
                        value.text_of(&["last_page"]),
                    ) {
                        (Some(first), Some(last)) if first != last => format!("{first}-{last}"),
                        (Some(first), _) => first.to_owned(),
                        _ => value.text_of(&["pages"]).unwrap_or_default().to_owned(),
                    };
                    row.push("pages", Styled::from_text(pages));
                }
                Field::Identifiers => {
                    for (column, keys) in [
                        ("doi", ["doi", "DOI"]),
                        ("arxiv", ["arxiv", "ArXiv"]),
                        ("dblp", ["dblp", "DBLP"]),
                    ] {
                        if let Some(id) = value.text_of(&keys) {
                            row.push(column, delimited::cell(id, column));
                        }
                    }
                    // CITATION.cff's `identifiers: [{type: doi, value: ...}]`.
                    if let Value::List(items) = &value.value {
                        for item in items {
                            let kind = item.text_of(&["type"]).unwrap_or_default();
                            let Some(id) = item.text_of(&["value"]) else {
                                continue;
                            };
                            match kind.to_ascii_lowercase().as_str() {
                                "doi" => row.push("doi", delimited::cell(id, "doi")),
                                "url" => {
                                    let address = Node {
                                        value: Value::Scalar(id.to_owned()),
                                        line: item.line,
                                        end_line: item.line,
                                    };
                                    add_links(&mut links, &address, "Link");
                                }
                                _ => {}
                            }
                        }
                    }
                }
                Field::None => {}
            }
        }
        let venue = venue.or(source);
        for (column, text) in parent_biblio {
            if !row.has(column) {
                row.push(column, Styled::from_text(text));
            }
        }
        // Hayagriva writes every paper `type: article`; the work it is in
        // says whether it is a conference paper or a chapter.
        if let Some(kind) = parent_kind
            && row.get("type").is_none_or(|declared| declared == "article")
        {
            row.set("type", Styled::from_text(kind_name(kind).to_owned()));
        }
        // The venue with its short name, as a page writes it (`Operating
        // Systems Design and Implementation (OSDI)`).
        let had_venue = venue.is_some() || short.is_some();
        let mut venue = match (venue, short) {
            (Some(venue), Some(short)) if !venue.contains(&short) => {
                Some(format!("{venue} ({short})"))
            }
            (Some(venue), _) => Some(venue),
            (None, short) => short,
        };
        // A BibTeX entry written out in the record gives what the record
        // lacks (its authors, venue, year, DOI).
        if let Some(entry) = bibtex.and_then(bibtex_entry) {
            if !row.has("authors") && !entry.authors.is_empty() {
                let names: Vec<&str> = entry.authors.iter().map(|p| p.name()).collect();
                row.push("authors", Styled::from_text(names.join("; ")));
            }
            if !had_venue {
                venue.clone_from(&entry.venue);
            }
            if !row.has("year")
                && let Some(year) = entry.year
            {
                row.push("year", Styled::from_text(year.to_string()));
            }
            if let Some(doi) = entry.doi() {
                row.push("doi", delimited::cell(doi.as_str(), "doi"));
            }
            if !row.has("pages")
                && let Some(pages) = entry.pages()
            {
                row.push("pages", Styled::from_text(pages.to_string()));
            }
            if let Some(arxiv) = entry.arxiv() {
                row.push("arxiv", delimited::cell(&arxiv.to_string(), "arxiv"));
            }
        }
        if let Some(venue) = venue {
            row.push("venue", styled(&venue));
        }
        // CITATION.cff's `start` and `end` pages.
        if !row.has("pages")
            && let (Some(start), Some(end)) = (node.text_of(&["start"]), node.text_of(&["end"]))
            && [start, end]
                .iter()
                .all(|page| page.bytes().all(|b| b.is_ascii_digit()))
        {
            row.push("pages", Styled::from_text(format!("{start}-{end}")));
        }
        row.push("links", links);
        let first = node.line;
        let last = record_end(self.text, self.index, node);
        let mut joined = Styled::default();
        for (i, cell) in row.cells.iter().enumerate() {
            if i > 0 {
                joined.push_str(" | ");
            }
            joined.push(cell);
        }
        // The record's last line, empty: the entry's raw text is the whole record.
        let mut lines = vec![Line {
            text: joined,
            number: first,
        }];
        if last > first {
            lines.push(Line {
                text: Styled::default(),
                number: last,
            });
        }
        self.blocks.push(Block {
            kind: BlockKind::TableRow { header: row.header },
            lines,
            cells: row.cells,
            span: self.index.line_range(self.text, first, last),
        });
    }
}

/// A record's columns as they are read.
#[derive(Default)]
struct Row {
    header: Vec<String>,
    cells: Vec<Styled>,
}

impl Row {
    /// Adds a column, unless its cell is blank.
    fn push(&mut self, name: &str, cell: Styled) {
        if !cell.is_blank() {
            self.header.push(name.to_owned());
            self.cells.push(cell);
        }
    }

    fn has(&self, name: &str) -> bool {
        self.header.iter().any(|h| h == name)
    }

    fn get(&self, name: &str) -> Option<&str> {
        let at = self.header.iter().position(|h| h == name)?;
        Some(self.cells[at].text.as_str())
    }

    /// Sets a column: its cell replaced, or added.
    fn set(&mut self, name: &str, cell: Styled) {
        match self.header.iter().position(|h| h == name) {
            Some(at) => self.cells[at] = cell,
            None => self.push(name, cell),
        }
    }
}

/// The first entry of a BibTeX text kept in a record.
fn bibtex_entry(text: &str) -> Option<paperlist_model::Entry> {
    let (entries, _) = crate::bibtex::parse(&std::sync::Arc::from(text), "");
    entries.into_iter().next()
}

/// The last line of a record: the line before the token that closed it,
/// without the blank and comment lines between records.
fn record_end(text: &str, index: &LineIndex, node: &Node) -> u32 {
    let mut last = node.end_line.saturating_sub(1).max(node.line);
    while last > node.line {
        let range = index.line_range(text, last, last);
        let line = text[range].trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("//") {
            last -= 1;
        } else {
            break;
        }
    }
    last
}

/// Keys whose value names a group of records.
const GROUP_NAME_KEYS: &[&str] = &[
    "year", "title", "name", "heading", "header", "section", "category", "type", "label",
];

/// What a record's key holds.
enum Field {
    Title,
    Authors,
    Venue,
    ShortVenue,
    Year,
    Kind,
    Note,
    /// A field the table rules know by this column name.
    Own(&'static str),
    /// The paper's address.
    Address,
    /// A DOI, arXiv id or dblp key, read by the column of this name.
    Identifier(&'static str),
    /// A link shown with this label.
    Link(&'static str),
    /// A list or mapping of labelled links.
    Links,
    /// A mapping of identifiers by name (`{DOI: ..., ArXiv: ...}`).
    Identifiers,
    /// A mapping of volume, issue and pages.
    Biblio,
    /// The work the paper is in, as a mapping (Hayagriva's `parent`): its
    /// title is the venue.
    Parent,
    /// A BibTeX entry written out, or a link to one.
    Bibtex,
    None,
}

impl Field {
    fn of(key: &str) -> Field {
        match key {
            "title" | "paper_title" | "papertitle" => Field::Title,
            "authors" | "author" | "author_list" | "authors_list" | "people" | "creators"
            | "authorships" => Field::Authors,
            "venue" | "journal" | "booktitle" | "conference" | "publication" | "pub"
            | "published_in" | "publishedin" | "where" | "reference" | "source" | "proceedings"
            | "journal_name" | "outlet" | "container" | "container_title" | "collection_title"
            | "primary_location" | "host_venue" => Field::Venue,
            "publication_short" | "venue_short" | "short_venue" | "venue_abbr" | "abbr"
            | "abbreviation" | "conference_short" | "alias" => Field::ShortVenue,
            "year" | "date" | "publishdate" | "publish_date" | "pub_date" | "issued"
            | "date_released" | "date_published" | "publication_year" | "publicationyear" => {
                Field::Year
            }
            "type" | "kind" | "pub_type" | "publication_type" | "publication_types"
            | "category" | "entry_type" | "entrytype" => Field::Kind,
            "note" | "notes" | "comment" | "remark" | "highlight" | "presentation" => Field::Note,
            "status" => Field::Own("status"),
            "award" | "awards" | "honor" | "honors" | "prize" => Field::Own("award"),
            "pages" | "page" | "page_range" => Field::Own("pages"),
            "volume" => Field::Own("volume"),
            "number" | "issue" => Field::Own("number"),
            // A thesis's school (Hayagriva's `organization`).
            "publisher" | "school" | "institution" | "organization" => Field::Own("publisher"),
            "url" | "link" | "paper" | "paperurl" | "paper_url" | "paper_link" | "html" | "ee" => {
                Field::Address
            }
            "doi" => Field::Identifier("doi"),
            "arxiv" | "arxiv_id" | "eprint" => Field::Identifier("arxiv"),
            "dblp" => Field::Identifier("dblp"),
            "pdf" | "url_pdf" | "pdf_url" | "file" => Field::Link("PDF"),
            "code" | "url_code" | "github" | "repo" | "repository" | "source_code"
            | "repository_code" => Field::Link("Code"),
            "slides" | "url_slides" | "slidesurl" => Field::Link("Slides"),
            "video" | "url_video" | "talk" | "youtube" => Field::Link("Video"),
            "poster" | "url_poster" => Field::Link("Poster"),
            "supp" | "supplement" | "supplementary" | "appendix" => Field::Link("Supplementary"),
            "project" | "url_project" | "website" | "webpage" | "project_page" | "homepage" => {
                Field::Link("Project")
            }
            "preprint" | "url_preprint" => Field::Link("Preprint"),
            "dataset" | "data" | "url_dataset" => Field::Link("Dataset"),
            "bib" | "bibtex" | "cite" | "citation_bibtex" => Field::Bibtex,
            "links" | "urls" | "resources" | "buttons" => Field::Links,
            // Semantic Scholar's `externalIds`, OpenAlex's `ids`.
            // Hayagriva's (Typst's) `serial-number: {doi: ...}`.
            "externalids" | "external_ids" | "ids" | "identifiers" | "serial_number" => {
                Field::Identifiers
            }
            "parent" => Field::Parent,
            // OpenAlex's `{volume, issue, first_page, last_page}`.
            "biblio" => Field::Biblio,
            _ => Field::None,
        }
    }
}

/// Whether a mapping is a publication: it has a title, and a field only a
/// publication has or no records inside it (a group `title: Journals` over
/// `papers:` is none; `title: Draft` alone is one).
fn is_record(node: &Node) -> bool {
    let Value::Map(entries) = &node.value else {
        return false;
    };
    let titled = entries
        .iter()
        .any(|(k, v)| matches!(field(k), Field::Title) && v.title_text().is_some());
    // `name: Title` beside `authors`, `conference`, `url`: the paper's name.
    let named = || {
        has_publication_field(entries)
            && entries
                .iter()
                .any(|(k, v)| is_name_key(k) && v.scalar().is_some())
    };
    (titled && (has_publication_field(entries) || !holds_titles(node, 0))) || (!titled && named())
}

fn is_name_key(key: &Key) -> bool {
    key.name.eq_ignore_ascii_case("name")
}

fn field(key: &Key) -> Field {
    Field::of(&key_name(&key.name))
}

/// A key as [`Field::of`] knows it: lower case, `_` for `-`, and without an
/// English variant's suffix (`status_en` beside `status_zh`).
fn key_name(key: &str) -> String {
    let key = key.to_ascii_lowercase().replace('-', "_");
    match key.strip_suffix("_en") {
        Some(base) if !base.is_empty() => base.to_owned(),
        _ => key,
    }
}

/// Whether a collection inside a mapping holds mappings with a title.
fn holds_titles(node: &Node, depth: usize) -> bool {
    let children: Vec<&Node> = match &node.value {
        Value::Scalar(_) => return false,
        Value::List(items) => items.iter().collect(),
        Value::Map(entries) => entries.iter().map(|(_, v)| v).collect(),
    };
    depth < 4
        && children.into_iter().any(|child| {
            let titled = depth > 0
                && matches!(&child.value, Value::Map(entries)
                    if entries.iter().any(|(k, v)| matches!(field(k), Field::Title) && v.title_text().is_some()));
            titled || holds_titles(child, depth + 1)
        })
}

fn has_publication_field(entries: &[(Key, Node)]) -> bool {
    entries.iter().any(|(k, _)| {
        matches!(
            field(k),
            Field::Authors
                | Field::Venue
                | Field::ShortVenue
                | Field::Year
                | Field::Address
                | Field::Identifier(_)
                | Field::Link(_)
                | Field::Links
                | Field::Identifiers
        )
    })
}

/// A value's text: a scalar, or the name of a mapping (`venue: {name: OSDI,
/// url: ...}`).
fn value_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::Scalar(_) => node.scalar().map(str::to_owned),
        // OpenAlex's `primary_location: {source: {display_name: ...}}`.
        Value::Map(_) => node
            .text_of(&["name", "title", "full", "short", "display_name"])
            .map(str::to_owned)
            .or_else(|| value_text(node.get("source")?)),
        Value::List(items) => {
            let parts: Vec<&str> = items.iter().filter_map(Node::scalar).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
    }
}

/// The year of a CSL or Crossref date: `{"date-parts": [[2015, 5, 27]]}`.
fn date_parts_year(node: &Node) -> Option<&str> {
    let Value::List(dates) = &node.get("date-parts")?.value else {
        return None;
    };
    let Value::List(parts) = &dates.first()?.value else {
        return None;
    };
    parts.first()?.scalar()
}

/// The authors of a record: a string (whose lines after the first that
/// explain the marks, `<sup>#</sup> Co-first authors`, are no names), a
/// list of names, or a list of mappings (`name`, or `first` and `last`).
fn authors(node: &Node) -> Styled {
    match &node.value {
        Value::Scalar(text) => {
            let mut kept: Vec<&str> = Vec::new();
            for line in text.split('\n').flat_map(split_breaks) {
                let plain = crate::markdown::strip_tags(line);
                let plain = plain.trim().trim_start_matches('\\');
                if plain.is_empty() {
                    continue;
                }
                let legend = !kept.is_empty()
                    && plain.starts_with(|c: char| crate::authors::MARKERS.contains(&c));
                if !legend {
                    kept.push(line);
                }
            }
            let joined = kept.join(" ");
            // `lanxiang hu*, qiyu li*, ion stoica`: a site that writes names
            // in lower case; the field says they are names, taken as written.
            if let Some(names) = lower_case_names(&joined) {
                return Styled::from_text(names);
            }
            // `author: Lamport, Leslie` (Hayagriva, BibTeX-minded data): one
            // person, family name first, which a list would not read so.
            let joined = styled(&joined);
            if joined.text.matches(',').count() == 1
                && joined.marks.is_empty()
                && let Some(person) = crate::authors::lone_inverted_name(&joined)
                    .and_then(|read| read.people.into_iter().next())
            {
                return Styled::from_text(person.name().to_owned());
            }
            joined
        }
        Value::List(items) => {
            let names: Vec<Styled> = items
                .iter()
                .filter_map(|item| match &item.value {
                    Value::Scalar(_) => item.scalar().map(styled),
                    Value::Map(_) => person(item),
                    Value::List(_) => None,
                })
                .filter(|name| !name.is_blank())
                .collect();
            // One name per `;`: each element is a name as written.
            let mut joined = Styled::default();
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    joined.push_str("; ");
                }
                joined.push(name);
            }
            joined
        }
        // dblp's `authors: {author: [...]}`.
        Value::Map(_) => match node.get("author").or_else(|| node.get("authors")) {
            Some(inner) => authors(inner),
            None => person(node).unwrap_or_default(),
        },
    }
}

/// A person written as a mapping, linked to their dblp page when it gives
/// their dblp pid (dblp's `{"@pid": "28/2391", "text": "Name"}`).
fn person(node: &Node) -> Option<Styled> {
    let mut name = styled(&person_name(node)?);
    // `{name: ..., me: true}`: the site's own people, shown in bold.
    let own = ["me", "self", "is_me", "highlight", "bold"]
        .iter()
        .any(|key| {
            node.text_of(&[key])
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        });
    if own && !name.is_blank() {
        let end = name.text.len();
        name.marks.push((0..end, Mark::Strong));
    }
    if let Some(pid) = node.text_of(&["@pid", "pid", "dblp_pid"])
        && !name.is_blank()
    {
        let end = name.text.len();
        name.marks
            .push((0..end, Mark::Link(format!("https://dblp.org/pid/{pid}"))));
    }
    Some(name)
}

/// A list of ids (`[stoica, pmoritz, jane_doe]`): lower-case words without
/// spaces, which a site's template looks up in its people file.
fn author_ids(node: &Node) -> Option<String> {
    let Value::List(items) = &node.value else {
        return None;
    };
    let ids: Vec<&str> = items.iter().filter_map(Node::scalar).collect();
    let is_id = |id: &&str| {
        id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.')
        })
    };
    (!ids.is_empty() && ids.len() == items.len() && ids.iter().all(is_id)).then(|| ids.join(", "))
}

/// An author string written all in lower case, as `;`-separated names
/// (each of one to four words, without digits or markup); `None` otherwise.
fn lower_case_names(text: &str) -> Option<String> {
    if text.chars().any(char::is_uppercase)
        || !text.chars().any(char::is_alphabetic)
        || text.contains(['<', '[', '(', ';', '|'])
        || text.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut names = Vec::new();
    for element in text.split(',') {
        let element = element.trim();
        let element = element
            .strip_prefix("and ")
            .or_else(|| element.strip_prefix("& "))
            .unwrap_or(element);
        for name in element.split(" and ").flat_map(|n| n.split(" & ")) {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            if name.split_whitespace().count() > 4 {
                return None;
            }
            names.push(name);
        }
    }
    (names.len() >= 2).then(|| names.join("; "))
}

/// `a<br>b<br/>c`: the lines of an HTML text.
fn split_breaks(line: &str) -> impl Iterator<Item = &str> {
    line.split("<br>")
        .flat_map(|part| part.split("<br/>"))
        .flat_map(|part| part.split("<br />"))
}

/// A person written as a mapping.
fn person_name(node: &Node) -> Option<String> {
    if let Some(name) = node.text_of(&[
        "name",
        "full_name",
        "fullname",
        "display",
        "display_name",
        "text",
    ]) {
        return Some(name.to_owned());
    }
    // OpenAlex's `authorships: [{author: {display_name: ...}}]`.
    if let Some(author) = node
        .get("author")
        .filter(|a| matches!(a.value, Value::Map(_)))
    {
        return person_name(author);
    }
    // CITATION.cff writes `given-names` and `family-names`.
    let given = node.text_of(&[
        "first",
        "given",
        "firstname",
        "first_name",
        "given_name",
        "given-names",
    ]);
    let family = node.text_of(&[
        "last",
        "family",
        "lastname",
        "last_name",
        "family_name",
        "family-names",
    ]);
    match (given, family) {
        (Some(given), Some(family)) => Some(format!("{given} {family}")),
        (None, Some(family)) => Some(family.to_owned()),
        _ => None,
    }
}

/// A date as the year column reads it: `202006` and `20200615` (a year and
/// month written as one number) give their year.
fn date_text(text: &str) -> String {
    let digits = text.len();
    if (6..=8).contains(&digits) && text.bytes().all(|b| b.is_ascii_digit()) {
        text[..4].to_owned()
    } else {
        text.to_owned()
    }
}

/// The kind a `type` or `category` names: BibTeX and CSL names, Hugo Blox's
/// numbers, and the words of a site's categories (`Journal Articles`,
/// `International Conferences`, `Preprints`).
fn value_kind(node: &Node) -> Option<EntryKind> {
    let text = match &node.value {
        Value::List(items) => items.first()?.scalar()?,
        _ => node.scalar()?,
    };
    let lower = text.to_ascii_lowercase();
    let has = |word: &str| lower.contains(word);
    Some(match lower.as_str() {
        "1" => EntryKind::Inproceedings,
        "2" => EntryKind::Article,
        "3" | "4" => EntryKind::Preprint,
        "5" => EntryKind::Book,
        "6" => EntryKind::Chapter,
        "7" => EntryKind::Thesis,
        _ if has("chapter") || has("incollection") || has("inbook") => EntryKind::Chapter,
        _ if has("thesis") || has("dissertation") => EntryKind::Thesis,
        _ if has("preprint") || has("arxiv") || has("report") => EntryKind::Preprint,
        _ if has("conference") || has("proceeding") || has("workshop") || has("symposium") => {
            EntryKind::Inproceedings
        }
        _ if has("journal") || has("article") || has("magazine") => EntryKind::Article,
        _ if has("book") => EntryKind::Book,
        _ => return None,
    })
}

/// The kind of a paper in a work of this Hayagriva type.
fn parent_type_kind(parent_type: &str) -> Option<EntryKind> {
    Some(match parent_type.to_ascii_lowercase().as_str() {
        "proceedings" | "conference" => EntryKind::Inproceedings,
        "periodical" | "journal" | "newspaper" => EntryKind::Article,
        "book" | "anthology" | "reference" | "anthos" => EntryKind::Chapter,
        _ => return None,
    })
}

fn kind_name(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Inproceedings => "inproceedings",
        EntryKind::Article => "article",
        EntryKind::Preprint => "preprint",
        EntryKind::Thesis => "thesis",
        EntryKind::Book => "book",
        EntryKind::Chapter => "chapter",
        EntryKind::Misc => "misc",
    }
}

/// Whether a value is an address (absolute, or a path on the site: relative
/// links stay relative, as a saved page's do without its address).
fn is_address(value: &str) -> bool {
    !value.contains(char::is_whitespace)
        && (value.starts_with("http://")
            || value.starts_with("https://")
            || value.starts_with("www.")
            || value.starts_with('/')
            || value.starts_with("./")
            || value.starts_with("../")
            || value.rsplit_once('.').is_some_and(|(_, ext)| {
                matches!(
                    ext.to_ascii_lowercase().as_str(),
                    "pdf" | "html" | "htm" | "pptx" | "ppt" | "key" | "zip" | "mp4" | "bib"
                )
            }))
}

/// Adds `[label]` links: a value that is an address, a list of addresses or
/// of `{type|name|label, url|link|href}` mappings, or a mapping from labels
/// to addresses.
fn add_links(links: &mut Styled, node: &Node, label: &str) {
    let mut add = |label: &str, url: &str| {
        let url = url.trim();
        if !is_address(url) {
            return;
        }
        if !links.text.is_empty() {
            links.push_str(" ");
        }
        let label = if label.trim().is_empty() {
            "link"
        } else {
            label.trim()
        };
        let at = links.text.len();
        links.push_str(&format!("[{label}]"));
        let end = links.text.len();
        links.marks.push((at..end, Mark::Link(url.to_owned())));
    };
    match &node.value {
        Value::Scalar(_) => {
            if let Some(url) = node.scalar() {
                add(label, url);
            }
        }
        Value::List(items) => {
            for item in items {
                match &item.value {
                    Value::Scalar(_) => {
                        if let Some(url) = item.scalar() {
                            add(label, url);
                        }
                    }
                    Value::Map(_) => {
                        let url = item.text_of(&["url", "link", "href", "path", "file"]);
                        let name = item
                            .text_of(&["label", "name", "title", "text", "type"])
                            .unwrap_or(label);
                        if let Some(url) = url {
                            add(name, url);
                        }
                    }
                    Value::List(_) => {}
                }
            }
        }
        Value::Map(entries) => {
            if let Some(url) = node.text_of(&["url", "link", "href"]) {
                add(
                    node.text_of(&["label", "name", "type"]).unwrap_or(label),
                    url,
                );
                return;
            }
            for (name, value) in entries {
                if let Some(url) = value.scalar() {
                    add(&name.name, url);
                }
            }
        }
    }
}

/// Where a page that is a template gets its list: the line of the template
/// tag and what to parse instead (`{% for p in site.data.publications %}` is
/// filled from `_data/publications.yml`). `None` for a page with no such tag.
pub(crate) fn rendered_from(text: &str) -> Option<(usize, String)> {
    let name_after = |at: usize, prefix: &str| -> String {
        text[at + prefix.len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
            .collect()
    };
    if let Some(at) = text.find("site.data.") {
        let name = name_after(at, "site.data.");
        if !name.is_empty() {
            return Some((
                at,
                format!(
                    "this page is a Jekyll template: its list comes from the site's data file \
                     `_data/{name}.yml` (or .yaml, .json); parse that file"
                ),
            ));
        }
    }
    if let Some(at) = text.find(".Site.Data.") {
        let name = name_after(at, ".Site.Data.");
        if !name.is_empty() {
            return Some((
                at,
                format!(
                    "this page is a Hugo template: its list comes from `data/{name}.yaml` \
                     (or .json, .toml); parse that file"
                ),
            ));
        }
    }
    if let Some(at) = text.find("{% bibliography") {
        return Some((
            at,
            "this page is a jekyll-scholar template: its list comes from the BibTeX files in \
             `_bibliography/`; parse those"
                .to_owned(),
        ));
    }
    if let Some(at) = text.find("site.publications") {
        return Some((
            at,
            "this page is a Jekyll template: its list comes from the `_publications/*.md` pages; \
             parse those"
                .to_owned(),
        ));
    }
    None
}

/// Whether a text looks like a data file of publications (for detection
/// when the name does not say): YAML whose first record has a title.
pub(crate) fn looks_like_site_data(head: &str) -> bool {
    let mut lines = head
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .take(12);
    // `- title: ...` or `publications:`: a key of letters, digits and `_`.
    let is_key = |line: &str| {
        line.split_once(':').is_some_and(|(key, rest)| {
            !key.is_empty()
                && key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
                && (rest.is_empty() || rest.starts_with(' '))
        })
    };
    lines
        .next()
        .is_some_and(|first| is_key(first.strip_prefix("- ").unwrap_or(first)))
        && lines.any(|l| {
            let key = l.trim_start().trim_start_matches("- ");
            key.starts_with("title:") || key.starts_with("authors:")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowered(text: &str) -> (Vec<Block>, Vec<(u32, String)>) {
        let lowered = lower(text, &LineIndex::new(text));
        (lowered.blocks, lowered.errors)
    }

    fn row(block: &Block) -> Vec<(String, String)> {
        let BlockKind::TableRow { header } = &block.kind else {
            panic!("not a row: {block:?}");
        };
        header
            .iter()
            .cloned()
            .zip(block.cells.iter().map(|c| c.text.clone()))
            .collect()
    }

    #[test]
    fn flat_list_of_records() {
        let text = "# Publications\n- title: \"Ray: A Distributed Framework\"\n  authors: [\"Philipp Moritz\", \"Ion Stoica\"]\n  venue: OSDI\n  year: 2018\n  pdf: /pub/ray.pdf\n\n- title: Second\n  authors: \"A. B, <strong>C. D</strong>\"\n  journal: __Nature__ 2020 June <br>\n  date: 202006\n";
        let (blocks, diagnostics) = lowered(text);
        assert!(diagnostics.is_empty());
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            row(&blocks[0]),
            [
                ("title".into(), "Ray: A Distributed Framework".into()),
                ("authors".into(), "Philipp Moritz; Ion Stoica".into()),
                ("year".into(), "2018".into()),
                ("venue".into(), "OSDI".into()),
                ("links".into(), "[PDF]".into()),
            ]
        );
        assert_eq!(blocks[0].lines[0].number, 2);
        assert_eq!(&text[blocks[0].span.clone()].lines().count(), &5);
        let second = row(&blocks[1]);
        assert_eq!(second[1].1, "A. B, C. D");
        assert_eq!(second[2], ("year".into(), "2020".into()));
        assert_eq!(second[3].1, "Nature 2020 June");
        assert!(
            blocks[1].cells[1]
                .marks
                .iter()
                .any(|(r, m)| *m == Mark::Strong && &blocks[1].cells[1].text[r.clone()] == "C. D")
        );
    }

    #[test]
    fn groups_head_their_records() {
        let text = "- year: 2024\n  papers:\n    - title: One\n      venue: OSDI 2024\n- year: 2023\n  papers:\n    - title: Two\n      venue: SOSP 2023\n";
        let (blocks, _) = lowered(text);
        let kinds: Vec<String> = blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading(level) => format!("h{level} {}", b.lines[0].text.text),
                _ => format!("row {}", b.cells[0].text),
            })
            .collect();
        assert_eq!(kinds, ["h1 2024", "row One", "h1 2023", "row Two"]);
        let categories = "journals:\n  - title: A\n    journal: Nature\nconferences:\n  - title: B\n    booktitle: OSDI\n";
        let (grouped, _) = lowered(categories);
        assert_eq!(grouped[0].lines[0].text.text, "journals");
        assert_eq!(grouped[0].lines[0].number, 1);
        assert_eq!(grouped[2].lines[0].text.text, "conferences");
    }

    #[test]
    fn links_and_legends() {
        let text = "- title: T\n  authors: |\n    Kim E#, Baek M#, Frost A<sup>\\*</sup><br>\n    <sup>\\#</sup> Co-first authors <br>\n  links:\n    - type: pdf\n      url: https://x.org/t.pdf\n    - name: Code\n      url: https://github.com/x/t\n    - type: bibtex\n      url: kim-2023-t\n";
        let (blocks, _) = lowered(text);
        let row = row(&blocks[0]);
        assert_eq!(row[1].1, "Kim E#, Baek M#, Frost A*");
        assert_eq!(row[2].1, "[pdf] [Code]");
    }

    #[test]
    fn author_ids_are_no_names() {
        let text = "- title: Ray\n  authors: [pmoritz, stoica]\n  venue: OSDI 2018\n";
        let lowered = lower(text, &LineIndex::new(text));
        assert_eq!(row(&lowered.blocks[0]).len(), 2);
        assert_eq!(lowered.warnings.len(), 1);
        assert_eq!(lowered.warnings[0].0, 2);
    }

    #[test]
    fn a_broken_record_costs_itself() {
        let text = "- title: Good\n  venue: OSDI 2018\n- title: \"Bad\n  venue: x: y\n- title: Also good\n  year: 2020\n";
        let (blocks, diagnostics) = lowered(text);
        let titles: Vec<&str> = blocks.iter().map(|b| b.cells[0].text.as_str()).collect();
        assert_eq!(titles, ["Good", "Also good"]);
        assert_eq!(diagnostics.len(), 1);
        assert!((3..=4).contains(&diagnostics[0].0));
        assert_eq!(blocks[1].lines[0].number, 5);
    }

    #[test]
    fn aliases_are_bounded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_owned()
            } else {
                format!("b{}", i - 1)
            };
            text.push_str(&format!(
                "b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let (blocks, _) = lowered(&text);
        assert!(blocks.len() < 1000);
    }

    #[test]
    fn deep_and_odd_yaml_is_no_panic() {
        let deep = format!("{}x{}", "[".repeat(20_000), "]".repeat(20_000));
        let _ = lowered(&deep);
        let deep_maps = (0..1_000)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect::<String>();
        let _ = lowered(&deep_maps);
        // Up to the limit, read (and dropped) safely.
        let at_limit = (0..MAX_INDENT / 2)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect::<String>();
        assert!(lowered(&at_limit).1.is_empty());
        for odd in [
            "",
            "---\n...\n",
            "- \n-\n",
            "? [a]\n: b\n",
            "*undefined\n",
            "title: x\ntitle: y\n",
        ] {
            let _ = lowered(odd);
        }
    }

    #[test]
    fn templates_say_where_their_list_is() {
        let page =
            "---\ntitle: Publications\n---\n{% for p in site.data.papers.main %}\n{{ p.title }}\n";
        let (at, message) = rendered_from(page).expect("a template");
        assert_eq!(&page[at..at + 10], "site.data.");
        assert!(message.contains("`_data/papers.yml`"));
        assert!(
            rendered_from("{{ range .Site.Data.publications }}")
                .is_some_and(|(_, m)| m.contains("`data/publications.yaml`"))
        );
        assert!(rendered_from("{% bibliography --file papers %}").is_some());
        assert!(rendered_from("- Ray. OSDI 2018.").is_none());
    }

    #[test]
    fn a_script_literal_keeps_its_lines() {
        let script = "// list\nexport interface P { title: string }\nexport const pubs: P[] = [\n  { title: 'It\\'s \"quoted\"', year: 2020, // note\n    url:\"https://x.org/a\", doi: undefined },\n  /* b */ { title: `Two`, authors: [\"A B\"] },\n];\nexport const n = pubs.length;\n";
        let flow = script_literal(script).expect("a literal");
        assert_eq!(flow.lines().count(), script.lines().count());
        let lowered = lower_script(script, &LineIndex::new(script));
        assert!(lowered.errors.is_empty(), "{:?}", lowered.errors);
        let titles: Vec<(u32, &str)> = lowered
            .blocks
            .iter()
            .map(|b| (b.lines[0].number, b.cells[0].text.as_str()))
            .collect();
        assert_eq!(titles, [(4, "It's \"quoted\""), (6, "Two")]);
        assert!(script_literal("import P from './p.json';\nexport default P;\n").is_none());
        assert!(script_literal("const t = [`${x}`];").is_none());
    }

    #[test]
    fn crossref_works() {
        // Crossref's API: titles and containers as lists, dates as
        // `date-parts`, `source: Crossref` (no venue), funders with a name
        // and a DOI (no records).
        let text = r#"{"message": {"items": [{"source": "Crossref", "title": ["Deep learning"],
            "container-title": ["Nature"], "issued": {"date-parts": [[2015, 5, 27]]},
            "funder": [{"DOI": "10.13039/501100000038", "name": "NSERC"}],
            "author": [{"given": "Yann", "family": "LeCun"}]}]}}"#;
        let (blocks, _) = lowered(text);
        let rows: Vec<&Block> = blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::TableRow { .. }))
            .collect();
        assert_eq!(rows.len(), 1, "{blocks:?}");
        assert_eq!(
            row(rows[0]),
            [
                ("title".into(), "Deep learning".into()),
                ("year".into(), "2015".into()),
                ("authors".into(), "Yann LeCun".into()),
                ("venue".into(), "Nature".into()),
            ]
        );
    }

    #[test]
    fn hayagriva_records() {
        // Typst's bibliography: keyed records, `parent` for the work the
        // paper is in, one author as `Family, Given`.
        let text = "lamport:\n  type: article\n  title: The Part-Time Parliament\n  author: Lamport, Leslie\n  page-range: 133-169\n  serial-number:\n    doi: 10.1145/279227.279229\n  parent:\n    type: periodical\n    title: ACM Transactions on Computer Systems\n    volume: 16\n    issue: 2\nray:\n  type: article\n  title: Ray\n  author: Ion Stoica, Philipp Moritz\n  parent:\n    type: proceedings\n    title: OSDI\n";
        let (blocks, _) = lowered(text);
        let rows: Vec<Vec<(String, String)>> = blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::TableRow { .. }))
            .map(row)
            .collect();
        let cell = |row: &[(String, String)], name: &str| {
            row.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(cell(&rows[0], "authors"), "Leslie Lamport");
        assert_eq!(
            cell(&rows[0], "venue"),
            "ACM Transactions on Computer Systems"
        );
        assert_eq!(cell(&rows[0], "volume"), "16");
        assert_eq!(cell(&rows[0], "number"), "2");
        assert_eq!(cell(&rows[0], "pages"), "133-169");
        assert_eq!(cell(&rows[0], "doi"), "10.1145/279227.279229");
        assert_eq!(cell(&rows[0], "type"), "article");
        // Two names in one text stay two names; a paper in proceedings is one.
        assert_eq!(cell(&rows[1], "authors"), "Ion Stoica, Philipp Moritz");
        assert_eq!(cell(&rows[1], "type"), "inproceedings");
    }

    #[test]
    fn lower_case_names_are_names() {
        assert_eq!(
            lower_case_names("lanxiang hu*, qiyu li*, ion stoica and hao zhang").as_deref(),
            Some("lanxiang hu*; qiyu li*; ion stoica; hao zhang")
        );
        assert_eq!(lower_case_names("Ion Stoica, Hao Zhang"), None);
        assert_eq!(
            lower_case_names("a survey of things that are long and lower case"),
            None
        );
    }

    #[test]
    fn detection() {
        assert!(looks_like_site_data("# pubs\n- title: X\n  authors: Y\n"));
        assert!(looks_like_site_data(
            "- year: 2024\n  papers:\n    - title: X\n"
        ));
        assert!(!looks_like_site_data(
            "- [Ray](url): a framework\n- title: no\n"
        ));
        assert!(!looks_like_site_data("# Title\n\nSome text: here\n"));
    }
}
