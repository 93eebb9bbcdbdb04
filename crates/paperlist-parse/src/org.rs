//! Org-mode documents (an Emacs user's publication list, an ox-hugo source).
//!
//! Org's structure maps onto Markdown's line for line: `* Publications` and
//! `** 2023` are headings, `- ` and `1. ` items are list items, `| a | b |`
//! rows are tables. Each line is rewritten into its Markdown form and the
//! Markdown reader does the rest; the line count is kept, so line numbers and
//! raw excerpts still point at the Org source. Written by hand, on purpose:
//! an Org parser (orgize) would give a syntax tree that still had to be
//! turned into the Markdown reader's blocks, line by line; the few
//! constructs a publication list uses are rewritten here in fewer lines.

use std::sync::LazyLock;

use regex::Regex;

use crate::blocks::{Block, LineIndex};

/// `[[https://x.org][Title]]`, `[[https://x.org]]`.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[\[([^\]\[]+)\](?:\[([^\]]*)\])?\]").expect("valid Org link regex")
});

/// `* TODO Title :tag:other:`: a heading's stars, keyword and tags.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\*+)\s+(?:(?:TODO|DONE)\s+)?(.*?)(?:\s+:[\w@#%:]+:)?\s*$")
        .expect("valid Org heading regex")
});

/// Whether a text is an Org document: its `#+title:`-style keywords.
pub(crate) fn looks_like_org(text: &str) -> bool {
    text.lines().take(20).any(|line| {
        let lower = line.trim_start().to_ascii_lowercase();
        ["#+title:", "#+author:", "#+options:", "#+startup:"]
            .iter()
            .any(|keyword| lower.starts_with(keyword))
    })
}

pub(crate) fn lower(source: &str, _index: &LineIndex, sink: &mut dyn FnMut(Vec<Block>)) {
    let markdown = to_markdown(source);
    let index = LineIndex::new(&markdown);
    crate::markdown::lower(&markdown, &index, sink);
}

/// The Markdown form of an Org document, one line for each line.
fn to_markdown(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    // Inside `#+begin_src` ... `#+end_src` or a `:PROPERTIES:` drawer.
    let mut hidden_until: Option<&'static str> = None;
    for line in source.split('\n') {
        let trimmed = line.trim();
        let lower = trimmed.to_ascii_lowercase();
        if let Some(end) = hidden_until {
            if lower.starts_with(end) {
                hidden_until = None;
            }
        } else if lower.starts_with("#+begin_") {
            // Source, example and comment blocks hold no entries; a quote's
            // text is read.
            if !lower.starts_with("#+begin_quote") {
                hidden_until = Some("#+end_");
            }
        } else if lower == ":properties:" || lower == ":logbook:" {
            hidden_until = Some(":end:");
        } else if trimmed.starts_with("#+") || trimmed == "#" || trimmed.starts_with("# ") {
            // Keywords (`#+title:`, `#+end_quote`) and comments.
        } else if let Some(heading) = HEADING.captures(line) {
            let level = heading[1].len().min(6);
            out.push_str(&"#".repeat(level));
            out.push(' ');
            out.push_str(&inline(&heading[2]));
        } else if trimmed.starts_with("|-") {
            // `|---+---|` under a table's header: Markdown's delimiter row.
            let columns = trimmed.matches('+').count() + 1;
            out.push('|');
            for _ in 0..columns {
                out.push_str("---|");
            }
        } else {
            out.push_str(&inline(line));
        }
        out.push('\n');
    }
    // `split` gave one more line than there are newlines.
    out.pop();
    out
}

/// Links and emphasis of one line in Markdown; the text between is escaped
/// only where Markdown would read it as markup (`[`, `*`, `_`, backquote).
fn inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut last = 0;
    for link in LINK.captures_iter(line) {
        let Some(whole) = link.get(0) else { continue };
        out.push_str(&emphasis(&line[last..whole.start()]));
        let target = link[1].trim();
        match link.get(2).map(|d| d.as_str().trim()) {
            Some(description) if !description.is_empty() => {
                out.push('[');
                out.push_str(&emphasis(description));
                out.push_str("](");
                out.push_str(&target.replace(' ', "%20"));
                out.push(')');
            }
            _ if target.contains("://") => {
                out.push('<');
                out.push_str(target);
                out.push('>');
            }
            _ => out.push_str(target),
        }
        last = whole.end();
    }
    out.push_str(&emphasis(&line[last..]));
    out
}

/// Org emphasis in Markdown: `*bold*`, `/italic/`, `_underline_` (a
/// homepage's own name), `=verbatim=` and `~code~`. A mark opens after the
/// start, a space or an opening bracket and before a non-space; it closes
/// after a non-space and before the end, a space or punctuation (so
/// `TCP/IP` and `5 * 3` are text).
fn emphasis(text: &str) -> String {
    emphasis_with(
        text,
        &[
            ('*', "**", "**"),
            ('/', "*", "*"),
            ('_', "<u>", "</u>"),
            ('=', "`", "`"),
            ('~', "`", "`"),
        ],
    )
}

/// Emphasis marks in Markdown, each mark (`/`) with what opens and closes
/// its Markdown form (`*`, `*`), where a mark may open and close as Org's
/// are (see [`emphasis`]). jemdoc's marks are read so too.
pub(crate) fn emphasis_with(text: &str, marks: &[(char, &str, &str)]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let opens = |i: usize| {
        i.checked_sub(1)
            .and_then(|p| chars.get(p))
            .is_none_or(|c| c.is_whitespace() || "-({'\"".contains(*c))
            && chars.get(i + 1).is_some_and(|c| !c.is_whitespace())
    };
    let closes = |j: usize| {
        !chars[j - 1].is_whitespace()
            && chars
                .get(j + 1)
                .is_none_or(|c| c.is_whitespace() || "-.,:;!?')}\"]".contains(*c))
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let mark = chars[i];
        let markup = marks
            .iter()
            .find(|(m, _, _)| *m == mark)
            .map(|&(_, open, close)| (open, close));
        if let Some((open, close)) = markup.filter(|_| opens(i))
            && let Some(j) = (i + 2..chars.len()).find(|&j| chars[j] == mark && closes(j))
        {
            out.push_str(open);
            out.extend(&chars[i + 1..j]);
            out.push_str(close);
            i = j + 1;
        } else {
            out.push(mark);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_lines_become_markdown_lines() {
        let org = "#+TITLE: Jane Doe\n* Publications :pubs:\n** 2023\n- A. [[https://x.org/a][Title]]. In /EuroSys 2023/.\n- *Jane Doe* and _Ana Lima_. =Code= [[https://x.org/b.pdf]]\n#+begin_src sh\n* not a heading\n#+end_src\n|-+-|";
        let markdown = to_markdown(org);
        assert_eq!(markdown.lines().count(), org.lines().count());
        assert_eq!(
            markdown,
            "\n# Publications\n## 2023\n- A. [Title](https://x.org/a). In *EuroSys 2023*.\n- **Jane Doe** and <u>Ana Lima</u>. `Code` <https://x.org/b.pdf>\n\n\n\n|---|---|"
        );
    }

    #[test]
    fn slashes_in_text_are_no_emphasis() {
        assert_eq!(inline("TCP/IP and/or I/O"), "TCP/IP and/or I/O");
        assert_eq!(inline("/A/ /B/"), "*A* *B*");
        assert_eq!(inline("5 * 3 * 2"), "5 * 3 * 2");
    }
}
