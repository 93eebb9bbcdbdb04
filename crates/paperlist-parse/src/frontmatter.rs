//! A static site's page for one publication: Hugo Blox (Wowchemy)
//! `content/publication/*/index.md` and academicpages `_publications/*.md`
//! keep the publication in their YAML front matter (title, authors, date,
//! venue, DOI, links), and the body holds its abstract. Such a page is one
//! entry: its front matter is turned into the lines of one list item (bold
//! title, authors, venue, year, link labels), which the entry rules read as
//! any other; the body is not a list and is not read.
//!
//! A group's site keeps one such file per paper, so `paperlist parse
//! content/publication/*/index.md` reads the whole list.

use paperlist_model::EntryKind;
use paperlist_model::normalize::collapse_whitespace;
use scraper::Html;
use yaml_rust2::{Yaml, YamlLoader};

use crate::blocks::{Block, BlockKind, Line, LineIndex};
use crate::fields::{self, FieldKind};
use crate::styled::{Mark, Styled};

/// Keys only a publication's front matter has (a page with just `title` is
/// an ordinary page, such as a list of publications).
const PUBLICATION_KEYS: &[&str] = &[
    "authors",
    "author",
    "publication",
    "publication_short",
    "publication_types",
    "venue",
    "citation",
    "doi",
];

/// Link keys and the label each is shown with.
const LINK_KEYS: &[(&str, &str)] = &[
    ("url_pdf", "PDF"),
    ("paperurl", "Paper"),
    ("url_preprint", "Preprint"),
    ("url_code", "Code"),
    ("url_dataset", "Dataset"),
    ("url_slides", "Slides"),
    ("slidesurl", "Slides"),
    ("url_video", "Video"),
    ("url_poster", "Poster"),
    ("url_project", "Project"),
    ("url_source", "Source"),
];

/// A publication page read: the entry's block, guesses worth a diagnostic,
/// and the body's lines left unread.
pub(crate) struct Page {
    pub block: Block,
    /// The title as the front matter gives it: the entry's, exactly.
    pub title: String,
    /// The kind Hugo Blox's `publication_types` gives.
    pub kind: Option<EntryKind>,
    pub notes: Vec<(u32, String)>,
    pub body: Option<(u32, u32)>,
}

