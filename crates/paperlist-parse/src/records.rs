//! Entries written as labelled list items, as curated lists of tools and
//! models describe one paper:
//!
//! ```text
//! - **Paper:** [Highly accurate protein structure prediction with AlphaFold](url) (Nature, 2021)
//! - **Code:** https://github.com/google-deepmind/alphafold
//! - **Approach:** DL
//! ```
//!
//! Each item alone reads as nothing sensible (`Approach: DL` is no title), so
//! the items of one record are joined into one entry before any entry rule
//! sees them. Markdown and HTML lists are both lowered to blocks with their
//! list depths, so one pass serves both.

use crate::blocks::{Block, BlockKind, Line};
use crate::fields;
use crate::styled::{Mark, Styled};

/// What a record's label says its value is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Label {
    /// The paper: its title (usually linked) and maybe its venue and year.
    Paper,
    /// A field the entry rules read from its value: names, a venue, a year.
    Field,
    /// Anything else (`Code`, `Docs`, `Approach`, `Web server`): only its
    /// links belong to the entry, under the label's name.
    Other(String),
}

/// Labels whose value is the paper itself (before [`fields::FIELD_LABELS`],
/// which names `title` too).
const PAPER_LABELS: &[&str] = &[
    "paper",
    "papers",
    "title",
    "paper title",
    "full title",
    "article",
];

/// The label an item's first line starts with (`Paper:`, `**Web server:**`),
/// and where its value starts. A label is one to three words before a colon,
/// starting with a letter; `Title: subtitle` written as a title has more.
fn label_of(line: &Styled) -> Option<(Label, usize)> {
    let text = &line.text;
    let colon = text.get(..30).unwrap_or(text).find(':')?;
    let label = text[..colon].trim();
    let after = &text[colon + 1..];
    // `https://...` is no label; a value follows a space or nothing.
    if !(after.is_empty() || after.starts_with(char::is_whitespace))
        || !label.starts_with(|c: char| c.is_alphabetic())
        || fields::words_up_to(label, 4) > 3
    {
        return None;
    }
    let folded = label.to_lowercase();
    let kind = if PAPER_LABELS.contains(&folded.as_str()) {
        Label::Paper
    } else if fields::FIELD_LABELS.contains(&folded.as_str())
        || matches!(folded.as_str(), "date" | "status")
    {
        Label::Field
    } else {
        Label::Other(label.to_owned())
    };
    let value = colon + 1 + (after.len() - after.trim_start().len());
    Some((kind, value))
}

/// The label of a list item's first line. Under any other label than the
/// paper's or a field's, the value is links, an address or a few words
/// (`Approach: DL`, `Docs: [Read more](url) *to be written*`): `MegaBlocks: Efficient Sparse Training with ...` is an
/// entry of its own whose title has a colon.
fn item_label(block: &Block) -> Option<(Label, usize)> {
    if block.kind != BlockKind::ListItem {
        return None;
    }
    let line = &block.lines.first()?.text;
    let (label, value) = label_of(line)?;
    if let Label::Other(_) = label {
        let end = line.text.len();
        let rest = line.slice(value..end);
        let words = fields::words_up_to(&rest.text, 11);
        let linked = || {
            rest.links().next().is_some()
                || rest
                    .text
                    .split_whitespace()
                    .any(|w| fields::bare_url(w).is_some())
        };
        if !(words <= 6 || (words <= 10 && linked())) || block.lines.len() > 2 {
            return None;
        }
    }
    Some((label, value))
}

