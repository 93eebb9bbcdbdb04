//! LaTeX documents (a CV or a publication list kept in `.tex`) lowered into
//! the same blocks as Markdown, so the entry rules read them as they read any
//! list:
//!
//! - `\section` and its kin are headings (`\section*{Publications}`,
//!   `\subsection{Conference Papers}`);
//! - `\item`, `\bibitem` and moderncv's `\cventry`/`\cvitem` start list items;
//!   a blank line ends a paragraph, `\\` a line, `&` separates table cells;
//! - `\textbf{..}`, `{\bf ..}`, `\emph`, `\textit`, `\underline` and `\href`
//!   become marks; accents, letters and dashes become Unicode
//!   ([`decode_latex`]), ``` ``..'' ``` curly quotes;
//! - layout commands (`\vspace{..}`, `\small`, `\hfill`) are dropped with their
//!   arguments, other commands keep the text of their arguments, `%` comments
//!   and the preamble are skipped.
//!
//! Written by hand: no maintained crate reads LaTeX markup short of a TeX
//! engine, and a publication list needs only this much of it.

use paperlist_model::normalize::{decode_latex, is_latex_accent, is_latex_character};

use crate::blocks::{Block, BlockKind, Line, LineIndex};
use crate::styled::{Mark, Styled};

/// Sectioning commands and the heading level each stands for.
const HEADINGS: &[(&str, u8)] = &[
    ("part", 1),
    ("chapter", 1),
    ("section", 2),
    ("cvsection", 2),
    ("subsection", 3),
    ("cvsubsection", 3),
    ("subsubsection", 4),
    ("paragraph", 5),
    ("subparagraph", 6),
];

/// Commands that start a list item; the moderncv ones take their fields as
/// arguments (`\cventry{2018}{Title}{Venue}{}{}{}`).
const ITEMS: &[&str] = &["item", "bibitem"];
const CV_ITEMS: &[&str] = &[
    "cventry",
    "cvitem",
    "cvlistitem",
    "cvdoubleitem",
    "cvitemwithcomment",
    "cvpub",
];

/// Mark commands that take an argument (`\textbf{x}`), and declarations that
/// mark the rest of their group (`{\bf x}`).
const MARK_COMMANDS: &[(&str, MarkKind)] = &[
    ("textbf", MarkKind::Strong),
    ("mathbf", MarkKind::Strong),
    ("textit", MarkKind::Emphasis),
    ("emph", MarkKind::Emphasis),
    ("textsl", MarkKind::Emphasis),
    ("mathit", MarkKind::Emphasis),
    ("underline", MarkKind::Underline),
    ("uline", MarkKind::Underline),
];
const MARK_DECLARATIONS: &[(&str, MarkKind)] = &[
    ("bf", MarkKind::Strong),
    ("bfseries", MarkKind::Strong),
    ("it", MarkKind::Emphasis),
    ("itshape", MarkKind::Emphasis),
    ("em", MarkKind::Emphasis),
    ("sl", MarkKind::Emphasis),
    ("slshape", MarkKind::Emphasis),
];

#[derive(Debug, Clone, Copy)]
enum MarkKind {
    Strong,
    Emphasis,
    Underline,
}

impl MarkKind {
    fn mark(self) -> Mark {
        match self {
            MarkKind::Strong => Mark::Strong,
            MarkKind::Emphasis => Mark::Emphasis,
            MarkKind::Underline => Mark::Underline,
        }
    }
}

/// Commands dropped with this many `{..}` arguments: layout, references,
/// definitions. (`\textcolor{red}{x}` drops the colour and keeps `x`.)
const DROPPED: &[(&str, usize)] = &[
    ("vspace", 1),
    ("hspace", 1),
    ("label", 1),
    ("ref", 1),
    ("cite", 1),
    ("nocite", 1),
    ("footnote", 1),
    ("setlength", 2),
    ("addtolength", 2),
    ("setcounter", 2),
    ("addtocounter", 2),
    ("includegraphics", 1),
    ("input", 1),
    ("include", 1),
    ("newcommand", 2),
    ("renewcommand", 2),
    ("providecommand", 2),
    ("definecolor", 3),
    ("color", 1),
    ("textcolor", 1),
    ("colorbox", 1),
    ("raisebox", 1),
    ("usepackage", 1),
    ("documentclass", 1),
    ("pagestyle", 1),
    ("thispagestyle", 1),
    ("bibliographystyle", 1),
    ("bibliography", 1),
    ("addbibresource", 1),
    ("fontsize", 2),
    ("phantom", 1),
    ("hphantom", 1),
    ("vphantom", 1),
];

