//! HTML pages (a saved homepage or list) lowered into the same blocks as
//! Markdown: the DOM is parsed with scraper (html5ever), headings, paragraphs,
//! list items, table rows and `<br>`-separated lines become blocks and lines,
//! and `<b>`, `<i>`, `<u>`, `<a href>` become marks. The entry rules then read
//! them exactly as they read Markdown.

use paperlist_model::normalize::collapse_whitespace;
use std::ops::Range;

use scraper::{ElementRef, Html};
use url::Url;

use crate::blocks::{Block, BlockKind, Line, LineIndex};
use crate::styled::{Mark, Styled};

/// Elements whose content is not page text; a `nav` is a menu (dblp puts
/// one in every entry: "view", "export record", "BibTeX").
const SKIPPED: &[&str] = &[
    "script", "style", "head", "noscript", "svg", "template", "iframe", "button", "select",
    "option", "nav",
];

/// Elements that start a block of their own.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "figcaption",
    "caption",
];

/// Elements that only contain blocks: text directly inside them is a paragraph.
const CONTAINERS: &[&str] = &[
    "html", "body", "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul",
    "ol", "dl", "table", "thead", "tbody", "tfoot", "form", "fieldset", "details", "summary",
    "center", "hr",
];

struct Walker {
    blocks: Vec<Block>,
    kind: Option<BlockKind>,
    lines: Vec<Styled>,
    current: Styled,
    cells: Vec<Styled>,
    header: Vec<String>,
    /// Open inline marks: (start offset in the current line, mark).
    marks: Vec<(usize, Mark)>,
    /// Inside an entry's list of tags (teachPress's `p.tp_pub_tags`): their
    /// links filter the page by tag and are no links of the paper.
    in_tags: bool,
    /// How many list items (`li`, `dt`, `dd`) the walk is inside.
    item_depth: usize,
    /// How deep in lists each block of `blocks` is.
    depths: Vec<u8>,
    /// How many table cells the walk is inside.
    cell_depth: usize,
    /// The lines of each cell of the current row.
    cell_lines: Vec<Vec<Styled>>,
    /// Whether the last block was a `dt` term (with its `dd`s so far): a
    /// `dd` after it adds its lines to the same entry.
    term_open: bool,
    /// Where the page was saved from (`<base>`, its canonical address or
    /// `og:url`): relative links are resolved against it.
    base: Option<Url>,
}

/// Elements that, inside a list item, only break its line: a Jekyll or Hugo
/// theme writes an entry as `<li><div class="title">...</div><div
/// class="author">...</div>...</li>`, one entry with one line per `div`.
/// Lists and tables inside an item are blocks of their own as anywhere.
const LINES_IN_ITEM: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "center",
    "figcaption",
    "blockquote",
    "details",
    "summary",
];

/// A `div` or `article` that holds one publication, as BibBase, CSL and
/// site themes mark one: a class one of whose words is `paper`,
/// `publication`, `pub`, `entry`, `bib-item` or `citation` (`bibbase_paper`,
/// `csl-entry`, `paper-li`, `pub-item`), worn by no element inside it (so the
/// list around the entries, `bibbase_group_body`, is none).
fn is_entry_card(element: ElementRef<'_>) -> bool {
    if !matches!(element.value().name(), "div" | "article" | "section") {
        return false;
    }
    if is_titled_item(element) {
        return true;
    }
    // `<div class="csl-entry" role="listitem">`: an item as the page says.
    let listitem = element.value().attr("role") == Some("listitem");
    let Some(class) = element
        .value()
        .classes()
        .find(|&class| has_entry_word(class))
    else {
        return listitem;
    };
    // A `section.publication` around a whole list holds its items, headings
    // or a table: no card. Nor does one around cards of its own
    // (`div.csl-bib-body` around `div.csl-entry`s): two elements inside that
    // wear one class with an entry word are cards, and this is their list.
    let mut inner_classes: Vec<&str> = Vec::new();
    for inner in element.descendants().skip(1).filter_map(ElementRef::wrap) {
        // (What the page hides is not read: teachPress's hidden list of links.)
        if inner
            .ancestors()
            .take_while(|node| node.id() != element.id())
            .filter_map(ElementRef::wrap)
            .chain(std::iter::once(inner))
            .any(is_hidden)
        {
            continue;
        }
        if matches!(
            inner.value().name(),
            "li" | "ul" | "ol" | "dl" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) || inner.value().classes().any(|c| c == class)
        {
            return false;
        }
        if inner.value().attr("role") == Some("listitem") {
            return false;
        }
        if matches!(inner.value().name(), "div" | "article" | "section") {
            for inner_class in inner.value().classes().filter(|&c| has_entry_word(c)) {
                if inner_classes.contains(&inner_class) {
                    return false;
                }
                inner_classes.push(inner_class);
            }
        }
    }
    true
}

