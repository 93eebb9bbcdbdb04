//! AsciiDoc pages (`publications.adoc`): a homepage or CV kept in AsciiDoc
//! and built with Asciidoctor, Antora or a static site generator.
//!
//! As with Org and jemdoc, each line is rewritten into its Markdown form and
//! the Markdown reader does the rest; the line count is kept, so line numbers
//! and raw excerpts point at the AsciiDoc source. Written by hand: the crates
//! that read AsciiDoc (asciidocr and kin) are young and render HTML; the
//! constructs a publication list uses are rewritten here in fewer lines.
//!
//! What is read: `=`/`==` section titles, `*`/`-`/`.` items (`**`, `..`
//! nested), `https://url[text]` and `link:url[text]` links, `<<id,text>>`
//! references, `*bold*`, `_italic_` (and their doubled forms), a ` +` line
//! break; attribute entries (`:toc:`), block attributes (`[source]`),
//! comments and the delimiters of example and quote blocks are no text;
//! listing and literal blocks are hidden like code.

use std::sync::LazyLock;

use regex::Regex;

use crate::blocks::{Block, LineIndex};

/// `https://x.org/a.pdf[PDF]`, `link:paper.pdf[Paper^]`, `mailto:a@b.c[mail]`.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:link:([^\s\[]+)|((?:https?|ftp|mailto):[^\s\[]+))\[([^\]]*)\]")
        .expect("valid AsciiDoc link regex")
});

/// `<<anchor,text>>`: a reference inside the document; its text is kept.
static XREF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<<[^,>]*(?:,\s*([^>]*))?>>").expect("valid AsciiDoc xref regex"));

/// `:toc: left`, `:author: Jane Doe`: a document attribute entry.
static ATTRIBUTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^:!?[\w-]+!?:(?:\s|$)").expect("valid AsciiDoc attribute regex"));

pub(crate) fn lower(source: &str, _index: &LineIndex, sink: &mut dyn FnMut(Vec<Block>)) {
    let markdown = to_markdown(source);
    let index = LineIndex::new(&markdown);
    crate::markdown::lower(&markdown, &index, sink);
}

/// The Markdown form of an AsciiDoc document, one line for each line.
fn to_markdown(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    // Inside a comment block (`////`) or a listing/literal block (`----`, `....`).
    let mut hidden_until: Option<&str> = None;
    // After the document title (`= Jane Doe`) at the top: its author and
    // revision lines (two at most), up to the first blank line.
    let mut header_lines = 0;
    let mut at_top = true;
    for line in source.split('\n') {
        let trimmed = line.trim_end();
        // (Comments may come before the title.)
        let top = std::mem::take(&mut at_top);
        at_top = top && trimmed.starts_with("//");
        let attribute = ATTRIBUTE.is_match(trimmed);
        let header_line = header_lines > 0
            && !trimmed.is_empty()
            && !attribute
            && !trimmed.starts_with(['/', '=', '*', '.', '-', '[']);
        if header_line {
            header_lines -= 1;
        } else if !attribute && !trimmed.starts_with("//") {
            // Anything else than an attribute or a comment ends the header.
            header_lines = 0;
        }
        if top && trimmed.starts_with("= ") {
            header_lines = 2;
            out.push_str("# ");
            out.push_str(&inline(&trimmed[2..]));
        } else if header_line {
            // An author or revision line of the header.
        } else if let Some(end) = hidden_until {
            if trimmed == end {
                hidden_until = None;
                if end != "////" {
                    out.push_str("```");
                }
            } else if end != "////" {
                out.push_str(line);
            }
        } else if is_delimiter(trimmed, '/') {
            hidden_until = Some(trimmed);
        } else if is_delimiter(trimmed, '-') || is_delimiter(trimmed, '.') {
            hidden_until = Some(trimmed);
            out.push_str("```");
        } else if trimmed.starts_with("//")
            || ATTRIBUTE.is_match(trimmed)
            || (trimmed.starts_with('[') && trimmed.ends_with(']') && !trimmed.contains("]["))
            || is_delimiter(trimmed, '=')
            || is_delimiter(trimmed, '_')
            || is_delimiter(trimmed, '*')
            || trimmed == "+"
        {
            // Comments, attributes, block attributes, block delimiters, a
            // list continuation.
        } else if let Some((marks, rest)) = leading(trimmed, '=') {
            out.push_str(&"#".repeat(marks.min(6)));
            out.push(' ');
            out.push_str(&inline(rest));
        } else if let Some((marks, rest)) = leading(trimmed, '*') {
            out.push_str(&"  ".repeat(marks - 1));
            out.push_str("- ");
            out.push_str(&inline(rest));
        } else if let Some((marks, rest)) = leading(trimmed, '.') {
            out.push_str(&"   ".repeat(marks - 1));
            out.push_str("1. ");
            out.push_str(&inline(rest));
        } else {
            out.push_str(&inline(line));
        }
        out.push('\n');
    }
    // `split` gave one more line than there are newlines.
    out.pop();
    out
}