/// The links of a labelled value, named by the label: marked links and bare
/// addresses (`https://a | https://b`). `None` when it has none (`Code: N/A`).
fn links_line(label: &str, value: &Styled) -> Option<Styled> {
    let mut out = Styled::default();
    let add = |out: &mut Styled, url: &str| {
        if !out.text.is_empty() {
            out.push_str(" ");
        }
        // In brackets, as `[[Code]](url)` writes a link label: read as one
        // whatever its words (`[Web server]`).
        let start = out.text.len();
        out.push_str(&format!("[{label}]"));
        out.marks
            .push((start..out.text.len(), Mark::Link(url.to_owned())));
    };
    for (_, url) in value.links() {
        add(&mut out, url);
    }
    for word in value.text.split_whitespace() {
        if let Some(url) = fields::bare_url(word)
            && !value.links().any(|(_, linked)| linked == url)
        {
            add(&mut out, url);
        }
    }
    (!out.text.is_empty()).then_some(out)
}

/// `Boltz-1: [Boltz-1 Democratizing Biomolecular Interaction Modeling](url)`:
/// a short name before a linked title, in a record's list of papers, is no
/// part of the title (a venue tag before it is kept).
fn without_name_label(line: Line) -> Line {
    let text = &line.text;
    let Some((label, value)) = label_of(text) else {
        return line;
    };
    let linked_from_value = text
        .links()
        .next()
        .is_some_and(|(range, _)| range.start == value);
    if label == Label::Paper || !linked_from_value || fields::is_tag(&text.text[..value]) {
        return line;
    }
    let end = text.text.len();
    Line {
        text: text.slice(value..end),
        number: line.number,
    }
}

/// Whether any list item starts with a paper's label (cheap: most lists have none).
/// `**Full Title:** ...`, `**Authors:** ...`, `**Venue:** ICML 2023`, each a
/// paragraph of its own (a paper's summary card): one entry's lines, joined
/// into the first paragraph. A label seen again starts the next record; a
/// paragraph without a paper's or a field's label (`**Core Idea:**`) ends it.
pub(crate) fn merge_labelled_paragraphs(blocks: &mut Vec<Block>) {
    let label = |block: &Block| -> Option<String> {
        let [line] = block.lines.as_slice() else {
            return None;
        };
        if block.kind != BlockKind::Paragraph {
            return None;
        }
        let (kind, value) = label_of(&line.text)?;
        let name = line.text.text[..value]
            .trim()
            .trim_end_matches(':')
            .to_lowercase();
        (!matches!(kind, Label::Other(_))).then_some(name)
    };
    let mut i = 0;
    while i < blocks.len() {
        let Some(first) = label(&blocks[i]) else {
            i += 1;
            continue;
        };
        let mut seen = vec![first];
        let mut end = i + 1;
        while end < blocks.len()
            && let Some(name) = label(&blocks[end])
            && !seen.contains(&name)
        {
            seen.push(name);
            end += 1;
        }
        let titled = seen
            .iter()
            .any(|name| PAPER_LABELS.contains(&name.as_str()));
        if end - i >= 2 && titled {
            let merged: Vec<Block> = blocks.drain(i + 1..end).collect();
            let block = &mut blocks[i];
            for other in merged {
                block.span.end = block.span.end.max(other.span.end);
                block.lines.extend(other.lines);
            }
        }
        i += 1;
    }
}

pub(crate) fn has_records(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .any(|block| matches!(item_label(block), Some((Label::Paper, _))))
}

/// Joins each record among `blocks` (list items with their `depths`) into
/// one block: see the module's documentation. Records are runs of two or more
/// sibling items that all start with a label, exactly one of them the
/// paper's; a second paper label starts the next record.
pub(crate) fn merge_labelled_records(blocks: &mut Vec<Block>, depths: &mut Vec<u8>) {
    let mut i = 0;
    while i < blocks.len() {
        if item_label(&blocks[i]).is_none() {
            i += 1;
            continue;
        }
        let depth = depths[i];
        // The sibling items (with what is nested in them) of one record.
        let mut members = vec![i];
        let mut has_paper = matches!(item_label(&blocks[i]), Some((Label::Paper, _)));
        let mut end = i + 1;
        while end < blocks.len() && blocks[end].kind == BlockKind::ListItem {
            if depths[end] > depth {
                end += 1;
                continue;
            }
            match item_label(&blocks[end]) {
                Some((label, _)) if depths[end] == depth => {
                    if label == Label::Paper {
                        if has_paper {
                            break;
                        }
                        has_paper = true;
                    }
                    members.push(end);
                    end += 1;
                }
                _ => break,
            }
        }
        if members.len() < 2 || !has_paper {
            i = end;
            continue;
        }
        let (merged, merged_depths) = merge_record(&blocks[i..end], &depths[i..end], &members, i);
        let count = merged.len();
        blocks.splice(i..end, merged);
        depths.splice(i..end, merged_depths);
        i += count.max(1);
    }
}

