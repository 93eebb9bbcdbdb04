//! CSV and TSV: a spreadsheet of publications, or paperlist's own CSV export.
//! The first row names the columns; every other row is a table row, read by
//! the column rules of Markdown and HTML tables (`Title`, `Authors`, `Venue`,
//! `Year`, `Kind`, `Pages`, ...). An address in a cell is a link, and so is a
//! bare identifier in a DOI, arXiv or dblp column (`10.1145/...`,
//! `2309.06180`, `conf/osdi/MoritzNWTLLEYPJ18`).

use paperlist_model::ArxivId;
use paperlist_model::normalize::collapse_whitespace;

use crate::blocks::{Block, BlockKind, Line, LineIndex};
use crate::styled::{Mark, Styled};

/// Lowers a CSV or TSV document (the delimiter is the one the header row
/// uses more) into table rows.
pub(crate) fn lower(source: &str, index: &LineIndex, sink: &mut dyn FnMut(Vec<Block>)) {
    let header_line = source.lines().next().unwrap_or_default();
    let delimiter = if header_line.matches('\t').count() > header_line.matches(',').count() {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(source.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut blocks = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // A row the reader cannot take (it cannot happen on text, which
            // is valid UTF-8): its lines are reported as unread.
            Err(_) => continue,
        }
        // Lines are counted from the byte offset: the csv crate's own count
        // skips blank lines, and its offset may point at the line end before
        // the record.
        let at = record
            .position()
            .map_or(0, |at| usize::try_from(at.byte()).unwrap_or(0))
            .min(source.len());
        let begin = source
            .get(at..)
            .and_then(|rest| rest.find(|c: char| c != '\r' && c != '\n'))
            .map_or(source.len(), |skip| at + skip);
        let line = index.line_of(begin);
        let Some(columns) = &header else {
            header = Some(record.iter().map(|name| name.trim().to_owned()).collect());
            continue;
        };
        let cells: Vec<Styled> = record
            .iter()
            .enumerate()
            .map(|(i, value)| cell(value, columns.get(i).map_or("", String::as_str)))
            .collect();
        if cells.iter().all(Styled::is_blank) {
            continue;
        }
        let mut joined = Styled::default();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                joined.push_str(" | ");
            }
            joined.push(cell);
        }
        let end = usize::try_from(reader.position().byte()).unwrap_or(source.len());
        blocks.push(Block {
            kind: BlockKind::TableRow {
                header: columns.clone(),
            },
            lines: vec![Line {
                text: joined,
                number: line,
            }],
            cells,
            span: begin..end.max(begin),
        });
    }
    sink(blocks);
}

/// A cell's text, linked when it is an address or an identifier its column
/// names.
pub(crate) fn cell(value: &str, column: &str) -> Styled {
    let text = collapse_whitespace(value.trim());
    let column = column.to_ascii_lowercase();
    let url = if text.starts_with("https://") || text.starts_with("http://") {
        (!text.contains(' ')).then(|| text.clone())
    } else if column.contains("doi") && text.starts_with("10.") {
        Some(format!("https://doi.org/{text}"))
    } else if column.contains("arxiv") && text.parse::<ArxivId>().is_ok() {
        Some(format!("https://arxiv.org/abs/{text}"))
    } else if column.contains("dblp") && text.contains('/') && !text.contains(' ') {
        Some(format!("https://dblp.org/rec/{text}"))
    } else {
        None
    };
    let mut styled = Styled::from_text(text);
    if let Some(url) = url {
        let end = styled.text.len();
        styled.marks.push((0..end, Mark::Link(url)));
    }
    styled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower_all(source: &str) -> Vec<Block> {
        crate::blocks::lower_all(lower, source)
    }

    #[test]
    fn rows_with_links_and_line_numbers() {
        let csv = "title,authors,doi,arxiv,dblp_key,url\r\n\"Ray: A Framework, Again\",\"Philipp Moritz; Ion Stoica\",10.5555/1,2309.06180,conf/osdi/X18,https://x.org/ray\r\n\r\n\"Two\nLines\",B,,,,\r\n";
        let blocks = lower_all(csv);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].lines[0].number, 2);
        assert_eq!(blocks[0].cells[0].text, "Ray: A Framework, Again");
        let links: Vec<&str> = blocks[0].lines[0].text.links().map(|(_, u)| u).collect();
        assert_eq!(
            links,
            [
                "https://doi.org/10.5555/1",
                "https://arxiv.org/abs/2309.06180",
                "https://dblp.org/rec/conf/osdi/X18",
                "https://x.org/ray"
            ]
        );
        assert_eq!(blocks[1].lines[0].number, 4);
        assert_eq!(blocks[1].cells[0].text, "Two Lines");
        assert!(matches!(&blocks[1].kind, BlockKind::TableRow { header } if header[0] == "title"));
    }

    #[test]
    fn tabs_and_ragged_rows() {
        let blocks = lower_all("Title\tYear\nA Paper\t2020\textra\nShort\n\"unclosed");
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0].cells.len(), 3);
        assert_eq!(blocks[1].cells[0].text, "Short");
    }
}