/// List environments: their start and end close the block before.
const LISTS: &[&str] = &[
    "itemize",
    "enumerate",
    "description",
    "thebibliography",
    "compactitem",
    "compactenum",
    "etaremune",
    "cvitems",
];

/// Deeper groups are read as text without recursing: the reader must not
/// overflow its stack on hostile input.
const MAX_DEPTH: usize = 64;

struct Lowerer<'a> {
    src: &'a str,
    index: &'a LineIndex,
    blocks: Vec<Block>,
    kind: Option<BlockKind>,
    lines: Vec<Line>,
    block_start: usize,
    current: Styled,
    /// Line number of the current line's first text.
    line_number: u32,
    /// Open marks: (start in the current line, mark).
    open: Vec<(usize, Mark)>,
    depth: usize,
}

impl Lowerer<'_> {
    fn text(&mut self, text: &str, at: usize) {
        if text.is_empty() {
            return;
        }
        if self.current.text.trim().is_empty() {
            if text.trim().is_empty() {
                return;
            }
            self.line_number = self.index.line_of(at);
            if self.lines.is_empty() && self.kind.is_none() {
                self.block_start = at;
            }
        }
        if self.kind.is_none() {
            self.kind = Some(BlockKind::Paragraph);
        }
        self.current.push_str(text);
    }

    /// One space, never two, never at a line's start.
    fn space(&mut self) {
        let text = &self.current.text;
        if !text.is_empty() && !text.ends_with(' ') {
            self.current.push_str(" ");
        }
    }

    fn break_line(&mut self) {
        let mut line = std::mem::take(&mut self.current);
        // Marks still open cover the rest of this line and go on on the next.
        for (start, mark) in &mut self.open {
            if *start < line.text.len() {
                line.marks.push((*start..line.text.len(), mark.clone()));
            }
            *start = 0;
        }
        let line = line.trim();
        if !line.is_blank() {
            self.lines.push(Line {
                text: line,
                number: self.line_number,
            });
        }
    }

    fn flush_block(&mut self, at: usize) {
        self.break_line();
        let lines = std::mem::take(&mut self.lines);
        let kind = self.kind.take();
        if let (Some(kind), false) = (kind, lines.is_empty()) {
            self.blocks.push(Block {
                kind,
                lines,
                cells: Vec::new(),
                span: self.block_start..at.max(self.block_start),
            });
        }
        self.block_start = at;
    }

    fn start_mark(&mut self, mark: Mark) {
        self.open.push((self.current.text.len(), mark));
    }

    fn end_mark(&mut self) {
        if let Some((start, mark)) = self.open.pop() {
            let end = self.current.text.len();
            if end > start {
                self.current.marks.push((start..end, mark));
            }
        }
    }

    /// Reads from `pos` to the end of the group (after its `}`) or of the
    /// text; returns where it stopped.
    fn render(&mut self, mut pos: usize, in_group: bool) -> usize {
        let declared = self.open.len();
        while let Some(c) = self.src[pos..].chars().next() {
            match c {
                '}' => {
                    pos += 1;
                    if in_group {
                        break;
                    }
                }
                '{' if self.depth < MAX_DEPTH => {
                    self.depth += 1;
                    pos = self.render(pos + 1, true);
                    self.depth -= 1;
                }
                // Math shifts, and the super- and subscript marks of math
                // (`$^*$`, `$^\dagger$` are marks after a name).
                '{' | '$' | '^' | '_' => pos += 1,
                '%' => pos = skip_comment(self.src, pos),
                '\\' => pos = self.command(pos),
                '\n' => {
                    let rest = &self.src[pos + 1..];
                    let next_line =
                        pos + 1 + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
                    if self.src[next_line..].starts_with('\n') {
                        // A blank line: the paragraph ends (an item goes on).
                        if self.kind == Some(BlockKind::ListItem) {
                            self.break_line();
                        } else {
                            self.flush_block(pos);
                        }
                        let rest = &self.src[next_line..];
                        pos = next_line + (rest.len() - rest.trim_start().len());
                    } else {
                        self.space();
                        pos = next_line;
                    }
                }
                ' ' | '\t' => {
                    self.space();
                    pos += 1;
                }
                '~' => {
                    self.space();
                    pos += 1;
                }
                '&' => {
                    self.text(" | ", pos);
                    pos += 1;
                }
                '`' | '\'' => {
                    let double = self.src[pos + 1..].starts_with(c);
                    let quote = match (c, double) {
                        ('`', true) => "\u{201c}",
                        ('`', false) => "\u{2018}",
                        ('\'', true) => "\u{201d}",
                        _ => "'",
                    };
                    self.text(quote, pos);
                    pos += if double { 2 } else { 1 };
                }
                '-' if self.src[pos..].starts_with("---") => {
                    self.text("\u{2014}", pos);
                    pos += 3;
                }
                '-' if self.src[pos..].starts_with("--") => {
                    self.text("\u{2013}", pos);
                    pos += 2;
                }
                c => {
                    let end = pos + c.len_utf8();
                    self.text(&self.src[pos..end], pos);
                    pos = end;
                }
            }
        }
        while self.open.len() > declared {
            self.end_mark();
        }
        pos
    }

    /// Reads the command at `pos` (its backslash) and what it takes; returns
    /// where the text goes on.
    fn command(&mut self, pos: usize) -> usize {
        let (name, mut next) = read_name(self.src, pos + 1);
        let letters = name.bytes().all(|b| b.is_ascii_alphabetic());
        if letters {
            // A star form (`\section*`) reads as the plain one.
            if self.src[next..].starts_with('*') {
                next += 1;
            }
        }
        match name {
            "" => return next,
            "\\" | "newline" | "linebreak" => {
                next = skip_optional(self.src, next);
                self.break_line();
                return next;
            }
            "par" => {
                self.break_line();
                return skip_spaces(self.src, next);
            }
            "LaTeX" | "TeX" => {
                self.text(name, pos);
                return next;
            }
            _ => {}
        }
        if is_latex_character(name) {
            let end = if is_latex_accent(name) {
                accent_end(self.src, next)
            } else {
                next
            };
            let decoded = decode_latex(&self.src[pos..end]);
            if decoded.trim().is_empty() {
                self.space();
            } else {
                self.text(&decoded, pos);
            }
            // A letter command ends at the space after it: `{\ss}e`, `\o rn`.
            return if letters && is_latex_accent(name) {
                end
            } else if letters {
                skip_spaces(self.src, end)
            } else {
                end
            };
        }
        if name == "begin" || name == "end" {
            return self.environment(pos, name == "begin", next);
        }
        if let Some(&(_, level)) = HEADINGS.iter().find(|(n, _)| *n == name) {
            next = skip_optional(self.src, next);
            self.flush_block(pos);
            self.kind = Some(BlockKind::Heading(level));
            next = self.argument(next);
            self.flush_block(next);
            return next;
        }
        if ITEMS.contains(&name) {
            self.flush_block(pos);
            self.kind = Some(BlockKind::ListItem);
            self.block_start = pos;
            next = skip_optional(self.src, next);
            if name == "bibitem" {
                // The citation key is not text.
                next = skip_group(self.src, next);
            }
            return skip_spaces(self.src, next);
        }
        if CV_ITEMS.contains(&name) {
            self.flush_block(pos);
            self.kind = Some(BlockKind::ListItem);
            self.block_start = pos;
            next = skip_optional(self.src, next);
            // The fields, as one line: `2018. Title. Venue.`
            while self.src[skip_spaces(self.src, next)..].starts_with('{') {
                let previous = self.current.text.len();
                if !self.current.text.trim().is_empty() {
                    self.text(". ", next);
                }
                let before = self.current.text.len();
                next = self.argument(next);
                if self.current.text.len() == before {
                    // An empty field: no separator for it.
                    self.current.text.truncate(previous);
                }
            }
            self.flush_block(next);
            return next;
        }
        if let Some(&(_, kind)) = MARK_COMMANDS.iter().find(|(n, _)| *n == name) {
            self.start_mark(kind.mark());
            next = self.argument(next);
            self.end_mark();
            return next;
        }
        if let Some(&(_, kind)) = MARK_DECLARATIONS.iter().find(|(n, _)| *n == name) {
            // Until the end of the enclosing group (closed by `render`).
            self.start_mark(kind.mark());
            return skip_spaces(self.src, next);
        }
        match name {
            "href" => {
                let (url, after) = group_text(self.src, next);
                self.start_mark(Mark::Link(unescape_url(url)));
                next = self.argument(after);
                self.end_mark();
                return next;
            }
            "url" => {
                let (url, after) = group_text(self.src, next);
                let url = unescape_url(url);
                self.start_mark(Mark::Link(url.clone()));
                self.text(&url, next);
                self.end_mark();
                return after;
            }
            _ => {}
        }
        if let Some(&(_, count)) = DROPPED.iter().find(|(n, _)| *n == name) {
            next = skip_optional(self.src, next);
            for _ in 0..count {
                next = skip_group(self.src, next);
            }
            return next;
        }
        // Any other command: its arguments are read as text by the caller;
        // one without arguments (`\noindent`, `\small`, `\hfill`) is dropped.
        if letters {
            skip_optional(self.src, skip_spaces(self.src, next))
        } else {
            next
        }
    }

    /// `\begin{name}` or `\end{name}` at `pos`; `next` is after the command.
    fn environment(&mut self, pos: usize, begin: bool, next: usize) -> usize {
        let (name, mut next) = group_text(self.src, next);
        let name = name.trim_end_matches('*');
        if !begin && name == "document" {
            self.flush_block(pos);
            return self.src.len();
        }
        if begin && matches!(name, "comment" | "verbatim" | "lstlisting" | "minted") {
            let end = format!("\\end{{{name}}}");
            return self.src[next..]
                .find(&end)
                .map_or(self.src.len(), |at| next + at + end.len());
        }
        if LISTS.contains(&name) || name.starts_with("tabular") || name == "longtable" {
            self.flush_block(pos);
        }
        if begin {
            next = skip_optional(self.src, next);
            // Arguments that are not text: the widest label, column specs.
            let groups = match name {
                "thebibliography" | "tabular" | "longtable" | "cvitems" => 1,
                "tabularx" | "tabular*" | "tabulary" => 2,
                _ => 0,
            };
            for _ in 0..groups {
                next = skip_group(self.src, next);
            }
        }
        next
    }

    /// Reads one `{..}` argument (or, without braces, the next character) as text.
    fn argument(&mut self, pos: usize) -> usize {
        let pos = skip_spaces(self.src, pos);
        match self.src[pos..].chars().next() {
            Some('{') if self.depth < MAX_DEPTH => {
                self.depth += 1;
                let end = self.render(pos + 1, true);
                self.depth -= 1;
                end
            }
            Some('{') => skip_group(self.src, pos),
            Some('\\') if self.depth < MAX_DEPTH => {
                self.depth += 1;
                let end = self.command(pos);
                self.depth -= 1;
                end
            }
            Some('\\') => read_name(self.src, pos + 1).1,
            Some(c) => {
                let end = pos + c.len_utf8();
                self.text(&self.src[pos..end], pos);
                end
            }
            None => pos,
        }
    }
}

