//! From blocks to entries: headings give context (venue, year, what kind of
//! section), lines are grouped into entries, and each group's fields are
//! assembled into an [`Entry`]. Whatever is not understood becomes a diagnostic.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use paperlist_model::normalize::{collapse_whitespace, collapsed, fold, repair_diacritics};
use paperlist_model::venue::{self, VenueKind, year_in};
use paperlist_model::{
    ArxivId, DblpKey, Diagnostic, Doi, Entry, EntryKind, Excerpt, Link, LinkKind, MaybeTyped,
    Origin, Source, Status,
};

use crate::authors;
use crate::blocks::{Block, BlockKind, Line, LineIndex};
use crate::fields::{self, FieldKind, VenueText};
use crate::styled::{Mark, Styled};

/// How entries in a section are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A publication list: every paragraph or item should be an entry.
    Publications,
    /// Not known: only clear entries (a title with authors or a venue) count.
    Unknown,
    /// News, teaching, awards...: not read.
    Skip,
}

#[derive(Debug, Clone)]
struct Heading {
    level: u8,
    text: String,
    mode: Option<Mode>,
    venue: Option<VenueText>,
    year: Option<i32>,
    /// `## Under Review`, `### Preprints`: the status of the entries under it.
    status: Option<Status>,
}

/// The status a short heading gives the entries under it: `Under Review`,
/// `Submitted Papers`, `Preprints`, `Working Papers`, `In Preparation`.
fn heading_status(text: &str) -> Option<Status> {
    if fields::words_up_to(text, 5) > 4 {
        return None;
    }
    let folded = fold(text);
    let has = |phrase: &str| folded.contains(phrase);
    if has("under review") || has("submission") || has("submitted") {
        Some(Status::UnderReview)
    } else if has("preprint") || has("working paper") || has("in preparation") {
        Some(Status::Preprint)
    } else {
        None
    }
}

/// Words that name sections without publications.
const SKIP_WORDS: &[&str] = &[
    "news",
    "teaching",
    "award",
    "awards",
    "honor",
    "honors",
    "honour",
    "honours",
    "education",
    "experience",
    "service",
    "services",
    "talk",
    "talks",
    "bio",
    "biography",
    "contact",
    "students",
    "mentoring",
    "skills",
    "interests",
    "activities",
    "grants",
    "funding",
    "patents",
    "projects",
    "software",
    "media",
    "press",
    "about",
    "events",
    "calendar",
    "employment",
    "courses",
    "teaching",
    "positions",
    "hobbies",
    "acknowledgments",
    "acknowledgements",
    "reviewer",
    "reviewing",
    "outreach",
    "announcements",
    "updates",
    "timeline",
    "location",
];

/// Words that name the sections a repository's README has besides its list.
const REPOSITORY_WORDS: &[&str] = &[
    "contributing",
    "contribute",
    "contributors",
    "license",
    "licence",
    "installation",
    "usage",
    "faq",
    "changelog",
    "sponsors",
];

/// Words that name sections of publications.
const PUBLICATION_WORDS: &[&str] = &[
    "publication",
    "publications",
    "paper",
    "papers",
    "preprint",
    "preprints",
    "article",
    "articles",
    "manuscripts",
    "proceedings",
    "journal",
    "journals",
    "conference",
    "conferences",
    "workshop",
    "workshops",
    "thesis",
    "theses",
    "books",
    "chapters",
    "bibliography",
    "references",
    "submitted",
    "pubs",
    "reading",
    "readings",
];

/// Nouns of research fields and tasks. Beside a word of [`SKIP_WORDS`] they
/// make a heading a topic, not a section without publications: an awesome
/// list's `## Software Engineering`, `## Fake News Detection`, `## Experience
/// Replay`, `## Location Privacy`, `## Service Robots`, `## Social Media`; a
/// CV's `## Software`, `## Media Coverage`, `## Teaching Experience` are
/// sections.
const RESEARCH_WORDS: &[&str] = &[
    "engineering",
    "security",
    "testing",
    "analysis",
    "analytics",
    "verification",
    "vulnerability",
    "vulnerabilities",
    "supply",
    "forensics",
    "privacy",
    "robot",
    "robots",
    "robotics",
    "detection",
    "prediction",
    "replay",
    "summarization",
    "recognition",
    "generation",
    "retrieval",
    "mining",
    "modeling",
    "modelling",
    "understanding",
    "recommendation",
    "classification",
    "segmentation",
    "synthesis",
    "reasoning",
    "optimization",
    "composition",
    "discovery",
    "tracking",
    "estimation",
    "extraction",
    "computing",
    "systems",
    "attacks",
    "defenses",
    "repair",
    "maintenance",
    "evolution",
    "comprehension",
    "debugging",
    "applications",
    "fuzzing",
    // Modifiers that make a field of a section word: `Social Media`, `Web
    // Services`, `Cloud Services`.
    "social",
    "web",
    "cloud",
];

/// Whether every section word of a heading (words of [`SKIP_WORDS`], in
/// order) is part of a topic's name: next to a research noun, or after `for`
/// or `in` (`LLMs for Education`, `AI in Education`).
fn names_topic(words: &[&str]) -> bool {
    let topical = |at: usize| {
        let before = at.checked_sub(1).map(|i| words[i]);
        let after = words.get(at + 1).copied();
        // `Symposium on New Ideas ... and Software`: the subject of a venue's
        // name.
        let in_venue_name = words[..at].windows(2).any(|pair| {
            matches!(
                pair[0],
                "symposium" | "conference" | "workshop" | "journal" | "transactions"
            ) && matches!(pair[1], "on" | "of")
        });
        matches!(before, Some("for" | "in"))
            || before.is_some_and(|w| RESEARCH_WORDS.contains(&w))
            || after.is_some_and(|w| RESEARCH_WORDS.contains(&w))
            || in_venue_name
    };
    let mut skip_words = words
        .iter()
        .enumerate()
        .filter(|(_, w)| SKIP_WORDS.contains(w))
        .peekable();
    skip_words.peek().is_some() && skip_words.all(|(at, _)| topical(at))
}

/// Whether a heading or a lone short line names a kind of section.
fn section_mode(text: &str) -> Option<Mode> {
    let folded = fold(text);
    // A hyphenated compound is one word: `Contact-Map Prediction` is no
    // contact section, `Co-Teaching` no teaching one.
    let words = || {
        folded
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_matches('-'))
    };
    if words().any(|w| SKIP_WORDS.contains(&w)) && !names_topic(&words().collect::<Vec<_>>()) {
        return Some(Mode::Skip);
    }
    // `## Menu`, `## Table of Contents`: the page's own navigation.
    if words().count() <= 3 && words().any(|w| matches!(w, "menu" | "contents" | "toc")) {
        return Some(Mode::Skip);
    }
    // An awesome list's own pages (`## Contributing`, `## License`), named
    // in a word or two: `License Plate Recognition` is a topic.
    if words().count() <= 2 && words().any(|w| REPOSITORY_WORDS.contains(&w)) {
        return Some(Mode::Skip);
    }
    if words().any(|w| PUBLICATION_WORDS.contains(&w)) || folded.contains("under review") {
        return Some(Mode::Publications);
    }
    // Chinese CVs: 论文 (papers), 期刊 (journals), 会议 (conferences),
    // 发表 (published), 著作 (books), 参考文献 (references), 预印本 (preprints);
    // 教学 (teaching), 获奖 (awards), 教育 (education), 经历 (experience) are not.
    // Japanese (and traditional Chinese) ones: 論文 (papers), 業績
    // (achievements), 会議/會議 (conferences), 発表 (presentations), 著書
    // (books); 受賞 (awards), 学歴 (education), 職歴 (career), 講演 (talks),
    // 特許 (patents), 資金 (grants) are not.
    if !text.is_ascii() {
        if [
            "教学",
            "获奖",
            "奖励",
            "荣誉",
            "教育",
            "经历",
            "项目",
            "专利",
            "服务",
            "简介",
            "联系",
            "受賞",
            "学歴",
            "職歴",
            "講演",
            "特許",
            "資金",
            "教歴",
            "社会活動",
        ]
        .iter()
        .any(|word| text.contains(word))
        {
            return Some(Mode::Skip);
        }
        if [
            "论文",
            "期刊",
            "会议",
            "发表",
            "著作",
            "参考文献",
            "文献",
            "预印本",
            "成果",
            "論文",
            "業績",
            "会議",
            "會議",
            "発表",
            "著書",
        ]
        .iter()
        .any(|word| text.contains(word))
        {
            return Some(Mode::Publications);
        }
    }
    None
}

/// What a paper is, from where it appeared: a venue of unknown kind is taken
/// for a conference.
pub(crate) fn kind_of_venue(kind: Option<VenueKind>, has_venue: bool) -> EntryKind {
    match kind {
        Some(VenueKind::Conference | VenueKind::Workshop) => EntryKind::Inproceedings,
        Some(VenueKind::Journal) => EntryKind::Article,
        Some(VenueKind::Preprint) => EntryKind::Preprint,
        None if has_venue => EntryKind::Inproceedings,
        None => EntryKind::Misc,
    }
}

/// `A curated list of tools that predict contact maps. Each tool is ...`:
/// sentences (maybe cut where the line wraps), three in five of whose words
/// are written in lower case (a title's or a name's are capitalised), with no
/// year.
fn is_prose(text: &str) -> bool {
    let (mut words, mut lower) = (0, 0);
    for word in text.split_whitespace() {
        words += 1;
        lower += usize::from(word.starts_with(|c: char| c.is_lowercase()));
    }
    let sentence = || text.trim_end().ends_with(['.', ':', '!']) || text.contains(". ");
    // (al-folio's `publications by categories in reversed chronological
    // order.`: a short sentence all in lower case.)
    let prose_words = (words >= 8 && lower * 5 >= words * 3) || (words >= 5 && lower == words);
    // (`We meet every Thursday. Suggestions welcome!`: a group's note to its
    // readers, in the first person.)
    let first_person = words >= 3
        && ["We ", "I ", "Our ", "My "]
            .iter()
            .any(|start| text.trim_start().starts_with(start));
    (prose_words || first_person) && sentence() && year_in(text).is_none()
}

/// [`is_prose`] on a stretch of the input as written: an HTML page's tags
/// (`<p>I am a research scientist ...</p>`) are no words.
fn is_prose_source(text: &str) -> bool {
    is_prose(&crate::markdown::strip_tags(text))
}

/// A list's introduction read as a lone title: a paragraph of prose (no list
/// item, no table row: `text` is `None` for those) with nothing an entry has
/// besides its title.
fn is_introduction(entry: &Entry, text: Option<&str>) -> bool {
    entry.authors.is_empty()
        && entry.venue.is_none()
        && entry.year.is_none()
        && entry.url.is_none()
        && entry.links.is_empty()
        && entry.doi.is_none()
        && entry.arxiv.is_none()
        && text.is_some_and(is_prose)
}

/// A course's term beside its year (`CS 244b (Fall 2024)`, `2023 Spring
/// Semester`, `Winter Term 2022`): the year the course was taught, not one
/// of the papers it reads. (`Winter Conference on ... 2024` has no term word
/// beside its year.)
fn names_academic_term(text: &str) -> bool {
    const TERMS: &[&str] = &["fall", "spring", "summer", "winter", "autumn"];
    const FILLERS: &[&str] = &["semester", "term", "quarter", "session"];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let is_term = |at: Option<&String>| at.is_some_and(|w| TERMS.contains(&w.as_str()));
    words.iter().enumerate().any(|(at, word)| {
        let year = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
            || (word.len() == 2 && word.bytes().all(|b| b.is_ascii_digit()));
        if !year {
            return false;
        }
        let before = at.checked_sub(1).and_then(|i| words.get(i));
        let before_filler = before.is_some_and(|w| FILLERS.contains(&w.as_str()));
        is_term(before)
            || is_term(words.get(at + 1))
            || (before_filler && is_term(at.checked_sub(2).and_then(|i| words.get(i))))
    })
}

/// `2020-2021`, `2019 – 2022`, `2015–17`: two years joined by a dash; and a
/// decade, `1970 ...`, `1980…`, `1990s`, `2010 - present`.
fn names_year_span(text: &str) -> bool {
    let decade = text
        .match_indices(|c: char| c.is_ascii_digit())
        .any(|(at, _)| {
            let digits = &text[at..];
            let year = digits
                .get(..4)
                .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
            let after = digits.get(4..).unwrap_or_default().trim_start();
            (at == 0 || !text.as_bytes()[at - 1].is_ascii_digit())
                && year.is_some()
                && (after.starts_with("...")
                    || after.starts_with('\u{2026}')
                    || after.starts_with("s ")
                    || after == "s"
                    || after
                        .trim_start_matches(['-', '\u{2013}', '\u{2014}', ' '])
                        .to_lowercase()
                        .starts_with("present"))
        });
    decade
        || text
            .match_indices(['-', '\u{2013}', '\u{2014}'])
            .any(|(at, dash)| {
                let before = text[..at].trim_end();
                let after = text[at + dash.len()..].trim_start();
                let digits_before =
                    before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let digits_after =
                    after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                digits_before == 4 && matches!(digits_after, 2 | 4)
            })
}

/// Whether a heading may be a paper's title rather than a section: three
/// words or more, no year, no venue, no section word (`Publications`).
fn may_be_title_heading(heading: &Block) -> bool {
    let text = heading.joined();
    let words = fields::words_up_to(&text, 31);
    (3..=30).contains(&words)
        && text.chars().any(char::is_lowercase)
        && year_in(&text).is_none()
        && section_mode(&text).is_none()
        && venue::detect(&text).is_none()
}

/// A held heading and the block after it, as one entry when the block opens
/// with an author list (`### Title` / `A, B, C` / `*OSDI 2018*`): the heading
/// is the entry's title. Gives the block back otherwise.
fn titled_block(heading: &Block, block: Block) -> Result<Block, Block> {
    // The author line must hold no title of its own: `Names. Title. In CVPR,
    // 2016.` under `## BibTeX alpha style` is a whole entry.
    let opens_with_authors = matches!(block.kind, BlockKind::Paragraph)
        && block.lines.first().is_some_and(|line| {
            let analysis = analyze(&line.text);
            line_kind(&analysis) == LineKind::Authors
                && !analysis.iter().any(|(_, kind)| *kind == FieldKind::Title)
        });
    if !opens_with_authors {
        return Err(block);
    }
    let mut lines = heading.lines.clone();
    lines.extend(block.lines);
    Ok(Block {
        kind: BlockKind::ListItem,
        lines,
        cells: Vec::new(),
        span: heading.span.start..block.span.end,
    })
}

fn is_year_only(text: &str) -> Option<i32> {
    let trimmed = text.trim().trim_matches(|c: char| !c.is_alphanumeric());
    let year: i32 = trimmed.parse().ok()?;
    (1900..=2099).contains(&year).then_some(year)
}

/// A short line that works as a heading in plain text (`Selected Publications`,
/// `News`, `2023`): few words, no final punctuation, a section word or a lone
/// year, and not a venue (`SIGMOD Conference` is an entry's venue line).
fn pseudo_heading_line(text: &str, allow_year: bool) -> bool {
    let text = text.trim();
    // Counted up to six: more is too many.
    let words = fields::words_up_to(text, 6);
    // An address (`https://www.usenix.org/.../presentation/x`) heads nothing.
    if words == 0 || words > 5 || text.ends_with(['.', ',', ';', ':']) || text.contains(['/', '@'])
    {
        return false;
    }
    if allow_year && is_year_only(text).is_some() {
        return true;
    }
    section_mode(text).is_some() && venue::detect(text).is_none()
}

/// A block, or a line that acts as a heading.
enum Piece {
    Heading(Line),
    Block(Block),
}

/// Splits headings-in-disguise out of a block: a whole one-line paragraph or
/// one-cell table row, or section lines inside a paragraph or list item (plain
/// text has no blank lines to set them apart: `...bio.\nNews\nMar 26 | ...`).
fn split_pseudo_headings(block: Block) -> Vec<Piece> {
    let single_cell = matches!(block.kind, BlockKind::TableRow { .. })
        && block.cells.iter().filter(|c| !c.is_blank()).count() == 1;
    // dblp's `<li class="year">2023</li>`: an item that is only a year heads the ones after it.
    let year_item = block.kind == BlockKind::ListItem
        && block.lines.len() == 1
        && is_year_only(block.lines[0].text.text.trim()).is_some();
    if (block.kind == BlockKind::Paragraph && block.lines.len() == 1) || single_cell || year_item {
        if let Some(line) = block.lines.first()
            && pseudo_heading_line(&line.text.text, true)
        {
            return vec![Piece::Heading(line.clone())];
        }
        return vec![Piece::Block(block)];
    }
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) || block.lines.len() < 2 {
        return vec![Piece::Block(block)];
    }
    let mut pieces = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let Block {
        kind, lines, span, ..
    } = block;
    let flush = |current: &mut Vec<Line>, pieces: &mut Vec<Piece>| {
        if !current.is_empty() {
            let lines = std::mem::take(current);
            pieces.push(Piece::Block(Block {
                kind: kind.clone(),
                lines,
                cells: Vec::new(),
                span: span.clone(),
            }));
        }
    };
    for line in lines {
        let text = line.text.text.trim();
        if text.chars().all(|c| matches!(c, '-' | '|' | ':' | ' ')) {
            // A table delimiter row inside a paragraph: no content.
            continue;
        }
        // A line with a link (`[Paper](url)` on a line of its own, `Cloudburst:
        // Stateful Functions-as-a-Service [Paper]`) is the entry's, not a heading.
        let has_link = line.text.links().next().is_some();
        // teachPress's `Journal Article` under a title says what the entry is
        // (a heading names the kind in the plural: `Journal Articles`).
        let kind_label = kind == BlockKind::ListItem
            && !current.is_empty()
            && fields::kind_named(text).is_some();
        if !has_link && !kind_label && pseudo_heading_line(text, false) {
            flush(&mut current, &mut pieces);
            pieces.push(Piece::Heading(line));
        } else {
            current.push(line);
        }
    }
    flush(&mut current, &mut pieces);
    pieces
}

