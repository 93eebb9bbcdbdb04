//! jemdoc sources (`publications.jemdoc`): the light markup many academic
//! homepages are kept in and compiled to HTML with jemdoc.
//!
//! As with Org, each line is rewritten into its Markdown form and the
//! Markdown reader does the rest; the line count is kept, so line numbers and
//! raw excerpts point at the jemdoc source. Written by hand: jemdoc is a
//! Python script, and no crate reads its markup.
//!
//! What is read: `= Title` headings, `-`/`.` items (`--` nested), `: {term}
//! definition` items, `[url text]` links, `*bold*`, `/italic/`, `+mono+`, `\n`
//! line breaks, `\`-escapes, `{{raw html}}`, `# comments` and `~~~` blocks
//! (code hidden, raw HTML kept, info blocks read as text).

use std::sync::LazyLock;

use regex::Regex;

use crate::blocks::{Block, LineIndex};

/// `[https://x.org/a.pdf Title]`, `[paper.pdf]`: a link, unescaped brackets.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\\])(\[((?:[^\]\\]|\\.)*)\])").expect("valid jemdoc link regex")
});

/// Whether a text is a jemdoc source: its `# jemdoc:` directive near the top.
pub(crate) fn looks_like_jemdoc(text: &str) -> bool {
    text.lines()
        .take(10)
        .any(|line| line.trim_start().starts_with("# jemdoc:"))
}

pub(crate) fn lower(source: &str, _index: &LineIndex, sink: &mut dyn FnMut(Vec<Block>)) {
    let markdown = to_markdown(source);
    let index = LineIndex::new(&markdown);
    crate::markdown::lower(&markdown, &index, sink);
}

/// What a `~~~` block holds.
#[derive(Clone, Copy, PartialEq)]
enum Tilde {
    /// `{}{python}`: code, hidden in a fence.
    Code,
    /// `{}{raw}`: HTML, kept as written.
    Raw,
    /// `{Title}` or nothing: text in a box.
    Info,
}

/// The Markdown form of a jemdoc source, one line for each line.
fn to_markdown(source: &str) -> String {
    let lines: Vec<&str> = source.split('\n').collect();
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    let mut block: Option<Tilde> = None;
    let mut skip_next = false;
    for (at, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if std::mem::take(&mut skip_next) {
            // The `{title}{kind}` line after `~~~`.
        } else if let Some(kind) = block {
            if trimmed == "~~~" {
                block = None;
                if kind == Tilde::Code {
                    out.push_str("```");
                }
            } else if kind == Tilde::Info {
                out.push_str(&inline(line));
            } else {
                out.push_str(line);
            }
        } else if trimmed == "~~~" {
            let next = lines.get(at + 1).map_or("", |l| l.trim());
            let kind = match next.strip_prefix('{').and_then(|rest| rest.split_once('}')) {
                Some((_, rest)) if rest.starts_with("{raw}") => Tilde::Raw,
                Some((_, rest)) if rest.starts_with('{') => Tilde::Code,
                _ => Tilde::Info,
            };
            skip_next = next.starts_with('{');
            block = Some(kind);
            if kind == Tilde::Code {
                out.push_str("```");
            }
        } else if line.starts_with('#') {
            // A comment, or the `# jemdoc:` directive.
        } else if let Some((marks, rest)) = leading(line, '=') {
            out.push_str(&"#".repeat(marks.min(6)));
            out.push(' ');
            out.push_str(&inline(rest));
        } else if let Some((marks, rest)) = leading(line, '-') {
            out.push_str(&"  ".repeat(marks - 1));
            out.push_str("- ");
            out.push_str(&inline(rest));
        } else if let Some((marks, rest)) = leading(line, '.') {
            out.push_str(&"   ".repeat(marks - 1));
            out.push_str("1. ");
            out.push_str(&inline(rest));
        } else if let Some(rest) = line.strip_prefix(':')
            && let Some((term, definition)) = rest
                .trim_start()
                .strip_prefix('{')
                .and_then(|r| r.split_once('}'))
        {
            out.push_str("- **");
            out.push_str(&inline(term));
            out.push_str("** ");
            out.push_str(&inline(definition.trim_start()));
        } else {
            out.push_str(&inline(line));
        }
        out.push('\n');
    }
    // `split` gave one more line than there are newlines.
    out.pop();
    out
}