/// A command name after a backslash: a run of ASCII letters, or one other
/// character.
fn read_name(src: &str, start: usize) -> (&str, usize) {
    let rest = &src[start..];
    let letters = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if letters > 0 {
        return (&rest[..letters], start + letters);
    }
    match rest.chars().next() {
        Some(c) => (&rest[..c.len_utf8()], start + c.len_utf8()),
        None => ("", start),
    }
}

fn skip_spaces(src: &str, pos: usize) -> usize {
    let rest = &src[pos..];
    pos + (rest.len() - rest.trim_start_matches([' ', '\t']).len())
}

/// Skips a comment: the rest of the line, its line end, and the next line's
/// leading spaces (TeX joins the two lines).
fn skip_comment(src: &str, pos: usize) -> usize {
    match src[pos..].find('\n') {
        Some(end) => skip_spaces(src, pos + end + 1),
        None => src.len(),
    }
}

/// Skips an optional `[..]` argument.
fn skip_optional(src: &str, pos: usize) -> usize {
    let start = skip_spaces(src, pos);
    if !src[start..].starts_with('[') {
        return pos;
    }
    let mut depth = 0;
    for (i, c) in src[start..].char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return start + i + 1;
                }
            }
            '\n' if src[start + i + 1..]
                .trim_start_matches([' ', '\t'])
                .starts_with('\n') =>
            {
                // A paragraph break: not an argument after all.
                return pos;
            }
            _ => {}
        }
    }
    pos
}