/// Reads a whole document.
pub(crate) struct Reader<'a> {
    pub file: &'a str,
    /// The document; entries' raw text is cut from it.
    pub source: &'a Arc<str>,
    /// The file name every entry shares.
    shared_file: Arc<str>,
    /// The headings above the current text, shared by the entries under them
    /// (made again when the headings change).
    shared_section: Option<Arc<[String]>>,
    line_index: &'a LineIndex,
    /// A paragraph holding only a title so far, which the next block may continue.
    pending: Option<Group>,
    /// A heading that may be a paper's title (`### Title` over a paragraph of
    /// authors and venue), held until the next block says which it is.
    held_heading: Option<Block>,
    /// What the document gave, in order; turned into entries and diagnostics
    /// by [`Reader::finish`] once it is known whether the document is a list.
    steps: Vec<Step>,
    /// The guesses made reading entries, in order, as (line, note); each
    /// [`Step::Entry`] says how many are its own.
    notes: Vec<(u32, String)>,
    /// The diagnostics [`Step::Diagnostic`] stands for, in order.
    step_diagnostics: Vec<Diagnostic>,
    /// Each affiliation written in the document, once: the people who share it
    /// (in one list, often many: "UC Berkeley", "Microsoft Research") share
    /// one copy.
    affiliations: foldhash::HashSet<Arc<str>>,
    /// What the marks after names mean, as the document's legend says
    /// (`* equal contribution, † corresponding author`).
    legend: Vec<(char, MarkMeaning)>,
    /// The marks after each author's name, for the entries that have any:
    /// (index in `entries`, marks in the order of its authors).
    marked: Vec<(usize, Vec<String>)>,
    /// The entries the steps refer to.
    entries: Vec<Entry>,
    headings: Vec<Heading>,
    /// The section being skipped (mode Skip), reported once.
    skipped_section: Option<(String, u32, u32)>,
    /// Groups read and entries made under no telling heading, to judge whether
    /// the whole document is a publication list.
    unknown_groups: usize,
    unknown_entries: usize,
}

/// A group of lines that should make one entry.
struct Group {
    lines: Vec<Line>,
    /// The kind of each line (paragraphs only).
    kinds: Vec<LineKind>,
    /// Each line's fields (paragraphs only; other blocks are analysed when assembled).
    analyses: Vec<Analysis>,
    kind: BlockKind,
    cells: Vec<Styled>,
    /// A paragraph that holds only a title so far.
    title_only: bool,
}

impl Group {
    fn paragraph(line: Line, kind: LineKind, analysis: Analysis) -> Group {
        Group {
            lines: vec![line],
            kinds: vec![kind],
            analyses: vec![analysis],
            kind: BlockKind::Paragraph,
            cells: Vec::new(),
            title_only: false,
        }
    }
}

impl<'a> Reader<'a> {
    /// A reader of `source`, whose lines `line_index` numbers.
    pub fn new(file: &'a str, source: &'a Arc<str>, line_index: &'a LineIndex) -> Reader<'a> {
        Reader {
            file,
            source,
            shared_file: file.into(),
            shared_section: None,
            line_index,
            pending: None,
            held_heading: None,
            steps: Vec::new(),
            affiliations: foldhash::HashSet::default(),
            legend: Vec::new(),
            marked: Vec::new(),
            notes: Vec::new(),
            step_diagnostics: Vec::new(),
            entries: Vec::new(),
            headings: Vec::new(),
            skipped_section: None,
            unknown_groups: 0,
            unknown_entries: 0,
        }
    }

    /// Whether text under no telling heading turned out to be mostly entries:
    /// then the document is a publication list whose headings just do not say so
    /// (`## Training`, `## Inference`), and its entries are kept as a list's.
    fn looks_like_a_list(&self) -> bool {
        self.unknown_entries >= 3 && self.unknown_entries * 2 >= self.unknown_groups
    }

    /// The entries and diagnostics, in document order.
    ///
    /// Text under no telling heading was read both ways at once: as a
    /// publication list (where a lone title is an entry) and as other text
    /// (where only clear entries count). Now that the whole document is known,
    /// one reading is kept, so the document is read once, not twice.
    pub fn finish(mut self) -> (Vec<Entry>, Vec<Diagnostic>) {
        let pending = self.pending.take();
        self.finish_group(pending);
        self.push_held_heading();
        self.break_run();
        let as_list = self.looks_like_a_list();
        let mut out = Output {
            file: self.file,
            diagnostics: Vec::new(),
            skipped: None,
        };
        // Entries stay where they are; only those a list alone would accept may go.
        let mut keep = Vec::with_capacity(self.entries.len());
        let mut notes = self.notes.into_iter();
        let mut step_diagnostics = self.step_diagnostics.into_iter();
        // Runs of lines that gave no entry, one after another (a paragraph
        // read a line at a time), are told prose or not together.
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for step in &self.steps {
            if let Step::Unread { first, last, .. } = *step {
                match runs.last_mut() {
                    Some(run) if run.1 + 1 == first => run.1 = last,
                    _ => runs.push((first, last)),
                }
            }
        }
        let prose_runs: Vec<(u32, u32)> = runs
            .into_iter()
            .filter(|&(first, last)| {
                let range = self.line_index.line_range(self.source, first, last);
                self.source.get(range).is_some_and(is_prose_source)
            })
            .collect();
        for step in self.steps {
            match step {
                Step::Entry {
                    notes: count,
                    list_only,
                } if !list_only || as_list => {
                    out.diagnostics
                        .extend(notes.by_ref().take(count.into()).map(|(line, note)| {
                            Diagnostic::info(self.file, Some(line), "guessed", note)
                        }));
                    out.flush_skipped();
                    keep.push(true);
                }
                Step::Entry { notes: count, .. } => {
                    notes.by_ref().take(count.into()).for_each(drop);
                    let source = &self.entries[keep.len()].source;
                    let (first, last) = (source.line, source.end_line.unwrap_or(source.line));
                    out.note_skipped(first, last, Mode::Unknown);
                    keep.push(false);
                }
                Step::Unread { first, last, mode } => {
                    // In a list, text under no telling heading that reads as no
                    // entry is an entry gone wrong, unless it is prose (a
                    // list's introduction).
                    let prose = || {
                        let range = self.line_index.line_range(self.source, first, last);
                        self.source.get(range).is_some_and(is_prose_source)
                            || prose_runs
                                .iter()
                                .any(|&(start, end)| start <= first && last <= end)
                    };
                    let mode = if as_list && mode == Mode::Unknown && !prose() {
                        Mode::Publications
                    } else {
                        mode
                    };
                    out.note_skipped(first, last, mode);
                }
                Step::Break => out.flush_skipped(),
                Step::Diagnostic => out.diagnostics.extend(step_diagnostics.next()),
            }
        }
        out.flush_skipped();
        let mut entries = self.entries;
        // The legend, wherever it stood, says what each author's marks mean.
        if !self.legend.is_empty() {
            for (at, marks) in &self.marked {
                let Some(entry) = entries.get_mut(*at) else {
                    continue;
                };
                for (person, marks) in entry.authors.iter_mut().zip(marks) {
                    apply_legend(person, marks, &self.legend);
                }
            }
        }
        let mut kept = keep.into_iter();
        entries.retain(|_| kept.next().unwrap_or(true));
        entries.shrink_to_fit();
        (entries, out.diagnostics)
    }

    fn mode(&self) -> Mode {
        self.headings
            .iter()
            .rev()
            .find_map(|h| h.mode)
            .unwrap_or(Mode::Unknown)
    }

    fn context_venue(&self) -> Option<&VenueText> {
        self.headings.iter().rev().find_map(|h| h.venue.as_ref())
    }

    fn context_year(&self) -> Option<i32> {
        self.headings.iter().rev().find_map(|h| h.year)
    }

    fn context_status(&self) -> Option<Status> {
        self.headings.iter().rev().find_map(|h| h.status)
    }

    fn section(&mut self) -> Arc<[String]> {
        self.shared_section
            .get_or_insert_with(|| {
                self.headings
                    .iter()
                    .filter(|h| h.level > 0)
                    .map(|h| h.text.clone())
                    .collect()
            })
            .clone()
    }

    /// Reads what follows as a publication list whatever its headings say
    /// (a publication page's front matter is one publication).
    pub(crate) fn assume_publications(&mut self) {
        self.headings.push(Heading {
            level: 0,
            text: String::new(),
            mode: Some(Mode::Publications),
            venue: None,
            year: None,
            status: None,
        });
    }

    fn push_heading(&mut self, level: u8, text: &str, line: u32) {
        self.break_run();
        let previous_mode = self.mode();
        self.shared_section = None;
        while self.headings.last().is_some_and(|h| h.level >= level) {
            self.headings.pop();
        }
        let text = collapse_whitespace(text);
        // `## OSDI22` is `## OSDI 2022`.
        let text = venue::unglue_year(&text).unwrap_or(text);
        // `2020-2021`, `2019 – 2022`: a span of years dates no entry under it.
        let year = year_in(&text).filter(|_| {
            fields::words_up_to(&text, 7) <= 6
                && !names_year_span(&text)
                && !names_academic_term(&text)
        });
        let mut mode = section_mode(&text);
        let venue = if mode == Some(Mode::Skip) {
            None
        } else {
            venue::detect(&text).map(|v| VenueText {
                short: Some(v.short),
                kind: Some(v.kind),
                written: v.short.to_owned(),
                year,
                status: None,
            })
        };
        if venue.is_some() {
            mode = Some(Mode::Publications);
        }
        if mode.is_none() && is_year_only(&text).is_some() && previous_mode == Mode::Publications {
            // "2023" after "Publications" at the same level still lists publications.
            mode = Some(Mode::Publications);
        }
        // A heading inside a skipped section (`## Teaching` > `### 2023`) is
        // skipped with it, and reported as its own range.
        if mode == Some(Mode::Skip) || (mode.is_none() && self.mode() == Mode::Skip) {
            self.skipped_section = Some((text.clone(), line, line));
        }
        let status = heading_status(&text);
        self.headings.push(Heading {
            level,
            text,
            mode,
            venue,
            year,
            status,
        });
    }

    /// Reads the next blocks of the document, in order.
    pub fn read(&mut self, blocks: Vec<Block>) {
        let mut pending = self.pending.take();
        for block in blocks {
            if let BlockKind::Heading(level) = block.kind {
                self.finish_group(pending.take());
                self.push_held_heading();
                if may_be_title_heading(&block) {
                    self.held_heading = Some(block);
                } else {
                    self.push_heading(level, &block.joined(), block.first_line());
                }
                continue;
            }
            let block = match self.held_heading.take() {
                Some(heading) => match titled_block(&heading, block) {
                    Ok(entry) => {
                        pending = self.read_block(entry, pending);
                        continue;
                    }
                    Err(block) => {
                        self.held_heading = Some(heading);
                        self.push_held_heading();
                        block
                    }
                },
                None => block,
            };
            for piece in split_pseudo_headings(block) {
                match piece {
                    Piece::Heading(line) => {
                        self.finish_group(pending.take());
                        self.push_heading(7, &line.text.text, line.number);
                    }
                    Piece::Block(block) => pending = self.read_block(block, pending),
                }
            }
        }
        self.pending = pending;
    }

    /// Reads a held heading as the heading it turned out to be.
    fn push_held_heading(&mut self) {
        if let Some(heading) = self.held_heading.take()
            && let BlockKind::Heading(level) = heading.kind
        {
            self.push_heading(level, &heading.joined(), heading.first_line());
        }
    }

    /// Reads a block known to be one entry's (built from a publication
    /// page's front matter): no line of it is a heading in disguise.
    pub(crate) fn read_entry(&mut self, block: Block) {
        let pending = self.pending.take();
        self.pending = self.read_block(block, pending);
    }

    /// Reads one content block; returns the group still open (a title-only paragraph).
    fn read_block(&mut self, block: Block, mut pending: Option<Group>) -> Option<Group> {
        {
            if self.mode() == Mode::Skip {
                self.finish_group(pending.take());
                if let Some(section) = &mut self.skipped_section {
                    section.2 = section.2.max(block.last_line());
                }
                return None;
            }
            // Text wrapped to the page's width (a CV copied out of a PDF, a
            // list with hard-wrapped lines): each entry's lines are one line.
            if matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
                && let Some(entries) = unwrap_entries(&block.lines)
            {
                self.finish_group(pending.take());
                for (lines, joined) in entries {
                    let mut analyses = vec![analyze(&joined)];
                    analyses.resize_with(lines.len(), Vec::new);
                    self.finish_group(Some(Group {
                        lines,
                        kinds: Vec::new(),
                        analyses,
                        kind: block.kind.clone(),
                        cells: Vec::new(),
                        title_only: false,
                    }));
                }
                return None;
            }
            match block.kind {
                BlockKind::Quote | BlockKind::Paragraph
                    if block.lines.len() == 1 && is_marker_legend(&block.lines[0].text.text) =>
                {
                    self.finish_group(pending.take());
                    let line = block.lines[0].number;
                    self.legend.extend(legend_of(&block.lines[0].text.text));
                    self.info_step(
                        line,
                        "marker-legend",
                        format!(
                            "line {line}: a legend of the marks after names ({:?}), not an entry",
                            block.lines[0].text.text.trim()
                        ),
                    );
                }
                BlockKind::Quote => {
                    self.finish_group(pending.take());
                    let (first, last) = (block.first_line(), block.last_line());
                    let range = lines_text(first, last);
                    self.info_step(
                        first,
                        "quoted-text",
                        format!("{range}: a quoted note (`> ...`), not an entry"),
                    );
                }
                _ if !block.lines.is_empty()
                    && block.lines.iter().all(|l| is_navigation(&l.text)) =>
                {
                    self.finish_group(pending.take());
                    let line = block.first_line();
                    self.info_step(
                        line,
                        "page-navigation",
                        format!(
                            "line {line}: a link to a page ({:?}), not an entry",
                            block.lines[0].text.text.trim()
                        ),
                    );
                }
                // The page's own notice (a credit, a count), or a site
                // generator's template tags left in its source (`{% comment
                // %}`). (Also in a table's last row: a homepage laid out in
                // tables ends with its credit in one.)
                BlockKind::Paragraph | BlockKind::TableRow { .. }
                    if let Some((code, what)) = page_notice(&block) =>
                {
                    self.finish_group(pending.take());
                    let line = block.first_line();
                    self.info_step(
                        line,
                        code,
                        format!(
                            "line {line}: {what} ({:?}), not an entry",
                            block.lines[0].text.text.trim()
                        ),
                    );
                }
                // A row of link buttons under an entry (`<p><a>PDF</a> <a>Code</a></p>`
                // after a Hugo theme's entry) is the entry's.
                BlockKind::Paragraph if pending.is_none() && self.attach_links(&block.lines) => {}
                BlockKind::Paragraph => {
                    // A paragraph's lines may hold several entries; a paragraph
                    // holding only a title may continue in the next one.
                    let analyses: Vec<Analysis> =
                        block.lines.iter().map(|l| analyze(&l.text)).collect();
                    let kinds = paragraph_line_kinds(&block.lines, &analyses);
                    for ((line, kind), analysis) in block.lines.into_iter().zip(kinds).zip(analyses)
                    {
                        pending = Some(self.feed(pending.take(), line, kind, analysis));
                    }
                    if let Some(group) = &mut pending {
                        group.title_only = group.kinds.iter().all(|k| *k == LineKind::Title);
                        if !group.title_only {
                            self.finish_group(pending.take());
                        }
                    }
                }
                BlockKind::ListItem | BlockKind::TableRow { .. } => {
                    self.finish_group(pending.take());
                    let group = Group {
                        lines: block.lines,
                        kinds: Vec::new(),
                        analyses: Vec::new(),
                        kind: block.kind,
                        cells: block.cells,
                        title_only: false,
                    };
                    self.finish_group(Some(group));
                }
                BlockKind::Heading(_) => {}
            }
        }
        pending
    }

    /// Adds a paragraph line to the current group, or starts a new group.
    fn feed(
        &mut self,
        current: Option<Group>,
        line: Line,
        kind: LineKind,
        analysis: Analysis,
    ) -> Group {
        let Some(mut group) = current else {
            return Group::paragraph(line, kind, analysis);
        };
        let kinds = &group.kinds;
        let has_authors = kinds
            .iter()
            .any(|k| matches!(k, LineKind::Authors | LineKind::Complete));
        let has_more_than_title = kinds.iter().any(|k| *k != LineKind::Title);
        // `[C4] ...` then `[C3] ...`: a numbered line starts an entry of its own.
        let labelled = || starts_with_label(&line.text.text);
        // `#. Jane Doe and Ana Lima.` / `Title.` / `Venue.`: the names came first.
        let names_so_far = kinds.iter().all(|k| *k == LineKind::Authors);
        // `Title` / `Names` / `UC Berkeley`: the names' affiliation.
        let affiliation = || {
            kinds.last() == Some(&LineKind::Authors)
                && kinds.contains(&LineKind::Title)
                && fields::names_organization(&line.text.text)
        };
        let starts_new = match kind {
            _ if labelled() => true,
            LineKind::Title if names_so_far || affiliation() => false,
            LineKind::Title | LineKind::Complete => {
                if has_more_than_title || has_authors {
                    true
                } else {
                    // Title, Title: a title broken over two lines, or two entries?
                    let previous = group
                        .lines
                        .last()
                        .map(|l| l.text.text.trim().to_owned())
                        .unwrap_or_default();
                    !(kind == LineKind::Title
                        && is_title_continuation(&previous, line.text.text.trim())
                        && !group.title_only)
                }
            }
            LineKind::Authors => has_authors,
            LineKind::Other => false,
        };
        if starts_new {
            self.finish_group(Some(group));
            return Group::paragraph(line, kind, analysis);
        }
        group.lines.push(line);
        group.kinds.push(kind);
        group.analyses.push(analysis);
        group
    }

    fn finish_group(&mut self, group: Option<Group>) {
        let Some(group) = group else { return };
        if group.lines.is_empty() {
            return;
        }
        let first = group.lines.first().map_or(0, |l| l.number);
        let last = group.lines.last().map_or(0, |l| l.number);
        let mode = self.mode();
        let unlabelled = mode == Mode::Unknown;
        if unlabelled {
            self.unknown_groups += 1;
        }
        let raw = self.line_index.line_range(self.source, first, last);
        // A paragraph's words, as written (no markup), for telling prose (a
        // paragraph with names is none).
        let names = group
            .kinds
            .iter()
            .any(|k| matches!(k, LineKind::Authors | LineKind::Complete));
        let paragraph = (group.kind == BlockKind::Paragraph && !names).then(|| {
            let lines: Vec<&str> = group.lines.iter().map(|l| l.text.text.trim()).collect();
            lines.join(" ")
        });
        let group_first_text = group.lines.first().map(|l| l.text.text.clone());
        match self.assemble(group, mode, raw.clone()) {
            // A list's introduction is text the list has, not an entry.
            Ok((entry, ..)) if is_introduction(&entry, paragraph.as_deref()) => {
                let mode = Mode::Unknown;
                self.steps.push(Step::Unread { first, last, mode });
            }
            Ok((mut entry, mut notes, clear, marks)) => {
                // `———. 1999. “Title.”`: the authors of the entry before.
                if entry.authors.is_empty()
                    && let Some(line) = group_first_text.as_deref()
                    && let Some(mark) = same_authors_mark(line)
                    && let Some(before) = self.entries.last().filter(|e| !e.authors.is_empty())
                {
                    entry.authors = before.authors.clone();
                    entry.set_origin("authors", Origin::Input);
                    notes.push((
                        first,
                        format!("`{mark}` stands for the authors of the entry before"),
                    ));
                }
                if !marks.is_empty() {
                    self.marked.push((self.entries.len(), marks));
                }
                if unlabelled && clear {
                    self.unknown_entries += 1;
                }
                for person in &mut entry.authors {
                    if let Some(affiliation) = &mut person.affiliation {
                        match self.affiliations.get(affiliation) {
                            Some(shared) => *affiliation = Arc::clone(shared),
                            None => {
                                self.affiliations.insert(Arc::clone(affiliation));
                            }
                        }
                    }
                }
                entry.source = Source {
                    file: self.shared_file.clone(),
                    line: first,
                    end_line: (last > first).then_some(last),
                    section: self.section(),
                    raw: Excerpt::of(self.source, raw),
                };
                if self.entries.len() == self.entries.capacity() {
                    // Grow by an eighth, not by doubling: entries are most of
                    // the result, and a doubled vector would leave up to half
                    // of its room unused at the peak.
                    self.entries.reserve_exact(self.entries.len() / 8 + 64);
                }
                self.entries.push(entry);
                // An entry's notes are few (a guessed split, a glued name).
                let count = u16::try_from(notes.len()).unwrap_or(u16::MAX);
                self.notes
                    .extend(notes.into_iter().take(usize::from(count)));
                self.steps.push(Step::Entry {
                    notes: count,
                    list_only: !clear,
                });
            }
            // Prose that is no entry is the list's text, not a failed entry.
            Err(()) if paragraph.as_deref().is_some_and(is_prose) => {
                let mode = Mode::Unknown;
                self.steps.push(Step::Unread { first, last, mode });
            }
            Err(()) => self.steps.push(Step::Unread { first, last, mode }),
        }
    }

    /// Adds the links of lines that are only link labels to the entry just
    /// read, if the last thing read was an entry. Says whether it did.
    fn attach_links(&mut self, lines: &[Line]) -> bool {
        let only_links = !lines.is_empty() && lines.iter().all(|l| fields::is_links_only(&l.text));
        if !only_links || !matches!(self.steps.last(), Some(Step::Entry { .. })) {
            return false;
        }
        let Some(entry) = self.entries.last_mut() else {
            return false;
        };
        for line in lines {
            collect_links(&line.text, &[], None, entry);
        }
        let (first, last) = (entry.source.line, lines.last().map_or(0, |l| l.number));
        if last > first {
            entry.source.end_line = Some(last);
            let raw = self.line_index.line_range(self.source, first, last);
            entry.source.raw = Excerpt::of(self.source, raw);
        }
        true
    }

    /// A heading or the end: ends a run of unread lines, and reports a skipped section.
    fn break_run(&mut self) {
        self.steps.push(Step::Break);
        if let Some((name, first, last)) = self.skipped_section.take() {
            self.info_step(
                first,
                "skipped-section",
                format!("section {name:?} (lines {first}-{last}) skipped: not a publication list"),
            );
        }
    }

    /// Reports, in its place among the entries, a line read as no entry.
    fn info_step(&mut self, line: u32, code: &'static str, message: String) {
        self.step_diagnostics
            .push(Diagnostic::info(self.file, Some(line), code, message));
        self.steps.push(Step::Diagnostic);
    }
}

/// One thing the document gave, in order.
enum Step {
    /// The next entry of [`Reader::entries`] and the guesses made reading it.
    /// `list_only`: text under no telling heading that only counts as an entry
    /// if the document is a list.
    /// `notes`: how many of [`Reader::notes`] are its own.
    Entry { notes: u16, list_only: bool },
    /// Lines that gave no entry.
    Unread { first: u32, last: u32, mode: Mode },
    /// A heading or the end of the document.
    Break,
    /// The next of [`Reader::step_diagnostics`].
    Diagnostic,
}

/// `line 4`, `lines 4-7`: where a diagnostic's text stands.
fn lines_text(first: u32, last: u32) -> String {
    if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}-{last}")
    }
}