/// One record's blocks (`members` index the labelled items, from `offset`)
/// made into the entry's block, or, when the paper item lists papers in
/// nested items, into those items and a line of the record's links.
fn merge_record(
    blocks: &[Block],
    depths: &[u8],
    members: &[usize],
    offset: usize,
) -> (Vec<Block>, Vec<u8>) {
    let span = blocks[0].span.start..blocks.iter().map(|b| b.span.end).max().unwrap_or(0);
    let mut lines: Vec<Line> = Vec::new();
    let mut links: Vec<Line> = Vec::new();
    let mut listed: Vec<(Block, u8)> = Vec::new();
    for (at, block) in blocks.iter().enumerate() {
        let is_member = members.contains(&(at + offset));
        let Some((label, value)) = item_label(block).filter(|_| is_member) else {
            continue;
        };
        let Some((first, rest)) = block.lines.split_first() else {
            continue;
        };
        let end = first.text.text.len();
        let first_value = Line {
            text: first.text.slice(value..end),
            number: first.number,
        };
        match label {
            Label::Paper if first_value.text.is_blank() && rest.is_empty() => {
                // `- **Paper:**` over nested items: each is a paper.
                let nested = blocks[at + 1..]
                    .iter()
                    .zip(&depths[at + 1..])
                    .take_while(|(_, d)| **d > depths[at]);
                for (child, &child_depth) in nested {
                    let mut child = child.clone();
                    child.lines = child.lines.into_iter().map(without_name_label).collect();
                    listed.push((child, child_depth));
                }
            }
            Label::Paper | Label::Field => {
                lines.push(first_value);
                lines.extend(rest.iter().cloned());
            }
            Label::Other(name) => {
                let mut value = first_value.text;
                for line in rest {
                    value.push_str(" ");
                    value.push(&line.text);
                }
                if let Some(text) = links_line(&name, &value) {
                    links.push(Line {
                        text,
                        number: first.number,
                    });
                }
            }
        }
    }
    let depth = depths[0];
    let item = |lines: Vec<Line>| Block {
        kind: BlockKind::ListItem,
        lines,
        cells: Vec::new(),
        span: span.clone(),
    };
    if listed.is_empty() {
        lines.extend(links);
        lines.sort_by_key(|line| line.number);
        return (vec![item(lines)], vec![depth]);
    }
    // The papers, then the record's links on their own line (given to the
    // paper just read, as any line of links after an entry is).
    let (mut out, mut out_depths): (Vec<Block>, Vec<u8>) = listed.into_iter().unzip();
    lines.extend(links);
    if !lines.is_empty() {
        lines.sort_by_key(|line| line.number);
        out.push(item(lines));
        out_depths.push(depth);
    }
    (out, out_depths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(number: u32, text: &str, marks: Vec<(std::ops::Range<usize>, Mark)>) -> Block {
        Block {
            kind: BlockKind::ListItem,
            lines: vec![Line {
                text: Styled {
                    text: text.to_owned(),
                    marks,
                },
                number,
            }],
            cells: Vec::new(),
            span: number as usize * 10..number as usize * 10 + 9,
        }
    }

    fn texts(blocks: &[Block]) -> Vec<Vec<String>> {
        blocks
            .iter()
            .map(|b| b.lines.iter().map(|l| l.text.text.clone()).collect())
            .collect()
    }

    #[test]
    fn labelled_items_are_one_entry() {
        let paper =
            "Paper: Highly accurate protein structure prediction with AlphaFold (Nature, 2021)";
        let title = 7..paper.find(" (").unwrap_or(0);
        let mut blocks = vec![
            item(
                1,
                paper,
                vec![(title, Mark::Link("https://nature.com/x".into()))],
            ),
            item(2, "Code: https://github.com/deepmind/alphafold", vec![]),
            item(
                3,
                "Docs: Read more → to be written",
                vec![(6..17, Mark::Link("docs/".into()))],
            ),
            item(4, "Approach: DL", vec![]),
            item(5, "Code: N/A", vec![]),
        ];
        let mut depths = vec![0; 5];
        merge_labelled_records(&mut blocks, &mut depths);
        assert_eq!(
            texts(&blocks),
            vec![vec![
                "Highly accurate protein structure prediction with AlphaFold (Nature, 2021)",
                "[Code]",
                "[Docs]",
            ]]
        );
        assert_eq!(blocks[0].span, 10..59);
        assert_eq!(depths, vec![0]);
        let code: Vec<&str> = blocks[0].lines[1].text.links().map(|(_, u)| u).collect();
        assert_eq!(code, vec!["https://github.com/deepmind/alphafold"]);
    }

    #[test]
    fn items_without_a_paper_label_stay_as_they_are() {
        // A list of notes, or of entries that start `Title: subtitle`.
        let mut blocks = vec![
            item(1, "Orca: A Distributed Serving System", vec![]),
            item(
                2,
                "Clipper: A Low-Latency Online Prediction Serving System",
                vec![],
            ),
            item(3, "Note: both are serving systems", vec![]),
        ];
        let mut depths = vec![0; 3];
        let before = blocks.clone();
        merge_labelled_records(&mut blocks, &mut depths);
        assert_eq!(blocks, before);
    }

    #[test]
    fn a_second_paper_label_starts_the_next_record() {
        let mut blocks = vec![
            item(1, "Paper: First Title", vec![]),
            item(2, "Code: https://a.example/1", vec![]),
            item(3, "Paper: Second Title", vec![]),
            item(4, "Code: https://a.example/2", vec![]),
        ];
        let mut depths = vec![0; 4];
        merge_labelled_records(&mut blocks, &mut depths);
        assert_eq!(
            texts(&blocks),
            vec![
                vec!["First Title", "[Code]"],
                vec!["Second Title", "[Code]"]
            ]
        );
    }

    #[test]
    fn a_paper_label_over_nested_papers_gives_each_paper() {
        let first =
            "Boltz-1: Boltz-1 Democratizing Biomolecular Interaction Modeling (bioRxiv, 2025)";
        let second =
            "Boltz-2: Towards Accurate and Efficient Binding Affinity Prediction (bioRxiv, 2025)";
        let mut blocks = vec![
            item(1, "Paper:", vec![]),
            item(
                2,
                first,
                vec![(9..first.find(" (").unwrap_or(0), Mark::Link("u1".into()))],
            ),
            item(
                3,
                second,
                vec![(0..second.find(" (").unwrap_or(0), Mark::Link("u2".into()))],
            ),
            item(4, "Code: https://github.com/jwohlwend/boltz", vec![]),
            item(5, "Approach: DL", vec![]),
        ];
        let mut depths = vec![0, 1, 1, 0, 0];
        merge_labelled_records(&mut blocks, &mut depths);
        assert_eq!(
            texts(&blocks),
            vec![
                vec!["Boltz-1 Democratizing Biomolecular Interaction Modeling (bioRxiv, 2025)"],
                // `Boltz-2:` is no label here: the link starts the line.
                vec![second],
                vec!["[Code]"],
            ]
        );
        assert_eq!(depths, vec![1, 1, 0]);
    }
}