/// The end of a `{..}` group at `pos` (after spaces), or `pos` when there is
/// none; escaped braces do not count.
fn skip_group(src: &str, pos: usize) -> usize {
    group_text(src, pos).1
}

/// The raw text inside a `{..}` group at `pos` (after spaces), and where the
/// group ends.
fn group_text(src: &str, pos: usize) -> (&str, usize) {
    let start = skip_spaces(src, pos);
    if !src[start..].starts_with('{') {
        return ("", pos);
    }
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in src[start..].char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return (&src[start + 1..start + i], start + i + 1);
                }
            }
            _ => {}
        }
    }
    (&src[start + 1..], src.len())
}

/// Where an accent's argument ends: a `{group}`, a `\command`, or one
/// character (after one space: `\c c`).
fn accent_end(src: &str, pos: usize) -> usize {
    let at = if src[pos..].starts_with(' ') {
        pos + 1
    } else {
        pos
    };
    match src[at..].chars().next() {
        Some('{') => skip_group(src, at),
        Some('\\') => read_name(src, at + 1).1,
        Some(c) => at + c.len_utf8(),
        None => at,
    }
}

/// A URL as written in `\href{..}` or `\url{..}`: `\#`, `\%`, `\_`, `\&` are
/// the characters.
fn unescape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    let mut chars = url.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && chars
                .peek()
                .is_some_and(|n| matches!(n, '#' | '%' | '_' | '&' | '~'))
        {
            continue;
        }
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Lowers a LaTeX document into blocks (the body, if it has one).
pub(crate) fn lower(source: &str, index: &LineIndex, sink: &mut dyn FnMut(Vec<Block>)) {
    match expand_macros(source) {
        // The expansion keeps every line where it was: the same numbers.
        Some(expanded) => lower_expanded(&expanded, &LineIndex::new(&expanded), sink),
        None => lower_expanded(source, index, sink),
    }
}