/// Entries and diagnostics being written out by [`Reader::finish`].
struct Output<'a> {
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
    /// Lines read as nothing, waiting to be reported as one range.
    skipped: Option<(u32, u32, Mode)>,
}

impl Output<'_> {
    /// Remembers lines that gave no entry, merging neighbours into one range.
    fn note_skipped(&mut self, first: u32, last: u32, mode: Mode) {
        match &mut self.skipped {
            Some((_, end, m)) if *m == mode && first <= *end + 3 => *end = last.max(*end),
            _ => {
                self.flush_skipped();
                self.skipped = Some((first, last, mode));
            }
        }
    }

    fn flush_skipped(&mut self) {
        if let Some((first, last, mode)) = self.skipped.take() {
            let range = lines_text(first, last);
            let diagnostic = if mode == Mode::Publications {
                Diagnostic::warning(
                    self.file,
                    Some(first),
                    "unparsed-lines",
                    format!("{range} could not be read as a publication"),
                )
                .with_hint(
                    "an entry needs at least a title; check the line for a missing separator",
                )
            } else {
                Diagnostic::info(
                    self.file,
                    Some(first),
                    "skipped-text",
                    format!("{range}: no publication recognised (text outside a publication list)"),
                )
            };
            self.diagnostics.push(diagnostic);
        }
    }
}

/// An entry made of a group of lines, the guesses made (line, note), and
/// whether it is clearly an entry even outside a publication list.
/// An entry, its notes as (line, note), whether it is clear outside a list,
/// and the marks after its authors' names.
type Assembled = (Entry, Vec<(u32, String)>, bool, Vec<String>);

/// The dashes that open an entry written by the same authors as the one
/// before, as Chicago, MLA and pandoc's citation styles print them (`———.`,
/// `---.`, `——,`): the mark, when the line starts with one.
fn same_authors_mark(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let end = line
        .char_indices()
        .find(|&(_, c)| !matches!(c, '—' | '-' | '–' | '_'))
        .map_or(line.len(), |(at, _)| at);
    let mark = &line[..end];
    let dashes = mark.chars().count();
    let long = mark.contains('—') || mark.contains('_');
    let enough = if long { dashes >= 2 } else { dashes >= 3 };
    (enough && line[end..].starts_with(['.', ','])).then_some(mark)
}