/// A class one of whose words names a publication (`bibbase_paper`,
/// `csl-entry`, `paper-li`, `pub-item`).
fn has_entry_word(class: &str) -> bool {
    const WORDS: &[&str] = &["paper", "publication", "pub", "entry", "bib", "citation"];
    class
        .split(['-', '_'])
        .any(|word| WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

/// `<article class="archive__item"><h2 class="archive__item-title">Title</h2>
/// <p>Published in ...</p>...`: an item of a theme's list (a class with the
/// word `item`) whose heading is its title (a class with the word `title`),
/// and which holds no list, table or item of its own.
fn is_titled_item(element: ElementRef<'_>) -> bool {
    let has_word = |class: &str, word: &str| {
        class
            .split(['-', '_'])
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    let Some(class) = element.value().classes().find(|c| has_word(c, "item")) else {
        return false;
    };
    let mut titled = false;
    for inner in element.descendants().skip(1).filter_map(ElementRef::wrap) {
        let name = inner.value().name();
        if matches!(name, "li" | "ul" | "ol" | "dl" | "table")
            || inner.value().classes().any(|c| c == class)
        {
            return false;
        }
        titled |= is_title_heading(inner);
    }
    titled
}

/// Whether the page hides an element until asked: the `hidden` attribute,
/// `display: none`, or a class that hides (`hidden`, Bootstrap's `d-none`).
fn is_hidden(element: ElementRef<'_>) -> bool {
    let value = element.value();
    value.attr("hidden").is_some()
        || value.attr("style").is_some_and(|style| {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
            style.to_ascii_lowercase().contains("display:none")
        })
        || value
            .classes()
            .any(|c| c.eq_ignore_ascii_case("hidden") || c.eq_ignore_ascii_case("d-none"))
}

/// `1.`, `[12]`, `(3)`: an item's number alone.
fn is_number_label(text: &str) -> bool {
    let digits = text
        .strip_suffix('.')
        .or_else(|| text.strip_prefix('[').and_then(|t| t.strip_suffix(']')))
        .or_else(|| text.strip_prefix('(').and_then(|t| t.strip_suffix(')')));
    digits.is_some_and(|d| (1..=4).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// A button: a link that only works the page (`onclick`, `role="button"`,
/// an address of `#` or `javascript:`), goes to no other page and is
/// labelled in a word or two (`BibTeX`, `Show abstract`).
fn is_control(element: ElementRef<'_>) -> bool {
    let value = element.value();
    let nowhere = value
        .attr("href")
        .is_none_or(|href| href.starts_with('#') || href.starts_with("javascript:"));
    // (teachPress's title shows the abstract when clicked: a title is no
    // button's label of a word or two.)
    let label: String = element.text().collect();
    nowhere
        && (value.attr("onclick").is_some() || value.attr("role") == Some("button"))
        && crate::fields::words_up_to(&label, 3) <= 2
}

/// `doi = {10.1145/3600006.3613165},` in a BibTeX entry written out.
fn bibtex_doi(text: &str) -> Option<&str> {
    let at = text.find("doi")?;
    let rest = text[at + 3..].trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.strip_prefix(['{', '"'])?;
    let end = rest.find(['}', '"'])?;
    let doi = rest[..end].trim();
    doi.starts_with("10.").then_some(doi)
}

/// A heading that a theme marks as an item's title (`h2.archive__item-title`,
/// `h3.paper-title`).
fn is_title_heading(element: ElementRef<'_>) -> bool {
    let name = element.value().name();
    name.len() == 2
        && name.starts_with('h')
        && name.as_bytes()[1].is_ascii_digit()
        && element
            .value()
            .classes()
            .any(|c| c.to_ascii_lowercase().contains("title"))
}

impl Walker {
    /// A link as the page's reader would follow it: relative addresses
    /// (`/publication/x.pdf`) against the page's own, when the page says it.
    fn resolve(&self, href: &str) -> String {
        let href = href.trim();
        match &self.base {
            // `href=""` (a link not filled in yet) leads nowhere, not to the page.
            Some(base)
                if !href.is_empty() && !href.starts_with('#') && Url::parse(href).is_err() =>
            {
                base.join(href)
                    .map_or_else(|_| href.to_owned(), String::from)
            }
            _ => href.to_owned(),
        }
    }

    fn break_line(&mut self) {
        let line = std::mem::take(&mut self.current);
        // Marks continue on the next line.
        for (start, _) in &mut self.marks {
            *start = 0;
        }
        let trimmed = trim_styled(&line);
        if !trimmed.is_blank() {
            self.lines.push(trimmed);
        }
    }

    fn flush_block(&mut self) {
        self.flush_block_at(self.item_depth);
    }

    /// Ends the block being read, `depth` lists deep.
    fn flush_block_at(&mut self, depth: usize) {
        self.break_line();
        let lines = std::mem::take(&mut self.lines);
        let cells = std::mem::take(&mut self.cells);
        let kind = self.kind.take().unwrap_or(BlockKind::Paragraph);
        if lines.is_empty() && cells.is_empty() {
            return;
        }
        // `<div class="tp_pub_number">1.</div><div>Names ...</div>`: an
        // item's number in an element of its own labels its first line.
        let mut lines = lines;
        if kind == BlockKind::ListItem && lines.len() >= 2 && is_number_label(lines[0].text.trim())
        {
            let mut first = lines.remove(0);
            first.push_str(" ");
            first.push(&lines[0]);
            lines[0] = first;
        }
        let lines = lines
            .into_iter()
            .map(|text| Line { text, number: 0 })
            .collect();
        self.blocks.push(Block {
            kind,
            lines,
            cells,
            span: 0..0,
        });
        self.depths.push(u8::try_from(depth).unwrap_or(u8::MAX));
    }

    fn text(&mut self, text: &str) {
        let text = crate::styled::caret_marks(text);
        // HTML whitespace collapses; keep one space where the source had any.
        let mut collapsed = String::with_capacity(text.len());
        let mut space = self.current.text.ends_with(' ') || self.current.text.is_empty();
        for c in text.chars() {
            if c.is_whitespace() {
                if !space {
                    collapsed.push(' ');
                    space = true;
                }
            } else {
                collapsed.push(c);
                space = false;
            }
        }
        if self.kind.is_none() && !collapsed.trim().is_empty() {
            self.kind = Some(BlockKind::Paragraph);
        }
        self.current.push_str(&collapsed);
    }

    fn walk(&mut self, element: ElementRef<'_>) {
        let name = element.value().name().to_ascii_lowercase();
        // A page's footer (copyright, "Powered by") holds no entries; inside
        // an entry (`<li><article>...<footer>links</footer>`) it is a line.
        let page_footer = name == "footer" && self.item_depth == 0 && self.cell_depth == 0;
        if page_footer || SKIPPED.contains(&name.as_str()) {
            // A menu's links to the paper by DOI and to its dblp record
            // (dblp's "electronic edition via DOI", "export record") are the
            // entry's.
            if name == "nav" {
                let hrefs: Vec<&str> = element
                    .descendants()
                    .filter_map(ElementRef::wrap)
                    .filter_map(|a| a.value().attr("href"))
                    .collect();
                let doi = hrefs.iter().find(|href| href.contains("doi.org/10."));
                let record = hrefs.iter().find(|href| href.contains("dblp.org/rec/"));
                for (label, url) in [("DOI", doi), ("dblp", record)] {
                    if let Some(url) = url {
                        self.link_label(label, url);
                    }
                }
            }
            return;
        }
        // A panel the page hides until asked (`style="display:none"`,
        // `hidden`, al-folio's `class="abstract hidden"`): an abstract, a
        // BibTeX entry or a menu of links, no part of the entry as read.
        // Its links (teachPress's DOI and PDF) and a BibTeX entry's DOI are
        // the entry's.
        // papercite's `<pre>@inproceedings{...}</pre>` in an entry, hidden
        // by the page's style: the BibTeX entry of the one read.
        let bibtex_block = self.item_depth > 0
            && name == "pre"
            && element
                .text()
                .collect::<String>()
                .trim_start()
                .starts_with('@');
        if is_hidden(element) || bibtex_block {
            if self.item_depth > 0 {
                self.hidden_links(element);
            }
            return;
        }
        // A button that shows a hidden panel (`<a onclick="...">BibTeX</a>`,
        // al-folio's `<a class="abstract btn" role="button">Abs</a>`) leads
        // nowhere: its label is no text of the entry.
        if name == "a" && is_control(element) {
            return;
        }
        // al-folio's `<span class="more-authors" onclick="... == '6 more
        // authors' ? 'Ying Sheng, ..., Ion Stoica' : ...">6 more authors</span>`:
        // the names it shows when clicked, or `et al.` when it holds none.
        if element.value().classes().any(|c| c == "more-authors") {
            let hidden = element
                .value()
                .attr("onclick")
                .and_then(|script| script.split_once("? '"))
                .and_then(|(_, rest)| rest.split_once("' :"))
                .map(|(names, _)| names.trim());
            // `A, B, and <span>` : the list goes on after B.
            let before = self.current.text.trim_end();
            let kept = before
                .strip_suffix("and")
                .map_or(before, str::trim_end)
                .len();
            self.current.truncate(kept);
            if !self.current.text.ends_with(',') {
                self.text(",");
            }
            self.text(" ");
            match hidden {
                Some(names) if !names.is_empty() => self.text(names),
                _ => self.text("et al."),
            }
            return;
        }
        // teachPress's `<span class="tp_pub_type">Journal Article</span>`
        // after the title: what the entry is, a field of its own.
        if self.item_depth > 0
            && name == "span"
            && element
                .value()
                .classes()
                .any(|c| c.split(['-', '_']).any(|w| w.eq_ignore_ascii_case("type")))
        {
            self.break_line();
            self.walk_children(element);
            self.break_line();
            return;
        }
        // Inside a table cell, blocks only break the cell's lines: a Google
        // Scholar profile writes title, authors and venue as `div`s of one cell.
        // `<div class="bibbase_paper">` holding divs of author, title and venue:
        // an entry as a list item holds it.
        let card = self.item_depth == 0 && self.cell_depth == 0 && is_entry_card(element);
        let line_in_item = (self.item_depth > 0
            && (LINES_IN_ITEM.contains(&name.as_str()) || is_title_heading(element)))
            || (self.cell_depth > 0
                && name != "table"
                && (BLOCKS.contains(&name.as_str()) || CONTAINERS.contains(&name.as_str())));
        let is_block = !line_in_item && (card || BLOCKS.contains(&name.as_str()));
        let is_container = !line_in_item && !card && CONTAINERS.contains(&name.as_str());
        let is_item = card || matches!(name.as_str(), "li" | "dt" | "dd");
        match name.as_str() {
            "br" => {
                self.break_line();
                return;
            }
            // `Kwon<sup>1,*</sup>`: affiliation numbers and marks after a name.
            "sup" => {
                let inner: String = element.text().collect();
                let after_digit = self.current.text.ends_with(|c: char| c.is_ascii_digit());
                self.text(&crate::styled::superscript(&inner, after_digit));
                return;
            }
            "tr" => {
                self.flush_block();
                self.kind = Some(BlockKind::TableRow {
                    header: self.header.clone(),
                });
                self.walk_children(element);
                let cells = std::mem::take(&mut self.cells);
                let cell_lines = std::mem::take(&mut self.cell_lines);
                let all_headers = element
                    .children()
                    .filter_map(ElementRef::wrap)
                    .all(|c| c.value().name() == "th");
                if all_headers && !cells.is_empty() {
                    self.header = cells.iter().map(|c| c.text.trim().to_owned()).collect();
                    self.kind = None;
                    self.lines.clear();
                    self.current = Styled::default();
                    return;
                }
                if let Some((readings, topic)) = crate::blocks::schedule_columns(&self.header) {
                    self.push_schedule_row(cells, cell_lines, readings, topic);
                    return;
                }
                // `<tr><td>[1]</td><td>Title. Authors. Venue 2023.</td></tr>`
                // under no header: a numbered entry, not a row of fields.
                let words = |cell: &Styled| crate::fields::words_up_to(&cell.text, 9);
                let one_long_cell = self.header.is_empty()
                    && cells.len() <= 3
                    && cells.iter().filter(|c| words(c) >= 8).count() == 1
                    && cells.iter().all(|c| words(c) >= 8 || words(c) <= 2);
                if one_long_cell || cell_lines.iter().any(|lines| lines.len() > 1) {
                    self.push_entry_row(cells, cell_lines);
                    return;
                }
                let mut joined = Styled::default();
                for (i, cell) in cells.iter().enumerate() {
                    if i > 0 {
                        joined.push_str(" | ");
                    }
                    joined.push(cell);
                }
                self.current = Styled::default();
                self.lines = vec![joined];
                self.cells = cells;
                self.flush_block();
                return;
            }
            "td" | "th" => {
                let lines_before = std::mem::take(&mut self.lines);
                self.current = Styled::default();
                self.cell_depth += 1;
                self.walk_children(element);
                self.cell_depth -= 1;
                self.break_line();
                let lines = std::mem::replace(&mut self.lines, lines_before);
                let mut cell = Styled::default();
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        cell.push_str(" ");
                    }
                    cell.push(line);
                }
                self.cells.push(cell);
                self.cell_lines.push(lines);
                return;
            }
            "table" => self.header.clear(),
            _ => {}
        }
        // `<dt>Title</dt><dd>Authors</dd><dd>Venue</dd>`: one entry.
        let continues_term = name == "dd" && is_block && self.term_open;
        if is_block || is_container {
            self.flush_block();
        }
        if continues_term && let Some(term) = self.blocks.pop() {
            self.lines = term.lines.into_iter().map(|line| line.text).collect();
        }
        if is_block {
            self.kind = Some(match name.as_str() {
                _ if card => BlockKind::ListItem,
                "li" | "dt" | "dd" => BlockKind::ListItem,
                h if h.len() == 2 && h.starts_with('h') => {
                    BlockKind::Heading(h[1..].parse().unwrap_or(6))
                }
                _ => BlockKind::Paragraph,
            });
        }
        let mark = match name.as_str() {
            "b" | "strong" => Some(Mark::Strong),
            "i" | "em" | "cite" => Some(Mark::Emphasis),
            "u" | "ins" => Some(Mark::Underline),
            // (`javascript:void(0)` opens a panel: no link.)
            "a" if !self.in_tags => element
                .value()
                .attr("href")
                .filter(|href| !href.trim_start().starts_with("javascript:"))
                .map(|href| Mark::Link(self.resolve(href))),
            _ => None,
        };
        let tags = self.item_depth > 0
            && !self.in_tags
            && element.value().classes().any(|c| {
                c.split(['-', '_'])
                    .any(|w| matches!(w.to_ascii_lowercase().as_str(), "tags" | "keywords"))
            });
        self.in_tags |= tags;
        if let Some(mark) = &mark {
            self.marks.push((self.current.text.len(), mark.clone()));
        }
        if line_in_item {
            self.break_line();
        }
        self.item_depth += usize::from(is_item);
        self.walk_children(element);
        self.item_depth -= usize::from(is_item);
        if tags {
            self.in_tags = false;
        }
        if line_in_item {
            self.break_line();
        }
        if mark.is_some()
            && let Some((start, mark)) = self.marks.pop()
        {
            let end = self.current.text.len();
            if end > start {
                self.current.marks.push((start..end, mark));
            }
        }
        if is_block || is_container {
            // An item's own text is as deep as the item.
            self.flush_block_at(self.item_depth + usize::from(is_item));
            self.term_open = is_block && (name == "dt" || continues_term);
        }
    }

    /// A row whose cell holds lines of its own (`<td><a>Title</a><div>Authors
    /// </div><div>Venue</div></td><td>1500</td><td>2018</td>`) is one entry
    /// written over several lines, not a row of one field per column: it
    /// becomes a list item of the cells' lines. A citation count (a column
    /// named `Cited by` or `Citations`) is not part of the entry.
    fn push_entry_row(&mut self, cells: Vec<Styled>, cell_lines: Vec<Vec<Styled>>) {
        let header = std::mem::take(&mut self.header);
        let is_count = |i: usize| {
            header.get(i).is_some_and(|name| {
                let name = name.to_ascii_lowercase();
                name.contains("cited") || name.contains("citations")
            })
        };
        let lines: Vec<Styled> = cell_lines
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !is_count(*i))
            .flat_map(|(_, lines)| lines)
            .collect();
        self.header = header;
        drop(cells);
        self.current = Styled::default();
        self.kind = Some(BlockKind::ListItem);
        self.lines = lines;
        self.flush_block();
    }

    /// A course schedule's row (`<td>Jan 23</td><td>Dataflow</td><td>Abadi et
    /// al. TensorFlow ...<br>Optional: ...</td>`): its topic heads the papers,
    /// each line of the readings cell one.
    fn push_schedule_row(
        &mut self,
        cells: Vec<Styled>,
        cell_lines: Vec<Vec<Styled>>,
        readings: usize,
        topic: Option<usize>,
    ) {
        self.current = Styled::default();
        if let Some(topic) = topic.and_then(|at| cells.get(at))
            && !topic.is_blank()
        {
            self.kind = Some(BlockKind::Heading(6));
            self.lines = vec![topic.trim()];
            self.flush_block();
        }
        for line in cell_lines.into_iter().nth(readings).unwrap_or_default() {
            if line.is_blank() || crate::blocks::is_no_reading(&line.text) {
                continue;
            }
            self.kind = Some(BlockKind::ListItem);
            self.lines = vec![line.trim()];
            self.flush_block();
        }
    }

    /// The links of a hidden panel inside an entry, and the DOI of a BibTeX
    /// entry written in it.
    fn hidden_links(&mut self, element: ElementRef<'_>) {
        for anchor in element.descendants().filter_map(ElementRef::wrap) {
            if anchor.value().name() != "a" {
                continue;
            }
            let Some(href) = anchor.value().attr("href") else {
                continue;
            };
            if href.starts_with('#') || href.starts_with("javascript:") {
                continue;
            }
            let label: String = anchor.text().collect();
            let label = collapse_whitespace(&label);
            let url = self.resolve(href);
            self.link_label(label.trim(), &url);
        }
        let text: String = element.text().collect();
        if text.contains('@')
            && let Some(doi) = bibtex_doi(&text)
        {
            self.link_label("DOI", &format!("https://doi.org/{doi}"));
        }
    }

    /// ` [label]` linked to `url`, in the current line.
    fn link_label(&mut self, label: &str, url: &str) {
        self.text(" ");
        let start = self.current.text.len();
        self.text(&format!("[{label}]"));
        let end = self.current.text.len();
        self.current
            .marks
            .push((start..end, Mark::Link(url.to_owned())));
        self.text(" ");
    }

    fn walk_children(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            if let Some(text) = child.value().as_text() {
                self.text(text);
            } else if let Some(element) = ElementRef::wrap(child) {
                self.walk(element);
            }
        }
    }
}

/// Trims whitespace from both ends of styled text.
fn trim_styled(text: &Styled) -> Styled {
    text.trim()
}

/// The address a saved page came from: its `<base href>`, else its canonical
/// link, else its `og:url` (absolute addresses only).
fn page_address(document: &Html) -> Option<Url> {
    let head = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .take_while(|e| e.value().name() != "body");
    let mut candidates: [Option<&str>; 3] = [None; 3];
    for element in head {
        let value = element.value();
        let rel_canonical = value.attr("rel").is_some_and(|rel| {
            rel.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        });
        match value.name() {
            "base" => candidates[0] = candidates[0].or(value.attr("href")),
            "link" if rel_canonical => candidates[1] = candidates[1].or(value.attr("href")),
            "meta" if value.attr("property") == Some("og:url") => {
                candidates[2] = candidates[2].or(value.attr("content"));
            }
            _ => {}
        }
    }
    candidates
        .into_iter()
        .flatten()
        .find_map(|address| Url::parse(address.trim()).ok())
        .filter(|url| matches!(url.scheme(), "http" | "https"))
}

/// Lowers an HTML page into blocks, with line numbers found in the source, and
/// hands them to `sink` at once (html5ever builds the whole DOM first anyway).
pub(crate) fn lower(source: &str, index: &LineIndex, sink: &mut dyn FnMut(Vec<Block>)) {
    let document = Html::parse_document(source);
    sink(lower_document(&document, source, 0, index));
}

/// Lowers the HTML block at `range` of a Markdown document (an awesome list's
/// `<table>` or `<ul>`), with the document's line numbers.
pub(crate) fn lower_fragment(source: &str, range: Range<usize>, index: &LineIndex) -> Vec<Block> {
    let document = Html::parse_fragment(&source[range.clone()]);
    lower_document(&document, source, range.start, index)
}

/// The blocks of a parsed page whose text starts at `start` of `source`.
fn lower_document(document: &Html, source: &str, start: usize, index: &LineIndex) -> Vec<Block> {
    let mut walker = Walker {
        blocks: Vec::new(),
        kind: None,
        lines: Vec::new(),
        current: Styled::default(),
        cells: Vec::new(),
        header: Vec::new(),
        marks: Vec::new(),
        in_tags: false,
        item_depth: 0,
        depths: Vec::new(),
        cell_depth: 0,
        cell_lines: Vec::new(),
        term_open: false,
        base: page_address(document),
    };
    walker.walk(document.root_element());
    walker.flush_block();
    let mut blocks = walker.blocks;
    number_lines(source, start, index, &mut blocks);
    // `<li><b>Paper:</b> ...</li><li><b>Code:</b> ...</li>`.
    if crate::records::has_records(&blocks) {
        crate::records::merge_labelled_records(&mut blocks, &mut walker.depths);
    }
    // `<li><b>Title</b><ul><li>Authors</li><li>OSDI 2022</li></ul></li>`.
    crate::markdown::merge_nested_items(&mut blocks, &mut walker.depths);
    blocks
}

/// Finds each line's text in the source, in order, to give it a line number.
/// html5ever keeps no source positions, so the first distinctive word of each
/// line is searched forward from the previous line's place.
fn number_lines(source: &str, start: usize, index: &LineIndex, blocks: &mut [Block]) {
    let mut cursor = start;
    let mut last_line = index.line_of(start);
    for block in blocks.iter_mut() {
        // Lines whose text is not found as written (`[1]` from
        // `[<a name="x">1</a>]`) take the number of the next line found.
        let mut unplaced: Vec<usize> = Vec::new();
        for i in 0..block.lines.len() {
            let text = collapse_whitespace(&block.lines[i].text.text);
            // A line with no such word (`[2]`, a row's number) is searched whole.
            let word = text
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| w.chars().count() >= 3)
                .unwrap_or(text.trim());
            if !word.is_empty()
                && let Some(found) = source[cursor..].find(word)
            {
                cursor += found;
                last_line = index.line_of(cursor);
                cursor += word.len();
                // Past the line's last word too, so that the next line is not
                // found in this one's markup (`href=".../Blei2014.pdf"`
                // before the next `Blei, D.`), when it is near.
                // (A line of one word was found whole already.)
                let mut words = text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().count() >= 3);
                words.next();
                if let Some(last) = words.next_back()
                    && let Some(found) = source[cursor..].find(last)
                    && found <= 2 * text.len() + 512
                {
                    cursor += found + last.len();
                }
                for j in unplaced.drain(..) {
                    block.lines[j].number = last_line;
                }
            } else {
                unplaced.push(i);
            }
            block.lines[i].number = last_line;
        }
        if let (Some(first), Some(last)) = (block.lines.first(), block.lines.last()) {
            block.span = first.number as usize..last.number as usize;
        }
    }
}