/// A macro the document defines (`\newcommand{\me}[1]{\underline{#1}}`).
struct Macro {
    name: String,
    args: usize,
    body: String,
}

/// The macros defined with `\newcommand`, `\renewcommand`,
/// `\providecommand` and (without parameters) `\def`.
fn definitions(src: &str) -> Vec<Macro> {
    let mut macros = Vec::new();
    for keyword in [
        "\\newcommand",
        "\\renewcommand",
        "\\providecommand",
        "\\def",
    ] {
        let mut from = 0;
        while let Some(found) = src[from..].find(keyword) {
            let at = from + found + keyword.len();
            from = at;
            if src[at..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '*') {
                continue;
            }
            let at = skip_spaces(src, at);
            let (written, after) = if src[at..].starts_with('{') {
                let (inner, end) = group_text(src, at);
                (inner.trim(), end)
            } else if src[at..].starts_with('\\') {
                let (_, end) = read_name(src, at + 1);
                (&src[at..end], end)
            } else {
                continue;
            };
            let Some(name) = written.strip_prefix('\\') else {
                continue;
            };
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
                continue;
            }
            let mut pos = skip_spaces(src, after);
            let mut args = 0;
            if src[pos..].starts_with('[')
                && let Some(close) = src[pos..].find(']')
            {
                args = src[pos + 1..pos + close].trim().parse().unwrap_or(0).min(9);
                pos = skip_spaces(src, pos + close + 1);
            }
            if !src[pos..].starts_with('{') || (keyword == "\\def" && args > 0) {
                continue;
            }
            let (body, end) = group_text(src, pos);
            from = end;
            macros.push(Macro {
                name: name.to_owned(),
                args,
                body: body.replace('\n', " "),
            });
        }
    }
    macros
}