impl Reader<'_> {
    /// Makes an entry of a group of lines, or says it is none. Under no telling
    /// heading (mode Unknown) the group is read as in a publication list, and
    /// the flag says whether it would count outside one too. `raw` is where the
    /// group is in the document.
    fn assemble(&self, mut group: Group, mode: Mode, raw: Range<usize>) -> Result<Assembled, ()> {
        let mut fields: Vec<(Styled, FieldKind, u32)> = Vec::new();
        if let BlockKind::TableRow { header } = &group.kind {
            let line = group.lines[0].number;
            let roles = column_roles(header);
            let title_columns = roles.iter().filter(|role| is_title_role(role)).count();
            let has_title_column = title_columns > 0;
            // `| arXiv |` holding `[2312.00752]`: a link to the paper's abstract.
            for (role, cell) in roles.iter().zip(group.cells.iter_mut()) {
                if let Some(linked) = arxiv_cell(role, cell) {
                    *cell = linked;
                }
            }
            for (i, cell) in group.cells.iter().enumerate() {
                let role = roles.get(i).map(String::as_str).unwrap_or_default();
                let kind = match table_role(role, cell) {
                    // `| Title | Paper |` with `[ICLR 2023](url)` in the
                    // Paper column: a link to the paper named by its venue.
                    Some(FieldKind::Title)
                        if title_columns >= 2
                            && cell
                                .covered_by(0..cell.text.len(), |m| matches!(m, Mark::Link(_)))
                            && matches!(fields::classify(cell), FieldKind::Venue(_)) =>
                    {
                        fields::classify(cell)
                    }
                    Some(kind) => kind,
                    // Under a column that names no field, beside a title
                    // column, text is neither the title nor names (`| Paper |
                    // Component |` with `MHA & FFN`).
                    None => match fields::classify(cell) {
                        FieldKind::Title | FieldKind::Authors(_) if has_title_column => {
                            FieldKind::Text
                        }
                        kind => kind,
                    },
                };
                // `ICLR 2024 (Spotlight)`, `Human Mutation 20 (3): 162–73` in a
                // venue column: the venue and what is written after it, when the
                // cell reads as one venue and such fields.
                if matches!(kind, FieldKind::Venue(_))
                    && let Some(pieces) = venue_cell_fields(cell)
                {
                    fields.extend(pieces.into_iter().map(|(piece, kind)| (piece, kind, line)));
                    continue;
                }
                // `Title (Kaneko et al.)`, `Title (Zhao and Wang)`: the title
                // and a short citation of its authors.
                if kind == FieldKind::Title
                    && let Some((title, names)) = fields::split_short_citation(cell)
                {
                    let read = authors::short_citation(&names);
                    fields.push((title, FieldKind::Title, line));
                    fields.push((names, FieldKind::Authors(read), line));
                    continue;
                }
                // `**Title** <br> Ying Sheng et al.`, `**Title** [[pdf]](url)` in a
                // Paper column: the title, its authors and its links, when the
                // cell reads as exactly that.
                if kind == FieldKind::Title
                    && (cell.text.contains(", ") || cell.links().next().is_some())
                {
                    let pieces = analyze(cell);
                    let titles = pieces
                        .iter()
                        .filter(|(_, k)| *k == FieldKind::Title)
                        .count();
                    let names = pieces
                        .iter()
                        .filter(|(_, k)| matches!(k, FieldKind::Authors(_)))
                        .count();
                    let links = pieces
                        .iter()
                        .filter(|(_, k)| *k == FieldKind::Links)
                        .count();
                    let others = pieces.len() - titles - names - links;
                    if titles == 1
                        && names + links >= 1
                        && others == 0
                        && pieces.first().is_some_and(|(_, k)| *k == FieldKind::Title)
                    {
                        fields.extend(pieces.into_iter().map(|(piece, kind)| (piece, kind, line)));
                        continue;
                    }
                }
                fields.push((cell.clone(), kind, line));
            }
        } else if group.analyses.len() == group.lines.len() {
            let analyses = std::mem::take(&mut group.analyses);
            for (line, analysis) in group.lines.iter().zip(analyses) {
                fields.extend(
                    analysis
                        .into_iter()
                        .map(|(piece, kind)| (piece, kind, line.number)),
                );
            }
        } else {
            for line in &group.lines {
                fields.extend(
                    analyze(&line.text)
                        .into_iter()
                        .map(|(piece, kind)| (piece, kind, line.number)),
                );
            }
        }
        let mut notes: Vec<(u32, String)> = Vec::new();
        // A title with its author list glued on ("Title Noam Shazeer, Youlong Cheng, ...").
        if !fields
            .iter()
            .any(|(_, k, _)| matches!(k, FieldKind::Authors(_)))
            && let Some(at) = fields.iter().position(|(_, k, _)| *k == FieldKind::Title)
            && let Some((title, authors, note)) = fields::split_glued_title_authors(&fields[at].0)
        {
            let line = fields[at].2;
            fields[at] = (title, FieldKind::Title, line);
            let parsed = authors::scored_parse(&authors).1;
            fields.insert(at + 1, (authors, FieldKind::Authors(parsed), line));
            notes.push((line, note));
        }
        // `Title — Zhao and Wang (AAAI 2020)`: two family names after the
        // title are its authors, as a short citation names them.
        if !fields
            .iter()
            .any(|(_, k, _)| matches!(k, FieldKind::Authors(_)))
            && let Some(first) = fields.iter().position(|(_, k, _)| *k == FieldKind::Title)
            && let Some(at) = fields
                .iter()
                .skip(first + 1)
                .position(|(piece, k, _)| {
                    *k == FieldKind::Title && fields::is_two_name_citation(piece.text.trim())
                })
                .map(|at| at + first + 1)
        {
            let read = authors::short_citation(&fields[at].0);
            fields[at].1 = FieldKind::Authors(read);
        }
        // "JANUS. JANUS: Fast and ...": a short name repeated as the title's start.
        let mut titles = fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.1 == FieldKind::Title)
            .map(|(i, _)| i);
        if let (Some(a), Some(b)) = (titles.next(), titles.next()) {
            let short = fields[a].0.text.trim();
            if b == a + 1
                && fields::words_up_to(short, 3) <= 2
                && fields[b].0.text.trim_start().starts_with(short)
            {
                fields.remove(a);
            }
        }
        // APA's `Title. Journal of Systems Research, 1(1).`: a second title-like
        // piece that names a venue, set in italics or followed by its volume,
        // is the journal (its year was written after the authors).
        if !fields
            .iter()
            .any(|(_, k, _)| matches!(k, FieldKind::Venue(_)))
            && let Some(first) = fields.iter().position(|(_, k, _)| *k == FieldKind::Title)
        {
            let has_names = fields[..first]
                .iter()
                .any(|(_, k, _)| matches!(k, FieldKind::Authors(_)));
            let at = (first + 1..fields.len()).find(|&i| {
                let (piece, kind, _) = &fields[i];
                let next_is_issue = || {
                    fields
                        .get(i + 1)
                        .is_some_and(|(_, k, _)| matches!(k, FieldKind::Issue(_)))
                };
                let next_is_pages = || {
                    fields
                        .get(i + 1)
                        .is_some_and(|(_, k, _)| matches!(k, FieldKind::Pages(_)))
                };
                let italic = || piece.covered_by(0..piece.text.len(), |m| *m == Mark::Emphasis);
                // `ACM Computing Surveys, 56(3), 2024`: what stands before a
                // volume and number is the journal, whatever its words.
                // A journal's name: a few capitalised words, no digits, no address.
                let journal_like = || {
                    let text = piece.text.trim();
                    fields::words_up_to(text, 9) <= 8
                        && !text.contains("://")
                        && !text.bytes().any(|b| b.is_ascii_digit() || b == b'(')
                        && text
                            .split_whitespace()
                            .filter(|w| w.len() > 3)
                            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
                };
                // `..., Title, Computer Methods in Applied Mechanics and
                // Engineering, in press (2019)`: a journal-like piece after
                // the names and the title, with nothing but dates, pages and
                // links after it, is the journal.
                let last_words = || {
                    has_names
                        && fields::words_up_to(piece.text.trim(), 3) >= 3
                        && fields[i + 1..].iter().all(|(_, k, _)| {
                            matches!(
                                k,
                                FieldKind::Year(_)
                                    | FieldKind::Status(_)
                                    | FieldKind::Pages(_)
                                    | FieldKind::Issue(_)
                                    | FieldKind::Links
                            )
                        })
                };
                *kind == FieldKind::Title
                    && (next_is_issue() && (journal_like() || fields::names_a_venue(&piece.text))
                        || fields::names_a_venue(&piece.text) && (next_is_pages() || italic())
                        || journal_like() && last_words()
                        || (next_is_pages() && has_names || last_words())
                            && volume_after_journal(piece).is_some())
            });
            if let Some(at) = at {
                // `Advances in Engineering Software 128:69-85`: the volume
                // before the pages is a field of its own.
                if let Some(split) = volume_after_journal(&fields[at].0) {
                    let piece = fields[at].0.clone();
                    let line = fields[at].2;
                    let volume = piece.text[split..].trim().to_owned();
                    fields[at].0 = piece.slice(0..split);
                    let issue = fields::Issue {
                        volume: Some(volume),
                        ..fields::Issue::default()
                    };
                    fields.insert(
                        at + 1,
                        (
                            piece.slice(split..piece.text.len()),
                            FieldKind::Issue(issue),
                            line,
                        ),
                    );
                }
                let written = collapse_whitespace(fields[at].0.text.trim());
                let known = venue::lookup(&written);
                fields[at].1 = FieldKind::Venue(VenueText {
                    short: known.map(|v| v.short),
                    kind: known
                        .map(|v| v.kind)
                        .or_else(|| fields::kind_named_in(&written)),
                    written,
                    year: None,
                    status: None,
                });
            }
        }

        let mut entry = Entry::default();
        let mut title_parts: Vec<&Styled> = Vec::new();
        // The line of each part of the title.
        let mut title_lines: Vec<u32> = Vec::new();
        let mut title_done = false;
        // Indices of the author fields in `fields`.
        let mut author_fields: Vec<usize> = Vec::new();
        let mut venue: Option<&VenueText> = None;
        // The venue's year (`SOSP'24`) wins over a year written apart, which
        // may date a preprint or a news item (`[2023/12]`, a `Date` column).
        let mut venue_year: Option<i32> = None;
        let mut written_kind: Option<EntryKind> = None;
        let mut year: Option<i32> = None;
        let mut extra_text: Vec<String> = Vec::new();
        let mut title_link: Option<String> = None;
        // `UC Berkeley` on a line after the names: the affiliation they share.
        let mut shared_affiliation: Option<Arc<str>> = None;
        let mut status_written = false;
        // ACM's `Article 12 (August 2024), 28 pages`: the pages once both are read.
        let (mut article, mut page_count) = (None, None);
        for (index, (piece, kind, line)) in fields.iter().enumerate() {
            match kind {
                FieldKind::Title => {
                    if title_parts.is_empty()
                        || (!title_done && author_fields.is_empty() && venue.is_none())
                    {
                        if title_parts.is_empty() {
                            title_link = piece
                                .links()
                                // (`📝 [Title](url)`: an icon before it.)
                                .find(|(r, _)| {
                                    !piece.text[..r.start].chars().any(char::is_alphanumeric)
                                })
                                .filter(|(_, url)| !url.is_empty())
                                .filter(|(r, _)| r.len() * 2 >= piece.text.trim().len())
                                .map(|(_, url)| url.to_owned());
                        }
                        title_parts.push(piece);
                        title_lines.push(*line);
                    } else if venue.is_some()
                        && fields::is_address(piece.text.trim())
                        && !entry.details.extra.contains_key("address")
                    {
                        // ACL's `..., pages 1–10, Toronto, Canada.`: where the
                        // conference was held.
                        entry
                            .details
                            .extra
                            .insert("address".into(), piece.text.trim().to_owned());
                    } else if shared_affiliation.is_none()
                        && author_fields
                            .last()
                            .is_some_and(|&last| fields[last].2 < *line)
                        && fields::names_organization(&piece.text)
                    {
                        shared_affiliation =
                            Some(Arc::from(piece.text.trim().trim_end_matches(['.', ','])));
                    } else if !is_marker_legend(&piece.text)
                        && !repeats_title(&piece.text, &title_parts)
                    {
                        // `(* equal contribution)` after the names says what
                        // their marks mean: read, not lost.
                        extra_text.push(piece.text.trim().to_owned());
                    }
                }
                // Names on a later line than the first names, after the venue
                // (`Open-source libraries: Golang, Python, Rust` under a
                // paper), are no more of its authors.
                FieldKind::Authors(_)
                    if venue.is_some()
                        && author_fields
                            .first()
                            .is_some_and(|&first| fields[first].2 < *line) =>
                {
                    extra_text.push(piece.text.trim().to_owned());
                }
                FieldKind::Authors(_) => {
                    title_done = true;
                    author_fields.push(index);
                }
                FieldKind::Venue(found) => {
                    title_done = !title_parts.is_empty();
                    if venue.is_none()
                        || venue
                            .as_ref()
                            .is_some_and(|v| v.short.is_none() && found.short.is_some())
                    {
                        venue = Some(found);
                    }
                    venue_year = venue_year.or(found.year);
                    // `ICLR 2024 Oral`, `NeurIPS 2023 Spotlight`: how the paper
                    // was presented, kept as a distinction.
                    if let Some(distinction) = fields::presentation_after_venue(&found.written)
                        && !entry.details.awards.iter().any(|a| a == distinction)
                    {
                        entry.details.awards.push(distinction.to_owned());
                    }
                    if let Some(kind) = fields::paper_kind_after_venue(&found.written) {
                        add_note(&mut entry, kind);
                    }
                    if let Some(status) = found.status
                        && !status_written
                    {
                        entry.status = status;
                        status_written = true;
                    }
                }
                FieldKind::Year(y) => year = year.or(Some(*y)),
                FieldKind::Status(status) => {
                    entry.status = *status;
                    status_written = true;
                }
                FieldKind::Award(award) => entry.details.awards.push(award.clone()),
                FieldKind::Note(note) => add_note(&mut entry, note),
                FieldKind::Editors(editors) => {
                    if entry.details.editors.is_empty() {
                        entry.details.editors = editors.people.clone();
                        entry.set_origin("editors", Origin::Input);
                    }
                }
                FieldKind::Links => {}
                FieldKind::Text => extra_text.push(piece.text.trim().to_owned()),
                FieldKind::Kind(kind) => written_kind = Some(*kind),
                FieldKind::Publisher(publisher) => {
                    if entry.details.publisher.is_none() {
                        entry.details.publisher = Some(publisher.clone());
                        entry.set_origin("publisher", Origin::Input);
                    }
                }
                FieldKind::Issue(issue) => {
                    year = year.or(issue.year);
                    article = article.or(issue.article.as_deref());
                    page_count = page_count.or(issue.page_count);
                    let details = &mut *entry.details;
                    for (field, value, slot) in [
                        ("volume", &issue.volume, &mut details.volume),
                        ("number", &issue.number, &mut details.number),
                    ] {
                        if slot.is_none() && value.is_some() {
                            slot.clone_from(value);
                            entry.provenance.set(field, Origin::Input);
                        }
                    }
                    if details.pages.is_none()
                        && let Some(pages) = &issue.pages
                    {
                        details.pages = Some(MaybeTyped::Typed(pages.clone()));
                        entry.provenance.set("pages", Origin::Input);
                    }
                }
                FieldKind::Pages(pages) => {
                    if entry.details.pages.is_none() {
                        entry.details.pages = Some(MaybeTyped::Typed(pages.clone()));
                        entry.set_origin("pages", Origin::Input);
                    }
                }
            }
        }
        // dblp writes an article's pages as `12:1-12:28`, and `12` without a count.
        if entry.details.pages.is_none()
            && let Some(article) = article
        {
            let pages = match page_count {
                Some(count) => format!("{article}:1-{article}:{count}"),
                None => article.to_owned(),
            };
            if let Ok(pages) = pages.parse() {
                entry.details.pages = Some(MaybeTyped::Typed(pages));
                entry.set_origin("pages", Origin::Input);
            }
        }
        // `## Under Review`: the heading's status, unless the entry says its own.
        let year = venue_year.or(year);
        if !status_written && let Some(status) = self.context_status() {
            entry.status = status;
            entry.set_origin("status", Origin::Context);
        }
        if !extra_text.is_empty() {
            let first_line = fields.first().map_or(0, |f| f.2);
            notes.push((
                first_line,
                format!("text not read as a field: {:?}", extra_text.join(" / ")),
            ));
        }

        // Title.
        let joined;
        let title = match title_parts.as_slice() {
            [only] => clean_title(only.text.trim()),
            parts => {
                joined = join_title(parts, &title_lines, &group.lines);
                clean_title(&joined)
            }
        };
        // Counted up to 41: more is too many for a title.
        let title_words = fields::words_up_to(&title, 41);
        // Over 20 words with "I", "we" or "our" is a sentence of a bio, not a
        // title, whatever the section.
        if title.is_empty() || title_words > 40 || (title_words > 20 && is_first_person(&title)) {
            return Err(());
        }
        // Authors: the people are moved out of their fields once the entry is accepted.
        let read_authors = |i: usize| match &fields[i].1 {
            FieldKind::Authors(parsed) => Some(parsed),
            _ => None,
        };
        let mut people_count = 0;
        let mut clearly_authors = true;
        let mut cut_short = false;
        for &i in &author_fields {
            let Some(parsed) = read_authors(i) else {
                continue;
            };
            let line = fields
                .iter()
                .find(|f| f.0 == fields[i].0)
                .map_or(0, |f| f.2);
            notes.extend(parsed.notes.iter().map(|note| (line, note.clone())));
            people_count += parsed.people.len();
            clearly_authors &= parsed.score >= 0.75;
            cut_short |= parsed.cut_short;
        }
        let has_context = self.context_venue().is_some() || self.context_year().is_some();
        let bare = people_count == 0
            && venue.is_none()
            && year.is_none()
            && entry.status == Status::Published;
        // In a publication list a title alone is an entry, if it reads like a
        // title and is not a row of links (a profile's interests, a menu).
        // (`**For IDR**` after a record: two words, no link, nothing else, is
        // a tag, not a paper.)
        let linked = || group.lines.iter().any(|l| l.text.links().next().is_some());
        // `Mastering Atari, Go, Chess and Shogi by ... [[Paper]](arxiv)`: a
        // link to a paper's own address says the text before it is a title,
        // however it is cased.
        let paper_linked = || {
            group
                .lines
                .iter()
                .flat_map(|l| l.text.links())
                .any(|(_, url)| ArxivId::from_url(url).is_some() || Doi::from_url(url).is_some())
        };
        let in_list = !bare
            || (looks_like_title(&title_parts)
                && (title_words >= 3 || linked())
                && !group.lines.iter().all(|l| is_link_row(&l.text)))
            || (title_words >= 3
                && paper_linked()
                && !is_first_person(&title)
                && !looks_like_date(&title));
        let clear = match mode {
            Mode::Publications => true,
            Mode::Unknown => {
                // Outside a publication list only clear entries count: a title that
                // is not a date or first-person prose, with a venue or year, or with
                // an author list that is clearly one.
                let dated = venue.is_some() || year.is_some();
                let clear_authors = people_count >= 2 && clearly_authors;
                // An awesome list's `[OSDI'22] Title [[paper](url)]`: a venue or
                // year and a link make an entry without authors.
                let linked = group
                    .lines
                    .iter()
                    .any(|line| line.text.links().next().is_some());
                // A title linked to a paper's own address (an arXiv or DOI
                // link) names a paper, dated or not.
                let paper_link = title_link.as_deref().is_some_and(|url| {
                    ArxivId::from_url(url).is_some() || Doi::from_url(url).is_some()
                });
                // A row of a table with a title column is a paper, when it is
                // dated or links one.
                let titled_row = matches!(&group.kind, BlockKind::TableRow { header }
                    if column_roles(header).iter().any(|role| is_title_role(role)));
                title_words >= 3
                    && paper_link
                    && !looks_like_date(&title)
                    && !is_first_person(&title)
                    || titled_row
                        && title_words >= 2
                        && !looks_like_date(&title)
                        && (dated || paper_linked())
                    || title_words >= 2
                        && !looks_like_date(&title)
                        && !is_first_person(&title)
                        && (dated && people_count > 0
                            || clear_authors
                            || dated && linked && venue.is_some()
                            || dated && has_context && title.contains(':'))
            }
            Mode::Skip => false,
        };
        if !in_list || mode == Mode::Skip {
            return Err(());
        }
        // The title as the range of the document where it is written as is
        // (most are), else a copy of it.
        let written = self.source.get(raw.clone()).unwrap_or_default();
        entry.title = match find_short(written, &title) {
            Some(at) => {
                let start = raw.start + at;
                Excerpt::of(self.source, start..start + title.len())
            }
            None => Excerpt::from(title.as_ref()),
        };
        entry.set_origin("title", Origin::Input);
        if people_count > 0 {
            entry.set_origin("authors", Origin::Input);
            if cut_short {
                entry.details.authors_truncated = true;
            }
        }

        // Venue and year: the entry's own, else the headings'.
        let context_venue = self.context_venue();
        let context_year = self.context_year();
        let (venue, venue_origin) = match (venue, context_venue) {
            (Some(v), _) => (Some(v), Origin::Input),
            (None, Some(v)) => (Some(v), Origin::Context),
            (None, None) => (None, Origin::Input),
        };
        let (year, year_origin) = match (year, context_year) {
            (Some(y), _) => (Some(y), Origin::Input),
            (None, Some(y)) => (Some(y), Origin::Context),
            (None, None) => (None, Origin::Input),
        };
        if let (Some(own), Some(heading)) =
            (year.filter(|_| year_origin == Origin::Input), context_year)
            && own != heading
        {
            notes.push((
                group.lines[0].number,
                format!("year {own} differs from the heading's {heading}"),
            ));
        }
        if let Some(v) = &venue {
            entry.venue = Some(v.short.map_or_else(|| v.written.clone(), str::to_owned))
                .filter(|s| !s.is_empty());
            if entry.venue.is_some() {
                entry.set_origin("venue", venue_origin);
            }
        }
        if let Some(y) = year {
            entry.year = Some(y);
            entry.set_origin("year", year_origin);
        }
        let venue_kind = venue.as_ref().and_then(|v| v.kind);
        entry.kind = kind_of_venue(venue_kind, venue.is_some());
        // `IEEE Access 6 (2018): 64270-64277`: a venue of unknown kind with a
        // volume and no meeting in its name is a journal.
        if venue_kind.is_none()
            && entry.kind == EntryKind::Inproceedings
            && entry.details.volume.is_some()
            && venue
                .as_ref()
                .is_some_and(|v| !fields::names_a_venue(&v.written))
        {
            entry.kind = EntryKind::Article;
        }
        // `(Carnegie Mellon University 2017)`: a university alone is where a
        // thesis appeared, never a conference.
        if venue_kind.is_none()
            && venue.as_ref().is_some_and(|v| {
                fields::is_institution(v.written.trim_end_matches(|c: char| {
                    c.is_ascii_digit() || c.is_whitespace() || c == ','
                }))
            })
        {
            entry.kind = EntryKind::Thesis;
        }
        // An edited book that is no known venue nor named as proceedings:
        // a chapter of it.
        if !entry.details.editors.is_empty()
            && venue_kind.is_none()
            && venue
                .as_ref()
                .is_some_and(|v| !fields::names_a_venue(&v.written))
        {
            entry.kind = EntryKind::Chapter;
        }
        if let Some(kind) = written_kind {
            entry.kind = kind;
        }
        // `[D]. Pittsburgh: Carnegie Mellon University, 2017`.
        entry.publisher_as_school();
        if venue_kind == Some(VenueKind::Preprint) {
            // Zotero files arXiv papers as `journalArticle` in `arXiv preprint`.
            entry.kind = EntryKind::Preprint;
            if entry.status == Status::Published {
                entry.status = Status::Preprint;
            }
        }

        // Links and identifiers.
        let author_ranges: Vec<&Styled> = author_fields.iter().map(|&i| &fields[i].0).collect();
        for line in &group.lines {
            collect_links(
                &line.text,
                &author_ranges,
                title_link.as_deref(),
                &mut entry,
            );
        }
        for cell in &group.cells {
            collect_links(cell, &author_ranges, title_link.as_deref(), &mut entry);
        }
        if let Some(url) = title_link {
            set_identifiers_from_url(&url, &mut entry);
            if entry.url.is_none() && !url.ends_with('#') {
                entry.url = Some(url);
            }
        }
        // A spreadsheet's `URL` column is the paper's address.
        if let BlockKind::TableRow { header } = &group.kind
            && entry.url.is_none()
            && let Some(url) = header
                .iter()
                .zip(&group.cells)
                .filter(|(name, _)| matches!(fold(name).as_str(), "url" | "link" | "paper url"))
                .find_map(|(_, cell)| fields::bare_url(&cell.text))
        {
            // `https://dl.acm.org/doi/abs/10.1145/...`: the address names the DOI.
            set_identifiers_from_url(url, &mut entry);
            entry.url = Some(url.to_owned());
        }
        // `Title [[paper]](url)`: the paper's own address, when the title has none.
        if entry.url.is_none()
            && let Some(link) = entry
                .links
                .iter()
                .find(|l| l.kind == LinkKind::Paper && !l.url.ends_with('#'))
        {
            entry.url = Some(link.url.clone());
        }
        for (piece, kind, _) in &fields {
            identifiers_in_text(&piece.text, &mut entry);
            // An address written out in the text is a link too.
            if *kind == FieldKind::Links
                && let Some(url) = fields::written_address(&piece.text)
            {
                let link = Link {
                    kind: link_kind("", url),
                    url: url.to_owned(),
                    label: None,
                };
                // APA's `Retrieved from https://...`: where the work is.
                let labelled = fields::bare_url(&piece.text).is_none();
                if labelled && entry.url.is_none() && link.kind != LinkKind::Doi {
                    entry.url = Some(link.url.clone());
                }
                if !entry.links.iter().any(|l| l.url == link.url) {
                    entry.links.push(link);
                }
            }
        }
        // `Cowen, C. C. 1995. *Composition Operators*. CRC Press.`: a work
        // with a publisher, appeared nowhere (not even on arXiv) and without
        // pages, is a book.
        if entry.kind == EntryKind::Misc
            && written_kind.is_none()
            && entry.venue.is_none()
            && entry.arxiv.is_none()
            && entry.details.publisher.is_some()
            && entry.details.pages.is_none()
            && entry.details.volume.is_none()
        {
            entry.kind = EntryKind::Book;
        }
        // `doi.org/X` and `dx.doi.org/X` (a page's link list and its BibTeX):
        // one DOI, one link.
        let mut dois: Vec<Doi> = Vec::new();
        entry.links.retain(|link| {
            if link.kind != LinkKind::Doi {
                return true;
            }
            match Doi::from_url(&link.url) {
                Some(doi) if dois.contains(&doi) => false,
                Some(doi) => {
                    dois.push(doi);
                    true
                }
                None => true,
            }
        });
        // A paper known only by its arXiv address appeared on arXiv (as the
        // BibTeX, CSL-JSON and RIS readers say of an eprint with no venue).
        if matches!(entry.kind, EntryKind::Misc | EntryKind::Preprint)
            && entry.arxiv.is_some()
            && entry.venue.is_none()
        {
            entry.kind = EntryKind::Preprint;
            entry.venue = Some("arXiv".to_owned());
            entry.set_origin("venue", Origin::Derived);
            if entry.status == Status::Published {
                entry.status = Status::Preprint;
            }
            // Its identifier dates it.
            if entry.year.is_none()
                && let Some(id) = entry.arxiv()
            {
                entry.year = Some(id.year());
                entry.set_origin("year", Origin::Derived);
            }
        }

        // Last, the people move out of their fields into the entry.
        let mut people = Vec::with_capacity(people_count);
        let mut marks = Vec::new();
        for &i in &author_fields {
            if let FieldKind::Authors(parsed) = &mut fields[i].1 {
                // Marks stay beside their people (a list read otherwise has none).
                parsed.marks.resize(parsed.people.len(), String::new());
                marks.append(&mut parsed.marks);
                people.append(&mut parsed.people);
            }
        }
        if let Some(affiliation) = shared_affiliation {
            for person in people.iter_mut().filter(|p| p.affiliation.is_none()) {
                person.affiliation = Some(Arc::clone(&affiliation));
            }
        }
        entry.authors = people;
        if marks.iter().all(String::is_empty) {
            marks.clear();
        }
        Ok((entry, notes, clear, marks))
    }
}

/// `Advances in Engineering Software 128`: a journal's name (a few
/// capitalised words, no digits) and a volume of one to four digits that is
/// no year. Gives where the volume starts.
fn volume_after_journal(piece: &Styled) -> Option<usize> {
    let text = piece.text.trim_end();
    let (name, volume) = text.rsplit_once(' ')?;
    let is_volume = (1..=4).contains(&volume.len())
        && volume.bytes().all(|b| b.is_ascii_digit())
        && !(volume.len() == 4 && year_in(volume).is_some());
    let journal = fields::words_up_to(name, 9) <= 8
        && fields::words_up_to(name, 2) >= 2
        && !name
            .bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b'(' | b':' | b'"'))
        && name
            .split_whitespace()
            .filter(|w| w.len() > 3)
            .all(|w| w.starts_with(char::is_uppercase));
    (is_volume && journal).then_some(name.len() + 1)
}