/// Whether text looks like HTML.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    // A fragment of HTML, unless Markdown goes on after it (`<div
    // align="center">` around a README's logo, then `## Papers`).
    let markdown_lines = || {
        text.lines().take(400).any(|line| {
            ["# ", "## ", "### ", "- ", "* ", "| ", "```"]
                .iter()
                .any(|marker| line.starts_with(marker))
        })
    };
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
        || (head.starts_with('<') && head.contains("</") && !markdown_lines())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower_all(source: &str) -> Vec<Block> {
        crate::blocks::lower_all(lower, source)
    }

    /// Each list item's lines, trimmed and joined with ` / `.
    fn item_texts(page: &str) -> Vec<String> {
        lower_all(page)
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| {
                b.lines
                    .iter()
                    .map(|l| l.text.text.trim())
                    .collect::<Vec<_>>()
                    .join(" / ")
            })
            .collect()
    }

    #[test]
    fn a_theme_item_with_a_title_heading_is_one_entry() {
        let page = "<h1>Publications</h1><article class=\"archive__item\"><h2 class=\"archive__item-title\"><a href=\"/p/x\">Ray: A Framework</a></h2><p>Published in <i>OSDI</i>, 2018</p></article><div class=\"archive__item\"><h2>Talks</h2><ul><li>A talk</li></ul></div>";
        let blocks = lower_all(page);
        let kinds: Vec<&BlockKind> = blocks.iter().map(|b| &b.kind).collect();
        assert_eq!(
            kinds,
            [
                &BlockKind::Heading(1),
                &BlockKind::ListItem,
                &BlockKind::Heading(2),
                &BlockKind::ListItem
            ]
        );
        assert_eq!(blocks[1].lines[0].text.text, "Ray: A Framework");
    }

    #[test]
    fn what_an_entry_hides_and_its_buttons_are_no_text() {
        // teachPress: the number in a div of its own, a type label after the
        // title, buttons that show hidden panels, tags that filter the page.
        let page = "<h2>Papers</h2><div class=\"tp_publication\"><div class=\"tp_pub_number\">1.</div><div class=\"tp_pub_info\"><p class=\"tp_pub_author\">Jane Doe; Wei Chen</p><p class=\"tp_pub_title\"><a class=\"tp_title\" onclick=\"show()\">A Long Title of a Paper</a> <span class=\"tp_pub_type\">Journal Article</span></p><p class=\"tp_pub_tags\">(<a onclick=\"show()\">BibTeX</a> | Tags: <a href=\"/p/?tag=3\">systems</a>)</p><div class=\"tp_bibtex\" style=\"display: none\"><pre>@article{doe, doi = {10.1145/1.2}}</pre></div><div class=\"tp_links\" hidden><ul><li><a href=\"https://arxiv.org/pdf/2309.06180\">arXiv PDF</a></li></ul></div></div></div>";
        let blocks = lower_all(page);
        let items: Vec<&Block> = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .collect();
        assert_eq!(items.len(), 1);
        let lines: Vec<&str> = items[0].lines.iter().map(|l| l.text.text.trim()).collect();
        assert_eq!(lines[0], "1. Jane Doe; Wei Chen");
        assert_eq!(lines[1], "A Long Title of a Paper");
        assert_eq!(lines[2], "Journal Article");
        assert!(
            !lines
                .iter()
                .any(|l| l.contains("BibTeX") || l.contains("@article"))
        );
        let links: Vec<&str> = items[0]
            .lines
            .iter()
            .flat_map(|l| l.text.links().map(|(_, url)| url))
            .collect();
        assert!(links.contains(&"https://doi.org/10.1145/1.2"), "{links:?}");
        assert!(links.contains(&"https://arxiv.org/pdf/2309.06180"));
        assert!(!links.iter().any(|l| l.contains("tag=")));
    }

    #[test]
    fn more_authors_are_the_names_a_click_shows() {
        let page = "<h2>Papers</h2><ol><li><div class=\"author\">A. One, B. Two, and <span class=\"more-authors\" onclick=\"var t = element.text() == '2 more authors' ? 'C. Three, D. Four' : '2 more authors';\">2 more authors</span></div></li><li><div>E. Five, and <span class=\"more-authors\">3 more authors</span></div></li></ol>";
        assert_eq!(
            item_texts(page),
            ["A. One, B. Two, C. Three, D. Four", "E. Five, et al."]
        );
    }

    #[test]
    fn a_list_of_cards_is_no_card() {
        // pandoc's citations: `div.csl-bib-body` (a class with `bib`) around
        // `div.csl-entry`s; IEEE's puts the number in a div of its own.
        let page = "<h2>Papers</h2><div class=\"references csl-bib-body\" role=\"list\"><div class=\"csl-entry\" role=\"listitem\"><div class=\"csl-left-margin\">[1] </div><div class=\"csl-right-inline\">A. Doe, “One,” in <em>OSDI</em>, 2020.</div></div><div class=\"csl-entry\" role=\"listitem\"><div class=\"csl-left-margin\">[2] </div><div class=\"csl-right-inline\">B. Roe, “Two,” in <em>SOSP</em>, 2021.</div></div></div><div role=\"listitem\">C. Poe, “Three,” in NSDI, 2022.</div>";
        let items = item_texts(page);
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(items[0].contains("One") && !items[0].contains("Two"));
        assert!(items[2].contains("Three"));
    }

    #[test]
    fn entry_cards_are_items_and_lists_around_entries_are_not() {
        let page = "<section class=\"publication\"><h2>2023</h2><ul><li>A. Title one. OSDI 2023.</li><li>B. Title two. SOSP 2023.</li></ul></section><div class=\"bibbase_paper\"><div>Doe, J.; and Chen, W.</div><div>Title three.</div><div>In NSDI, 2022.</div></div>";
        let blocks = lower_all(page);
        let items: Vec<usize> = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| b.lines.len())
            .collect();
        assert_eq!(items, [1, 1, 3]);
    }

    #[test]
    fn page_structure() {
        let page = "<html><head><title>x</title><script>var a = 1;</script></head>\n<body>\n<h2>Publications</h2>\n<ul>\n  <li><b>Ray: A Framework</b><br>\n  <u>Philipp Moritz</u>, Ion Stoica<br><i>OSDI 2018</i> <a href=\"https://x.org/ray.pdf\">[PDF]</a></li>\n</ul>\n<table><tr><th>Title</th><th>Year</th></tr><tr><td>TVM</td><td>2018</td></tr></table>\n</body></html>";
        let blocks = lower_all(page);
        assert_eq!(blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(blocks[0].lines[0].number, 3);
        let item = &blocks[1];
        assert_eq!(item.kind, BlockKind::ListItem);
        let lines: Vec<&str> = item.lines.iter().map(|l| l.text.text.as_str()).collect();
        assert_eq!(
            lines,
            [
                "Ray: A Framework",
                "Philipp Moritz, Ion Stoica",
                "OSDI 2018 [PDF]"
            ]
        );
        assert_eq!(item.lines[1].number, 6);
        assert!(item.lines[0].text.marks.contains(&(0..16, Mark::Strong)));
        assert!(item.lines[1].text.marks.contains(&(0..14, Mark::Underline)));
        assert_eq!(
            blocks[2].kind,
            BlockKind::TableRow {
                header: vec!["Title".into(), "Year".into()]
            }
        );
        assert!(looks_like_html(page));
        assert!(!looks_like_html("# Markdown"));
        // A README that opens with a centred logo is Markdown.
        assert!(!looks_like_html(
            "<div align=\"center\"><img src=\"logo.png\"><h1>List</h1></div>\n\n## 2023\n\n- Title. OSDI 2023.\n"
        ));
    }

    #[test]
    fn terms_and_their_descriptions_are_one_entry() {
        let page = "<dl><dt>Sparse Attention</dt><dd>A, B</dd><dd><i>ICML</i>, 2022</dd>\n<dt>Other Title</dt><dd>C</dd></dl><p>After</p><dd>Alone</dd>";
        let lines = |block: &Block| -> Vec<String> {
            block.lines.iter().map(|l| l.text.text.clone()).collect()
        };
        let blocks = lower_all(page);
        assert_eq!(blocks.len(), 4);
        assert_eq!(
            lines(&blocks[0]),
            ["Sparse Attention", "A, B", "ICML, 2022"]
        );
        assert_eq!(lines(&blocks[1]), ["Other Title", "C"]);
        assert_eq!(lines(&blocks[3]), ["Alone"]);
    }

    #[test]
    fn the_page_footer_is_no_text_and_links_resolve_against_the_page() {
        let page = "<html><head><link rel=\"canonical\" href=\"https://me.github.io/publication/\"></head><body><ul><li><a href=\"/publication/x/\">Title</a> <a href=\"x.pdf\">PDF</a> <a href=\"#top\">top</a><footer><a href=\"https://github.com/x\">Code</a></footer></li></ul><footer>© 2024 Jane Doe · Powered by Hugo</footer></body></html>";
        let blocks = lower_all(page);
        assert_eq!(blocks.len(), 1);
        let urls: Vec<&str> = blocks[0]
            .lines
            .iter()
            .flat_map(|l| l.text.links().map(|(_, url)| url))
            .collect();
        assert_eq!(
            urls,
            [
                "https://me.github.io/publication/x/",
                "https://me.github.io/publication/x.pdf",
                "#top",
                "https://github.com/x"
            ]
        );
        // Without an address of its own, a page keeps its links as written.
        let blocks = lower_all("<p><a href=\"/x.pdf\">PDF</a></p>");
        assert_eq!(
            blocks[0].lines[0].text.links().next().map(|(_, u)| u),
            Some("/x.pdf")
        );
    }

    #[test]
    fn menus_keep_only_their_paper_links() {
        let page = "<ul><li class=\"entry\"><nav><ul><li><a href=\"https://doi.org/10.1145/1.2\">electronic edition via DOI</a></li><li><a href=\"https://dblp.org/rec/conf/x/Y23.html?view=bibtex\">BibTeX</a></li></ul></nav><cite>A, B: Title. X 2023</cite></li></ul>";
        let blocks = lower_all(page);
        assert_eq!(blocks.len(), 1);
        let line = &blocks[0].lines[0].text;
        assert_eq!(line.text, "[DOI] [dblp] A, B: Title. X 2023");
        let urls: Vec<&str> = line.links().map(|(_, url)| url).collect();
        assert_eq!(
            urls,
            [
                "https://doi.org/10.1145/1.2",
                "https://dblp.org/rec/conf/x/Y23.html?view=bibtex"
            ]
        );
    }

    #[test]
    fn a_row_written_in_one_cell_is_one_entry() {
        let page = "<table><tr><th>Title</th><th>Cited by</th><th>Year</th></tr>\n<tr><td><a href=\"/c?v=1\">Ray: A Framework</a><div>P Moritz, I Stoica</div><div>OSDI, 561-577<span>, 2018</span></div></td><td><a href=\"/s?cites=1\">1500</a></td><td>2018</td></tr>\n<tr><td>TVM</td><td>12</td><td>2018</td></tr></table>";
        let blocks = lower_all(page);
        assert_eq!(blocks[0].kind, BlockKind::ListItem);
        let lines: Vec<&str> = blocks[0]
            .lines
            .iter()
            .map(|l| l.text.text.as_str())
            .collect();
        // The citation count is left out; the title keeps its link.
        assert_eq!(
            lines,
            [
                "Ray: A Framework",
                "P Moritz, I Stoica",
                "OSDI, 561-577, 2018",
                "2018"
            ]
        );
        assert!(blocks[0].lines[0].text.links().next().is_some());
        // A row of one line per cell stays a row.
        assert!(matches!(blocks[1].kind, BlockKind::TableRow { .. }));
        assert_eq!(blocks[1].cells.len(), 3);
    }
}