/// The front matter of `text` (between `---` lines at its start) and where
/// it starts and ends.
fn front_matter(text: &str) -> Option<(&str, usize, usize)> {
    let start = text.strip_prefix("---\n").map(|_| 4)?;
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return Some((&text[start..offset], start, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// Reads a publication page, or says the text is not one.
pub(crate) fn publication_page(text: &str, index: &LineIndex) -> Option<Page> {
    let (yaml, start, end) = front_matter(text)?;
    // Nothing to do with YAML that nests deeper than a page's ever does.
    if yaml.bytes().filter(|b| matches!(b, b'[' | b'{')).count() > 200 {
        return None;
    }
    let documents = YamlLoader::load_from_str(yaml).ok()?;
    let doc = documents.first()?;
    let title = doc["title"]
        .as_str()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    if !PUBLICATION_KEYS.iter().any(|key| is_set(&doc[*key])) {
        return None;
    }
    // The line of a key in the document, for line numbers.
    let line_of = |key: &str| {
        let mut offset = start;
        for line in yaml.split_inclusive('\n') {
            if line
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'))
            {
                return index.line_of(offset);
            }
            offset += line.len();
        }
        index.line_of(start)
    };
    let mut notes = Vec::new();
    let mut lines = Vec::new();
    // Lines in the order an entry is read (title, authors, venue, year,
    // links), numbered by their keys, never going back.
    let mut push = |line: Styled, number: u32| {
        if !line.is_blank() {
            let number = lines.last().map_or(number, |l: &Line| l.number.max(number));
            lines.push(Line { text: line, number });
        }
    };

    // The title, bold as a homepage writes it.
    let title = collapse_whitespace(title);
    push(marked(&title, Mark::Strong), line_of("title"));

    // Authors: Hugo Blox's list (`admin` is the site's owner, named in
    // another file), or a string; academicpages has them in its citation.
    let mut names: Vec<String> = Vec::new();
    match (&doc["authors"], &doc["author"]) {
        (Yaml::Array(list), _) | (_, Yaml::Array(list)) => {
            for name in list.iter().filter_map(Yaml::as_str).map(str::trim) {
                if name == "admin" {
                    notes.push((
                        line_of("authors"),
                        "author `admin` (the site's owner, named in authors/admin) left out: \
                         write the name to keep them"
                            .to_owned(),
                    ));
                } else if !name.is_empty() {
                    names.push(collapse_whitespace(name));
                }
            }
        }
        (Yaml::String(list), _) | (_, Yaml::String(list)) => names.push(collapse_whitespace(list)),
        _ => {}
    }
    let mut authors_line = line_of("authors");
    if names.is_empty()
        && let Some(citation) = doc["citation"].as_str()
        && let Some(authors) = citation_authors(citation)
    {
        names.push(authors);
        authors_line = line_of("citation");
    }
    let separator = if names.iter().any(|n| n.contains(',')) && names.len() > 1 {
        "; "
    } else {
        ", "
    };
    push(Styled::from_text(names.join(separator)), authors_line);

    // The venue in italics with its year, as a homepage writes it (`*OSDI
    // 2018*`): an italic line with a year is a venue even when the registry
    // does not know it. The short name goes in parentheses.
    let year = ["year", "date", "publishDate"].iter().find_map(|key| {
        let value = &doc[*key];
        let year = match value {
            Yaml::Integer(year) => i32::try_from(*year).ok(),
            _ => value.as_str().and_then(|date| date.get(..4)?.parse().ok()),
        };
        year.filter(|y| (1900..=2099).contains(y))
            .map(|y| (y, line_of(key)))
    });
    let venue = ["publication", "venue"]
        .iter()
        .find_map(|key| doc[*key].as_str().map(|v| (clean_markup(v), line_of(key))))
        .filter(|(venue, _)| !venue.is_empty());
    let short = doc["publication_short"]
        .as_str()
        .map(clean_markup)
        .filter(|short| !short.is_empty());
    let (mut written, number) = match (venue, short) {
        (Some((venue, number)), Some(short)) if venue != short => {
            (format!("{venue} ({short})"), Some(number))
        }
        (Some((venue, number)), _) => (venue, Some(number)),
        (None, Some(short)) => (short, Some(line_of("publication_short"))),
        (None, None) => (String::new(), None),
    };
    if let Some((year, year_line)) = year {
        if written.is_empty() {
            push(Styled::from_text(year.to_string()), year_line);
        } else if !written.contains(&year.to_string()) {
            written = format!("{written}, {year}");
        }
    }
    if let Some(number) = number {
        push(marked(&written, Mark::Emphasis), number);
    }

    // Links: the DOI, then each labelled address.
    let mut links = Styled::default();
    let mut add_link = |label: &str, url: &str| {
        if !links.text.is_empty() {
            links.push_str(" ");
        }
        let at = links.text.len();
        links.push_str(&format!("[{label}]"));
        let end = links.text.len();
        links.marks.push((at..end, Mark::Link(url.to_owned())));
    };
    if let Some(doi) = doc["doi"].as_str().map(str::trim).filter(|d| !d.is_empty()) {
        let url = if doi.starts_with("http") {
            doi.to_owned()
        } else {
            format!("https://doi.org/{doi}")
        };
        add_link("DOI", &url);
    }
    for (key, label) in LINK_KEYS {
        if let Some(url) = doc[*key].as_str().map(str::trim).filter(|u| !u.is_empty()) {
            add_link(label, url);
        }
    }
    if let Some(list) = doc["links"].as_vec() {
        for link in list {
            if let (Some(name), Some(url)) = (link["name"].as_str(), link["url"].as_str()) {
                add_link(name.trim(), url.trim());
            }
        }
    }
    push(links, line_of("doi"));

    let body = {
        let rest = &text[end..];
        let first = rest.find(|c: char| !c.is_whitespace()).map(|at| end + at);
        first.map(|at| {
            (
                index.line_of(at),
                index.line_of(text.len().saturating_sub(1).max(at)),
            )
        })
    };
    Some(Page {
        block: Block {
            kind: BlockKind::ListItem,
            lines,
            cells: Vec::new(),
            span: 0..end,
        },
        notes,
        body,
        title,
        kind: publication_kind(&doc["publication_types"]),
    })
}

/// Hugo Blox's `publication_types`: CSL type names (`paper-conference`), or
/// the numbers of its older themes (`"1"` a conference paper).
fn publication_kind(value: &Yaml) -> Option<EntryKind> {
    let first = match value {
        Yaml::Array(list) => list.first()?,
        other => other,
    };
    let name = match first {
        Yaml::Integer(number) => number.to_string(),
        other => other.as_str()?.trim().to_owned(),
    };
    Some(match name.as_str() {
        "1" | "paper-conference" => EntryKind::Inproceedings,
        "2" | "article-journal" => EntryKind::Article,
        "3" | "article" | "4" | "report" => EntryKind::Preprint,
        "5" | "book" => EntryKind::Book,
        "6" | "chapter" => EntryKind::Chapter,
        "7" | "thesis" => EntryKind::Thesis,
        _ => return None,
    })
}

fn is_set(value: &Yaml) -> bool {
    match value {
        Yaml::String(text) => !text.trim().is_empty(),
        Yaml::Array(list) => !list.is_empty(),
        Yaml::Null | Yaml::BadValue => false,
        _ => true,
    }
}

fn marked(text: &str, mark: Mark) -> Styled {
    let mut styled = Styled::from_text(text.to_owned());
    styled.marks.push((0..text.len(), mark));
    styled
}

/// Markdown emphasis and HTML out of a venue: `*In OSDI*`, `<i>Journal 1</i>`.
fn clean_markup(text: &str) -> String {
    let text = html_text(text);
    let text = text.trim().trim_matches(['*', '_']).trim();
    let text = text.strip_prefix("In ").unwrap_or(text);
    collapse_whitespace(text)
}

/// The text of a piece of HTML, entities decoded (`&quot;`).
fn html_text(text: &str) -> String {
    if !text.contains(['<', '&']) {
        return text.to_owned();
    }
    Html::parse_fragment(text).root_element().text().collect()
}

/// The authors of academicpages' `citation: 'Your Name, You. (2009). "Title." <i>Venue</i>.'`.
fn citation_authors(citation: &str) -> Option<String> {
    let line = Styled::from_text(collapse_whitespace(&html_text(citation)));
    fields::split_line(&line)
        .into_iter()
        .find(|piece| matches!(fields::classify(piece), FieldKind::Authors(_)))
        .map(|piece| piece.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Option<Page> {
        publication_page(text, &LineIndex::new(text))
    }

    fn lines(page: &Page) -> Vec<(u32, &str)> {
        page.block
            .lines
            .iter()
            .map(|l| (l.number, l.text.text.as_str()))
            .collect()
    }

    #[test]
    fn hugo_blox_publication() {
        let text = "---\ntitle: 'Ray: A Distributed Framework'\nauthors:\n- Philipp Moritz\n- admin\n- Ion Stoica\ndate: '2018-10-08T00:00:00Z'\ndoi: '10.5555/3291168.3291210'\npublication_types: ['paper-conference']\npublication: '*In 13th USENIX Symposium on Operating Systems Design and Implementation*'\npublication_short: 'OSDI 2018'\nurl_pdf: 'https://x.org/ray.pdf'\nurl_code: https://github.com/ray-project/ray\n---\n\nRay is a framework.\n";
        let page = page(text).expect("a publication page");
        // Numbered by their keys, never going back.
        assert_eq!(
            lines(&page),
            [
                (2, "Ray: A Distributed Framework"),
                (3, "Philipp Moritz, Ion Stoica"),
                (
                    10,
                    "13th USENIX Symposium on Operating Systems Design and Implementation (OSDI 2018)"
                ),
                (10, "[DOI] [PDF] [Code]"),
            ]
        );
        assert_eq!(page.kind, Some(EntryKind::Inproceedings));
        assert_eq!(page.notes.len(), 1);
        assert_eq!(page.body, Some((16, 16)));
        let links: Vec<&str> = page.block.lines[3].text.links().map(|(_, u)| u).collect();
        assert_eq!(
            links,
            [
                "https://doi.org/10.5555/3291168.3291210",
                "https://x.org/ray.pdf",
                "https://github.com/ray-project/ray"
            ]
        );
    }

    #[test]
    fn academicpages_publication() {
        let text = "---\ntitle: \"Paper Title Number 1\"\ncollection: publications\ndate: 2009-10-01\nvenue: 'Journal 1'\npaperurl: 'http://academicpages.github.io/files/paper1.pdf'\ncitation: 'Your Name, You and Other Person. (2009). &quot;Paper Title Number 1.&quot; <i>Journal 1</i>. 1(1).'\n---\nThis paper is about the number 1.\n";
        let page = page(text).expect("a publication page");
        let got = lines(&page);
        assert_eq!(got[0], (2, "Paper Title Number 1"));
        assert_eq!(got[1], (7, "Your Name, You and Other Person"));
        // An unknown venue is written in italics with its year.
        assert_eq!(got[2], (7, "Journal 1, 2009"));
        assert!(
            page.block.lines[2]
                .text
                .marks
                .contains(&(0..15, Mark::Emphasis))
        );
    }

    #[test]
    fn other_pages_are_not_publications() {
        assert!(
            page("---\ntitle: Publications\nlayout: page\n---\n\n- Ray. OSDI 2018.\n").is_none()
        );
        assert!(page("# No front matter\n").is_none());
        assert!(page("---\ntitle: [unclosed\nauthors: x\n---\n").is_none());
        assert!(
            page(&format!(
                "---\ntitle: x\nauthors: {}\n---\n",
                "[".repeat(5000)
            ))
            .is_none()
        );
    }
}