/// Whether a lone title reads like one: a `Name: subtitle` title, Title Case,
/// or set apart by bold or a link. A sentence under a list does not.
fn looks_like_title(parts: &[&Styled]) -> bool {
    if parts.is_empty() {
        return false;
    }
    let text = parts
        .iter()
        .map(|p| p.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    // A bold or linked title, all of it: in `[FlexGen](url) - Running large
    // models on one GPU` only the name is linked, and the rest is a sentence.
    if parts.iter().all(|part| {
        part.covered_by(0..part.text.len(), |m| {
            matches!(m, Mark::Strong | Mark::Link(_))
        })
    }) {
        return true;
    }
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "by", "with", "via",
        "from", "into", "as", "is", "are", "vs",
    ];
    // `is one collapsible record: ...`: the rest of a sentence, wrapped.
    if text
        .split_whitespace()
        .next()
        .is_some_and(|w| SMALL.contains(&w))
    {
        return false;
    }
    // `Name: subtitle` (`ColabFold: making protein folding accessible to
    // all`), not a remark (`Note: these tools all ...`, `Tip: see ...`).
    let remark = text.split_once(": ").is_some_and(|(_, after)| {
        let first = after.split_whitespace().next().unwrap_or_default();
        [
            "these", "this", "those", "it", "they", "we", "see", "please", "just", "all",
        ]
        .contains(&first)
    });
    if text.contains(": ") && !remark && !is_first_person(&text) {
        return true;
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    !words.is_empty() && capitalised * 10 >= words.len() * 7 && !text.contains(", ")
}

/// What a page says of itself at its end: `Last updated: Jan 2024`,
/// `© 2024 Jane Doe`, `Powered by Jekyll`, `Website template from Jon Barron`.
fn is_page_furniture(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "last updated",
        "last modified",
        "last update",
        "updated on",
        "page updated",
        "copyright",
        "©",
        "(c) ",
        "powered by",
        "built with",
        "this page was",
        "this file was",
        "this document was",
        "page generated",
        "site generated",
        "generated by",
        "generated with",
        "made with",
        // The credit homepages give the template they are built on
        // (`Website template from Jon Barron`).
        "website template",
        "site template",
        "template from",
        "template by",
        "template borrowed",
        "template adapted",
        "theme by",
        "theme from",
        "design from",
        "design by",
        "designed by",
        "design and source",
        "source code from",
        "borrowed from",
        "stolen from",
        "feel free to steal",
    ];
    let text = text.trim_start();
    if text.len() > 200 {
        return false;
    }
    // A plugin's count of what it lists: `4 entries`, `12 results`.
    if let Some((count, noun)) = text.trim_end().split_once(' ')
        && count.bytes().all(|b| b.is_ascii_digit())
        && matches!(
            noun,
            "entries" | "entry" | "results" | "result" | "publications" | "items"
        )
    {
        return true;
    }
    let head: String = text.chars().take(24).collect::<String>().to_lowercase();
    OPENINGS.iter().any(|opening| head.starts_with(opening))
}

/// What a block that is no entry of the page is, when every line of it is
/// the page's own notice or (in a paragraph) a template tag: the diagnostic's
/// code and words.
fn page_notice(block: &Block) -> Option<(&'static str, &'static str)> {
    let all = |test: fn(&str) -> bool| {
        !block.lines.is_empty() && block.lines.iter().all(|l| test(&l.text.text))
    };
    if block.kind == BlockKind::Paragraph && all(is_template_tag) {
        Some(("template-tag", "a template tag"))
    } else if all(is_page_furniture) {
        Some(("page-furniture", "the page's own notice"))
    } else {
        None
    }
}

/// A Liquid, Jinja or Hugo tag alone on its line: `{% endcomment %}`,
/// `{{ content }}`, `{{< figure >}}`.
fn is_template_tag(text: &str) -> bool {
    let text = text.trim();
    (text.starts_with("{%") && text.ends_with("%}"))
        || (text.starts_with("{{") && text.ends_with("}}"))
}

/// `(* equal contribution)`, `† corresponding author`, `^ student author`:
/// what the marks after names mean, said once for a list.
/// What a mark after a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkMeaning {
    EqualContribution,
    Corresponding,
    /// Anything else a legend says (`student author`, `alphabetical order`).
    Other,
}

/// The marks a legend explains: `* equal contribution, † corresponding
/// author`, `(†: student author)`, `# co-first authors`.
fn legend_of(text: &str) -> Vec<(char, MarkMeaning)> {
    let mut legend = Vec::new();
    let mut found: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| authors::MARKERS.contains(c))
        .collect();
    found.dedup_by_key(|(_, c)| *c);
    for (n, &(at, mark)) in found.iter().enumerate() {
        let end = found.get(n + 1).map_or(text.len(), |(next, _)| *next);
        let meaning = text[at + mark.len_utf8()..end].to_lowercase();
        let meaning = if ["equal", "co-first", "joint first", "first author"]
            .iter()
            .any(|m| meaning.contains(m))
        {
            MarkMeaning::EqualContribution
        } else if meaning.contains("corresponding") {
            MarkMeaning::Corresponding
        } else if meaning.chars().any(char::is_alphabetic) {
            MarkMeaning::Other
        } else {
            continue;
        };
        legend.push((mark, meaning));
    }
    legend
}

/// Sets what a person's marks mean by the legend; marks it does not explain
/// keep their usual reading (`*` and `†` equal contribution, `✉` corresponding).
fn apply_legend(person: &mut paperlist_model::Person, marks: &str, legend: &[(char, MarkMeaning)]) {
    if marks.is_empty() {
        return;
    }
    let (mut equal, mut corresponding) = (false, false);
    for mark in marks.chars() {
        match legend
            .iter()
            .find(|(m, _)| *m == mark)
            .map(|(_, meaning)| *meaning)
        {
            Some(MarkMeaning::EqualContribution) => equal = true,
            Some(MarkMeaning::Corresponding) => corresponding = true,
            Some(MarkMeaning::Other) => {}
            None if mark == '\u{2709}' => corresponding = true,
            None => equal |= matches!(mark, '*' | '\u{2217}' | '\u{2020}'),
        }
    }
    person.equal_contribution = equal;
    person.corresponding = corresponding;
}

fn is_marker_legend(text: &str) -> bool {
    const MEANINGS: &[&str] = &[
        "equal contribution",
        "equally contributed",
        "contributed equally",
        "corresponding author",
        "co-first author",
        "joint first author",
        "student author",
        "mentored student",
        "advised student",
        "alphabetical order",
    ];
    if fields::words_up_to(text, 13) > 12 {
        return false;
    }
    let lower = text.to_lowercase();
    MEANINGS.iter().any(|meaning| lower.contains(meaning))
}

/// `[3.1 Eviction / Selection](#31-eviction--selection)`, `[← Back to
/// README](../README.md)`: a line that is only a link to a place in the page
/// or back to the list's README (a table of contents, a way back).
fn is_navigation(text: &Styled) -> bool {
    let plain = &text.text;
    let mut links = text.links().peekable();
    if links.peek().is_none() {
        return false;
    }
    let mut covered = 0;
    for (range, url) in links {
        let url = url.trim();
        // (A link to a note of its own, `notes/attention.md`, may be a paper's.)
        let within = url.starts_with('#')
            || (!url.contains("://") && url.to_ascii_lowercase().contains("readme"));
        if !within && !is_profile_page(url) {
            return false;
        }
        covered += range.len();
    }
    // Nothing else but list marks and arrows beside the links.
    let other = plain.len() - covered.min(plain.len());
    other <= 4 && plain.chars().any(char::is_alphabetic)
}

/// A person's page on a scholarly or social site (`Google Scholar` beside a
/// publication list's heading): where to find the author, no paper.
fn is_profile_page(url: &str) -> bool {
    const PROFILES: &[&str] = &[
        "scholar.google.com/citations",
        "dblp.org/pid/",
        "dblp.org/pers/",
        "orcid.org/",
        "semanticscholar.org/author/",
        "researchgate.net/profile/",
        "linkedin.com/in/",
        "openreview.net/profile",
    ];
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .split_once("://")
        .map_or(lower.as_str(), |(_, rest)| rest);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    PROFILES.iter().any(|profile| rest.starts_with(profile))
}

/// `[Cloud Computing](url) [Networking](url)`: two links or more and nothing
/// else but separators.
fn is_link_row(text: &Styled) -> bool {
    text.only_links().is_some_and(|labels| labels.len() >= 2)
}

/// `Mar 26, 2025`, `Oct 11th,2022`, `2024-03-26`: a date, not a title.
fn looks_like_date(text: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = text.trim().to_lowercase();
    let starts_with_month = MONTHS.iter().any(|m| lower.starts_with(m))
        && lower
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
    let iso = lower.len() >= 8
        && lower.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && lower.as_bytes().get(4) == Some(&b'-');
    starts_with_month || iso
}

/// Prose about oneself ("I was invited to...", "We won..."), not a paper title.
fn is_first_person(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| {
            matches!(
                w,
                "I" | "my" | "My" | "me" | "I'm" | "we" | "our" | "Our" | "us"
            )
        })
}

/// Words a line wrapped in the middle of a sentence ends with.
const JOINING_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "via",
    "with", "towards", "using", "through",
];

/// Whether the break after `line` falls inside a sentence: after a
/// hyphenated word part (`Learn-` / `ing`), or before or after a word such
/// as `for`, `and`, `of`, `with`. (Not after a comma: `Title,` / `Authors`
/// puts one field per line.)
fn breaks_mid_sentence(line: &str, next: &str) -> bool {
    let line = line.trim_end();
    if let Some(head) = line.strip_suffix('-')
        && head.ends_with(|c: char| c.is_alphabetic())
        && next.trim_start().starts_with(|c: char| c.is_lowercase())
    {
        return true;
    }
    let last = line.rsplit(' ').next().unwrap_or_default();
    let first = next.split_whitespace().next().unwrap_or_default();
    JOINING_WORDS.contains(&last) || JOINING_WORDS.contains(&first) || breaks_in_names(line, next)
}

/// `..., A. Ghodsi, J. Gonzalez,` / `S. Shenker, and I. Stoica. Title`: an
/// author list wrapped after a comma: the line is a list of two names or
/// more, and the next line goes on with names.
fn breaks_in_names(line: &str, next: &str) -> bool {
    let Some(list) = line.strip_suffix(',') else {
        return false;
    };
    let names_before = list
        .rsplit(", ")
        .take(2)
        .filter(|name| is_short_name(name))
        .count();
    let next = next.trim_start();
    let next = next.strip_prefix("and ").unwrap_or(next);
    let first = next
        .split_once([',', '.'])
        .filter(|(_, rest)| !rest.is_empty())
        .map(|(head, _)| head);
    // (`S. Shenker` splits at the initial's period: the name is its head and
    // what follows up to the comma.)
    let first = match first {
        Some(head) if head.len() == 1 => next.split_once(',').map(|(name, _)| name),
        other => other,
    };
    names_before == 2 && first.is_some_and(is_short_name)
}

/// `J. Gonzalez`, `Joseph E. Gonzalez`, `M. I. Jordan`: a name of two to
/// four words, each capitalised, at least one more than an initial.
fn is_short_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && words
            .iter()
            .any(|w| w.chars().count() > 2 && !w.ends_with('.'))
        && words
            .last()
            .is_some_and(|w| !w.ends_with('.') && w.chars().count() > 1)
}

/// `[C5]`, `[12]`, `(3)`, `12.`: a numbered entry's label at the start of a
/// line (not a year: `2018. Title` is ACM's year after the authors).
fn starts_with_label(text: &str) -> bool {
    let text = text.trim_start();
    // reStructuredText's auto-numbered item; a bullet that is no Markdown
    // (`• `, as a PDF's text has it).
    if text.starts_with("#. ")
        || [
            '\u{2022}', '\u{25e6}', '\u{25aa}', '\u{25cf}', '\u{25a0}', '\u{2023}', '\u{27a2}',
        ]
        .iter()
        .any(|bullet| {
            text.strip_prefix(*bullet)
                .is_some_and(|rest| rest.starts_with(' '))
        })
    {
        return true;
    }
    let label = |inner: &str| {
        let digits = inner.trim_start_matches(|c: char| c.is_ascii_uppercase());
        inner.len() - digits.len() <= 3
            && (1..=3).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
    };
    // BibTeX's alpha style: `[DG08]`, `[HZRS16]`, `[VSP+17]`, `[Lam98a]`.
    let alpha = |inner: &str| {
        let year = inner.trim_end_matches(|c: char| c.is_ascii_lowercase());
        let letters = year.trim_end_matches(|c: char| c.is_ascii_digit());
        let letters = letters.strip_suffix('+').unwrap_or(letters);
        year.len() - letters.len() >= 2
            && year.len() - year.trim_end_matches(|c: char| c.is_ascii_digit()).len() == 2
            && (1..=8).contains(&letters.len())
            && letters.starts_with(|c: char| c.is_ascii_uppercase())
            && letters.chars().all(|c| c.is_ascii_alphabetic())
    };
    if let Some(rest) = text.strip_prefix('[') {
        return rest
            .split_once(']')
            .is_some_and(|(inner, _)| label(inner) || alpha(inner));
    }
    if let Some(rest) = text.strip_prefix('(') {
        return rest.split_once(')').is_some_and(|(inner, _)| label(inner));
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits)
        && text[digits..].starts_with(['.', ')'])
        && text[digits + 1..].starts_with(' ')
}

/// A block whose lines are wrapped text rather than one field per line: its
/// entries (a new one at each numbered label), each with its lines joined
/// into one (`Learn-` / `ing` mended into `Learning`). `None` for a block
/// with no break inside a sentence.
fn unwrap_entries(lines: &[Line]) -> Option<Vec<(Vec<Line>, Styled)>> {
    if lines.len() < 2
        || !lines
            .windows(2)
            .any(|pair| breaks_mid_sentence(&pair[0].text.text, &pair[1].text.text))
    {
        return None;
    }
    let mut entries: Vec<(Vec<Line>, Styled)> = Vec::new();
    for line in lines {
        let starts_entry = entries.is_empty() || starts_with_label(&line.text.text);
        if starts_entry {
            entries.push((vec![line.clone()], line.text.clone()));
            continue;
        }
        let Some((entry_lines, joined)) = entries.last_mut() else {
            continue;
        };
        let next = line.text.text.trim_start();
        let hyphenated = joined
            .text
            .trim_end()
            .strip_suffix('-')
            .is_some_and(|head| {
                let word = head.rsplit(' ').next().unwrap_or_default();
                word.ends_with(|c: char| c.is_alphabetic()) && !word.contains('-')
            })
            && next.starts_with(|c: char| c.is_lowercase());
        let end = joined.text.trim_end().len();
        if hyphenated {
            // `Learn-` + `ing`: the hyphen only broke the word.
            joined.truncate(end - 1);
        } else if ends_field_before(&joined.text, entry_lines, line) {
            joined.truncate(end);
            joined.push_str(". ");
        } else {
            joined.truncate(end);
            joined.push_str(" ");
        }
        joined.push(&line.text.trim());
        entry_lines.push(line.clone());
    }
    Some(entries)
}

/// The title written again (a theme's heading, then its recommended
/// citation quoting it): nothing more to keep.
fn repeats_title(text: &str, title_parts: &[&Styled]) -> bool {
    let [title] = title_parts else {
        return false;
    };
    let again = clean_title(text);
    !again.is_empty() && again.eq_ignore_ascii_case(&clean_title(&title.text))
}

/// `Serving with` / `PagedAttention` / `Woosuk Kwon, Ion Stoica` / `SOSP
/// 2023`: in a block wrapped in one place and one field per line in others,
/// a line that is an author list or a venue by itself, after a line with no
/// closing punctuation and no break inside a sentence, starts a field.
fn ends_field_before(joined: &str, entry_lines: &[Line], line: &Line) -> bool {
    let previous = entry_lines.last().map_or("", |l| l.text.text.as_str());
    // (Not inside a quoted title: `“AlpaServe: Statistical` / `Multiplexing ...”`.)
    let open_quote = joined.matches('\u{201c}').count() > joined.matches('\u{201d}').count()
        || joined.matches('"').count() % 2 == 1;
    if joined.trim_end().ends_with(['.', ',', ';', ':', '-'])
        || open_quote
        || breaks_mid_sentence(previous, &line.text.text)
    {
        return false;
    }
    match analyze(&line.text.trim()).as_slice() {
        [(_, FieldKind::Authors(read))] => read.people.len() >= 2,
        // A venue line is short (`SOSP 2023`) or says it is one (`In
        // Proceedings of the 14th USENIX Symposium on ...`).
        [(piece, FieldKind::Venue(_))] => {
            let text = line.text.text.trim_start();
            fields::words_up_to(&piece.text, 9) <= 8
                || ["In ", "Proc. ", "Proceedings "]
                    .iter()
                    .any(|p| text.starts_with(p))
        }
        _ => false,
    }
}

/// What a whole line of a paragraph holds, for grouping lines into entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// Starts with a title and has nothing else.
    Title,
    /// A title and authors on one line.
    Complete,
    /// An author list.
    Authors,
    /// A venue, award, links...
    Other,
}

/// A line cut into fields, each classified: computed once per line.
type Analysis = Vec<(Styled, FieldKind)>;