/// The body with the document's own macros written out (`\me{Jane Doe}` as
/// `\underline{Jane Doe}`), or `None` when it defines none. Lines stay where
/// they were, so line numbers hold.
fn expand_macros(src: &str) -> Option<String> {
    let macros = definitions(src);
    if macros.is_empty() {
        return None;
    }
    let begin = "\\begin{document}";
    let body_start = src.find(begin).map_or(0, |at| at + begin.len());
    let mut out = String::with_capacity(src.len());
    out.push_str(&src[..body_start]);
    let mut pos = body_start;
    while let Some(found) = src[pos..].find('\\') {
        let at = pos + found;
        out.push_str(&src[pos..at]);
        let (name, after) = read_name(src, at + 1);
        // Commands the reader knows keep their meaning, whatever the
        // template redefines them to (`\renewcommand{\section}...`).
        let known = HEADINGS.iter().any(|(n, _)| *n == name)
            || ITEMS.contains(&name)
            || CV_ITEMS.contains(&name)
            || matches!(name, "begin" | "end" | "href" | "url");
        let Some(found) = macros.iter().find(|m| m.name == name).filter(|_| !known) else {
            out.push_str(&src[at..after]);
            pos = after;
            continue;
        };
        let mut end = after;
        let mut body = found.body.clone();
        for number in 1..=found.args {
            let (text, next) = group_text(src, end);
            if next == end {
                break;
            }
            body = body.replace(&format!("#{number}"), text);
            end = next;
        }
        // Line ends inside the arguments stay where they were; an argument
        // used twice would add some: then they go after the expansion.
        let line_ends = src[at..end].matches('\n').count();
        if body.matches('\n').count() == line_ends {
            out.push_str(&body);
        } else {
            out.push_str(&body.replace('\n', " "));
            out.extend(std::iter::repeat_n('\n', line_ends));
        }
        pos = end;
    }
    out.push_str(&src[pos..]);
    Some(out)
}

fn lower_expanded(source: &str, index: &LineIndex, sink: &mut dyn FnMut(Vec<Block>)) {
    let begin = "\\begin{document}";
    let start = source.find(begin).map_or(0, |at| at + begin.len());
    let mut lowerer = Lowerer {
        src: source,
        index,
        blocks: Vec::new(),
        kind: None,
        lines: Vec::new(),
        block_start: start,
        current: Styled::default(),
        line_number: index.line_of(start),
        open: Vec::new(),
        depth: 0,
    };
    let end = lowerer.render(start, false);
    lowerer.flush_block(end);
    sink(lowerer.blocks);
}