/// `----`, `====`, `////`: four or more of one character, alone on a line.
fn is_delimiter(line: &str, mark: char) -> bool {
    line.len() >= 4 && line.chars().all(|c| c == mark)
}

/// `== Section`, `** nested item`: how many of `mark` open the line (then a
/// space), and the rest.
fn leading(line: &str, mark: char) -> Option<(usize, &str)> {
    let rest = line.trim_start_matches(mark);
    let marks = line.len() - rest.len();
    (marks > 0 && rest.starts_with([' ', '\t'])).then(|| (marks, rest.trim_start()))
}

/// A line's links, references, emphasis and ` +` line break in Markdown.
fn inline(line: &str) -> String {
    match line.trim_end().strip_suffix(" +") {
        Some(rest) => {
            let mut out = inline_text(rest);
            out.push('\\');
            out
        }
        None => inline_text(line),
    }
}

fn inline_text(line: &str) -> String {
    let line = XREF.replace_all(line, "$1");
    let mut out = String::with_capacity(line.len() + 8);
    let mut last = 0;
    for link in LINK.captures_iter(&line) {
        let Some(whole) = link.get(0) else { continue };
        out.push_str(&emphasis(&line[last..whole.start()]));
        let target = link
            .get(1)
            .or_else(|| link.get(2))
            .map_or("", |m| m.as_str());
        // `[Paper^]` opens a window; `[Paper,role=x]` has attributes.
        let mut label = link.get(3).map_or("", |m| m.as_str());
        if let Some((text, _)) = label.split_once(',').filter(|(_, rest)| rest.contains('=')) {
            label = text;
        }
        let label = label.trim().trim_end_matches('^').trim_matches('"');
        if label.is_empty() {
            out.push('<');
            out.push_str(target);
            out.push('>');
        } else {
            out.push('[');
            out.push_str(&emphasis(label));
            out.push_str("](");
            out.push_str(target);
            out.push(')');
        }
        last = whole.end();
    }
    out.push_str(&emphasis(&line[last..]));
    out
}

/// AsciiDoc emphasis: `*bold*` and `_italic_`, constrained as Org's marks
/// are; the doubled forms (`**bold**` inside a word) are read as single ones.
fn emphasis(text: &str) -> String {
    let single = text.replace("**", "*").replace("__", "_");
    crate::org::emphasis_with(&single, &[('*', "**", "**"), ('_', "*", "*")])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asciidoc_lines_become_markdown_lines() {
        let adoc = "= Jane Doe\nJane Doe <jane@x.org>\n:toc: left\n// a comment\n== 2023\n* Jane Doe, John Smith. _Fast Consensus_. OSDI 2023. link:fast.pdf[PDF^]\n** nested https://arxiv.org/abs/2305.12345[arXiv]\n. *Small Models* +\nsee <<cv,my CV>>\n[source,bibtex]\n----\n@inproceedings{x}\n----\n====\n+";
        let markdown = to_markdown(adoc);
        assert_eq!(markdown.split('\n').count(), adoc.split('\n').count());
        assert_eq!(
            markdown,
            "# Jane Doe\n\n\n\n## 2023\n- Jane Doe, John Smith. *Fast Consensus*. OSDI 2023. [PDF](fast.pdf)\n  - nested [arXiv](https://arxiv.org/abs/2305.12345)\n1. **Small Models**\\\nsee my CV\n\n```\n@inproceedings{x}\n```\n\n"
        );
    }

    #[test]
    fn underscores_and_stars_in_words_are_text() {
        assert_eq!(inline("snake_case and 5 * 3"), "snake_case and 5 * 3");
        assert_eq!(
            inline("https://x.org/a_b[Paper]"),
            "[Paper](https://x.org/a_b)"
        );
    }
}