fn analyze(text: &Styled) -> Analysis {
    let mut analysis: Analysis = fields::split_line(text)
        .into_iter()
        .map(|piece| {
            let kind = fields::classify(&piece);
            (piece, kind)
        })
        .collect();
    // Vancouver's `Title. Nat Med. 2020;26(3):360-3`: what stands right
    // before the date, after the title, is the journal (`Nat Med` is no
    // name, `Bioinformatics` no part of the title).
    if text.text.contains(';')
        && fields::VANCOUVER_DATE.is_match(&text.text)
        && let Some(year) = analysis
            .iter()
            .position(|(_, kind)| matches!(kind, FieldKind::Year(_)))
        && year >= 2
        && analysis[..year - 1]
            .iter()
            .any(|(_, kind)| *kind == FieldKind::Title)
        && matches!(
            analysis[year - 1].1,
            FieldKind::Title | FieldKind::Authors(_)
        )
    {
        let mut journal = fields::container_venue(analysis[year - 1].0.text.trim());
        journal.kind = journal.kind.or(Some(VenueKind::Journal));
        analysis[year - 1].1 = FieldKind::Venue(journal);
    }
    // `In *ReScience C*`: what a reference is in, set in italics, is the
    // container whatever its words (not names, not a title).
    for (piece, kind) in &mut analysis {
        if matches!(kind, FieldKind::Authors(_) | FieldKind::Title)
            && let Some(rest) = piece.text.trim_start().strip_prefix("In ")
        {
            let start = piece.text.len() - rest.len();
            let end = piece.text.trim_end().trim_end_matches(['.', ',']).len();
            // (`*In Search of ...*`: a title in italics starting with `In`.)
            let in_word = start - "In ".len()..start - 1;
            if start < end
                && piece.covered_by(start..end, |m| *m == Mark::Emphasis)
                && !piece.covered_by(in_word, |m| *m == Mark::Emphasis)
            {
                *kind = FieldKind::Venue(fields::container_venue(&piece.text[start..end]));
            }
        }
    }
    // A course's `Required:` before the paper says nothing of where its fields
    // are: read after them.
    let notes = analysis
        .iter()
        .take_while(|(_, kind)| matches!(kind, FieldKind::Note(_)))
        .count();
    analysis.rotate_left(notes);
    // Chicago and MLA put a single author first, family name first, before a
    // quoted title: `Lamport, Leslie. "The Part-Time Parliament." ...`, and
    // Chicago's author-date style the year between: `Lamport, Leslie. 1998. "..."`.
    let quoted = |piece: &Styled| piece.text.trim_start().starts_with(['"', '\u{201c}']);
    if let [(first, first_kind), (second, second_kind), rest @ ..] = analysis.as_mut_slice()
        && *first_kind == FieldKind::Title
        && match second_kind {
            FieldKind::Title => quoted(second),
            FieldKind::Year(_) => {
                matches!(rest.first(), Some((third, FieldKind::Title)) if quoted(third))
            }
            _ => false,
        }
        && let Some(authors) = authors::lone_inverted_name(first)
    {
        *first_kind = FieldKind::Authors(authors);
    }
    // A course's `Fischer, Lynch, Paterson. *Impossibility of ...*`,
    // `Ongaro & Ousterhout, [In Search of ...](url)`, `Ghemawat, Gobioff,
    // Leung — The Google File System`: family names alone before the title,
    // when the title is set apart (marked, or after a dash) or three names
    // make a list no title is; and no other names are on the line.
    let no_names = !analysis
        .iter()
        .any(|(_, kind)| matches!(kind, FieldKind::Authors(_)));
    if no_names
        && let [(first, first_kind), (second, FieldKind::Title), ..] = analysis.as_mut_slice()
        && *first_kind == FieldKind::Title
        && let Some(names) = authors::family_names(first, 2)
    {
        let marked = second.covered_by(0..second.text.len(), |m| {
            matches!(m, Mark::Emphasis | Mark::Strong | Mark::Link(_))
        }) || quoted(second);
        let names_end = first.text.trim_end().trim_end_matches(['.', ',']);
        let dashed = text
            .text
            .find(names_end)
            .map(|at| text.text[at + names_end.len()..].trim_start())
            .is_some_and(|after| after.starts_with(['—', '–', '-']));
        if marked || dashed || names.people.len() >= 3 {
            *first_kind = FieldKind::Authors(names);
        }
    }
    // `[Paxos Made Simple](url) — Lamport, 2001`: one family name (not a
    // link: a tag) after a title set apart, before its year or venue.
    if no_names
        && let Some(at) = analysis
            .iter()
            .position(|(_, kind)| *kind == FieldKind::Title)
        && (analysis[at]
            .0
            .covered_by(0..analysis[at].0.text.len(), |m| {
                matches!(m, Mark::Emphasis | Mark::Strong | Mark::Link(_))
            })
            || quoted(&analysis[at].0))
        && analysis.get(at + 1).is_some_and(|(piece, kind)| {
            *kind == FieldKind::Title && piece.links().next().is_none()
        })
        && analysis
            .get(at + 2)
            .is_some_and(|(_, kind)| matches!(kind, FieldKind::Year(_) | FieldKind::Venue(_)))
        && let Some(names) = authors::family_names(&analysis[at + 1].0, 1)
    {
        analysis[at + 1].1 = FieldKind::Authors(names);
    }
    // `Junqueira, Reed, and Serafini`: read as `Family, Given` pairs it
    // leaves a lone word (`Serafini`) no such list has; it is family names.
    for (piece, kind) in &mut analysis {
        if let FieldKind::Authors(read) = kind
            && read
                .people
                .iter()
                .any(|p| p.given().is_none() && !p.name().contains(' '))
            && read.people.iter().any(|p| p.name().contains(' '))
            && let Some(names) = authors::family_names(piece, 2)
            && names.people.len() > read.people.len()
        {
            *kind = FieldKind::Authors(names);
        }
    }
    // `[Über die Modellierung von Systemen & Netzen](url) — A and B`: a
    // linked first piece that reads as names, before the names, is the title.
    let authors_count = analysis
        .iter()
        .filter(|(_, kind)| matches!(kind, FieldKind::Authors(_)))
        .count();
    // (Not when the later "names" are one set in italics, as a title is:
    // `[Ken Thompson](...) (1982). *Computer Chess Strength*.`.)
    let italic = |piece: &Styled| piece.covered_by(0..piece.text.len(), |m| *m == Mark::Emphasis);
    let later_names = analysis.iter().skip(1).any(|(piece, kind)| {
        matches!(kind, FieldKind::Authors(read) if read.people.len() > 1 || !italic(piece))
    });
    if authors_count >= 2
        && later_names
        && let Some((first, kind)) = analysis.first_mut()
        && matches!(kind, FieldKind::Authors(_))
        && first.links().count() == 1
        && first.covered_by(0..first.text.len(), |m| matches!(m, Mark::Link(_)))
    {
        *kind = FieldKind::Title;
    }
    // `Learned Indexes, Revisited — J. Doe and A. Lima`, `Ana Lima, Jane Doe.
    // Learned Indexes, Revisited.`: with no title on the line, a reading of one
    // "name" whose "affiliation" is no organisation (one or two words, not
    // `Google` or `MIT`) beside another list of names is the title.
    if authors_count >= 2 && !analysis.iter().any(|(_, kind)| *kind == FieldKind::Title) {
        let title_like = |piece: &Styled, kind: &FieldKind| {
            matches!(kind, FieldKind::Authors(read)
            if read.people.len() == 1
                && !piece.text.contains('(')
                && read.people[0].affiliation.as_deref().is_some_and(|affiliation| {
                    fields::words_up_to(affiliation, 3) <= 2
                        && affiliation.chars().any(char::is_lowercase)
                        && !paperlist_model::looks_like_organization(affiliation)
                }))
        };
        if let Some(at) = analysis
            .iter()
            .position(|(piece, kind)| title_like(piece, kind))
        {
            analysis[at].1 = FieldKind::Title;
        }
    }
    // APA's `In A. Smith & B. Jones (Eds.), Handbook of Data Systems`: the
    // editors' book, in whatever words.
    if let Some(at) = analysis
        .iter()
        .position(|(_, kind)| matches!(kind, FieldKind::Editors(_)))
        && let Some((piece, kind)) = analysis.get_mut(at + 1)
        && *kind == FieldKind::Title
    {
        *kind = FieldKind::Venue(fields::container_venue(&piece.text));
    }
    // GB/T 7714's `Title[J]. 计算机学报, 2023, 46(2)`: after the type code that
    // ends the title comes the container, in whatever words.
    if let Some(at) = analysis
        .iter()
        .position(|(_, kind)| matches!(kind, FieldKind::Kind(_)))
        && at > 0
        && analysis[at - 1].1 == FieldKind::Title
        && let Some((piece, kind)) = analysis.get_mut(at + 1)
        && *kind == FieldKind::Title
    {
        *kind = FieldKind::Venue(fields::container_venue(&piece.text));
    }
    // `Ken Thompson (1982). *Computer Chess Strength*. Advances in ...`: with
    // the names first and no title before it, a later lone "name" in italics
    // is the title.
    if authors_count >= 2
        && matches!(analysis.first(), Some((_, FieldKind::Authors(_))))
        && let Some(at) = analysis.iter().position(|(piece, kind)| {
            matches!(kind, FieldKind::Authors(read) if read.people.len() == 1) && italic(piece)
        })
        && at > 0
        && !analysis[..at]
            .iter()
            .any(|(_, kind)| *kind == FieldKind::Title)
    {
        analysis[at].1 = FieldKind::Title;
    }
    // `Computer Chess Strength — Ken Thompson (...)`: two lone "names" one
    // after the other, and no title: the first is the title (the names come
    // first in ACM's style, with the year between them and the title).
    let lone_name = |kind: &FieldKind| matches!(kind, FieldKind::Authors(read) if read.people.len() == 1 && !read.cut_short);
    if authors_count == 2
        && !analysis.iter().any(|(_, kind)| *kind == FieldKind::Title)
        && let [(_, first), (_, second), ..] = analysis.as_mut_slice()
        && lone_name(first)
        && lone_name(second)
    {
        *first = FieldKind::Title;
    }
    // ACM's `Jane Doe and Ana Lima. 2024. Learned Caches. ACM Trans. Storage
    // ...`: with the names first and no title, a later lone "name" with a venue
    // after it is a short title.
    if authors_count >= 2
        && matches!(analysis.first(), Some((_, FieldKind::Authors(_))))
        && !analysis.iter().any(|(_, kind)| *kind == FieldKind::Title)
        && let Some(at) = analysis.iter().skip(1).position(|(_, kind)| {
            matches!(kind, FieldKind::Authors(read)
                if read.people.len() == 1 && !read.cut_short && read.people[0].affiliation.is_none())
        })
        && analysis[at + 2..]
            .iter()
            .any(|(_, kind)| matches!(kind, FieldKind::Venue(_)))
    {
        analysis[at + 1].1 = FieldKind::Title;
    }
    analysis
}

fn line_kind(analysis: &Analysis) -> LineKind {
    let kind = |i: usize| analysis.get(i).map(|(_, kind)| kind);
    let has_title = kind(0) == Some(&FieldKind::Title)
        || (kind(0).is_some_and(|k| matches!(k, FieldKind::Venue(_)))
            && kind(1) == Some(&FieldKind::Title));
    let has_authors = analysis
        .iter()
        .any(|(_, k)| matches!(k, FieldKind::Authors(_)))
        || (has_title
            && analysis
                .iter()
                .any(|(piece, _)| fields::split_glued_title_authors(piece).is_some()));
    match (has_title, has_authors) {
        (true, true) => LineKind::Complete,
        (true, false) => LineKind::Title,
        (false, true) => LineKind::Authors,
        (false, false) if analysis.iter().any(|(_, k)| *k == FieldKind::Title) => LineKind::Title,
        (false, false) => LineKind::Other,
    }
}

/// Kinds of a paragraph's lines, with titles broken over two lines mended: in
/// `Title start / short rest / Authors`, the short middle line is title.
fn paragraph_line_kinds(lines: &[Line], analyses: &[Analysis]) -> Vec<LineKind> {
    let mut kinds: Vec<LineKind> = analyses.iter().map(line_kind).collect();
    for i in 1..kinds.len() {
        let next_is_authors = kinds.get(i + 1).is_some_and(|k| *k == LineKind::Authors);
        if kinds[i - 1] == LineKind::Title
            && kinds[i] != LineKind::Title
            && next_is_authors
            && is_title_continuation(lines[i - 1].text.text.trim(), lines[i].text.text.trim())
            && !lines[i].text.text.contains(',')
        {
            kinds[i] = LineKind::Title;
        }
    }
    kinds
}

/// Whether `next` continues a title broken after `previous`.
fn is_title_continuation(previous: &str, next: &str) -> bool {
    !previous.ends_with(['.', '?', '!'])
        && !next.contains(':')
        && fields::words_up_to(next, 7) <= 6
        && next.chars().next().is_some_and(|c| c.is_alphabetic())
}

/// `haystack.find(needle)` for a short haystack: the places where the
/// needle's first byte is are tried in order. `str::find` first builds a
/// two-way searcher, which costs more than the search when the haystack is an
/// entry and the needle its title.
fn find_short(haystack: &str, needle: &str) -> Option<usize> {
    let Some(&first) = needle.as_bytes().first() else {
        return Some(0);
    };
    let bytes = haystack.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes.get(from..)?.iter().position(|&b| b == first) {
        let at = from + offset;
        if bytes[at..].starts_with(needle.as_bytes()) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A title without wrapping quotes, trailing punctuation, and with mended diacritics.
/// Joins the parts of a title that were read as fields of their own. Parts
/// cut apart on one line at a dash or a colon (`Mind the Gap — A Study`)
/// get it back; others (a title broken over two lines) are joined with a space.
fn join_title(parts: &[&Styled], part_lines: &[u32], lines: &[Line]) -> String {
    let mut joined = String::new();
    // Where the part before ends in its line's text.
    let mut previous: Option<(u32, usize)> = None;
    for (part, &number) in parts.iter().zip(part_lines) {
        let text = part.text.trim();
        let line = lines
            .iter()
            .find(|l| l.number == number)
            .map(|l| l.text.text.as_str());
        let from = match previous {
            Some((n, end)) if n == number => end,
            _ => 0,
        };
        let at = line.and_then(|l| l.get(from..)?.find(text).map(|at| from + at));
        if !joined.is_empty() {
            let between = match (previous, line, at) {
                (Some((n, end)), Some(l), Some(at)) if n == number => l[end..at].trim(),
                _ => "",
            };
            match between {
                "-" | "\u{2013}" | "\u{2014}" => {
                    joined.push(' ');
                    joined.push_str(between);
                    joined.push(' ');
                }
                ":" => joined.push_str(": "),
                _ => joined.push(' '),
            }
        }
        joined.push_str(text);
        previous = at.map(|at| (number, at + text.len()));
    }
    joined
}

fn clean_title(title: &str) -> Cow<'_, str> {
    fn trim(title: &str) -> &str {
        let title = title
            .trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '“' | '”' | '*' | '_') || is_icon(c)
            })
            .trim_end_matches(|c: char| {
                matches!(c, '.' | ',' | ';' | ':' | '\\') || c.is_whitespace()
            });
        // Harvard style quotes titles with single quotes: `'Elastic scheduling', in`.
        let title = title
            .strip_prefix(['\'', '‘'])
            .and_then(|t| t.strip_suffix(['\'', '’']))
            .filter(|t| !t.is_empty())
            .map_or(title, |t| t.trim_end_matches(['.', ',']));
        without_name_tag(title)
    }
    // `[G3DC] G3DC: A Gene-Graph-Guided ...`: a tag that repeats the name
    // the title starts with.
    fn without_name_tag(title: &str) -> &str {
        let Some((tag, rest)) = title
            .strip_prefix('[')
            .and_then(|t| t.split_once(']'))
            .filter(|(tag, _)| !tag.is_empty() && tag.len() <= 40)
        else {
            return title;
        };
        let rest = rest.trim_start();
        let repeats = rest
            .get(..tag.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(tag))
            && rest[tag.len()..].starts_with([':', ' ', '-', '\u{2013}', '\u{2014}', ',']);
        if repeats { rest } else { title }
    }
    // Google Scholar's CSV keeps BibTeX's case braces: `emerging {AI} applications`.
    if title.contains('{')
        && !title.contains('\\')
        && title.matches('{').count() == title.matches('}').count()
    {
        let unbraced = title.replace(['{', '}'], "");
        return Cow::Owned(clean_title(&unbraced).into_owned());
    }
    match repair_diacritics(title) {
        Cow::Borrowed(title) => collapsed(trim(title)),
        Cow::Owned(title) => Cow::Owned(collapse_whitespace(trim(&title))),
    }
}

/// Emoji and pictographs that lists put before or after a title (`🔥`, `📄`,
/// `⭐`, `✨`), with the joiners and variation selectors that build them.
fn is_icon(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{FE0F}'
        | '\u{200D}')
}

/// The names of a table's columns, folded, as [`table_role`] reads them. A
/// name written in Chinese is put in English (`论文` is `title`, `作者`
/// `authors`); a column of methods' or models' short names (`| Method |
/// Paper |`, `| 算法 | 论文 |`) is no field when another column holds the
/// title.
fn column_roles(header: &[String]) -> Vec<String> {
    /// Chinese column names, by what they name; a name holding more than one
    /// (`论文链接`, the paper's link) is what comes first here.
    const CHINESE: &[(&[&str], &str)] = &[
        (&["链接", "代码", "地址", "主页", "下载"], "link"),
        (&["时间", "年份", "日期", "年"], "year"),
        (&["作者"], "authors"),
        (&["会议", "期刊", "发表", "出处", "来源", "刊物"], "venue"),
        (&["算法", "方法", "模型", "简称", "缩写"], "short"),
        (&["论文", "标题", "题目", "文章", "名称", "题名"], "title"),
        (
            &[
                "备注",
                "简介",
                "摘要",
                "笔记",
                "说明",
                "总结",
                "类别",
                "分类",
                "关键词",
                "机构",
                "单位",
                "任务",
                "数据集",
            ],
            "keywords",
        ),
    ];
    const SHORT_NAMES: &[&str] = &[
        "method",
        "methods",
        "algorithm",
        "model",
        "models",
        "approach",
        "alias",
        "acronym",
    ];
    let words = |role: &str| -> Vec<String> {
        role.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut roles: Vec<String> = header
        .iter()
        .map(|name| {
            if name.is_ascii() {
                return fold(name);
            }
            CHINESE
                .iter()
                .find(|(words, _)| words.iter().any(|w| name.contains(w)))
                .map_or_else(|| fold(name), |(_, role)| (*role).to_owned())
        })
        .collect();
    if roles.iter().any(|role| is_title_role(role)) {
        for role in &mut roles {
            if !is_title_role(role)
                && words(role)
                    .iter()
                    .any(|w| SHORT_NAMES.contains(&w.as_str()))
            {
                *role = "short".to_owned();
            }
        }
    }
    roles
}

/// A column of titles (`Title`, `Paper`, `Paper Title`; not `Paper Link`
/// or `Publication Title`), by its folded name.
fn is_title_role(role: &str) -> bool {
    let mut words = role.split(|c: char| !c.is_ascii_alphanumeric());
    let (mut titled, mut other) = (false, false);
    for word in &mut words {
        titled |= word == "title" || word == "paper";
        other |= matches!(
            word,
            "link"
                | "links"
                | "url"
                | "pdf"
                | "code"
                | "venue"
                | "journal"
                | "conference"
                | "publication"
                | "proceedings"
        );
    }
    titled && !other
}

/// A bare arXiv id (`2312.00752`, `[2312.00752]`, `arXiv:2312.00752`) in a
/// column named for arXiv, as a link to its abstract page.
fn arxiv_cell(role: &str, cell: &Styled) -> Option<Styled> {
    if !role.contains("arxiv") || cell.links().next().is_some() {
        return None;
    }
    let text = cell
        .text
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']');
    let id: ArxivId = text.parse().ok()?;
    let url = format!("https://arxiv.org/abs/{}", id.id());
    let len = cell.text.len();
    Some(Styled {
        text: cell.text.clone(),
        marks: vec![(0..len, Mark::Link(url))],
    })
}