/// Whether text looks like LaTeX: a document class, a `\begin{..}` of a list,
/// or `\item`s and `\section`s.
pub(crate) fn looks_like_latex(text: &str) -> bool {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    head.contains("\\documentclass")
        || head.contains("\\begin{itemize}")
        || head.contains("\\begin{enumerate}")
        || head.contains("\\begin{thebibliography}")
        || (head.contains("\\section") && head.contains("\\item"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower_all(source: &str) -> Vec<Block> {
        crate::blocks::lower_all(lower, source)
    }

    fn lines(block: &Block) -> Vec<&str> {
        block.lines.iter().map(|l| l.text.text.as_str()).collect()
    }

    #[test]
    fn cv_structure() {
        let doc = "\\documentclass{article}\n\\usepackage{hyperref}\n\\begin{document}\n\\section*{Publications} % refereed\n\\subsection{Conference Papers}\n\\begin{itemize}[leftmargin=*]\n  \\item \\textbf{Ray: A Distributed Framework}. \\\\\n  Philipp Moritz, \\underline{Ion Stoica}. \\\\\n  \\textit{OSDI '18}, 2018. \\href{https://x.org/ray\\_paper.pdf}{[PDF]}\n  \\item {\\bf Caf\\'e: Second} \\\\ A.~B.~Name, Jos\\'{e} Garc{\\'\\i}a\n\\end{itemize}\n\\vspace{2mm}\\noindent Last updated \\today.\n\\end{document}\n";
        let blocks = lower_all(doc);
        assert_eq!(blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(lines(&blocks[0]), ["Publications"]);
        assert_eq!(blocks[0].lines[0].number, 4);
        assert_eq!(blocks[1].kind, BlockKind::Heading(3));
        assert_eq!(blocks[2].kind, BlockKind::ListItem);
        assert_eq!(
            lines(&blocks[2]),
            [
                "Ray: A Distributed Framework.",
                "Philipp Moritz, Ion Stoica.",
                "OSDI '18, 2018. [PDF]"
            ]
        );
        assert_eq!(blocks[2].lines[1].number, 8);
        assert!(
            blocks[2].lines[0]
                .text
                .marks
                .contains(&(0..28, Mark::Strong))
        );
        assert!(
            blocks[2].lines[1]
                .text
                .marks
                .contains(&(16..26, Mark::Underline))
        );
        assert_eq!(
            blocks[2].lines[2].text.links().next().map(|(_, url)| url),
            Some("https://x.org/ray_paper.pdf")
        );
        assert_eq!(
            lines(&blocks[3]),
            ["Café: Second", "A. B. Name, José García"]
        );
        assert!(
            blocks[3].lines[0]
                .text
                .marks
                .contains(&(0..13, Mark::Strong))
        );
        assert_eq!(lines(&blocks[4]), ["Last updated ."]);
        assert!(looks_like_latex(doc));
        assert!(!looks_like_latex("# Markdown\n\n- item"));
    }

    #[test]
    fn bibliographies_and_moderncv() {
        let doc = "\\begin{thebibliography}{99}\n\\bibitem{ray} P.~Moritz and I.~Stoica, ``Ray: A framework,'' in \\emph{Proc. OSDI}, 2018, pp. 561--577.\n\n\\bibitem[Z12]{rdd}\nM.~Zaharia. Resilient datasets. NSDI 2012.\n\\end{thebibliography}\n\\cventry{2019}{Title Here}{Venue}{}{}{}\n";
        let blocks = lower_all(doc);
        assert_eq!(
            lines(&blocks[0]),
            [
                "P. Moritz and I. Stoica, \u{201c}Ray: A framework,\u{201d} in Proc. OSDI, 2018, pp. 561\u{2013}577."
            ]
        );
        assert_eq!(
            lines(&blocks[1]),
            ["M. Zaharia. Resilient datasets. NSDI 2012."]
        );
        assert_eq!(blocks[1].lines[0].number, 5);
        assert_eq!(lines(&blocks[2]), ["2019. Title Here. Venue"]);
    }

    #[test]
    fn the_documents_own_macros() {
        let doc = "\\documentclass{article}\n\\newcommand{\\me}[1]{\\underline{#1}}\n\\newcommand\\myname{\\textbf{Jane Doe}}\n\\renewcommand{\\section}[1]{{\\large #1}}\n\\begin{document}\n\\section{Publications}\n\\begin{itemize}\n\\item \\myname, \\me{John\nSmith}. Title Here.\n\\item Second. OSDI 2018.\n\\end{itemize}\n\\end{document}\n";
        let blocks = lower_all(doc);
        assert_eq!(blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(lines(&blocks[1]), ["Jane Doe, John Smith. Title Here."]);
        assert!(
            blocks[1].lines[0]
                .text
                .marks
                .contains(&(0..8, Mark::Strong))
        );
        assert!(
            blocks[1].lines[0]
                .text
                .marks
                .contains(&(10..20, Mark::Underline))
        );
        // Lines keep their numbers after an argument that spanned two.
        assert_eq!(blocks[2].lines[0].number, 10);
        for hostile in [
            "\\newcommand",
            "\\newcommand{\\x}[9]{#9}\\x",
            "\\def\\a{\\a}\\a\\a",
            "\\newcommand{\\y}[2]{#1#2}\\y{",
        ] {
            lower_all(hostile);
        }
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for doc in [
            "\\",
            "{{{{",
            "}}}",
            "\\href",
            "\\href{",
            "\\'",
            "\\c",
            "\\begin{",
            "\\item[",
            "%",
            "\\section",
            "\\cventry{",
            "\\url{a\\",
            "\\\\[",
            "\u{e9}\\'\u{e9}",
        ] {
            lower_all(doc);
        }
        lower_all(&"{".repeat(100_000));
        lower_all(&"\\textbf{".repeat(10_000));
    }
}