/// `== Heading`, `-- nested item`: how many of `mark` open the line (then a
/// space), and the rest.
fn leading(line: &str, mark: char) -> Option<(usize, &str)> {
    let rest = line.trim_start_matches(mark);
    let marks = line.len() - rest.len();
    (marks > 0 && rest.starts_with([' ', '\t'])).then(|| (marks, rest.trim_start()))
}

/// A line's links, escapes, raw HTML and emphasis in Markdown.
fn inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut last = 0;
    for link in LINK.captures_iter(line) {
        let (Some(whole), Some(inner)) = (link.get(1), link.get(2)) else {
            continue;
        };
        out.push_str(&text(&line[last..whole.start()]));
        let inner = inner.as_str().trim();
        let (target, label) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let label = label.trim();
        if target.starts_with("img{") {
            // An image: no text.
        } else if !label.is_empty() {
            out.push('[');
            out.push_str(&text(label));
            out.push_str("](");
            out.push_str(target);
            out.push(')');
        } else if target.contains("://") {
            out.push('<');
            out.push_str(target);
            out.push('>');
        } else {
            out.push('[');
            out.push_str(target);
            out.push_str("](");
            out.push_str(target);
            out.push(')');
        }
        last = whole.end();
    }
    out.push_str(&text(&line[last..]));
    out
}

/// Text between links: `{{raw}}` kept, escapes made literal, emphasis read.
fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&marked(&rest[..open]));
        let after = &rest[open + 2..];
        let close = after.find("}}").unwrap_or(after.len());
        out.push_str(&after[..close]);
        rest = after.get(close + 2..).unwrap_or_default();
    }
    out.push_str(&marked(rest));
    out
}

/// Escapes and emphasis of plain jemdoc text.
fn marked(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            escaped.push(c);
            continue;
        }
        match chars.next() {
            // `\n`: a line break (at the end of the line, Markdown's own).
            Some('n') if chars.peek().is_none_or(|c| c.is_whitespace()) => {
                if chars.clone().all(char::is_whitespace) {
                    escaped.push('\\');
                    break;
                }
                escaped.push_str("<br>");
            }
            // A mark written as text: an entity emphasis does not see.
            Some(mark @ ('/' | '*' | '+' | '[' | ']' | '\\' | '#' | '~' | '{' | '}')) => {
                escaped.push_str(&format!("&#{};", u32::from(mark)));
            }
            Some(other) => {
                escaped.push('\\');
                escaped.push(other);
            }
            None => escaped.push('\\'),
        }
    }
    crate::org::emphasis_with(
        &escaped,
        &[('*', "**", "**"), ('/', "*", "*"), ('+', "`", "`")],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jemdoc_lines_become_markdown_lines() {
        let jemdoc = "# jemdoc: menu{MENU}{pubs.html}\n= Publications\n== 2023\n- *Fast Consensus*. \\n\n  Jane Doe, /Ana Lima/. \\n\n  In /OSDI/, 2023. [https://x.org/a.pdf \\[PDF\\]] [code.zip]\n-- nested\n. first\n: {Award} Best Paper\n~~~\n{}{raw}\n<b>kept</b>\n~~~\n~~~\n{}{bibtex}\n@inproceedings{x}\n~~~";
        let markdown = to_markdown(jemdoc);
        assert_eq!(markdown.lines().count(), jemdoc.lines().count());
        assert_eq!(
            markdown,
            "\n# Publications\n## 2023\n- **Fast Consensus**. \\\n  Jane Doe, *Ana Lima*. \\\n  In *OSDI*, 2023. [&#91;PDF&#93;](https://x.org/a.pdf) [code.zip](code.zip)\n  - nested\n1. first\n- **Award** Best Paper\n\n\n<b>kept</b>\n\n```\n\n@inproceedings{x}\n```"
        );
    }

    #[test]
    fn escaped_and_lone_marks_are_text() {
        assert_eq!(marked("TCP/IP and\\/or 5 * 3"), "TCP/IP and&#47;or 5 * 3");
        assert_eq!(text("{{<u>Jane Doe</u>}}, Ana"), "<u>Jane Doe</u>, Ana");
        assert!(looks_like_jemdoc(
            "# jemdoc: menu{MENU}{index.html}\n= Jane"
        ));
        assert!(!looks_like_jemdoc("# Publications\n- A"));
    }
}