/// `Gu and Dao`, `Dao`: one or two capitalised words joined by `and`.
fn is_family_names(text: &str) -> bool {
    let names: Vec<&str> = text.trim().split(" and ").map(str::trim).collect();
    names.len() <= 2
        && names.iter().all(|name| {
            !name.contains(' ')
                && name.chars().next().is_some_and(char::is_uppercase)
                && name
                    .chars()
                    .skip(1)
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
}

/// Role of a table cell from its column's name; `None` when the name says
/// nothing of what the cell holds.
fn table_role(header: &str, cell: &Styled) -> Option<FieldKind> {
    let words: Vec<&str> = header.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    let has = |w: &str| words.contains(&w);
    // `[link]`, `[PDF]` under any column (a "Paper" column of links next to a
    // "Title" one) are links.
    // An empty cell is nothing; an address alone (a `Paper Link` column) is a link.
    if fields::is_links_only(cell) || cell.is_blank() || fields::bare_url(&cell.text).is_some() {
        return Some(FieldKind::Links);
    }
    // The columns of a spreadsheet, and of paperlist's own CSV, that name a
    // field of their own (`Publication Type` is no venue, `Number of
    // Citations` no number).
    if let Some(kind) = spreadsheet_role(&has, cell) {
        return Some(kind);
    }
    // `Publication Title`, `Journal Title`, `Conference Name` name the venue.
    let venue_column = has("venue")
        || has("conference")
        || has("journal")
        || has("booktitle")
        || has("publication")
        || has("proceedings")
        || has("container");
    if (has("title") || has("paper") || has("name")) && !venue_column {
        return Some(FieldKind::Title);
    }
    if has("author") || has("authors") {
        let read = authors::semicolon_list(cell).unwrap_or_else(|| authors::scored_parse(cell).1);
        // `Gu and Dao`: two family names, which read alone could be words
        // (`Search and Rescue`), are names in an authors column.
        if read.people.is_empty() && is_family_names(&cell.text) {
            return Some(FieldKind::Authors(authors::short_citation(cell)));
        }
        return Some(FieldKind::Authors(read));
    }
    if has("year") || has("date") {
        if let Some(year) = year_in(&cell.text) {
            return Some(FieldKind::Year(year));
        }
        // `21/1/6`: a reading list's date of reading, no field of the paper.
        let date = cell.text.trim();
        if !date.is_empty()
            && date
                .bytes()
                .all(|b| b.is_ascii_digit() || b"/-.".contains(&b))
        {
            return Some(FieldKind::Links);
        }
    }
    if venue_column {
        // `Preprint`, `Under review` in the venue column: a status, no venue.
        if let Some(status @ FieldKind::Status(_)) = fields::status_or_award(&cell.text) {
            return Some(status);
        }
        // The cell is a venue: a registry name inside it counts
        // (`13th USENIX symposium on ... (OSDI 18)`).
        return Some(FieldKind::Venue(fields::column_venue(&cell.text)));
    }
    // A number under any other column (`#`, `Rank`, `Citations`) is not part
    // of the entry; read alone it would be a volume.
    // (`1*`: a row's number with a mark.)
    let number = cell
        .text
        .trim()
        .trim_end_matches(['*', '\u{2020}', '\u{2021}']);
    if !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && year_in(&cell.text).is_none()
    {
        return Some(FieldKind::Links);
    }
    if has("link")
        || has("links")
        || has("url")
        || has("pdf")
        || has("code")
        || has("doi")
        || has("arxiv")
        || has("dblp")
    {
        return Some(FieldKind::Links);
    }
    None
}

/// A venue column's cell read by the line rules, when it holds more than the
/// venue's name (a year, a status or an award in parentheses, a volume,
/// pages) and reads as exactly one venue and such fields; `None` otherwise,
/// and the cell is the venue as written.
fn venue_cell_fields(cell: &Styled) -> Option<Analysis> {
    let text = cell.text.trim();
    if !text.contains(['(', ',', ';', ':']) && !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut pieces = analyze(cell);
    // The first piece is the venue (read as a title when the registry does
    // not know it); the others are fields written after it.
    let (first, rest) = pieces.split_first_mut()?;
    let only_fields = rest.iter().all(|(_, kind)| {
        matches!(
            kind,
            FieldKind::Year(_)
                | FieldKind::Status(_)
                | FieldKind::Award(_)
                | FieldKind::Note(_)
                | FieldKind::Issue(_)
                | FieldKind::Pages(_)
                | FieldKind::Publisher(_)
        )
    });
    if rest.is_empty() || !only_fields {
        return None;
    }
    match first.1 {
        FieldKind::Venue(_) => {}
        FieldKind::Title => first.1 = FieldKind::Venue(fields::column_venue(&first.0.text)),
        _ => return None,
    }
    Some(pieces)
}

/// What a cell of a column named for a field of its own holds: the kind,
/// status, pages, volume, number and awards of paperlist's CSV and of
/// spreadsheets. Columns that are no field of an entry (`key`, `file`,
/// `line`, `id`, `citations`, `keywords`, `institute`) are read as nothing.
fn spreadsheet_role(has: &dyn Fn(&str) -> bool, cell: &Styled) -> Option<FieldKind> {
    let text = cell.text.trim();
    // Nor are an awesome list's topic and institution columns (`| Date |
    // Keywords | Institute | Paper | Publication |`).
    const NO_FIELD: &[&str] = &[
        "key",
        "file",
        "line",
        "id",
        "citations",
        "cited",
        "keywords",
        "keyword",
        "tags",
        "tag",
        "topic",
        "topics",
        "category",
        "categories",
        "institute",
        "institutes",
        "institution",
        "institutions",
        "organization",
        "organisation",
        "company",
        "stars",
        // Zotero's CSV export: what a reference manager keeps besides the
        // entry (`Date Added`, `Short Title`, `ISBN`, `Library Catalog`).
        "added",
        "modified",
        "access",
        "short",
        "abbreviation",
        "isbn",
        "issn",
        "place",
        "language",
        "rights",
        "archive",
        "catalog",
        "call",
        "abstract",
        "attachments",
        "series",
        "meeting",
        "editor",
        "translator",
        "contributor",
    ];
    if NO_FIELD.iter().any(|w| has(w)) {
        return Some(FieldKind::Links);
    }
    let named =
        |value: &str| serde_json::Value::String(value.to_ascii_lowercase().replace(' ', "-"));
    if has("kind") || has("type") {
        let kind = serde_json::from_value::<EntryKind>(named(text))
            .ok()
            .or_else(|| fields::kind_named(text));
        return Some(kind.map_or(FieldKind::Links, FieldKind::Kind));
    }
    if has("status") {
        let status = serde_json::from_value::<Status>(named(text))
            .ok()
            .map(FieldKind::Status)
            .or_else(|| Some(fields::classify(cell)).filter(|k| matches!(k, FieldKind::Status(_))));
        return Some(status.unwrap_or(FieldKind::Links));
    }
    if has("pages") || has("page") {
        let pages = text.parse::<paperlist_model::PageRange>().ok();
        return Some(pages.map_or(FieldKind::Links, FieldKind::Pages));
    }
    let issue = |volume: Option<String>, number: Option<String>| {
        FieldKind::Issue(fields::Issue {
            volume,
            number,
            ..fields::Issue::default()
        })
    };
    if has("volume") {
        return Some(issue(Some(text.to_owned()).filter(|t| !t.is_empty()), None));
    }
    if has("number") || has("issue") {
        return Some(issue(None, Some(text.to_owned()).filter(|t| !t.is_empty())));
    }
    if has("publisher") {
        return Some(if text.is_empty() {
            FieldKind::Links
        } else {
            FieldKind::Publisher(collapse_whitespace(text))
        });
    }
    if has("award") || has("awards") {
        return Some(if text.is_empty() {
            FieldKind::Links
        } else {
            FieldKind::Award(collapse_whitespace(text))
        });
    }
    None
}

/// Adds the links of a line (except authors' profile links) to the entry.
/// Adds to an entry's note (`Required`, `Poster`), after what it says.
fn add_note(entry: &mut Entry, note: &str) {
    entry.details.note = Some(match entry.details.note.take() {
        Some(before) if before.split(". ").any(|said| said == note) => before,
        Some(before) => format!("{before}. {note}"),
        None => note.to_owned(),
    });
}

fn collect_links(
    text: &Styled,
    author_fields: &[&Styled],
    title_link: Option<&str>,
    entry: &mut Entry,
) {
    for (range, url) in text.links() {
        let label = text.text[range.clone()]
            .trim()
            .trim_matches(['[', ']'])
            .trim()
            .to_owned();
        if url.is_empty() || url.ends_with('#') && !url.contains("://") {
            continue;
        }
        let is_author_link = author_fields.iter().any(|f| {
            f.links()
                .any(|(r, u)| u == url && f.text[r].trim() == label)
        });
        if is_author_link {
            continue;
        }
        set_identifiers_from_url(url, entry);
        // `**Slides:** [link](url)`: a link that says nothing of itself is
        // what the label before it names.
        let generic = matches!(
            label.to_ascii_lowercase().as_str(),
            "link" | "here" | "url" | "click here" | "view" | "download" | "online"
        );
        let named = text.text[..range.start]
            .trim_end()
            .strip_suffix(':')
            .and_then(|before| before.split([' ', '|', '(', '[']).next_back())
            .filter(|_| generic);
        let kind = match named.map_or_else(|| link_kind(&label, url), |name| link_kind(name, url)) {
            // The link on the title is the paper.
            LinkKind::Other if title_link == Some(url) => LinkKind::Paper,
            kind => kind,
        };
        // A page often links one address twice (the title and its `[pdf]`
        // button): it is one link, of the kind the more telling label says.
        if let Some(known) = entry.links.iter_mut().find(|l| l.url == url) {
            if known.kind == LinkKind::Other {
                known.kind = kind;
            }
            continue;
        }
        entry.links.push(Link {
            kind,
            url: url.to_owned(),
            label: (!label.is_empty()).then_some(label),
        });
    }
}

fn link_kind(label: &str, url: &str) -> LinkKind {
    let label = label.to_lowercase();
    let url_lower = url.to_lowercase();
    if Doi::from_url(url).is_some() && (url_lower.contains("doi.org/") || label == "doi") {
        LinkKind::Doi
    } else if ArxivId::from_url(url).is_some() {
        LinkKind::Arxiv
    } else if DblpKey::from_url(url).is_some() {
        LinkKind::Dblp
    } else if label.contains("code")
        || label.contains("github")
        || url_lower.contains("github.com")
        || url_lower.contains("gitlab")
    {
        LinkKind::Code
    } else if label.contains("slide") {
        LinkKind::Slides
    } else if label.contains("video")
        || label.contains("talk")
        || url_lower.contains("youtube.com")
        || url_lower.contains("youtu.be")
    {
        LinkKind::Video
    } else if label.contains("poster") {
        LinkKind::Poster
    } else if label.contains("bib") {
        LinkKind::Bibtex
    } else if label.contains("pdf") || url_lower.ends_with(".pdf") {
        LinkKind::Pdf
    } else if label.contains("project") || label.contains("website") || label.contains("page") {
        LinkKind::Project
    } else if label.contains("paper") {
        LinkKind::Paper
    } else {
        LinkKind::Other
    }
}

/// DOI, arXiv id and dblp key a link points to.
fn set_identifiers_from_url(url: &str, entry: &mut Entry) {
    if let Some(doi) = Doi::from_url(url)
        && entry.doi.is_none()
    {
        entry.doi = Some(MaybeTyped::Typed(doi));
        entry.set_origin("doi", Origin::Derived);
    }
    // The arXiv DOI (`doi.org/10.48550/arXiv.X`) names the preprint too.
    if let Some(arxiv) = ArxivId::from_url(url)
        && entry.arxiv.is_none()
    {
        entry.arxiv = Some(MaybeTyped::Typed(arxiv));
        entry.set_origin("arxiv", Origin::Derived);
    }
    if let Some(key) = DblpKey::from_url(url)
        && entry.details.dblp_key.is_none()
    {
        entry.details.dblp_key = Some(MaybeTyped::Typed(key));
        entry.set_origin("dblp_key", Origin::Derived);
    }
}

/// `doi:10...`, `arXiv:2104.04473` written in the text.
fn identifiers_in_text(text: &str, entry: &mut Entry) {
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | ';'));
        let starts_with = |prefix: &str| {
            word.get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        };
        if entry.doi.is_none()
            && (starts_with("doi:") || word.starts_with("10."))
            && word.contains('/')
            && let Ok(doi) = word.parse::<Doi>()
        {
            entry.doi = Some(MaybeTyped::Typed(doi));
            entry.set_origin("doi", Origin::Input);
        }
        if entry.arxiv.is_none()
            && starts_with("arxiv:")
            && let Ok(id) = word.parse::<ArxivId>()
        {
            entry.arxiv = Some(MaybeTyped::Typed(id));
            entry.set_origin("arxiv", Origin::Input);
        }
        // A written-out `https://doi.org/10...` or arXiv address (APA prints one).
        if starts_with("https://") || starts_with("http://") {
            set_identifiers_from_url(word.trim_end_matches('.'), entry);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors_and_titles(text: &str) -> Vec<(Vec<String>, String)> {
        let parsed = crate::parse_document(
            text.into(),
            &crate::SourceId::new("x.md"),
            crate::Format::Markdown,
        );
        parsed
            .entries
            .iter()
            .map(|e| {
                let names = e.authors.iter().map(|p| p.name().to_owned()).collect();
                (names, e.title.to_string())
            })
            .collect()
    }

    #[test]
    fn a_course_reading_list_cites_family_names_alone() {
        let read = authors_and_titles(concat!(
            "# Week 2\n\n",
            "- Ritchie & Thompson, [The UNIX Time-Sharing System](https://x.org/u), CACM 1974.\n",
            "- Castro, Liskov — Practical Byzantine Fault Tolerance (OSDI '99)\n",
            "- Fischer, Lynch, Paterson. Impossibility of Distributed Consensus with One Faulty Process. JACM 1985.\n",
            "- Junqueira, Reed, and Serafini. *Zab: High-performance Broadcast*. DSN 2011.\n",
        ));
        let names = |i: usize| read[i].0.iter().map(String::as_str).collect::<Vec<_>>();
        assert_eq!(names(0), ["Ritchie", "Thompson"]);
        assert_eq!(read[0].1, "The UNIX Time-Sharing System");
        assert_eq!(names(1), ["Castro", "Liskov"]);
        assert_eq!(read[1].1, "Practical Byzantine Fault Tolerance");
        assert_eq!(names(2), ["Fischer", "Lynch", "Paterson"]);
        assert_eq!(
            read[2].1,
            "Impossibility of Distributed Consensus with One Faulty Process"
        );
        assert_eq!(names(3), ["Junqueira", "Reed", "Serafini"]);
        // One family name after a title set apart, before its year; a tag
        // after a linked title is no name.
        let read = authors_and_titles(concat!(
            "# Readings\n\n",
            "- **Paper:** [Paxos Made Simple](https://x.org/p) — Lamport, 2001\n",
            "- [Cloud Computing](https://x.org/c) [Networking](https://x.org/n)\n",
        ));
        assert_eq!(
            read[0],
            (vec!["Lamport".to_owned()], "Paxos Made Simple".to_owned())
        );
        assert!(
            read.iter()
                .all(|(names, _)| names.iter().all(|n| n != "Networking"))
        );
        // Two words before an unmarked title with no dash: a title's start.
        let read =
            authors_and_titles("# Papers\n\n- Search & Rescue. Robots in the Wild. ICRA 2020.\n");
        assert!(read[0].0.is_empty(), "{read:?}");
        assert!(read[0].1.starts_with("Search & Rescue"), "{read:?}");
    }

    #[test]
    fn a_schedules_readings_are_entries_under_their_topic() {
        let text = "# Course\n\n| Week | Topic | Readings |\n| --- | --- | --- |\n| 1 | Consensus | Castro, Liskov — Practical Byzantine Fault Tolerance (OSDI '99)<br>Optional: Narayanan et al., *PipeDream: Pipeline Parallelism*, SOSP 2019 |\n| 2 | Midterm | — |\n";
        let parsed = crate::parse_document(
            text.into(),
            &crate::SourceId::new("x.md"),
            crate::Format::Markdown,
        );
        let titles: Vec<String> = parsed.entries.iter().map(|e| e.title.to_string()).collect();
        assert_eq!(
            titles,
            [
                "Practical Byzantine Fault Tolerance",
                "PipeDream: Pipeline Parallelism"
            ]
        );
        assert_eq!(parsed.entries[1].details.note.as_deref(), Some("Optional"));
        assert_eq!(parsed.entries[1].authors[0].name(), "Narayanan");
        assert_eq!(
            parsed.entries[0].source.section.last().map(String::as_str),
            Some("Consensus")
        );
    }

    #[test]
    fn vancouvers_journal_stands_before_the_date() {
        let kinds = |line: &str| -> Vec<FieldKind> {
            analyze(&Styled::plain(line))
                .into_iter()
                .map(|(_, kind)| kind)
                .collect()
        };
        for line in [
            "Doe J, Lee A. Deep learning for ECG classification. Nat Med. 2020;26(3):360-363.",
            "Doe J, Lee A. Deep learning for ECG classification. Bioinformatics. 2020 Mar 5;26(3):360-363.",
        ] {
            let read = kinds(line);
            assert!(
                matches!(&read[2], FieldKind::Venue(v) if v.kind == Some(VenueKind::Journal)),
                "{read:?}"
            );
        }
    }

    #[test]
    fn in_and_italics_name_the_container() {
        let kinds = |line: &str| -> Vec<FieldKind> {
            analyze(&crate::markdown::styled_snippet(line))
                .into_iter()
                .map(|(_, kind)| kind)
                .collect()
        };
        let read = kinds("Title Here. Jane Doe, Ana Lee. In *ReScience C*, 2021.");
        assert!(
            matches!(&read[2], FieldKind::Venue(v) if v.written == "ReScience C"),
            "{read:?}"
        );
        // A title in italics that starts with `In` is no container.
        let read = kinds(
            "Diego Ongaro, John Ousterhout. *In Search of an Understandable Consensus Algorithm*. USENIX ATC 2014.",
        );
        assert_eq!(read[1], FieldKind::Title);
    }

    #[test]
    fn a_courses_term_dates_none_of_its_papers() {
        assert!(names_academic_term("CS 262a: Advanced Topics (Fall 2023)"));
        assert!(names_academic_term("2023 Spring"));
        assert!(names_academic_term("Winter Term 2022"));
        assert!(!names_academic_term("WACV 2024"));
        assert!(!names_academic_term(
            "Winter Conference on Applications of Computer Vision 2024"
        ));
        assert!(!names_academic_term("2023"));
    }

    #[test]
    fn dashes_stand_for_the_authors_of_the_entry_before() {
        assert_eq!(same_authors_mark("———. 1999. “Title.”"), Some("———"));
        assert_eq!(same_authors_mark("---. 2001. Title."), Some("---"));
        assert_eq!(same_authors_mark("——, and B. Smith. 2001."), Some("——"));
        // A dash that is no mark: a rule, a bullet, a range.
        assert_eq!(same_authors_mark("--- "), None);
        assert_eq!(same_authors_mark("- Title. 2001."), None);
        assert_eq!(same_authors_mark("—. Title"), None);
        let text = "# Papers\n\n- Bland, J. Martin, and Douglas G. Altman. 1986. “Statistical Methods for Assessing Agreement.” *The Lancet* 327 (8476): 307–10.\n- ———. 1999. “Measuring Agreement in Method Comparison Studies.” *Statistical Methods in Medical Research* 8 (2): 135–60.\n";
        let parsed = crate::parse_document(
            text.into(),
            &crate::SourceId::new("x.md"),
            crate::Format::Markdown,
        );
        let names: Vec<Vec<&str>> = parsed
            .entries
            .iter()
            .map(|e| e.authors.iter().map(|p| p.name()).collect())
            .collect();
        assert_eq!(names.len(), 2);
        assert_eq!(names[0], names[1]);
        assert_eq!(names[1], ["J. Martin Bland", "Douglas G. Altman"]);
    }

    #[test]
    fn topics_named_with_section_words_are_no_sections() {
        assert_eq!(section_mode("Software"), Some(Mode::Skip));
        assert_eq!(section_mode("Media Coverage"), Some(Mode::Skip));
        assert_eq!(section_mode("Professional Service"), Some(Mode::Skip));
        assert_eq!(section_mode("Software Engineering"), None);
        // A venue's subject.
        assert_eq!(
            section_mode(
                "ACM SIGPLAN International Symposium on New Ideas, New Paradigms, and Reflections on Programming and Software"
            ),
            None
        );
        assert_eq!(
            section_mode("Talks at the Conference on Systems"),
            Some(Mode::Skip)
        );
        assert_eq!(section_mode("Social Media Analysis"), None);
        assert_eq!(section_mode("LLMs for Education"), None);
        // The rule is the heading's shape, not a list of topics.
        assert_eq!(section_mode("Software Maintenance and Evolution"), None);
        assert_eq!(section_mode("Fake News Detection"), None);
        assert_eq!(section_mode("Experience Replay"), None);
        assert_eq!(section_mode("Cloud Services"), None);
        assert_eq!(section_mode("Teaching Experience"), Some(Mode::Skip));
        assert_eq!(section_mode("Open-Source Software"), Some(Mode::Skip));
        assert_eq!(section_mode("Research Software"), Some(Mode::Skip));
        assert_eq!(section_mode("Honors and Awards"), Some(Mode::Skip));
        assert_eq!(section_mode("News"), Some(Mode::Skip));
        // Every section word must be a topic's: `Robotics Talks` is talks.
        assert_eq!(section_mode("Invited Talks on Robotics"), Some(Mode::Skip));
    }

    #[test]
    fn an_organisation_on_the_line_after_the_names_is_their_affiliation() {
        let parse = |text: &str| {
            crate::parse(
                text,
                &crate::SourceId::new("list.md"),
                crate::Format::Markdown,
            )
            .entries
        };
        let affiliations = |entry: &Entry| -> Vec<Option<String>> {
            entry
                .authors
                .iter()
                .map(|p| p.affiliation.as_deref().map(str::to_owned))
                .collect()
        };
        let shared = Some("UC Berkeley".to_owned());
        let entries = parse(
            "# Papers\n\n**Efficient Memory Management for Large Language Model Serving with PagedAttention**\nWoosuk Kwon, Zhuohan Li, Ion Stoica\nUC Berkeley\n",
        );
        assert_eq!(entries.len(), 1);
        assert_eq!(affiliations(&entries[0]), vec![shared.clone(); 3]);
        // As a nested item under the title and the names.
        let entries = parse(
            "# Papers\n\n* Model-Ensemble Trust-Region Policy Optimization [[Paper]](https://arxiv.org/abs/1802.10592)\n\n    * Thanard Kurutach, Pieter Abbeel\n\n    * UC Berkeley\n",
        );
        assert_eq!(entries.len(), 1);
        assert_eq!(affiliations(&entries[0]), vec![shared; 2]);
        // A title that looks like an organisation's name starts an entry.
        let entries = parse(
            "# Papers\n\nOrca: A Distributed Serving System for Transformer-Based Generative Models\nGyeong-In Yu, Byung-Gon Chun\nGroup Normalization\nYuxin Wu, Kaiming He\n",
        );
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].title, "Group Normalization");
    }

    #[test]
    fn a_page_says_what_it_is_built_with() {
        assert!(is_page_furniture("Website template from Jon Barron."));
        assert!(is_page_furniture(
            "Design and source code from Jon Barron's website"
        ));
        assert!(is_page_furniture("Powered by Jekyll"));
        assert!(is_page_furniture("4 entries"));
        assert!(!is_page_furniture("4 entries of a diary"));
        assert!(is_template_tag("{% endcomment %}"));
        assert!(is_template_tag(" {{ content }}"));
        assert!(!is_template_tag("{PRETZEL}: Opening the Black Box"));
        assert!(!is_page_furniture(
            "Template Matching with Deformable Parts"
        ));
        assert!(!is_page_furniture("Designing Network Design Spaces"));
    }

    #[test]
    fn table_columns_named_in_chinese_or_for_no_field() {
        let roles = |names: &[&str]| {
            column_roles(&names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>())
        };
        assert_eq!(
            roles(&["算法", "论文", "作者", "会议", "年份", "代码"]),
            ["short", "title", "authors", "venue", "year", "link"]
        );
        // The paper's link is a link, its publication date a year.
        assert_eq!(roles(&["论文链接", "发表时间"]), ["link", "year"]);
        // A method's short name beside a title column is no field; alone, the
        // method column is all the row has to name the paper by.
        assert_eq!(roles(&["Method", "Paper", "Venue"])[0], "short");
        assert_eq!(roles(&["Method", "Venue", "Year"])[0], "method");
        assert_eq!(roles(&["Model", "Paper Link"])[0], "model");

        let parsed = crate::parse(
            "# Papers\n\n| Title | Authors | Component | Venue | Year | arXiv |\n|---|---|---|---|---|---|\n\
             | Mamba: Linear-Time Sequence Modeling with Selective State Spaces | Gu and Dao | MHA & FFN | arXiv | 2023 | [2312.00752] |\n",
            &crate::SourceId::new("list.md"),
            crate::Format::Markdown,
        );
        let entry = &parsed.entries[0];
        let names: Vec<&str> = entry.authors.iter().map(|p| p.name()).collect();
        assert_eq!(names, ["Gu", "Dao"]);
        assert_eq!(
            entry.arxiv().map(|id| id.id().to_owned()).as_deref(),
            Some("2312.00752")
        );
        // The component column is a note, not a name.
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.message.contains("MHA & FFN"))
        );
        assert!(is_family_names("Gu and Dao"));
        assert!(!is_family_names("Search and Rescue Robots"));
        assert!(!is_family_names("DeepSeek Team"));
    }

    #[test]
    fn a_title_before_a_link_to_its_paper_is_an_entry_however_cased() {
        let parsed = crate::parse(
            "# Papers\n\n- Mastering Atari, Go, Chess and Shogi by Planning with a Learned Model [[Paper]](https://arxiv.org/abs/1911.08265)\n- Mastering the game of Go with deep neural networks and tree search [[Paper]](https://doi.org/10.1038/nature16961)\n",
            &crate::SourceId::new("list.md"),
            crate::Format::Markdown,
        );
        let titles: Vec<&str> = parsed.entries.iter().map(|e| e.title.as_ref()).collect();
        assert_eq!(
            titles,
            [
                "Mastering Atari, Go, Chess and Shogi by Planning with a Learned Model",
                "Mastering the game of Go with deep neural networks and tree search"
            ]
        );
    }

    #[test]
    fn a_decade_dates_no_entry() {
        for heading in [
            "1970 ...",
            "1980\u{2026}",
            "1990s",
            "2010 - present",
            "2020-2021",
        ] {
            assert!(names_year_span(heading), "{heading}");
        }
        for heading in ["2019", "OSDI 2018", "1990 Papers"] {
            assert!(!names_year_span(heading), "{heading}");
        }
    }

    #[test]
    fn a_title_in_italics_after_a_linked_name_and_year() {
        let parsed = crate::parse(
            "# Papers\n\n- [Ken Thompson](Ken_Thompson) (**1982**). *Computer Chess Strength*. [Advances in Computer Chess 3](Advances_in_Computer_Chess_3)\n",
            &crate::SourceId::new("list.md"),
            crate::Format::Markdown,
        );
        let entry = &parsed.entries[0];
        assert_eq!(entry.title, "Computer Chess Strength");
        assert_eq!(entry.authors[0].name(), "Ken Thompson");
        assert_eq!(entry.venue.as_deref(), Some("Advances in Computer Chess"));
        assert_eq!(entry.details.volume.as_deref(), Some("3"));
    }

    #[test]
    fn a_lists_introduction_is_no_entry() {
        let parsed = crate::parse(
            "# Papers\n\nA reading list that reaches past systems and ML: security, software\nengineering, HCI, robotics, theory and graphics.\n\n- Deep Learning Type Inference. Vincent J. Hellendoorn, Christian Bird. ESEC/FSE 2018.\n",
            &crate::SourceId::new("list.md"),
            crate::Format::Markdown,
        );
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(parsed.entries[0].venue.as_deref(), Some("ESEC/FSE"));
        assert!(parsed.diagnostics.iter().any(|d| d.code == "skipped-text"));
        // The same on a saved page: the `<p>` is prose, the `<li>` an entry.
        let parsed = crate::parse(
            "<h2>Papers</h2>\n<p>A reading list that reaches past systems and ML: security, software\nengineering, HCI, robotics, theory and graphics.</p>\n<ul><li>Deep Learning Type Inference. Vincent J. Hellendoorn, Christian Bird. ESEC/FSE 2018.</li></ul>\n",
            &crate::SourceId::new("list.html"),
            crate::Format::Html,
        );
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(parsed.entries[0].title, "Deep Learning Type Inference");
        assert!(parsed.diagnostics.iter().any(|d| d.code == "skipped-text"));
    }

    #[test]
    fn a_legend_says_what_marks_mean() {
        use MarkMeaning::*;
        assert_eq!(
            legend_of("(* equal contribution, \u{2020} corresponding author)"),
            [('*', EqualContribution), ('\u{2020}', Corresponding)]
        );
        assert_eq!(legend_of("\u{2020}: student author"), [('\u{2020}', Other)]);
        let mut person = paperlist_model::Person::new("Ion Stoica");
        let legend = legend_of("* equal contribution, \u{2020} corresponding author");
        apply_legend(&mut person, "\u{2020}", &legend);
        assert!(person.corresponding && !person.equal_contribution);
        // With no legend for it, `†` keeps its usual reading.
        apply_legend(&mut person, "\u{2020}", &legend_of("# co-first authors"));
        assert!(person.equal_contribution && !person.corresponding);
    }

    #[test]
    fn a_heading_over_an_author_list_is_a_title() {
        let parsed = crate::parse(
            "# Publications\n\n### Ray: A Framework for AI\nPhilipp Moritz, Ion Stoica\n*OSDI 2018*\n\n### Serving Systems for Large Models\n\n- Orca: A Serving System. Gyeong-In Yu, Joo Seong Jeong. OSDI 2022.\n",
            &crate::SourceId::new("t.md"),
            crate::Format::Markdown,
        );
        let titles: Vec<&str> = parsed.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Ray: A Framework for AI", "Orca: A Serving System"]
        );
        assert_eq!(parsed.entries[0].source.section.len(), 1);
        assert_eq!(parsed.entries[1].source.section.len(), 2);
        // Sections are not titles.
        for heading in [
            "2023",
            "NeurIPS 2023",
            "Selected Publications",
            "Talks and Posters",
        ] {
            let block = Block {
                kind: BlockKind::Heading(3),
                lines: vec![Line {
                    text: Styled::from_text(heading.to_owned()),
                    number: 1,
                }],
                cells: Vec::new(),
                span: 0..0,
            };
            assert!(!may_be_title_heading(&block), "{heading}");
        }
    }

    #[test]
    fn status_headings() {
        assert_eq!(heading_status("Under Review"), Some(Status::UnderReview));
        assert_eq!(
            heading_status("Submitted Papers"),
            Some(Status::UnderReview)
        );
        assert_eq!(heading_status("Preprints"), Some(Status::Preprint));
        assert_eq!(heading_status("Accepted Papers"), None);
        assert_eq!(heading_status("Publications"), None);
        assert_eq!(
            heading_status("Notes on what I submitted to the workshop"),
            None
        );
    }

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .zip(1..)
            .map(|(text, number)| Line {
                text: Styled::from_text((*text).to_owned()),
                number,
            })
            .collect()
    }

    #[test]
    fn wrapped_text_is_joined() {
        // A PDF's wrapping: a break before `for`, a hyphenated word, a new
        // entry at each label.
        let got = unwrap_entries(&lines(&[
            "[C5] Woosuk Kwon and Ion Stoica. Efficient Memory Management for",
            "     Large Language Model Serving. SOSP 2023. Deep Learn-",
            "     ing. Inter- and Intra-Operator, state-of-",
            "     the-art",
            "[C4] Zhuohan Li. AlpaServe: Statistical Multiplexing",
            "     with Model Parallelism. OSDI 2023.",
        ]))
        .expect("wrapped");
        let joined: Vec<(&str, usize)> = got
            .iter()
            .map(|(lines, text)| (text.text.as_str(), lines.len()))
            .collect();
        assert_eq!(
            joined,
            [
                (
                    "[C5] Woosuk Kwon and Ion Stoica. Efficient Memory Management for Large Language Model Serving. SOSP 2023. Deep Learning. Inter- and Intra-Operator, state-of- the-art",
                    4
                ),
                (
                    "[C4] Zhuohan Li. AlpaServe: Statistical Multiplexing with Model Parallelism. OSDI 2023.",
                    2
                ),
            ]
        );
        // One field per line is not wrapped text, even with a comma at a
        // line's end (`Title,` / `Authors`); a year is not a label.
        assert!(
            unwrap_entries(&lines(&[
                "Ray: A Framework,",
                "Philipp Moritz (UC Berkeley)"
            ]))
            .is_none()
        );
        assert!(unwrap_entries(&lines(&["**Title**", "A, B", "*OSDI 2018*"])).is_none());
        // An author list wrapped after a comma is wrapped text; a line of
        // names before a venue line is not.
        assert!(breaks_in_names(
            "[3] M. Zaharia, A. Dave, X. Meng,",
            "    J. Rosen, S. Shenker, and I. Stoica. Apache Spark"
        ));
        assert!(breaks_in_names(
            "Matei Zaharia, Reynold S. Xin,",
            "Scott Shenker, and Ion Stoica. Apache Spark"
        ));
        assert!(!breaks_in_names("Woosuk Kwon, Zhuohan Li,", "SOSP 2023."));
        assert!(!breaks_in_names(
            "Efficient Memory Management for Serving,",
            "Woosuk Kwon, Zhuohan Li"
        ));
        assert!(
            starts_with_label("[C12] x")
                && starts_with_label("12. x")
                && starts_with_label("(3) x")
        );
        assert!(!starts_with_label("2018. Ray") && !starts_with_label("[OSDI'22] x"));
    }

    #[test]
    fn find_short_finds_what_find_finds() {
        let hay = "Ray: Ray: A Framework · Ünïcode Ray. Philipp Moritz, ABAB ABABC";
        for needle in [
            "",
            "Ray",
            "Ray: A",
            "Ünïcode",
            "·",
            "ABABC",
            "BABC",
            "x",
            "C",
            hay,
        ] {
            assert_eq!(find_short(hay, needle), hay.find(needle), "{needle:?}");
        }
        assert_eq!(find_short("", "a"), None);
    }

    #[test]
    fn a_tag_repeating_the_name_leaves_the_title() {
        assert_eq!(clean_title("[G3DC] G3DC: A Method"), "G3DC: A Method");
        assert_eq!(
            clean_title("[scDSSC] scDSSC:Deep Sparse"),
            "scDSSC:Deep Sparse"
        );
        // A tag that is no part of the title's name stays (others cut it as a venue).
        assert_eq!(
            clean_title("[MARS] Discovering novel cell types"),
            "[MARS] Discovering novel cell types"
        );
        assert_eq!(clean_title("[Re] Reproducing X"), "[Re] Reproducing X");
    }
}
