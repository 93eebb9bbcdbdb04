//! Cutting a line of an entry into fields (title, authors, venue, year, status,
//! award, links) and telling which is which.
//!
//! Lines are cut at strong separators first (a bold or linked title, ` | `, runs
//! of spaces, parenthesised venue/status/award tags, a venue glued to the end of
//! the title, sentence ends), then each piece is classified on its own. The
//! order of fields does not matter, so `Title. Authors. Venue.` and
//! `Authors. Title. Venue.` read the same.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use paperlist_model::normalize::{collapse_whitespace, collapsed};
use paperlist_model::venue::{self, VenueKind, year_in};
use paperlist_model::{ArxivId, EntryKind, PageRange, Status, looks_like_organization};
use regex::Regex;

use crate::authors::{Authors, is_han, name_score, scored_parse};
use crate::styled::{Cut, Mark, Styled, split_at_ranges};

/// What a field of an entry is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FieldKind {
    Title,
    /// What the entry is, said by a column (`kind`, `type`) of a table.
    Kind(EntryKind),
    /// Who published it: `USENIX Association`, `ACM`, `MIT Press`.
    Publisher(String),
    /// An author list, already read.
    Authors(Authors),
    /// The editors of the book or proceedings: APA's `In A. Smith & B. Jones (Eds.),`.
    Editors(Authors),
    Venue(VenueText),
    Year(i32),
    Status(Status),
    Award(String),
    /// Only link labels (`[PDF]`, `[code]`).
    Links,
    /// Text that is no field of the entry: a table's column of tags or
    /// components beside its title column. Kept as a note.
    Text,
    /// What the list says the paper is to its reader (`Required:`,
    /// `Optional:` in a course's reading list): the entry's note.
    Note(String),
    /// Pages (`pp. 5998–6008`, `578–594`).
    Pages(PageRange),
    /// A journal's volume, number and maybe pages: `vol. 51`, `no. 1`,
    /// `17(1):1-5`.
    Issue(Issue),
}

/// Where in a journal a paper is.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Issue {
    pub volume: Option<String>,
    pub number: Option<String>,
    pub pages: Option<PageRange>,
    /// Vancouver style dates the issue: `2017;30(1):1-10`.
    pub year: Option<i32>,
    /// ACM numbers the articles of its journals and proceedings instead of
    /// paging them: `Article 12`.
    pub article: Option<String>,
    /// How long the paper is, as ACM writes it after the article number:
    /// `28 pages`.
    pub page_count: Option<u32>,
}

/// `vol. 51`, `Volume 3`, `no. 1`, `Issue 2`, a journal's `17(1):1-5`
/// (volume, number, pages), and Vancouver's `2017;30`, `2020 Jan;577(7792):89-94`
/// (year, volume, number, pages), written as a field of their own.
static ISSUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // IEICE's lettered volumes: `Vol. J105-D`, `Vol. E95-D`.
        r"(?i)^(?:vol(?:ume)?\.?\s*(?P<volume>[A-Z]?[0-9]+(?:-[A-Z]{1,2})?[A-Za-z]?)",
        r"|(?:no|num|number|issue|iss)\.?\s*(?P<number>[0-9]+(?:[-\u{2013}/][0-9]+)?)",
        // (PACMPL numbers its issues by conference: `7(OOPSLA2)`.)
        r"|(?P<v>[0-9]{1,4})\s*\((?P<n>[0-9]{1,4}(?:[-\u{2013}/][0-9]{1,4})?|(?-i:OOPSLA[12]?|POPL|ICFP|PLDI|CSCW[12]?|EICS))\)",
        r"(?:\s*:\s*(?P<pages>[0-9]+\s*[-\u{2010}-\u{2015}]+\s*[0-9]+))?",
        // ACM's `51, 1` (what [`split_journal_volume`] cuts from `Commun. ACM 51, 1`).
        r"|(?P<av>[0-9]{1,4}),\s*(?P<an>[0-9]{1,2})",
        r"|(?P<vy>(?:19|20)[0-9]{2})(?:\s+[A-Za-z]{3,9}\.?(?:\s+[0-9]{1,2})?)?\s*;\s*(?P<vv>[0-9]+[A-Za-z]?)",
        r"(?:\s*\((?P<vn>[0-9]{1,5}(?:[-\u{2013}/][0-9]{1,5})?)\))?",
        r"(?:\s*:\s*(?P<vp>[A-Za-z]?[0-9]+(?:\s*[-\u{2010}-\u{2015}]+\s*[A-Za-z]?[0-9]+)?))?",
        // ACM's `Article 12` and `28 pages` (a count, not a page: `pages 28` is one).
        r"|article\s+(?:no\.?\s*)?(?P<article>[0-9]{1,6})",
        r"|(?P<count>[0-9]{1,4})\s+pages)$",
    ))
    .expect("valid issue regex")
});

/// A venue as found in an entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VenueText {
    /// The registry's short name, when the venue is known.
    pub short: Option<&'static str>,
    pub kind: Option<VenueKind>,
    /// As written, without `In Proceedings of` and the year.
    pub written: String,
    pub year: Option<i32>,
    /// What the words before the venue say of the paper: `Under review at`,
    /// `Submitted to`, `To appear in`.
    pub status: Option<Status>,
}

/// Link labels that are not part of the entry's text.
const LINK_LABELS: &[&str] = &[
    "pdf",
    "paper",
    "code",
    "slides",
    "video",
    "talk",
    "poster",
    "project",
    "website",
    "bib",
    "bibtex",
    "cite",
    "doi",
    "arxiv",
    "html",
    "link",
    "url",
    // `Source: https://arxiv.org/pdf/...` in a paper's notes.
    "source",
    "github",
    "demo",
    "blog",
    "artifact",
    "data",
    "dataset",
    "preprint",
    "abstract",
    "abs",
    "publisher",
    "acm",
    "ieee",
    "usenix",
    "openreview",
    "supplementary",
    "supp",
    "appendix",
    "extended version",
    "full version",
    "media",
    "press",
    "dblp",
    "google scholar",
    "semantic scholar",
    "details",
    "more",
    "recording",
    // A course's `Notes`, `Handout`, `Transcript` beside its slides.
    "notes",
    "handout",
    "transcript",
    "youtube",
    "project page",
    // academicpages' `Download Paper`, `Download Slides`.
    "download",
    "webpage",
    "homepage",
    // bibtex2html's `[ bib | http | .pdf | .ps.gz ]`.
    "http",
    "https",
    "www",
    "web",
    "online",
    "ps",
    "ps.gz",
    "postscript",
    // What model and dataset lists link besides the paper.
    "card",
    "model",
    "models",
    "weights",
    "checkpoint",
    "checkpoints",
    "huggingface",
    "hugging face",
    "colab",
    "notebook",
    "docs",
    "documentation",
    "leaderboard",
    "repo",
    "repository",
    "twitter",
    "tweet",
    "read more",
];

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "proc",
    "inf",
    "sci",
    "endow",
    "int",
    "intl",
    "conf",
    "trans",
    "syst",
    "comput",
    "mach",
    "learn",
    "res",
    "manag",
    "eng",
    "knowl",
    "archit",
    "optim",
    "distrib",
    "j",
    "vol",
    "no",
    // papercite's `iss. 11`.
    "iss",
    "pp",
    "inc",
    "corp",
    "ltd",
    "co",
    "dept",
    "univ",
    "lab",
    "st",
    "dr",
    "prof",
    "mr",
    "mrs",
    "ms",
    "jr",
    "sr",
    "vs",
    "et",
    "al",
    "fig",
    "eq",
    "sec",
    "ch",
    "ed",
    "eds",
    "commun",
    "symp",
    "ann",
    "annu",
    "rev",
    "lett",
    "phys",
    "math",
    "stat",
    "natl",
    "acad",
    "soc",
    "assoc",
    "comp",
    "sys",
    "tech",
    "rep",
    "nat",
    "am",
    "eur",
    "appl",
    "inform",
    "softw",
    "netw",
    "secur",
    "oper",
    "adv",
    "neural",
    "process",
    "mag",
    "bull",
    "theor",
    "found",
    "e.g",
    "i.e",
    "cf",
    // IEEE's abbreviations of the words in venue names (`Proc. IEEE Conf.
    // Comput. Vis. Pattern Recognit.`, `Symp. Operating Syst. Princ.`).
    "princ",
    "vis",
    "recognit",
    "des",
    "implement",
    "lang",
    "technol",
    "electron",
    "intell",
    "artif",
    "anal",
    "autom",
    "cybern",
    "graph",
    "robot",
    "acoust",
    "imag",
    "instrum",
    "meas",
    "veh",
    "aerosp",
    "serv",
    "manage",
    "reliab",
    "perform",
    "eval",
    "simul",
    "wkshp",
    "retr",
    "discov",
    "interact",
    "embed",
    "emerg",
    "sel",
    "sustain",
    "photon",
    "electr",
    "sens",
    "transp",
    "evol",
    "dig",
    "dev",
    "mater",
    "mob",
    "priv",
    "program",
    "depend",
    "coop",
];

/// Words of [`ABBREVIATIONS`] that are English words too, which end titles.
const ABBREVIATIONS_THAT_ARE_WORDS: &[&str] = &[
    "program", "perform", "interact", "embed", "sustain", "depend", "dig", "mob", "process",
    "neural", "found", "graph", "robot", "math", "manage", "inform", "photon",
];

/// Whether a word (without its period) is one of [`ABBREVIATIONS`], in any case.
fn is_abbreviation(word: &str) -> bool {
    static SET: LazyLock<foldhash::HashSet<&'static str>> =
        LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());
    if word.chars().all(|c| !c.is_uppercase()) {
        return SET.contains(word);
    }
    SET.contains(word.to_lowercase().as_str())
}

/// Rankings CVs put after a venue: impact factors, CCF and CORE ranks, JCR
/// and CAS quartiles.
static RANKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:if|impact factor)\s*[:=]?\s*\d+(?:\.\d+)?|ccf[- ]?[abc](?: class)?|core[- ]?a\*?|(?:jcr|cas|sci)(?:[- ]?q[1-4])?|q[1-4])$")
        .expect("valid ranking regex")
});
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(under review|under submission|in submission|submitted|accepted|to appear|in press|forthcoming|preprint|working paper|conditionally accepted|major revision|minor revision)$")
        .expect("valid status regex")
});
static AWARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(award|best(?-u:\b).*(?-u:\b)paper|honou?rable mention|distinguished|outstanding paper|top picks|spotlight|oral presentation|nominee|finalist|runner[- ]up)(?-u:\b)")
        .expect("valid award regex")
});
/// A publisher named on its own, as LNCS, ACL and Springer references end:
/// `In: OSDI, pp. 561–577. USENIX Association (2018)`.
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:ACM(?: Press)?|IEEE(?: Computer Society)?(?: Press)?|Springer(?: Nature| International Publishing| Berlin Heidelberg| Verlag)?",
        r"|Elsevier(?: Science)?|USENIX(?: Association)?|MIT Press|Curran Associates(?:, Inc\.?)?|PMLR|OpenReview\.net",
        r"|AAAI Press|Morgan Kaufmann(?: Publishers)?|Association for Computing Machinery|Association for Computational Linguistics",
        r"|(?:Cambridge|Oxford|Princeton) University Press|(?:[A-Z][A-Za-z&.\-]*\s){1,4}(?:Press|Publishers|Publishing))$",
    ))
    .expect("valid publisher regex")
});
/// Whether a piece names a publisher ([`PUBLISHER`]); its last word tells
/// most pieces apart before the pattern is run.
fn is_publisher(tag: &str) -> bool {
    let last = tag.rsplit(' ').next().unwrap_or_default();
    matches!(
        last,
        "ACM"
            | "IEEE"
            | "Press"
            | "Society"
            | "Publishers"
            | "Publishing"
            | "Verlag"
            | "Heidelberg"
            | "Nature"
            | "Springer"
            | "Elsevier"
            | "Science"
            | "USENIX"
            | "Association"
            | "Associates"
            | "Inc"
            | "Inc."
            | "PMLR"
            | "OpenReview.net"
            | "Kaufmann"
            | "Machinery"
            | "Linguistics"
    ) && PUBLISHER.is_match(tag)
}

static LIST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    // `[12]`, `(12)`, `12.`, `12)`, a bullet, and a CV's kind-and-number
    // labels: `[C3]`, `[J1]`, `(W2)`, `J2.`, dblp's `[c340]`; BibTeX's alpha
    // style: `[DG08]`, `[HZRS16]`, `[VSP+17]`, `[Lam98a]`.
    Regex::new(
        r"^\s*(?:\[[A-Za-z]{0,3}\d{1,4}\]|\[[A-Z][A-Za-z]{0,7}\+?\d{2}[a-z]?\]|\([A-Za-z]{0,3}\d{1,4}\)|\d{1,4}[.)]|#\.\s|[A-Z]{1,2}\d{1,3}\.\s|[•◦▪‣–—-])\s*",
    )
    .expect("valid label regex")
});
static VENUE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:proceedings|conference|workshop|symposium|journal|transactions|letters|arxiv|corr|preprint|meeting|colloquium|congress|forum)(?-u:\b)|(?:proc|conf|symp|trans|wkshp)\.)")
        .expect("valid venue words regex")
});
static VENUE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:(?P<accepted>to appear (?:in|at)|accepted (?:at|to|by|in|for))|(?P<review>under review (?:at|in|for|by)|(?:under|in) submission (?:to|at)|submitted (?:to|at))|appeared in|published in|(?:(?:paper|poster|talk)\s+)?presented at|in\s*:|in)\s+|//\s*)")
        .expect("valid venue prefix regex")
});
static GLUED_PROCEEDINGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:In )?(?:Proceedings of|Proc\. )").expect("valid proceedings regex")
});

/// Drops a list label (`[3]`, `(3)`, `3.`, `•`) from the start of a line.
pub(crate) fn strip_list_label(text: &Styled) -> Styled {
    match LIST_LABEL.find(&text.text) {
        Some(found) if found.end() < text.text.len() => text.slice(found.end()..text.text.len()),
        _ => text.clone(),
    }
}

/// The labels that name an entry's field before its value (`Authors: ...`),
/// lower case.
pub(crate) const FIELD_LABELS: &[&str] = &[
    "title",
    // A reading group's `**Paper:** Title. Names. Venue.`
    "paper",
    "paper title",
    "full title",
    "authors",
    "author",
    "author(s)",
    "venue",
    "conference",
    "journal",
    "published in",
    "publication",
    "appeared in",
    "year",
    // A theme's whole reference after its label (academicpages'
    // `Recommended citation: Names. (2023). "Title." Venue.`).
    "recommended citation",
    "citation",
    "cite as",
];

/// `Title: ...`, `Authors: ...`, `Venue: ...`, `Paper: https://...`: a line
/// that names its field first. The label goes; what follows is read as any
/// field is (a link label only goes before links or an address: `Code: The
/// Hidden Language` is a title).
fn strip_field_label(text: Styled) -> Styled {
    let plain = &text.text;
    let Some(colon) = plain.get(..24).unwrap_or(plain).find(": ") else {
        return text;
    };
    let label = plain[..colon].trim().to_ascii_lowercase();
    let rest = colon + 2;
    let links_follow = || {
        let after = text.slice(rest..plain.len());
        is_links_only(&after) || bare_url(after.text.trim()).is_some()
    };
    if FIELD_LABELS.contains(&label.as_str())
        || (LINK_LABELS.contains(&label.as_str()) && links_follow())
    {
        let end = plain.len();
        return text.slice(rest..end);
    }
    text
}

/// The labels a reading list (a course's, a group's) puts before a paper to
/// say what it is to the reader, lower case: `Required: Lamport. Paxos Made
/// Simple.`, `**Optional:** ...`.
const READING_ROLES: &[&str] = &[
    "required",
    "optional",
    "recommended",
    "suggested",
    "background",
    "supplementary",
    "supplemental",
    "additional",
    "further",
    "extra",
    "skim",
    "must read",
    "must-read",
    "reading",
    "required reading",
    "optional reading",
    "recommended reading",
    "suggested reading",
    "background reading",
    "further reading",
    "additional reading",
    "supplementary reading",
    "supplemental reading",
    "extra reading",
];

/// A reading role before the paper (`Required: Leslie Lamport. Time,
/// ...`): the label without its colon and the rest of the line.
fn split_reading_role(text: &Styled) -> Option<(Styled, Styled)> {
    let plain = &text.text;
    if !plain.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let colon = plain.get(..26).unwrap_or(plain).find(':')?;
    let label = plain[..colon].trim_end();
    if !READING_ROLES.contains(&label.to_ascii_lowercase().as_str()) {
        return None;
    }
    let rest = &plain[colon + 1..];
    let value = rest.trim_start();
    if value.len() == rest.len() || value.is_empty() {
        return None;
    }
    let end = plain.len();
    Some((
        text.slice(0..label.len()),
        text.slice(end - value.len()..end),
    ))
}

/// `Title: Scalable Inference; Authors: Jane Doe, John Smith; Venue: KDD
/// 2019`: a line of labelled parts, cut before each label after the first
/// (a label is a field's name and a colon after `; ` or ` | `). None unless
/// the line opens with a label and has another.
fn split_labelled_parts(text: &Styled) -> Option<Vec<Styled>> {
    let plain = &text.text;
    let is_label = |head: &str| {
        head.split_once(':').is_some_and(|(label, _)| {
            label.len() <= 20 && FIELD_LABELS.contains(&label.trim().to_ascii_lowercase().as_str())
        })
    };
    if !plain.contains("; ") && !plain.contains(" | ") || !is_label(plain) {
        return None;
    }
    let mut cuts = Vec::new();
    for separator in ["; ", " | "] {
        for (at, _) in plain.match_indices(separator) {
            if is_label(&plain[at + separator.len()..]) {
                cuts.push(at..at + separator.len());
            }
        }
    }
    if cuts.is_empty() {
        return None;
    }
    cuts.sort_by_key(|cut| cut.start);
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        parts.push(text.slice(start..cut.start));
        start = cut.end;
    }
    parts.push(text.slice(start..plain.len()));
    Some(parts)
}

/// Cuts one line into pieces that are each one field.
pub(crate) fn split_line(text: &Styled) -> Vec<Styled> {
    // A label on a line of its own (dblp's `[c340]`) is no field.
    if text.text.trim_start().starts_with(['[', '('])
        && LIST_LABEL
            .find(&text.text)
            .is_some_and(|found| text.text[found.end()..].trim().is_empty())
    {
        return Vec::new();
    }
    let text = strip_list_label(text).into_trimmed(&[]);
    // `Title: ...; Authors: ...; Venue: KDD 2019`: each labelled part alone.
    if let Some(parts) = split_labelled_parts(&text) {
        return parts.iter().flat_map(split_line).collect();
    }
    let text = strip_field_label(text);
    let (role, text) = match split_reading_role(&text) {
        Some((role, rest)) => (Some(role), rest),
        None => (None, text),
    };
    let mut pieces = Vec::new();
    pieces.extend(role);
    if let Some(found) = split_scholar_result(&text) {
        pieces.extend(found);
        return pieces;
    }
    // `**Date analyzed:** 2026-04-11`: one field, whatever its label's style.
    if labelled_date(text.text.trim()).is_some() {
        pieces.push(text);
        return pieces;
    }
    // GB/T 7714 lines are cut at their type code, and their `Place:
    // Publisher, Year` in two; other lines are not looked at for either.
    let gbt = has_gbt_code(&text.text);
    let gbt_cut = |piece: Styled| -> Vec<Styled> {
        if !gbt {
            return vec![piece];
        }
        split_gbt_code(piece).into_iter().collect()
    };
    let gbt_publisher_cut = |piece: Styled| -> Cut {
        if gbt {
            split_gbt_publisher_year(piece)
        } else {
            Cut::Whole(piece)
        }
    };
    let rest = match split_glued_venue_prefix(&text) {
        Some((tag, rest)) => {
            pieces.push(tag);
            rest
        }
        None => text,
    };
    // `2021/1/20 Title [ACL-2019]`: a reading log's day before the title.
    let rest = match rest
        .text
        .split_once(' ')
        .filter(|(day, title)| year_of_day(day).is_some() && !title.trim().is_empty())
    {
        Some((day, _)) => {
            let end = rest.text.len();
            pieces.push(rest.slice(0..day.len()));
            rest.slice(day.len() + 1..end).into_trimmed(&[])
        }
        None => rest,
    };
    let rest = match split_leading_tag(&rest)
        .or_else(|| split_lenticular_tag(&rest))
        .or_else(|| split_list_tag(&rest))
    {
        Some((tag, rest)) => {
            pieces.push(tag);
            rest
        }
        None => rest,
    };
    let rest = match split_leading_title(&rest) {
        Some((title, rest)) => {
            pieces.push(title);
            rest
        }
        None => rest,
    };
    for piece in split_mla_issue(rest)
        .into_iter()
        .flat_map(split_separators)
        .flat_map(split_linked_title)
    {
        for piece in split_parentheticals(piece) {
            for piece in split_quoted(piece) {
                for piece in split_glued_proceedings(piece) {
                    for piece in split_sentences(piece) {
                        for piece in gbt_cut(piece)
                            .into_iter()
                            .flat_map(split_editors)
                            .flat_map(split_dblp_authors)
                            .flat_map(split_author_year)
                            .flat_map(split_comma_authors)
                            .flat_map(split_in_venue)
                            .flat_map(split_names_venue)
                            .flat_map(split_publisher_address)
                            .flat_map(split_doi)
                            .flat_map(split_thesis)
                            .flat_map(split_locator)
                        {
                            for piece in split_trailing_venue(piece)
                                .into_iter()
                                .flat_map(split_title_names)
                                .flat_map(split_title_et_al)
                            {
                                for piece in split_issue(piece)
                                    .into_iter()
                                    .flat_map(split_journal_volume)
                                {
                                    for piece in split_pages(piece)
                                        .into_iter()
                                        // `Title, Proc. of OSDI 2019, pp. 1-10`: the
                                        // venue was last once the pages went.
                                        .flat_map(split_trailing_venue)
                                        .flat_map(split_journal_volume)
                                        .flat_map(split_status_year)
                                        .flat_map(split_trailing_status)
                                        .flat_map(gbt_publisher_cut)
                                    {
                                        for piece in split_leading_labels(piece) {
                                            pieces.extend(split_trailing_labels(piece));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    pieces
        .into_iter()
        .map(|p| {
            trim_leading_by(trim_trailing_period(trim_leading_dash(trim_leading_stop(
                p.into_trimmed(&[',', ';', '|', '\\', '\u{b7}']),
            ))))
        })
        .filter(|p| {
            !p.text
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty()
        })
        .collect()
}

/// MLA's and Chicago's journal reference, as Google Scholar's "Cite" writes
/// them: `... IEEE Access 6 (2018): 64270-64277.`, `Communications of the
/// ACM 51.1 (2008): 107-113.`, `... Systems 16, no. 2 (1998): 133-169.`: the
/// journal, its volume and number (written `51(1)`, as other styles do), the
/// year and the pages, each a field.
fn split_mla_issue(text: Styled) -> Cut {
    static MLA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\S\s+(\d{1,4})(?:\.(\d{1,4})|,\s*no\.\s*(\d{1,4}))?\s+\(((?:19|20)\d\d)\):\s*([A-Za-z]?\d+(?:\s*[-\u{2010}-\u{2015}]+\s*[A-Za-z]?\d+)?)\.?(.*)$")
            .expect("valid MLA regex")
    });
    // `(2018):` is rare: look for it before running the pattern.
    if !text.text.contains("):") {
        return Cut::Whole(text);
    }
    let Some(found) = MLA.captures(&text.text) else {
        return Cut::Whole(text);
    };
    let (Some(volume), Some(year), Some(pages)) = (found.get(1), found.get(4), found.get(5)) else {
        return Cut::Whole(text);
    };
    let issue = match found.get(2).or_else(|| found.get(3)) {
        Some(number) => format!("{}({})", volume.as_str(), number.as_str()),
        None => volume.as_str().to_owned(),
    };
    // A page alone (`Applied Sciences 9.1 (2019): 108`) is said to be one.
    let pages = if pages.as_str().bytes().all(|b| b.is_ascii_digit()) {
        Styled::from_text(format!("p. {}", pages.as_str()))
    } else {
        text.slice(pages.range())
    };
    let end = text.text.len();
    let rest = found.get(6).map_or(end, |rest| rest.start());
    Cut::Parts(vec![
        text.slice(0..volume.start()),
        Styled::from_text(issue),
        text.slice(year.range()),
        pages,
        text.slice(rest..end),
    ])
}

/// Drops the period or colon that ended the field before (`(2021). Title`,
/// left when the year was cut out): one followed by a space.
fn trim_leading_stop(text: Styled) -> Styled {
    let plain = &text.text;
    let rest = plain.trim_start();
    let offset = plain.len() - rest.len();
    match rest.as_bytes() {
        [b'.' | b':', b' ', ..] => {
            let end = plain.len();
            text.into_slice(offset + 2..end)
        }
        _ => text,
    }
}

/// `A, B, and C. "Title." Venue, 2021` and IEEE's `A, B, and C, "Title," in
/// Proc. X, 2017`: a quoted text of two words or more between other fields is
/// a field of its own (quotes and all: the title and author readers drop them).
fn split_quoted(text: Styled) -> Cut {
    let Some(quoted) = quoted_span(&text.text) else {
        return Cut::Whole(text);
    };
    let end = text.text.len();
    if quoted.start == 0 && quoted.end == end {
        return Cut::Whole(text);
    }
    let mut pieces = Vec::new();
    if quoted.start > 0 {
        pieces.push(text.slice(0..quoted.start));
    }
    pieces.push(text.slice(quoted.clone()));
    if quoted.end < end {
        pieces.push(text.slice(quoted.end..end));
    }
    Cut::Parts(pieces)
}

/// The first quoted span (`"..."` or `“...”`, quotes included) that opens at the
/// start or after a space, holds two words or more, and closes at the end or
/// before a space or punctuation.
fn quoted_span(plain: &str) -> Option<Range<usize>> {
    if !plain.contains(['"', '“']) {
        return None;
    }
    let mut previous: Option<char> = None;
    for (open, c) in plain.char_indices() {
        let opens = matches!(c, '"' | '“') && previous.is_none_or(char::is_whitespace);
        previous = Some(c);
        if !opens {
            continue;
        }
        let closing = if c == '“' { '”' } else { '"' };
        let inner_start = open + c.len_utf8();
        let Some(length) = plain[inner_start..].find(closing) else {
            continue;
        };
        let inner = &plain[inner_start..inner_start + length];
        let end = inner_start + length + closing.len_utf8();
        let closes = plain[end..]
            .chars()
            .next()
            .is_none_or(|next| next.is_whitespace() || matches!(next, '.' | ',' | ';' | ':' | ')'));
        if closes && inner.trim().contains(' ') {
            return Some(open..end);
        }
    }
    None
}

/// `Orca: A Distributed Serving System, OSDI 2022 [paper]`: a known venue with
/// its year after the last comma ends the title. The venue (and any link labels
/// after it) become fields of their own; an author list (`A, B, C`) has no
/// venue and year at its end and is left whole.
fn split_trailing_venue(text: Styled) -> Cut {
    let plain = &text.text;
    // `..., NeurIPS 2022, [paper](url)`: link labels after the last comma
    // (Markdown leaves their text without brackets) are not the venue.
    let mut search_end = plain.len();
    while let Some(comma) = plain.as_bytes()[..search_end]
        .windows(2)
        .rposition(|pair| pair == b", ")
    {
        let last = trim_range_of(plain, comma + 2..search_end);
        let is_label = !last.is_empty()
            && text.covered_by(last.clone(), |m| matches!(m, Mark::Link(_)))
            && is_links_only(&text.slice(last));
        if !is_label {
            break;
        }
        search_end = comma;
    }
    let Some(comma) = plain.as_bytes()[..search_end]
        .windows(2)
        .rposition(|pair| pair == b", ")
    else {
        return Cut::Whole(text);
    };
    let tail_start = comma + 2;
    // Link labels at the very end (`[paper] [code]`) are not part of the venue.
    let mut venue_end = plain[..search_end].trim_end().len();
    while plain[..venue_end].ends_with(']') {
        match plain[..venue_end].rfind('[') {
            Some(open) if open > tail_start => {
                venue_end = plain[..open].trim_end().len().max(tail_start);
            }
            _ => break,
        }
    }
    let Some(venue) = plain.get(tail_start..venue_end) else {
        return Cut::Whole(text);
    };
    let head = &plain[..comma];
    let reads_as_venue = (venue.bytes().any(|b| b.is_ascii_digit())
        && words_up_to(venue, 7) <= 6
        && year_in(venue).is_some()
        && venue::detect(venue).is_some())
        // `設計, 情報処理学会論文誌`: a journal named in Japanese or Chinese.
        || names_chinese_venue(venue);
    // A title in Han characters has no spaces: its characters count.
    let long_head = words_up_to(head, 3) >= 3 || (!head.is_ascii() && head.chars().count() >= 4);
    if !reads_as_venue || !long_head || name_score(head) >= 0.6 {
        return Cut::Whole(text);
    }
    let end = plain.len();
    let mut pieces = vec![text.slice(0..comma), text.slice(tail_start..venue_end)];
    if venue_end < end {
        pieces.push(text.slice(venue_end..end));
    }
    Cut::Parts(pieces)
}

/// `Chain-of-Thought Prompting Elicits Reasoning, Jason Wei, Xuezhi Wang`:
/// a title, then its authors after a comma. The title is the first element
/// (three words or more, with a colon or a lower-case word after its first);
/// all after it reads as two names or more, without affiliations.
fn split_title_names(text: Styled) -> Cut {
    let plain = &text.text;
    let Some(first) = plain.find(", ") else {
        return Cut::Whole(text);
    };
    if plain.contains([';', '(']) {
        return Cut::Whole(text);
    }
    let title = &plain[..first];
    let telling = title.contains(':')
        || title.split_whitespace().skip(1).any(|word| {
            word.starts_with(|c: char| c.is_lowercase())
                && !matches!(
                    word,
                    "and" | "van" | "von" | "de" | "der" | "da" | "di" | "le" | "la"
                )
        });
    let second = plain[first + 2..].split(", ").next().unwrap_or_default();
    if !telling
        || words_up_to(title, 3) < 3
        || name_score(second.trim().trim_start_matches("and ")) < 0.6
        || name_score(title) >= 0.6
    {
        return Cut::Whole(text);
    }
    // `Title Noam Shazeer, Youlong Cheng, ...`: the first name is glued to the
    // title, which the entry's reader splits off; not cut here.
    if split_glued_title_authors(&text).is_some() {
        return Cut::Whole(text);
    }
    let end = plain.len();
    let names = text.slice(first + 2..end);
    let (score, read) = scored_parse(&names);
    if score < 0.6 || read.people.len() < 2 || read.people.iter().any(|p| p.affiliation.is_some()) {
        return Cut::Whole(text);
    }
    Cut::Parts(vec![text.slice(0..first), names])
}

/// `range` of `text` without the whitespace at its ends.
fn trim_range_of(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    start..(range.start + slice.trim_end().len()).max(start)
}

/// Whether text ends a `;`-separated list of inverted names: `Moritz, P.;
/// Stoica, I` (the final period cut off): a `;` before, and after it a family
/// name, a comma and initials only.
fn ends_inverted_names(text: &str) -> bool {
    let Some(semicolon) = text.rfind(';') else {
        return false;
    };
    is_inverted_initials(&text[semicolon + 1..])
}

/// `LeCun, Y., Bengio, Y. & Hinton, G. Deep learning.` (Nature, and APA
/// without a year): the initials of the name after the final `&` or `and` end
/// the author list, when the names before it are inverted too.
/// `J. ...`, `J.-P. ...`: a text that starts with an initial (a name's
/// middle initial, after the first).
fn starts_with_initial(text: &str) -> bool {
    let word = text.split_whitespace().next().unwrap_or_default();
    let word = word.trim_end_matches([',', ';']);
    word.ends_with('.')
        && word.len() <= 5
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-'))
}

/// `YU, G.-I., JEONG, J. S., KIM, G.-W., CHUN, B.-G`: two or more `Family,
/// Initials` joined by commas alone, ending in initials (whose period ends the
/// names).
fn ends_comma_inverted_names(text: &str) -> bool {
    // Cheap refusal: the text ends in an initial.
    if !text.ends_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let elements: Vec<&str> = text.split(", ").collect();
    // `J. S.`, `G.-I`, `B`: with periods unless one letter (`KIM` is a name).
    let initials = |t: &str| {
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        (letters == 1 || (letters <= 3 && t.contains('.')))
            && t.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | ' '))
    };
    let family = |t: &str| {
        (1..=3).contains(&words_up_to(t, 4))
            && t.starts_with(|c: char| c.is_uppercase())
            && !t.bytes().any(|b| b.is_ascii_digit())
            && !initials(t)
            // `Smith, J. W., J. E. Everhart, W. C. Dickson`: Chicago inverts
            // the first name only; a name that starts with initials is whole.
            && !t.split(' ').next().is_some_and(initials)
    };
    elements
        .rchunks_exact(2)
        .take_while(|pair| family(pair[0]) && initials(pair[1]))
        .count()
        >= 2
}

fn ends_joined_inverted_names(text: &str) -> bool {
    let Some((at, len)) = [" & ", " and "]
        .iter()
        .filter_map(|sep| text.rfind(sep).map(|at| (at, sep.len())))
        .max()
    else {
        return false;
    };
    let before = text[..at].trim_end().trim_end_matches(',');
    let last_word = before.rsplit(' ').next().unwrap_or_default();
    let initial_before = last_word.ends_with('.')
        && (1..=3).contains(&last_word.chars().filter(|c| c.is_alphabetic()).count())
        && last_word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-'));
    initial_before && before.contains(", ") && is_inverted_initials(&text[at + len..])
}

/// `Hinton, G`, `Yu, C.H`: a family name, a comma and initials only.
fn is_inverted_initials(text: &str) -> bool {
    // BibBase's `Doe, J.; Chen, W.; and Stoica, I.`
    let text = text.trim();
    let text = text
        .strip_prefix("and ")
        .or_else(|| text.strip_prefix("& "))
        .unwrap_or(text);
    let Some((family, initials)) = text.split_once(", ") else {
        return false;
    };
    let family_ok = family
        .split(' ')
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let letters = initials.chars().filter(|c| c.is_alphabetic()).count();
    let initials_ok = (1..=4).contains(&letters)
        && initials
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | ' '));
    family_ok && !family.is_empty() && initials_ok
}

/// Vancouver's date before the volume: `2020;12(3)`, `2020 Mar 5;12`.
pub(crate) static VANCOUVER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:19|20)[0-9]{2}(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+[0-9]{1,2})?)?\s*;\s*[0-9]")
        .expect("valid Vancouver date regex")
});

/// A lone author in Vancouver style before the title: `Stoica I. Stateless
/// core: ... Nature. 2020;12(3):45-50`. The name is all of `head`, and what follows is a sentence of
/// three words or more that does not go on with names (`Tan N. Le (SUNY),
/// Xiao Sun (...)`).
fn lone_vancouver_name(head: &str, after: &str) -> bool {
    // The entry must be in Vancouver style throughout, dated `2020;12(3)`:
    // `Vitamin D. Effects on bone` is a title.
    let Some((family, _)) = crate::authors::vancouver_name(head) else {
        return false;
    };
    // GB/T 7714 writes names so too (`Li M. Title[D]. ...`).
    let gbt = has_gbt_code(after);
    if !gbt && (!after.contains(';') || !VANCOUVER_DATE.is_match(after)) {
        return false;
    }
    let next = after.split(". ").next().unwrap_or(after);
    let first_word = next.split(' ').next().unwrap_or_default();
    !family.contains(' ')
        && words_up_to(next, 3) >= 3
        && !first_word.ends_with(',')
        && name_score(family) >= 0.5
        && scored_parse(&Styled::from_text(next.to_owned())).0 < 0.6
}

/// A lone author, family name first with initials, before a title with no
/// year between (`Mattern, F. Virtual Time and Global States of ...`, as
/// reading lists cite): the name is all of `head` (up to the initials' last
/// period), and what follows is a sentence of three words or more, opening
/// with a word (not an initial), that reads as no names (`Smith, J. William`
/// goes on with the name).
fn lone_inverted_initials(head: &str, after: &str) -> bool {
    let Some((family, initials)) = head.trim_start().split_once(", ") else {
        return false;
    };
    let family_ok = !family.is_empty()
        && words_up_to(family, 3) <= 2
        && family.split([' ', '-']).all(|word| {
            word.starts_with(|c: char| c.is_uppercase())
                && word.chars().any(char::is_lowercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}'))
        });
    let initials_ok = initials
        .split(['.', ' ', '-'])
        .filter(|part| !part.is_empty())
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
        && initials.chars().any(char::is_uppercase);
    if !family_ok || !initials_ok {
        return false;
    }
    let next = after.split(". ").next().unwrap_or(after);
    let first_word = next.split(' ').next().unwrap_or_default();
    first_word.chars().count() >= 2
        && first_word.starts_with(|c: char| c.is_uppercase())
        && !first_word.ends_with([',', '.'])
        && words_up_to(next, 3) >= 3
        && name_score(family) >= 0.5
}

/// Whether text ends a list of two names or more in Vancouver style:
/// `Vaswani A, Shazeer N, Polosukhin I` (before `. Title`).
fn ends_vancouver_names(text: &str) -> bool {
    let mut count = 0;
    for element in text.rsplit(", ") {
        if crate::authors::vancouver_name(element).is_none() {
            return false;
        }
        count += 1;
    }
    count >= 2
}

/// GB/T 7714 (the Chinese national reference standard) marks what a work is
/// with a code glued to its title: `[J]` journal, `[C]` proceedings, `[D]`
/// thesis, `[M]` book, `[EB/OL]` online, ...; `//` then opens the container
/// (`Title[C]//Proceedings of ...`).
static GBT_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(?:J|C|M|D|R|P|S|N|A|G|Z|K|DB|CP|EB)(?:/OL)?\](?://)?")
        .expect("valid GB/T code regex")
});

/// Whether a line is written in GB/T 7714 style: a type code after a word.
pub(crate) fn has_gbt_code(text: &str) -> bool {
    text.contains("]") && GBT_CODE.find_iter(text).any(|found| found.start() > 0)
}

/// The kind a GB/T 7714 type code (`[J]`, `[C]`, `[EB/OL]`) says.
fn gbt_kind(code: &str) -> Option<EntryKind> {
    let inner = code.strip_prefix('[')?.strip_suffix(']')?;
    let inner = inner.strip_suffix("/OL").unwrap_or(inner);
    Some(match inner {
        "J" | "N" => EntryKind::Article,
        "C" => EntryKind::Inproceedings,
        "D" => EntryKind::Thesis,
        "M" | "G" => EntryKind::Book,
        "A" => EntryKind::Chapter,
        "R" => EntryKind::Preprint,
        "P" | "S" | "Z" | "K" | "DB" | "CP" | "EB" => EntryKind::Misc,
        _ => return None,
    })
}

/// `Title[C]//Proceedings of X`, `Title[J]`: GB/T 7714's type code ends the
/// title and is a field of its own; what follows `//` is the container,
/// kept with the `//` that says so ([`venue_text`] reads it as a venue).
fn split_gbt_code(text: Styled) -> Cut {
    let plain = &text.text;
    let Some(found) = GBT_CODE.find_iter(plain).find(|found| found.start() > 0) else {
        return Cut::Whole(text);
    };
    let end = plain.len();
    let code_end = found
        .as_str()
        .find(']')
        .map_or(found.end(), |at| found.start() + at + 1);
    let mut pieces = vec![
        text.slice(0..found.start()),
        text.slice(found.start()..code_end),
    ];
    if code_end < end {
        pieces.push(text.slice(code_end..end));
    }
    Cut::Parts(pieces)
}

/// GB/T 7714's `New York: ACM, 2023` and `Pittsburgh: Carnegie Mellon
/// University, 2017`: the place and publisher, then the year, a field of its own.
fn split_gbt_publisher_year(text: Styled) -> Cut {
    let plain = text.text.trim_end().trim_end_matches('.');
    let Some((head, year)) = plain.rsplit_once(", ") else {
        return Cut::Whole(text);
    };
    let is_year = year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && matches!(&year[..2], "19" | "20");
    // `北京, 2021`, `Beijing, 2021`: the place a proceedings was published.
    let head_trimmed = head.trim();
    let is_place_alone = is_place(head_trimmed)
        || (head_trimmed.chars().count() <= 4 && head_trimmed.chars().all(is_han));
    if !is_year || (publisher_of(head_trimmed).is_none() && !is_place_alone) {
        return Cut::Whole(text);
    }
    let at = head.len();
    let end = plain.len();
    Cut::Parts(vec![text.slice(0..at), text.slice(at + 2..end)])
}

/// dblp's `A, B, C: Title.`: an author list ends at the first colon. Only a
/// list of two names or more is cut there, as a title's own colon (`Ray: A
/// Framework`, `Deep Gradient: ...`) follows one or two words.
fn split_dblp_authors(text: Styled) -> Cut {
    let plain = &text.text;
    let Some(colon) = plain.as_bytes().windows(2).position(|pair| pair == b": ") else {
        return Cut::Whole(text);
    };
    let head = &plain[..colon];
    let is_list = head.contains(", ") || head.contains(" and ") || head.contains(" & ");
    // One name set apart in italics or bold (`*Hannah Bast*: Title`), or
    // with an initial first (`J. Bürklin: "Title"`): a title has neither.
    let one_name = || {
        let set_apart = text.covered_by(0..colon, |m| matches!(m, Mark::Emphasis | Mark::Strong));
        let initial_first = head.as_bytes().get(1..3) == Some(b". ")
            && head.starts_with(|c: char| c.is_ascii_uppercase());
        (set_apart || initial_first) && name_score(head) >= 0.6
    };
    if !(is_list || one_name()) || head.contains(';') || words_up_to(&plain[colon + 2..], 2) < 2 {
        return Cut::Whole(text);
    }
    // dblp's lists have no affiliations: `P. Moritz, I. Stoica, Ray: A
    // Framework` is a list, then a title that has a colon (`Ray` would be
    // read as an affiliation).
    let (score, read) = scored_parse(&text.slice(0..colon));
    if score < 0.6 || read.people.iter().any(|p| p.affiliation.is_some()) {
        return Cut::Whole(text);
    }
    let end = plain.len();
    Cut::Parts(vec![text.slice(0..colon), text.slice(colon + 2..end)])
}

/// Harvard's `Kaiser, Ł. and Polosukhin, I., 2017. Title`: the year written
/// after an author list (or a publisher), with a comma, is a field of its own.
fn split_author_year(text: Styled) -> Cut {
    let plain = text.text.trim_end().trim_end_matches('.');
    let bytes = plain.as_bytes();
    let Some(head_end) = bytes.len().checked_sub(6) else {
        return Cut::Whole(text);
    };
    let year_written = bytes[head_end..].starts_with(b", ")
        && bytes[head_end + 2..].iter().all(u8::is_ascii_digit)
        && matches!(&bytes[head_end + 2..head_end + 4], b"19" | b"20");
    // MLA's `PMLR, 2023` after the venue: a publisher and the year.
    let head_reads = || {
        is_publisher(&clean_tag(&plain[..head_end]))
            || scored_parse(&text.slice(0..head_end)).0 >= 0.6
    };
    if !year_written || !head_reads() {
        return Cut::Whole(text);
    }
    let end = plain.len();
    Cut::Parts(vec![text.slice(0..head_end), text.slice(head_end + 2..end)])
}

/// Elsevier, SIAM and Science put the title after the authors with only a
/// comma: `P. Moritz, R. Nishihara, and I. Stoica, Ray: A framework for AI,
/// in OSDI, 2018`. The names run up to the first element that is not one; a
/// title of three words or more must follow.
fn split_comma_authors(text: Styled) -> Cut {
    let plain = &text.text;
    // USENIX lists (`A, B, Univ; C, Univ`) and lists in parentheses are others'.
    if !plain.contains(", ") || plain.contains([';', '(']) {
        return Cut::Whole(text);
    }
    // The title first, told in one pass over the bytes: the first element of
    // three words or more with a colon or a lower-case word after its first
    // (`and` and name particles aside), or of five words or more. Names have
    // none of these, so most author lists are left before any name is scored.
    let bytes = plain.as_bytes();
    let mut title_at = None;
    let (mut start, mut words, mut telling) = (0, 0, false);
    let mut i = 0;
    while i <= bytes.len() {
        if i == bytes.len() || (bytes[i] == b',' && bytes.get(i + 1) == Some(&b' ')) {
            if words >= 3 && (words >= 5 || telling) {
                title_at = Some(start);
                break;
            }
            (start, words, telling) = (i + 2, 0, false);
            i += 2;
            continue;
        }
        let b = bytes[i];
        if b == b':' {
            telling = true;
        }
        if b != b' ' && (i == start || bytes[i - 1] == b' ') {
            words += 1;
            if words > 1 && b.is_ascii_lowercase() {
                let word_end = plain[i..].find([' ', ',']).map_or(plain.len(), |n| i + n);
                let word = &plain[i..word_end];
                telling |= !matches!(
                    word,
                    "and"
                        | "et"
                        | "al"
                        | "al."
                        | "van"
                        | "von"
                        | "de"
                        | "der"
                        | "den"
                        | "da"
                        | "di"
                        | "du"
                        | "le"
                        | "la"
                        | "del"
                        | "dos"
                );
            }
        }
        i += 1;
    }
    let Some(start) = title_at.filter(|&at| at > 0) else {
        return Cut::Whole(text);
    };
    // Every element before it a name.
    let mut names = 0;
    for element in plain[..start - 2].split(", ") {
        let element = element.trim();
        let element = element.strip_prefix("and ").unwrap_or(element);
        if words_up_to(element, 5) > 4 || name_score(element) < 0.6 {
            return Cut::Whole(text);
        }
        names += 1;
    }
    if names == 0 {
        return Cut::Whole(text);
    }
    let rest = &plain[start..];
    let title = rest.split(", ").next().unwrap_or_default();
    let title_words = words_up_to(title, 3);
    let title_like = title_words >= 3
        && !looks_like_organization(title)
        && name_score(title) < 0.6
        && !title.trim_start().starts_with("and ");
    // One name before a title needs more after it (a venue, a year).
    if !title_like || (names < 2 && title.len() == rest.len()) {
        return Cut::Whole(text);
    }
    let end = plain.len();
    Cut::Parts(vec![text.slice(0..start - 2), text.slice(start..end)])
}

/// `Ray: A framework for AI, in OSDI, 2018` and `..., in: Proc. X`: a venue
/// after the title with only a comma and `in`.
fn split_in_venue(text: Styled) -> Cut {
    let plain = &text.text;
    if !plain.contains(", in") && !plain.contains(", In") {
        return Cut::Whole(text);
    }
    let Some(at) = plain.match_indices(", ").map(|(at, _)| at).find(|&at| {
        let after = &plain.as_bytes()[at + 2..];
        matches!(after, [b'i' | b'I', b'n', b' ' | b':', ..])
    }) else {
        return Cut::Whole(text);
    };
    let after = &plain[at + 2..];
    let venue_part = after.split(", ").next().unwrap_or_default();
    let reads_as_venue = venue::detect(venue_part).is_some() || VENUE_WORDS.is_match(venue_part);
    if words_up_to(&plain[..at], 3) < 3 || !reads_as_venue {
        return Cut::Whole(text);
    }
    let end = plain.len();
    Cut::Parts(vec![text.slice(0..at), text.slice(at + 2..end)])
}

/// `A, B, C, *NeurIPS*, 2023` and `A, B, arXiv:2001.08361, 2020`: names,
/// then a venue with only a comma. The venue (a known one, a preprint's
/// identifier, or an italic one that says it is a venue) and what follows
/// it are cut off, or the venue would be read as the names' affiliation.
fn split_names_venue(text: Styled) -> Cut {
    let plain = &text.text;
    // A year, an identifier or italics tell the venue: most lists have none.
    if plain.contains(';') || !plain.contains(", ") {
        return Cut::Whole(text);
    }
    let telling = text.marks.iter().any(|(_, mark)| *mark == Mark::Emphasis)
        || plain.bytes().any(|b| b.is_ascii_digit());
    if !telling {
        return Cut::Whole(text);
    }
    let mut start = 0;
    let mut names = 0;
    for element in plain.split(", ") {
        let end = start + element.len();
        let trimmed = element.trim();
        let name = trimmed.strip_prefix("and ").unwrap_or(trimmed);
        // What a quoted title left before the names: `"Title", A, B`.
        let leading = names == 0 && trimmed.is_empty();
        if leading || (words_up_to(name, 5) <= 4 && name_score(name) >= 0.6) {
            names += usize::from(!leading);
            start = end + 2;
            continue;
        }
        if names == 0 {
            break;
        }
        let tag = clean_tag(element);
        let italic = text.covered_by(start..end, |m| *m == Mark::Emphasis);
        let is_venue = venue::lookup(&tag).is_some()
            || tag
                .split_whitespace()
                .any(|word| word.contains(['.', '/']) && word.parse::<ArxivId>().is_ok())
            || (italic && (VENUE_WORDS.is_match(&tag) || venue::detect(&tag).is_some()));
        if !is_venue {
            break;
        }
        let whole = plain.len();
        return Cut::Parts(vec![text.slice(0..start - 2), text.slice(start..whole)]);
    }
    Cut::Whole(text)
}

/// ACM's reference format: `Association for Computing Machinery, New York,
/// NY, USA, 611–626`: a publisher and its address, then the pages, which are
/// cut off ([`publisher_of`] reads the rest).
fn split_publisher_address(text: Styled) -> Cut {
    let plain = &text.text;
    // Pages last, after a comma.
    let Some(last) = plain
        .rfind(", ")
        .filter(|&at| plain.as_bytes().get(at + 2).is_some_and(u8::is_ascii_digit))
    else {
        return Cut::Whole(text);
    };
    // What the field before left: `. Association for ...`.
    let start = plain.len() - plain.trim_start_matches([' ', '.', ',', ';']).len();
    let Some(first) = plain[start..].find(", ") else {
        return Cut::Whole(text);
    };
    let pages = plain[last + 2..].trim_end().trim_end_matches('.');
    let is_range = pages.contains(['-', '\u{2013}']) && pages.parse::<PageRange>().is_ok();
    if first == 0 || !is_range || publisher_of(&plain[start..last]).is_none() {
        return Cut::Whole(text);
    }
    let end = plain.len();
    Cut::Parts(vec![text.slice(0..last), text.slice(last + 2..end)])
}

/// A place in an address or a conference's location: one to three
/// capitalised words without digits (`Carlsbad`, `CA`, `New York`).
fn is_place(element: &str) -> bool {
    (1..=3).contains(&words_up_to(element, 4))
        && element.starts_with(|c: char| c.is_uppercase())
        && !element.bytes().any(|b| b.is_ascii_digit())
}

/// A conference's location: one to three places (`Toronto, Canada`,
/// `Carlsbad, CA, USA`).
pub(crate) fn is_address(text: &str) -> bool {
    let text = text.trim_end_matches('.');
    // GB/T 7714's `北京, 2021`: a city in Han characters.
    if !text.is_ascii() && (2..=4).contains(&text.chars().count()) && text.chars().all(is_han) {
        return true;
    }
    let elements = text.split(", ").count();
    (1..=3).contains(&elements)
        && words_up_to(text, 7) <= 6
        && text.split(", ").all(is_place)
        && (elements > 1 || is_country_or_state(text))
}

/// A university or institute named in full, as a thesis or report is
/// published by one (`Pittsburgh: Carnegie Mellon University`).
pub(crate) fn is_institution(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "University",
        "Universität",
        "Université",
        "Universidad",
        "Universidade",
        "Università",
        "Universiteit",
        "Institute",
        "College",
        "Academy",
        "Hochschule",
    ];
    let name = name.trim_end_matches('.');
    name.starts_with(|c: char| c.is_uppercase())
        && words_up_to(name, 9) <= 8
        && !VENUE_WORDS.is_match(name)
        && name
            .split_whitespace()
            .any(|word| WORDS.contains(&word.trim_matches(|c: char| !c.is_alphabetic())))
}

/// An organisation named alone, as a list writes the authors' shared
/// affiliation on its own line (`UC Berkeley`, `Google DeepMind`, `Seoul
/// National University`): a few capitalised words, no digits, and a word
/// that only organisations' names have. Words that titles have too (`Group
/// Normalization`, `Foundation Models`, `State Space Models`) are not enough.
pub(crate) fn names_organization(text: &str) -> bool {
    const TITLE_WORDS_TOO: &[&str] = &[
        "group",
        "state",
        "national",
        "center",
        "centre",
        "foundation",
        "research",
        "technology",
        "technologies",
        "company",
        "academia",
        "sciences",
        "lab",
        "labs",
        "laboratory",
        "department",
        "school",
        "co",
    ];
    let text = text.trim().trim_end_matches(['.', ',', ';']);
    if is_institution(text) {
        return true;
    }
    let capitalised = text
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "of" | "and" | "for" | "&"));
    if words_up_to(text, 6) > 5
        || !capitalised
        || text
            .bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b':' | b'(' | b'"'))
    {
        return false;
    }
    let telling: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !TITLE_WORDS_TOO.contains(&w.to_lowercase().as_str()))
        .collect();
    looks_like_organization(&telling.join(" "))
}

/// `Carnegie Mellon University 2017`: the university of a thesis and its year,
/// as the Markdown export writes them.
fn institution_and_year(text: &str) -> bool {
    let Some((name, year)) = text.trim().rsplit_once(' ') else {
        return false;
    };
    year.len() == 4
        && year
            .parse::<i32>()
            .is_ok_and(|y| (1900..=2099).contains(&y))
        && name.contains(' ')
        && is_institution(name.trim_end_matches(','))
}

/// The publisher a piece names: the piece itself, or its first element when
/// an address follows (ACM's `USENIX Association, Berkeley, CA, USA`, maybe
/// with an article number: `USENIX Association, USA, 2`).
fn publisher_of(tag: &str) -> Option<&str> {
    if is_publisher(tag) {
        return Some(tag);
    }
    // Harvard and Chicago put the place first: `New York: ACM`,
    // `Cambridge, MA: MIT Press`; APA a proceedings' hall before it
    // (`International Convention Centre, Sydney, Australia: PMLR`).
    // `find(':')` is a byte search, cheaper than a string search on titles.
    if let Some(colon) = tag.find(':')
        && let Some(publisher) = tag[colon + 1..].strip_prefix(' ')
        && let place = &tag[..colon]
        && let elements = place.split(", ").count()
        && elements <= 3
        && place.split(", ").skip(elements / 3).all(is_place)
        && words_up_to(publisher, 6) <= 5
        && (is_publisher(publisher.trim_end_matches('.')) || is_institution(publisher))
    {
        return Some(publisher.trim_end_matches('.'));
    }
    let (publisher, address) = tag.split_once(", ")?;
    if !is_publisher(publisher) {
        return None;
    }
    let elements: Vec<&str> = address.split(", ").collect();
    let (last, places) = elements.split_last()?;
    let address_ok = elements.len() <= 4
        && places.iter().all(|p| is_place(p))
        && (is_place(last)
            || (!places.is_empty() && last.len() <= 5 && last.bytes().all(|b| b.is_ascii_digit())));
    address_ok.then_some(publisher)
}

/// A Google Scholar search result's line under the title: `J Doe, W Chen, I
/// Stoica - Proceedings of the ... Systems, 2023 - dl.acm.org`: the names and
/// the venue with its year; the site it was found on is no field.
fn split_scholar_result(text: &Styled) -> Option<Vec<Styled>> {
    static RESULT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(.+?)\s+[-\u{2013}\u{2014}]\s+((?:.+?,\s*)?(?:19|20)\d{2})\s+[-\u{2013}\u{2014}]\s+[a-z0-9][a-z0-9.-]*\.[a-z]{2,}\s*$")
            .expect("valid Scholar result regex")
    });
    // Cheap refusal: the line ends in a domain name.
    let plain = text.text.trim_end();
    let last_word = plain.rsplit(' ').next().unwrap_or_default();
    if !last_word.contains('.')
        || !last_word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-'))
    {
        return None;
    }
    let captures = RESULT.captures(plain)?;
    let (names, venue) = (captures.get(1)?, captures.get(2)?);
    Some(vec![text.slice(names.range()), text.slice(venue.range())])
}

/// APA's `In A. Smith & B. Jones (Eds.), Handbook of Data Systems`: the
/// editors and the book, two fields.
fn split_editors(text: Styled) -> Cut {
    static EDITORS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*In:?\s+(.+?\((?:Eds?|eds?|Hrsg)\.?\)),?\s+(\S.*)$")
            .expect("valid editors regex")
    });
    // `(Eds.)`, `(ed.)`, `(Hrsg.)`: found by the parenthesis, a byte search.
    let marked = text
        .text
        .match_indices('(')
        .any(|(at, _)| matches!(text.text.as_bytes().get(at + 1), Some(b'E' | b'e' | b'H')));
    if !marked {
        return Cut::Whole(text);
    }
    let Some(captures) = EDITORS.captures(&text.text) else {
        return Cut::Whole(text);
    };
    let (Some(editors), Some(book)) = (captures.get(1), captures.get(2)) else {
        return Cut::Whole(text);
    };
    Cut::Parts(vec![text.slice(editors.range()), text.slice(book.range())])
}

/// The editors a piece names: `A. Smith & B. Jones (Eds.)`, `J. Doe (Ed.)`.
fn editors_of(piece: &Styled) -> Option<Authors> {
    let plain = piece.text.trim_end();
    let names = [
        "(Eds.)", "(Ed.)", "(eds.)", "(ed.)", "(Eds)", "(Ed)", "(Hrsg.)",
    ]
    .iter()
    .find_map(|suffix| plain.strip_suffix(suffix))?;
    let names = piece.slice(0..names.trim_end().len());
    let authors = crate::authors::parse(&names);
    (!authors.people.is_empty()).then_some(authors)
}

/// What a thesis is called: `PhD thesis`, `Doctoral dissertation`,
/// `M.S. thesis`, `Master's thesis`, `Dissertation`.
const THESIS_KIND: &str = r"(?:(?:doctoral|ph\.?\s?d\.?|master'?s?|m\.?\s?s\.?c?\.?|m\.?\s?eng\.?|bachelor'?s?|diploma|habilitation)\s+(?:dissertation|thesis)|dissertation|thesis)";

/// The presentation a venue tag ends with: `ICLR 2024 Oral`, `NeurIPS 2023
/// Spotlight`, `CVPR 2024 Highlight` (after a year, so `Oral Oncology` is
/// no such tag).
/// How a paper was presented, when a venue singles it out (kept as a
/// distinction among the awards).
const PRESENTATIONS: &[&str] = &["Oral", "Spotlight", "Highlight"];

pub(crate) fn presentation_after_venue(written: &str) -> Option<&'static str> {
    const KINDS: &[&str] = PRESENTATIONS;
    let (head, last) = written.trim().rsplit_once(' ')?;
    // `ICML 2023 (Oral)`: in parentheses too.
    let last = last.trim_matches(['(', ')']);
    let kind = KINDS.iter().find(|k| k.eq_ignore_ascii_case(last))?;
    let year_before = head
        .rsplit(' ')
        .next()
        .is_some_and(|w| year_in(w).is_some() || w.starts_with(['\'', '\u{2019}']));
    year_before.then_some(*kind)
}

/// What kind of paper a venue's tag says it is (`ICLR 2024 (Poster)`,
/// `SIGMOD 2023 [Demo]`, `CHI 2022, Short Paper`): kept as the entry's note.
const PAPER_KINDS: &[&str] = &[
    "Poster",
    "Demo",
    "Short Paper",
    "Extended Abstract",
    "Position Paper",
    "Invited Paper",
    "Work in Progress",
    "Lightning Talk",
];

pub(crate) fn paper_kind_after_venue(written: &str) -> Option<&'static str> {
    let text = written.trim().trim_end_matches([')', ']', '.', ' ']);
    PAPER_KINDS.iter().find_map(|kind| {
        let at = text.len().checked_sub(kind.len())?;
        if !text.get(at..)?.eq_ignore_ascii_case(kind) {
            return None;
        }
        let head = text[..at].trim_end_matches(['(', '[', ',', ' ', '-', '\u{2014}']);
        let year_before = head
            .rsplit(' ')
            .next()
            .is_some_and(|w| year_in(w).is_some() || w.starts_with(['\'', '\u{2019}']));
        year_before.then_some(*kind)
    })
}

/// A citation count as Google Scholar and BibBase show it: `12 citations`,
/// `Cited by 40`, `1 citation`.
fn is_citation_count(text: &str) -> bool {
    let text = text.trim();
    // Cheap refusal: a count starts with its number or `Cited`, and is short.
    if text.len() > 24 || !text.starts_with(|c: char| c.is_ascii_digit() || c == 'C' || c == 'c') {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b',');
    lower.strip_prefix("cited by ").is_some_and(number)
        || lower
            .strip_suffix(" citations")
            .or_else(|| lower.strip_suffix(" citation"))
            .is_some_and(number)
}

/// Cheap refusal before the thesis regexes: most pieces name no thesis.
fn names_thesis(text: &str) -> bool {
    text.contains("hesis") || text.contains("ssertation") || text.contains("HESIS")
}

/// A piece that only says it is a thesis (`[Doctoral dissertation]`, `PhD thesis`).
static THESIS_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\[?{THESIS_KIND}\]?\.?$")).expect("valid thesis regex")
});

/// APA's `Title [Doctoral dissertation, Carnegie Mellon University]` and a CV's
/// `PhD thesis, Carnegie Mellon University`: the kind and the university, two
/// fields (the piece after a kind that follows the title is its container).
fn split_thesis(text: Styled) -> Cut {
    static AFTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(.*\S)\s*\[({THESIS_KIND})(?:,\s*([^\]]+))?\]\.?$"
        ))
        .expect("valid thesis regex")
    });
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^\s*({THESIS_KIND}),\s*(\S.*)$")).expect("valid thesis regex")
    });
    let plain = &text.text;
    if !names_thesis(plain) {
        return Cut::Whole(text);
    }
    let groups: Vec<Range<usize>> = if let Some(c) = AFTER_TITLE.captures(plain) {
        [c.get(1), c.get(2), c.get(3)]
            .into_iter()
            .flatten()
            .map(|m| m.range())
            .collect()
    } else if let Some(c) = LEADING.captures(plain) {
        [c.get(1), c.get(2)]
            .into_iter()
            .flatten()
            .map(|m| m.range())
            .collect()
    } else {
        return Cut::Whole(text);
    };
    Cut::Parts(groups.into_iter().map(|range| text.slice(range)).collect())
}

/// IEEE's `..., 2016, doi: 10.1145/2934664.`: the DOI written after the
/// other fields is a field of its own (the entry reads it from the text).
fn split_doi(text: Styled) -> Cut {
    let plain = &text.text;
    if !(plain.contains("doi") || plain.contains("DOI") || plain.contains("Doi")) {
        return Cut::Whole(text);
    }
    let Some(at) = plain.match_indices(", ").map(|(at, _)| at + 2).find(|&at| {
        plain.as_bytes()[at..].get(..4).is_some_and(|word| {
            word.eq_ignore_ascii_case(b"doi:") || word.eq_ignore_ascii_case(b"doi ")
        })
    }) else {
        return Cut::Whole(text);
    };
    let end = plain.len();
    Cut::Parts(vec![text.slice(0..at - 2), text.slice(at..end)])
}

/// `doi: 10.1145/2934664`, `DOI 10.1145/...`: a DOI written out with its label.
/// APA's and IEEE's `Retrieved from https://...`, `[Online]. Available:
/// https://...`: an address, labelled (or the label alone, before a link).
fn labelled_address(plain: &str) -> bool {
    labelled_address_rest(plain).is_some_and(|rest| rest.is_empty() || bare_url(rest).is_some())
}

fn labelled_address_rest(plain: &str) -> Option<&str> {
    // Cheap refusal: most pieces start with none of the labels' letters.
    if !plain.trim_start().starts_with(['R', 'r', 'A', 'a', '[']) {
        return None;
    }
    let text = plain
        .trim()
        .trim_start_matches("[Online]")
        .trim_start_matches(['.', ' ']);
    [
        "Retrieved from",
        "Available from",
        "Available at",
        "Available:",
    ]
    .iter()
    .find_map(|label| {
        text.get(..label.len())
            .filter(|head| head.eq_ignore_ascii_case(label))
            .map(|_| text[label.len()..].trim_start_matches(':').trim())
    })
}

/// An address written out as a field: alone or labelled (`Retrieved from
/// https://...`).
pub(crate) fn written_address(plain: &str) -> Option<&str> {
    bare_url(plain).or_else(|| labelled_address_rest(plain).and_then(bare_url))
}

fn labelled_doi(plain: &str) -> bool {
    let text = plain.trim().trim_end_matches('.');
    text.get(..4).is_some_and(|label| {
        label.eq_ignore_ascii_case("doi:") || label.eq_ignore_ascii_case("doi ")
    }) && text[4..].trim().parse::<paperlist_model::Doi>().is_ok()
}

/// `"Title" by A, B and C` and `Title (with A and B)`: the `by` or `with`
/// before an author list.
fn trim_leading_by(text: Styled) -> Styled {
    let plain = &text.text;
    let rest = plain.trim_start();
    let offset = plain.len() - rest.len();
    let is_by = rest
        .as_bytes()
        .get(..3)
        .is_some_and(|head| head.eq_ignore_ascii_case(b"by "));
    // A CV's `Title (with A and B)`: the co-authors (written in lower case,
    // as a title's own `With ...` is not).
    let word = if is_by {
        3
    } else if rest.starts_with("with ") {
        5
    } else {
        return text;
    };
    let end = plain.len();
    let names = text.slice(offset + word..end);
    if scored_parse(&names).0 >= 0.6 {
        names
    } else {
        text
    }
}

/// `Commun. ACM, vol. 51, no. 1` and `Communications of the ACM 59(11): 56-65`:
/// a journal's volume and number (and pages) after its name are fields of
/// their own.
fn split_issue(text: Styled) -> Cut {
    static PARTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?i)(?:[,;]\s*|\s)(vol(?:ume)?\.?\s*[A-Z]?[0-9]+(?:-[A-Z]{1,2})?[A-Za-z]?",
            r"|(?:no\.|num\.?|number|issue|iss\.)\s*[0-9]+[A-Za-z]?",
            r"|[0-9]{1,4}\s*\((?:[0-9]{1,4}(?:[-\u{2013}/][0-9]{1,4})?|(?-i:OOPSLA[12]?|POPL|ICFP|PLDI|CSCW[12]?|EICS))\)(?:\s*:\s*[0-9]+\s*[-\u{2010}-\u{2015}]+\s*[0-9]+)?",
            r"|article\s+(?:no\.?\s*)?[0-9]{1,6})",
            r"(?:[,;.]|\s*$)",
        ))
        .expect("valid issue parts regex")
    });
    let plain = &text.text;
    let bytes = plain.as_bytes();
    if !bytes.iter().any(u8::is_ascii_digit) || !has_issue_hint(bytes) {
        return Cut::Whole(text);
    }
    let mut cuts: Vec<(usize, Range<usize>)> = Vec::new();
    for captures in PARTS.captures_iter(plain) {
        if let (Some(whole), Some(part)) = (captures.get(0), captures.get(1))
            && ISSUE.is_match(part.as_str().trim())
        {
            cuts.push((whole.start(), part.range()));
        }
    }
    if cuts.is_empty() {
        return Cut::Whole(text);
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for (cut_start, part) in cuts {
        if cut_start > start {
            pieces.push(text.slice(start..cut_start));
        }
        start = part.end;
        pieces.push(text.slice(part));
    }
    if start < plain.len() {
        pieces.push(text.slice(start..plain.len()));
    }
    Cut::Parts(pieces)
}

/// Chicago's and MLA's `ACM Transactions on Computer Systems 16`: a
/// journal's volume written after its name is a field of its own, and so are
/// ACM's volume and number (`Commun. ACM 51, 1`). Only after a journal:
/// `OSDI 18` is a conference and its year.
fn split_journal_volume(text: Styled) -> Cut {
    // `Nature 596, 583–589`: the comma the pages were cut after goes.
    let mut plain = text.text.trim_end().trim_end_matches(',');
    // `Nature Machine Intelligence 5, 2023`: the year after the volume.
    let mut year = None;
    if let Some((rest, last)) = plain.trim_end_matches('.').rsplit_once(", ")
        && last.len() == 4
        && year_in(last).is_some()
        && last.bytes().all(|b| b.is_ascii_digit())
    {
        year = Some(rest.len() + 2..rest.len() + 6);
        plain = rest;
    }
    if !plain.ends_with(|c: char| c.is_ascii_digit()) {
        return Cut::Whole(text);
    }
    let Some(space) = plain.rfind(' ') else {
        return Cut::Whole(text);
    };
    let (mut head, number) = (plain[..space].trim_end(), &plain[space + 1..]);
    let mut cut = space + 1;
    // `Commun. ACM 51, 1`: the volume before the number (of one or two
    // digits: `Nature Communications 12, 3770` is an article number).
    if number.len() <= 2
        && let Some(before) = head.strip_suffix(',')
        && let Some(at) = before.rfind(' ')
        && (1..=4).contains(&before[at + 1..].len())
        && before[at + 1..].bytes().all(|b| b.is_ascii_digit())
    {
        head = before[..at].trim_end();
        cut = at + 1;
    }
    // APA's `*Pattern Recognition Letters*, *27*`: the journal and its
    // volume, each in italics.
    let italic = |range: Range<usize>| text.covered_by(range, |m| *m == Mark::Emphasis);
    let apa = number.len() <= 4
        && head.ends_with(',')
        && italic(0..head.len() - 1)
        && italic(cut..plain.len());
    if apa {
        head = head[..head.len() - 1].trim_end();
    }
    let is_volume = number.len() <= 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && !(number.len() == 4 && matches!(&number[..2], "19" | "20"))
        && head.ends_with(|c: char| c.is_alphabetic() || c == '.')
        && (apa
            || match venue::detect(head) {
                Some(found) => found.kind == VenueKind::Journal,
                // `Nature Machine Intelligence 5`: a journal named so.
                None => journal_named(&head.to_lowercase()),
            });
    if !is_volume {
        return Cut::Whole(text);
    }
    let end = plain.len();
    let mut parts = vec![text.slice(0..head.len()), text.slice(cut..end)];
    parts.extend(year.map(|year| text.slice(year)));
    Cut::Parts(parts)
}

/// Whether text holds what every issue part starts with (`vol`, `no.`,
/// `num`, `issue`, `article`, or `(` and a digit), in one pass over its bytes: most
/// pieces hold none.
fn has_issue_hint(bytes: &[u8]) -> bool {
    let at = |i: usize, word: &[u8]| {
        bytes
            .get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    (0..bytes.len()).any(|i| match bytes[i] {
        b'(' => {
            bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                || (i > 0 && bytes[i - 1].is_ascii_digit())
        }
        b'v' | b'V' => at(i + 1, b"ol"),
        b'n' | b'N' => at(i + 1, b"o.") || at(i + 1, b"um"),
        b'i' | b'I' => at(i + 1, b"ssue") || at(i + 1, b"ss."),
        b'a' | b'A' => at(i + 1, b"rticle"),
        _ => false,
    })
}

/// A piece that is a journal's volume, number or `volume(number):pages`.
fn issue_of(plain: &str) -> Option<Issue> {
    let captures = ISSUE.captures(plain.trim().trim_end_matches('.'))?;
    let text = |name: &str| captures.name(name).map(|m| m.as_str().to_owned());
    Some(Issue {
        volume: text("volume")
            .or_else(|| text("v"))
            .or_else(|| text("vv"))
            .or_else(|| text("av")),
        number: text("number")
            .or_else(|| text("n"))
            .or_else(|| text("vn"))
            .or_else(|| text("an")),
        pages: captures
            .name("pages")
            .or_else(|| captures.name("vp"))
            .and_then(|m| m.as_str().parse().ok()),
        year: captures.name("vy").and_then(|m| m.as_str().parse().ok()),
        article: text("article"),
        page_count: captures.name("count").and_then(|m| m.as_str().parse().ok()),
    })
}

/// `in Proc. NeurIPS, 2017, pp. 5998–6008`: pages at the end of a field are a
/// field of their own.
fn split_pages(text: Styled) -> Cut {
    static PAGES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[,.;:]\s*)((?:pp\.?|p\.|pages)\s*[A-Za-z]{0,3}\d+(?:\s*[-\u{2010}-\u{2015}\u{2212}]+\s*[A-Za-z]{0,3}\d+)?)\s*\.?$|:\s*(\d+\s*[-\u{2010}-\u{2015}\u{2212}]+\s*\d+)\s*\.?$|(?:^|[,.;:]\s*)((?:pp\.?|p\.|pages)\s*[A-Za-z]{0,3}\d+\s*[-\u{2010}-\u{2015}\u{2212}]+\s*[A-Za-z]{0,3}\d+)\s*,|(?:^|[,;]\s*)(\d+\s*[-\u{2010}-\u{2015}\u{2212}]+\s*\d+)\s*,\s*(?:19|20)\d\d\s*\.?$|(?:[,;]\s*|\s)(\d+\s*[-\u{2010}-\u{2015}\u{2212}]+\s*\d+)\s*\.?$")
            .expect("valid pages regex")
    });
    // Pages end in a digit (and maybe a period): most pieces do not.
    let ends_in_digit = text
        .text
        .trim_end()
        .trim_end_matches('.')
        .ends_with(|c: char| c.is_ascii_digit());
    // ACL's `In Proceedings of X, pages 1–10, Toronto, Canada`: labelled pages
    // inside, an address after them.
    let labelled_inside = || {
        text.text.bytes().any(|b| b.is_ascii_digit())
            && ["pages ", "pp. "]
                .iter()
                .any(|label| text.text.contains(label))
    };
    // `59(11): 56-65` is a journal issue with its pages: one field.
    if !(ends_in_digit || labelled_inside()) || ISSUE.is_match(text.text.trim()) {
        return Cut::Whole(text);
    }
    // Labelled pages after any stop, or dblp's bare `Venue Year: 561-577`;
    // what a cut-out `(Best Paper Award)` left at the end is no part of it.
    let Some(captures) = PAGES.captures(text.text.trim_end()) else {
        return Cut::Whole(text);
    };
    let found = captures.get(1).or_else(|| captures.get(2));
    let inside = captures.get(3);
    // Google Scholar's `Venue 31 (4), 149-160, 2001`: bare pages before the year.
    let before_year = captures.get(4);
    // Nature's `In Proc. X 561–577` and Science's `OSDI, 561–577`: bare pages
    // after a venue.
    // APA's `*Journal*, *1*, 203–232`: bare pages after an italic volume.
    let after_volume = |head: &str| {
        let volume = head.trim_end().trim_end_matches(',').trim_end();
        let digits = volume.len() - volume.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (1..=4).contains(&digits)
            && text.covered_by(volume.len() - digits..volume.len(), |m| {
                *m == Mark::Emphasis
            })
    };
    let after_venue = captures.get(5).filter(|found| {
        let head = &text.text[..found.start()];
        venue::detect(head).is_some() || VENUE_WORDS.is_match(head) || after_volume(head)
    });
    let found = found.or(inside).or(before_year).or(after_venue);
    let (Some(whole), Some(found)) = (captures.get(0), found) else {
        return Cut::Whole(text);
    };
    // The field before ends where the stop before the pages starts.
    let head_end = whole.start();
    if (head_end == 0 && inside.is_none() && before_year.is_none())
        || pages_of(found.as_str()).is_none()
    {
        return Cut::Whole(text);
    }
    let mut pieces = Vec::new();
    if head_end > 0 {
        pieces.push(text.slice(0..head_end));
    }
    pieces.push(text.slice(found.range()));
    if inside.is_some() {
        // `..., pages 559-578, 2022`: what follows the pages is a field too.
        let end = text.text.len();
        pieces.push(text.slice(whole.end()..end));
    } else if before_year.is_some() {
        let end = text.text.len();
        pieces.push(text.slice(found.end()..end));
    }
    Cut::Parts(pieces)
}

/// `Under submission, 2025`, `To appear 2024`: a status and the year it was
/// written in, two fields.
fn split_status_year(text: Styled) -> Cut {
    let plain = text.text.trim_end().trim_end_matches('.');
    let Some(head) = plain
        .get(..plain.len().saturating_sub(4))
        .filter(|_| plain.len() > 6)
        .filter(|_| is_year_only_text(&plain[plain.len() - 4..]))
    else {
        return Cut::Whole(text);
    };
    let status = head.trim_end().trim_end_matches([',', '.']).trim_end();
    if status.len() == head.len() || !STATUS.is_match(status.trim_start()) {
        return Cut::Whole(text);
    }
    let year_at = plain.len() - 4;
    Cut::Parts(vec![
        text.slice(0..status.len()),
        text.slice(year_at..plain.len()),
    ])
}

/// `Computer Methods in Applied Mechanics and Engineering, in press`: a
/// status after a comma, at the end of a piece, is a field of its own.
fn split_trailing_status(text: Styled) -> Cut {
    let plain = text.text.trim_end().trim_end_matches('.');
    let Some((head, status)) = plain.rsplit_once(", ") else {
        return Cut::Whole(text);
    };
    if head.trim().is_empty() || status.len() > 24 || !STATUS.is_match(status.trim()) {
        return Cut::Whole(text);
    }
    let at = head.len();
    let end = plain.len();
    Cut::Parts(vec![text.slice(0..at), text.slice(at + 2..end)])
}

fn is_year_only_text(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
        && (1900..=2099).contains(&text.parse::<i32>().unwrap_or(0))
}

/// Drops a dash that separates a field from the one before (`[Title](url) - Authors`).
fn trim_leading_dash(text: Styled) -> Styled {
    let plain = &text.text;
    let rest = plain.trim_start_matches(|c: char| {
        matches!(c, '-' | '\u{2013}' | '\u{2014}') || c.is_whitespace()
    });
    if rest.len() < plain.len()
        && plain
            .trim_start()
            .chars()
            .nth(1)
            .is_some_and(char::is_whitespace)
    {
        let start = plain.len() - rest.len();
        let end = plain.len();
        text.into_slice(start..end)
    } else {
        text
    }
}

/// Drops a final sentence period, keeping one that ends an initial (`Quoc V.`).
fn trim_trailing_period(text: Styled) -> Styled {
    let plain = text.text.trim_end();
    let Some(rest) = plain.strip_suffix('.') else {
        return text;
    };
    let last_word = rest
        .rsplit(|c: char| c.is_whitespace() || c == '.')
        .next()
        .unwrap_or_default();
    if last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase) {
        return text;
    }
    let end = rest.len();
    text.into_slice(0..end).into_trimmed(&[',', ';'])
}

/// `ASPLOSSpotServe: ...`: a venue tag glued to the title on a homepage.
fn split_glued_venue_prefix(text: &Styled) -> Option<(Styled, Styled)> {
    /// Venue names that can be glued to a title: one word of four letters or
    /// more that is not also an English word; by first byte, so a line is
    /// compared only with the names that start as it does.
    static GLUABLE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
        let mut by_first = vec![Vec::new(); 256];
        let names = venue::all()
            .iter()
            .flat_map(|venue| std::iter::once(venue.short).chain(venue.aliases.iter().copied()))
            .filter(|name| {
                name.len() >= 4 && !name.contains([' ', '.']) && !venue::is_word_like(name)
            });
        for name in names {
            by_first[usize::from(name.as_bytes()[0])].push(name);
        }
        by_first
    });
    let plain = &text.text;
    let first = usize::from(*plain.as_bytes().first()?);
    let mut best: Option<usize> = None;
    for name in GLUABLE[first]
        .iter()
        .filter(|name| plain.starts_with(**name))
    {
        let rest = &plain[name.len()..];
        let next = rest.chars().next();
        let word_chars = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ':')
            .count();
        if next.is_some_and(char::is_uppercase) && word_chars >= 2 {
            best = Some(best.map_or(name.len(), |b: usize| b.max(name.len())));
        }
    }
    let cut = best?;
    Some((text.slice(0..cut), text.slice(cut..plain.len())))
}

/// A bold or linked title at the start of the line: `**Title.** rest`.
fn split_leading_title(text: &Styled) -> Option<(Styled, Styled)> {
    let plain = &text.text;
    let first = text
        .marks
        .iter()
        .filter(|(r, m)| r.start == 0 && matches!(m, Mark::Strong | Mark::Link(_)))
        .map(|(r, _)| r.end)
        .max()?;
    let title = &plain[..first];
    if words_up_to(title, 2) < 2 || name_score(title) >= 0.6 {
        return None;
    }
    // Punctuation right after the title belongs to it.
    let end = first + plain[first..].len()
        - plain[first..]
            .trim_start_matches(['.', ',', ':', '*', ' '])
            .len();
    if plain[end..].trim().is_empty() {
        return None;
    }
    Some((text.slice(0..first), text.slice(end..plain.len())))
}

/// Where a bracketed tag that starts a line ends (`[OSDI'22]`, `[Nature
/// Methods 2021]`, `[arXiv-2023]`), when it names a venue or a status.
fn leading_tag_end(text: &Styled) -> Option<usize> {
    let plain = &text.text;
    let close = plain.strip_prefix('[')?.find(']')? + 1;
    let inner = &plain[1..close];
    let tag = is_tag(inner) || named_and_dated(inner, false);
    (tag && !text.links().any(|(r, _)| r.start <= close && r.end > 1)).then_some(close)
}

/// `[arXiv-2023] **Segment Anything**, names`, `**[CVPR 2022] Title**,
/// names`: a venue tag before a bold or linked title is a field of its own,
/// so that the title after it starts its part of the line.
fn split_leading_tag(text: &Styled) -> Option<(Styled, Styled)> {
    let close = leading_tag_end(text)?;
    let plain = &text.text;
    let start = close + 1 + (plain[close + 1..].len() - plain[close + 1..].trim_start().len());
    // The title's mark runs past the tag: it started with it or starts after it.
    let titled = text.marks.iter().any(|(r, m)| {
        matches!(m, Mark::Strong | Mark::Link(_))
            && (r.start == start || (r.start == 0 && r.end > start))
    });
    if !titled || start >= plain.len() {
        return None;
    }
    Some((text.slice(0..close + 1), text.slice(start..plain.len())))
}

/// `【ICCV 2023】Title`, `（CVPR 2023）Title`: lists written in Chinese put a
/// venue tag in lenticular brackets or full-width parentheses before the
/// title, whatever the title's style. The tag is a field of its own (kept
/// with its brackets).
fn split_lenticular_tag(text: &Styled) -> Option<(Styled, Styled)> {
    let plain = &text.text;
    let (open, close) = [('\u{3010}', '\u{3011}'), ('\u{ff08}', '\u{ff09}')]
        .into_iter()
        .find(|(open, _)| plain.starts_with(*open))?;
    let (inner, _) = plain[open.len_utf8()..].split_once(close)?;
    let end = open.len_utf8() + inner.len() + close.len_utf8();
    if !(is_tag(inner) || named_and_dated(inner, false)) {
        return None;
    }
    let start = end + (plain[end..].len() - plain[end..].trim_start().len());
    if start >= plain.len() {
        return None;
    }
    Some((text.slice(0..end), text.slice(start..plain.len())))
}

/// The tags a reading list puts before a title to say what the paper is to
/// its readers (`[Survey]`, `**[Must Read]**`, `【综述】`), lower case: the
/// entry's note. (Other bracketed words may be the title's own: ReScience's
/// `[Re] Reproducing ...`.)
const LIST_TAGS: &[&str] = &[
    "survey",
    "review",
    "must read",
    "must-read",
    "classic",
    "seminal",
    "recommended",
    "new",
    "hot",
    "benchmark",
    "dataset",
    "tutorial",
    "position paper",
    "highly cited",
    // A survey, must read, a classic, recommended, a dataset.
    "\u{7efc}\u{8ff0}",
    "\u{5fc5}\u{8bfb}",
    "\u{7ecf}\u{5178}",
    "\u{63a8}\u{8350}",
    "\u{6570}\u{636e}\u{96c6}",
];

/// Whether a tag's words (brackets gone) are one of [`LIST_TAGS`].
fn is_list_tag(tag: &str) -> bool {
    tag.len() <= 16 && LIST_TAGS.contains(&tag.trim().to_lowercase().as_str())
}

/// `[Survey] A Survey of ...`, `【综述】Title`: a list's tag before the title,
/// unlinked, is a field of its own (kept with its brackets).
fn split_list_tag(text: &Styled) -> Option<(Styled, Styled)> {
    let plain = &text.text;
    let (open, close) = [('[', ']'), ('\u{3010}', '\u{3011}')]
        .into_iter()
        .find(|(open, _)| plain.starts_with(*open))?;
    let (inner, _) = plain[open.len_utf8()..].split_once(close)?;
    let end = open.len_utf8() + inner.len() + close.len_utf8();
    if !is_list_tag(inner) || text.links().any(|(r, _)| r.start < end) {
        return None;
    }
    let start = end + (plain[end..].len() - plain[end..].trim_start().len());
    if start >= plain.len() {
        return None;
    }
    Some((text.slice(0..end), text.slice(start..plain.len())))
}

/// ` | `, tabs and runs of three or more spaces separate fields.
fn split_separators(text: Styled) -> Cut {
    static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+\|\s+|\s+[\u{2014}\u{2013}-]\s+|\t+| {3,}").expect("valid separator regex")
    });
    let plain = &text.text;
    let cuts: Vec<Range<usize>> = SEPARATOR
        .find_iter(plain)
        .map(|m| m.range())
        .filter(|r| r.start > 0 && r.end < plain.len())
        .filter(|r| plain[r.clone()].trim() != "-" || hyphens_separate(plain, r))
        .collect();
    split_at_ranges(text, &cuts)
}

/// `Doe J., Lima A., [A Title of Four Words](url), Journal, in press (2019)`:
/// a title written as one link between commas is a field of its own, and so
/// is what stands on either side of it.
fn split_linked_title(text: Styled) -> Cut {
    let plain = &text.text;
    let Some(link) = text.links().map(|(range, _)| range).find(|range| {
        let written = &plain[range.clone()];
        words_up_to(written, 4) >= 4 && !written.trim_start().starts_with('[')
    }) else {
        return Cut::Whole(text);
    };
    let before = plain[..link.start].trim_end();
    let after = plain[link.end..].trim_start();
    let mut cuts = Vec::new();
    if !before.is_empty() && before.ends_with(',') {
        cuts.push(link.start..link.start);
    }
    // What follows must be more than a period or a mark.
    let rest_words = after
        .get(1..)
        .is_some_and(|rest| rest.chars().any(char::is_alphanumeric));
    if after.starts_with([',', '.']) && rest_words {
        let at = link.end + (plain[link.end..].len() - after.len());
        cuts.push(at..at + 1);
    }
    if cuts.is_empty() {
        return Cut::Whole(text);
    }
    split_at_ranges(text, &cuts)
}

/// Whether a hyphen between spaces at `at` separates fields: `Title - A, B -
/// ACL 2021`. Not between numbers (`pp. 12 - 34`, `2019 - 2021`), and not in
/// a line whose first such hyphen comes after a comma or that has a `;`: the
/// hyphen of an affiliation in a list (`A, Technion - Israel Institute of
/// Technology`).
fn hyphens_separate(plain: &str, at: &Range<usize>) -> bool {
    let bytes = plain.as_bytes();
    if bytes[at.start - 1].is_ascii_digit() && bytes[at.end].is_ascii_digit() {
        return false;
    }
    let first = plain.find(" - ").unwrap_or(at.start);
    !plain.contains(';') && !plain[..first].contains(',')
}

/// `with A and B` in a CV's `Title (with A and B), Venue`: the co-authors.
fn is_with_names(inner: &str) -> bool {
    inner
        .strip_prefix("with ")
        .is_some_and(|names| scored_parse(&Styled::from_text(names.to_owned())).0 >= 0.6)
}

/// The short citation awesome lists put after a title: `Jiang et al., 2024`,
/// `Albert Q. Jiang et al. 2024`, `Jiang et al.`: one name (one to four
/// capitalised words), `et al.`, maybe a year.
fn is_short_citation(inner: &str) -> bool {
    let Some(at) = inner.find(" et al") else {
        return false;
    };
    let after = inner[at + " et al".len()..]
        .trim_start_matches('.')
        .trim_start_matches(',')
        .trim();
    let year_ok = after.is_empty()
        || (after.len() == 4
            && after.bytes().all(|b| b.is_ascii_digit())
            && (1900..=2099).contains(&after.parse::<i32>().unwrap_or(0)));
    let name = &inner[..at];
    // `Agrawal et al., OSDI 2024`: the venue too.
    let venue_ok = || words_up_to(after, 7) <= 6 && venue::detect(after).is_some();
    (year_ok || venue_ok()) && (1..=4).contains(&words_up_to(name, 5)) && name_score(name) >= 0.5
}

/// `Title (Kaneko et al.)`, `Title (Zhao and Wang)`: a title and the short
/// citation in parentheses closing it. Gives the two (the citation without
/// its parentheses).
pub(crate) fn split_short_citation(text: &Styled) -> Option<(Styled, Styled)> {
    let plain = text.text.trim_end();
    let inner_end = plain.strip_suffix(')')?.len();
    let open = plain.rfind('(')?;
    let inner = &plain[open + 1..inner_end];
    let title = plain[..open].trim_end();
    if words_up_to(title, 2) < 2 || !(is_short_citation(inner) || is_two_name_citation(inner)) {
        return None;
    }
    Some((text.slice(0..title.len()), text.slice(open + 1..inner_end)))
}

/// `Zhao and Wang`, `Zhao and Wang, 2020`: two family names, as a short
/// citation names a paper of two authors.
pub(crate) fn is_two_name_citation(inner: &str) -> bool {
    let (names, year) = match inner.rsplit_once(", ") {
        Some((names, year)) => (names, Some(year)),
        None => (inner, None),
    };
    let year_ok = year.is_none_or(|year| {
        year.len() == 4
            && year
                .parse::<i32>()
                .is_ok_and(|y| (1900..=2099).contains(&y))
    });
    let Some((first, second)) = names.split_once(" and ") else {
        return false;
    };
    let family = |name: &str| {
        !name.contains(' ') && name.starts_with(char::is_uppercase) && name_score(name) >= 0.5
    };
    year_ok && family(first) && family(second)
}

/// `Nature Methods, 2022`, `bioRxiv, 2023`, `Briefings in Bioinformatics,
/// 2024`: a name and a year, as awesome lists write where a paper appeared,
/// for venues no registry knows. Without `comma`, the comma may be missing
/// (`(Nature Methods 2022)`: in parentheses after a title only). The name is a few capitalised words (small
/// joining words aside) without digits or a sentence's marks, and no pair of
/// names (`Smith and Jones, 2020` is a citation).
fn named_and_dated(text: &str, comma: bool) -> bool {
    let separator = if comma { ", " } else { " " };
    let text = text.trim();
    let year_first = text.starts_with(|c: char| c.is_ascii_digit());
    // `(2018, TACL)`: the year may come first.
    let split = if year_first {
        text.split_once(separator).map(|(year, name)| (name, year))
    } else {
        text.rsplit_once(separator)
    };
    let Some((name, year)) = split else {
        return false;
    };
    let name = name.trim_end_matches(',');
    let dated = year.len() == 4
        && year
            .parse::<i32>()
            .is_ok_and(|y| (1900..=2099).contains(&y));
    if !dated || words_up_to(name, 9) > 8 || name.contains(" et al") {
        return false;
    }
    if name.bytes().any(|b| {
        b.is_ascii_digit()
            || matches!(
                b,
                b':' | b';'
                    | b'?'
                    | b'!'
                    | b'('
                    | b')'
                    | b'['
                    | b']'
                    | b'"'
                    | b'/'
                    | b'@'
                    | b'|'
                    | b'&'
                    | b','
            )
    }) {
        return false;
    }
    const JOINING: &[&str] = &["of", "in", "for", "on", "the", "de", "la", "und", "für"];
    // `and` joins the words of a long name (`Computer Methods in Applied
    // Mechanics and Engineering`), not two names (`Smith and Jones`).
    let long = words_up_to(name, 4) >= 4;
    name.split_whitespace().enumerate().all(|(i, word)| {
        let first = word.chars().next().unwrap_or(' ');
        first.is_uppercase()
            || (i > 0 && (JOINING.contains(&word) || (long && word == "and")))
            // `bioRxiv`, `eLife`, `medRxiv`: one camel-cased word.
            || (i == 0 && first.is_lowercase() && word.chars().skip(1).any(char::is_uppercase))
    })
}

/// `Splitwise: ..., Patel et al.`: a title, a comma and a short citation. The
/// element before the name must be no name itself (`Wei Chen, Jane Doe et al.`
/// is an author list).
fn split_title_et_al(text: Styled) -> Cut {
    let plain = &text.text;
    if !plain.contains(" et al") {
        return Cut::Whole(text);
    }
    let body = plain.trim_end().trim_end_matches('.');
    let Some(name_at) = body.rfind(", ").map(|at| at + 2) else {
        return Cut::Whole(text);
    };
    let title = &body[..name_at - 2];
    let previous = title.rsplit(", ").next().unwrap_or(title);
    if !body.ends_with(" et al")
        || !is_short_citation(&body[name_at..])
        || words_up_to(title, 3) < 3
        || name_score(previous) >= 0.6
    {
        return Cut::Whole(text);
    }
    let end = plain.len();
    Cut::Parts(vec![text.slice(0..name_at - 2), text.slice(name_at..end)])
}

/// Cuts out parenthesised tags that are a venue, a status or an award:
/// `(ASPLOS '24)`, `(Under Review)`, `(Best Paper Award)`.
fn split_parentheticals(text: Styled) -> Cut {
    let plain = &text.text;
    // Each cut, and whether its brackets stay with it.
    let mut cuts: Vec<(Range<usize>, bool)> = Vec::new();
    // `[OSDI'22] Title`: a bracketed tag first on the line (not a link label).
    let mut after_bracket = 0;
    if let Some(close) = leading_tag_end(&text) {
        // A name and a year keep their brackets, which make them a venue.
        let bracketed = !is_tag(&plain[1..close]);
        cuts.push((0..close + 1, bracketed));
        after_bracket = close + 1;
    }
    let mut depth = 0;
    let mut open = 0;
    // On bytes: parentheses are ASCII.
    for (i, &b) in plain.as_bytes().iter().enumerate().skip(after_bracket) {
        match b {
            b'(' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let inner = &plain[open + 1..i];
                    // `(*Handbook of Data Systems 2020*)`: an italic title and
                    // a year, a book's.
                    let italic_dated = || {
                        year_in(inner).is_some()
                            && text.covered_by(open + 1..i, |m| *m == Mark::Emphasis)
                    };
                    // `[Title](url) (Nature Methods, 2022)`: a journal and a
                    // year closing the line (but for its links, `[DOI](url)`),
                    // as awesome lists date a paper.
                    // (Statuses in parentheses may come between: `(Journal
                    // 2019) (To Appear) [DOI](url)`.)
                    let trailing = || {
                        let mut rest = i + 1;
                        while let Some(inner) = plain[rest..].trim_start().strip_prefix('(')
                            && let Some((status, _)) = inner.split_once(')')
                            && (STATUS.is_match(status.trim()) || AWARD.is_match(status))
                        {
                            rest = plain.len() - inner.len() + status.len() + 1;
                        }
                        plain[rest..].trim().is_empty()
                            || text.slice(rest..plain.len()).only_links().is_some()
                    };
                    // `received the community (best paper) award`: words of
                    // a sentence on both sides; the sentence is the award.
                    let mid_sentence = || {
                        plain[..open].ends_with(|c: char| c.is_lowercase() || c == ' ')
                            && plain[open..].starts_with('(')
                            && plain[i + 1..]
                                .strip_prefix(' ')
                                .is_some_and(|rest| rest.starts_with(char::is_lowercase))
                            && AWARD.is_match(inner)
                    };
                    if mid_sentence() {
                        continue;
                    }
                    if is_tag(inner)
                        || is_with_names(inner)
                        || is_short_citation(inner)
                        || italic_dated()
                        || is_locator(inner)
                    {
                        cuts.push((open..i + 1, false));
                    } else if trailing() && named_and_dated(inner, false) {
                        // In its parentheses: `Cell Reports, 2024` alone
                        // reads as a name and a year.
                        cuts.push((open..i + 1, true));
                    }
                }
            }
            _ => {}
        }
    }
    // `Title [ACL-2019]`: a bracketed tag closing the line (no link's label).
    if plain.ends_with(']')
        && let Some(open) = plain.rfind('[')
        && open > after_bracket
        && plain[..open].ends_with(' ')
        && cuts.last().is_none_or(|(cut, _)| cut.end <= open)
        && is_tag(&plain[open + 1..plain.len() - 1])
        && !text.links().any(|(r, _)| r.end > open)
    {
        cuts.push((open..plain.len(), false));
    }
    if cuts.is_empty() {
        return Cut::Whole(text);
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for (cut, bracketed) in cuts {
        pieces.push(text.slice(start..cut.start));
        if bracketed {
            pieces.push(text.slice(cut.clone()));
        } else {
            pieces.push(text.slice(cut.start + 1..cut.end - 1));
        }
        start = cut.end;
    }
    pieces.push(text.slice(start..plain.len()));
    Cut::Parts(pieces)
}

/// APA's `(Vol. 70, pp. 1321–1330)` after a book's or proceedings' name:
/// where in it the paper is, every part a volume or pages.
fn is_locator(inner: &str) -> bool {
    inner.bytes().any(|b| b.is_ascii_digit())
        && inner.split(", ").all(|part| {
            let part = part.trim();
            // Each part opens with a number or a label (`Vol.`, `pp.`, `no.`,
            // `iss.`): names and words are refused before any pattern runs.
            part.starts_with(|c: char| c.is_ascii_digit() || "vVpPnNiI".contains(c))
                && part.bytes().any(|b| b.is_ascii_digit())
                && (pages_of(part).is_some()
                    || (has_issue_hint(part.as_bytes()) && issue_of(part).is_some()))
        })
}

/// `Vol. 70, pp. 1321–1330` (what [`split_parentheticals`] took out of its
/// parentheses): one field per part.
fn split_locator(text: Styled) -> Cut {
    // (Byte searches first: a string search builds a searcher each time.)
    let bytes = text.text.as_bytes();
    if !bytes.contains(&b',')
        || !bytes.iter().any(u8::is_ascii_digit)
        || !text.text.contains(", ")
        || !is_locator(text.text.trim())
    {
        return Cut::Whole(text);
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in text.text.match_indices(", ") {
        parts.push(text.slice(start..at));
        start = at + 2;
    }
    parts.push(text.slice(start..text.text.len()));
    Cut::Parts(parts)
}

/// `Title [paper] [code]`: link labels at the end of a piece are a field of
/// their own.
fn split_trailing_labels(text: Styled) -> Cut {
    let plain = &text.text;
    let end = plain.trim_end().len();
    // Only a piece whose last word is a link can end in labels; a piece of
    // labels alone (`PDF [Code](url)`) is one field already.
    if !text.links().any(|(r, _)| r.end + 2 >= end) || is_links_only(&text) {
        return Cut::Whole(text);
    }
    // A label starts with its link, a bracket or a bar, or after the end of
    // what stands before it (`Title. PDF [Code](url)`): in `Planning with a
    // Learned Model [[Paper]](url)` the unlinked `Model` is the title's.
    let starts_label = |at: usize| {
        plain[at..].starts_with(['[', '|', '(', '\u{b7}'])
            || plain[..at]
                .trim_end()
                .ends_with(['.', ',', ';', ':', '|', '-', '\u{2013}'])
            || text.links().any(|(r, _)| r.start == at)
    };
    // Where labels may start: after a space, or at a link glued to the end of
    // a sentence (`Pretraining.[[paper]](url)`).
    let mut starts: Vec<usize> = plain[..end]
        .rmatch_indices(' ')
        .map(|(space, _)| space)
        .chain(
            text.links()
                .map(|(r, _)| r.start)
                .filter(|&at| at > 0 && at < end && plain[..at].ends_with('.')),
        )
        .collect();
    starts.sort_unstable_by(|a, b| b.cmp(a));
    let mut cut = None;
    for at in starts {
        let label_at = if plain[at..].starts_with(' ') {
            at + 1
        } else {
            at
        };
        if starts_label(label_at) && is_links_only(&text.slice(at..end)) {
            cut = Some(at);
        } else if !is_links_only(&text.slice(at..end)) {
            break;
        }
    }
    // Not inside one link: a linked title of label-like words stays whole.
    let inside_link = |at: usize| text.links().any(|(r, _)| r.start < at && r.end > at);
    match cut {
        Some(at) if !plain[..at].trim().is_empty() && !inside_link(at) => {
            // `Names - [[pdf]](url)`: the dash that set the labels apart is neither's.
            let before = plain[..at].trim_end();
            let before = ['-', '\u{2013}', '\u{2014}', '|', '\u{b7}']
                .iter()
                .find_map(|dash| before.strip_suffix(*dash))
                .filter(|rest| rest.ends_with(' '))
                .unwrap_or(before)
                .trim_end();
            if before.is_empty() {
                return Cut::Whole(text);
            }
            Cut::Parts(vec![
                text.slice(0..before.len()),
                text.slice(at..plain.len()),
            ])
        }
        _ => Cut::Whole(text),
    }
}

/// `[arXiv] [Code] Best Paper Award`: link labels at the start of a piece
/// are a field of their own.
fn split_leading_labels(text: Styled) -> Cut {
    let plain = &text.text;
    // Labels are links: a piece must open with one.
    let first_link = text.links().map(|(r, _)| r.start).min();
    if first_link.is_none_or(|at| plain[..at].chars().any(char::is_alphanumeric)) {
        return Cut::Whole(text);
    }
    let mut end = 0;
    loop {
        // The next link, after nothing but spaces and separators.
        let next = text
            .links()
            .map(|(r, _)| r)
            .filter(|r| r.start >= end)
            .min_by_key(|r| r.start);
        let Some(link) = next else { break };
        let between = &plain[end..link.start];
        if between.chars().any(char::is_alphanumeric) || !is_links_only(&text.slice(0..link.end)) {
            break;
        }
        end = link.end;
    }
    let rest =
        plain[end..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|'));
    if end == 0 || !rest.chars().any(char::is_alphanumeric) {
        return Cut::Whole(text);
    }
    let cut = plain.len() - rest.len();
    let total = plain.len();
    Cut::Parts(vec![text.slice(0..end), text.slice(cut..total)])
}

/// Whether a piece is one quoted text: `"Title."`, `“Title,”`.
fn is_quoted(plain: &str) -> bool {
    let text = plain.trim().trim_end_matches(['.', ',', ';']);
    text.strip_prefix(['"', '“'])
        .and_then(|t| t.strip_suffix(['"', '”']))
        .is_some_and(|inner| !inner.is_empty() && !inner.contains(['"', '“', '”']))
}

/// Whether text names a kind of venue (`Journal`, `Proceedings`, `Workshop`).
pub(crate) fn names_a_venue(text: &str) -> bool {
    VENUE_WORDS.is_match(text) || names_chinese_venue(text)
}

/// Whether a parenthesised text is a tag of its own rather than part of the
/// title or an affiliation.
pub(crate) fn is_tag(inner: &str) -> bool {
    let cleaned = clean_tag(inner);
    if cleaned.is_empty() {
        return false;
    }
    let year_only = cleaned.len() == 4
        && cleaned
            .parse::<i32>()
            .is_ok_and(|y| (1900..=2099).contains(&y));
    year_only
        || year_of_date(&cleaned).is_some()
        || year_of_month(&cleaned).is_some()
        || pages_of(&cleaned).is_some()
        || STATUS.is_match(&cleaned)
        || (AWARD.is_match(&cleaned) && words_up_to(&cleaned, 15) <= 14)
        || venue::lookup(&cleaned).is_some()
        || venue::year_first_tag(&cleaned).is_some()
        // `(SOSP2019)`, `(OSDI22)`: a venue with its year glued on.
        || (cleaned.len() <= 16
            && venue::unglue_year(&cleaned).is_some_and(|tag| venue::lookup(&tag).is_some()))
        || ((VENUE_WORDS.is_match(&cleaned) || names_chinese_venue(&cleaned))
            && year_in(&cleaned).is_some()
            && words_up_to(&cleaned, 25) <= 24)
        || institution_and_year(&cleaned)
}

/// A venue named in Chinese: Han text (no Latin letters) with the word for
/// journal, proceedings or conference (`软件学报`, `全国数据库学术会议论文集`),
/// or a field's name as Chinese journals are named (`计算机研究与发展`,
/// `中国科学`). Callers also want a year or a `//` before it.
fn names_chinese_venue(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "学报",
        "通讯",
        "杂志",
        "期刊",
        "会议",
        "大会",
        "论文集",
        "会刊",
        "学刊",
        "年会",
        "研究与发展",
        "科学",
        "工程",
        "计算机",
        "电子",
        "通信",
        "自动化",
        // Japanese and traditional Chinese: 情報処理学会論文誌, 學報.
        "論文誌",
        "学会誌",
        "論文集",
        "紀要",
        "学会",
        "研究会",
        "會議",
        "學報",
        "シンポジウム",
        "ワークショップ",
    ];
    // A letter or two may name a series (`電子情報通信学会論文誌 D`).
    !text.is_ascii()
        && text.bytes().filter(u8::is_ascii_alphabetic).count() <= 2
        && WORDS.iter().any(|word| text.contains(word))
}

/// A tag without emphasis markers, HTML and brackets.
fn clean_tag(text: &str) -> Cow<'_, str> {
    /// Marks and brackets around a tag, full-width ones included (`【ICCV 2023】`).
    const AROUND: &[char] = &[
        '*', '_', '[', ']', '(', ')', ',', '.', '\u{3010}', '\u{3011}', '\u{ff08}', '\u{ff09}',
    ];
    fn trim(text: &str) -> &str {
        text.trim_matches(|c: char| c.is_whitespace() || AROUND.contains(&c))
    }
    match crate::markdown::strip_tags(text) {
        Cow::Borrowed(text) => collapsed(trim(text)),
        Cow::Owned(text) => Cow::Owned(collapse_whitespace(trim(&text))),
    }
}

/// `...TrainingProc. VLDB Endow. 2023`, `...TrainingIn Proceedings of SIGMOD`:
/// a venue glued to the end of the title.
fn split_glued_proceedings(text: Styled) -> Cut {
    let plain = &text.text;
    for found in GLUED_PROCEEDINGS.find_iter(plain) {
        let at = found.start();
        if at == 0 {
            continue;
        }
        // Google Scholar's own `InProceedings of ...` is a venue, not a
        // title glued to `Proceedings`.
        let scholar_in = plain[..at]
            .strip_suffix("In")
            .is_some_and(|head| head.chars().last().is_none_or(|c| !c.is_alphanumeric()));
        let before = plain[..at].chars().last();
        if !scholar_in && before.is_some_and(|c| c.is_alphanumeric() || c == ')') {
            return Cut::Parts(vec![text.slice(0..at), text.slice(at..plain.len())]);
        }
    }
    Cut::Whole(text)
}

/// Cuts at sentence ends: `. ` followed by a capital, a digit or a bracket,
/// unless the period ends an initial or a known abbreviation.
fn split_sentences(text: Styled) -> Cut {
    let plain = &text.text;
    let bytes = plain.as_bytes();
    let mut cuts = Vec::new();
    let mut depth = 0i32;
    // On bytes: every character looked at is ASCII, which never occurs inside
    // a multi-byte character.
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            // `Narayanan et al., PipeDream: ...`: the comma after `et al.`
            // ends the names.
            b',' if depth <= 0
                && bytes.get(i + 1) == Some(&b' ')
                && (plain[..i].ends_with(" et al.") || plain[..i].ends_with(" et al")) =>
            {
                cuts.push(i..i + 1);
            }
            b'.' if depth <= 0 => {
                let Some(&next) = bytes.get(i + 1) else {
                    continue;
                };
                if next != b' ' {
                    // `Frank F. Xu et al.arXiv`: a field glued to the names'
                    // `et al.` starts after it.
                    if next.is_ascii_alphabetic() && plain[..i].ends_with(" et al") {
                        cuts.push(i..i + 1);
                    }
                    continue;
                }
                let after = plain[i + 1..].trim_start();
                let Some(first) = after.chars().next() else {
                    continue;
                };
                // `arXiv` (and its kin), a written-out address and IEEE's
                // `doi: 10.1145/...` start a field in lower case.
                let preprint_server =
                    ["arXiv", "bioRxiv", "medRxiv", "https://", "http://", "doi:"]
                        .iter()
                        .any(|server| after.starts_with(server));
                // An icon (`📄 Paper`) starts a field too.
                let icon =
                    !first.is_ascii() && !first.is_alphanumeric() && !matches!(first, '”' | '’');
                if !(first.is_uppercase()
                    || first.is_ascii_digit()
                    || preprint_server
                    || icon
                    || is_han(first)
                    || matches!(first, '[' | '"' | '“' | '*' | '(' | '\''))
                {
                    continue;
                }
                // The word before the period (letters, digits and inner periods).
                let before = &plain[..i];
                let word_start = before
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
                    .last()
                    .map_or(i, |(start, _)| start);
                let word = &before[word_start..];
                let letters = word.trim_matches('.');
                let is_initial = letters.chars().count() == 1
                    || (word.contains('.') && letters.chars().filter(|c| *c != '.').count() <= 3);
                // ACM reference style puts the year after the authors: "Moritz, P. 2018. Ray".
                // (`no. 7587,` is no year.)
                let year_follows = after.as_bytes().get(..5).is_some_and(|head| {
                    matches!(&head[..2], b"19" | b"20")
                        && head[2..4].iter().all(u8::is_ascii_digit)
                        && matches!(head[4], b'.' | b',')
                });
                // "et al." ends an author list: what follows is a new field.
                let ends_et_al = plain[..i].ends_with("et al");
                // "Moritz, P.; Stoica, I. Ray: ...": the initials of the last of
                // `;`-separated inverted names end the author list.
                // (`& Weinberger, K. Q. (2017)`: the last name's initials go on.)
                let ends_inverted_list = is_initial
                    && (((ends_inverted_names(&plain[..i])
                        || ends_joined_inverted_names(&plain[..i]))
                        && !starts_with_initial(after))
                        || (ends_comma_inverted_names(&plain[..i]) && !starts_with_initial(after))
                        || ends_vancouver_names(&plain[..i])
                        || (cuts.is_empty()
                            && (lone_vancouver_name(&plain[..i], after)
                                || lone_inverted_initials(&plain[..i], after))));
                // IEEE's `pp. 400–415, Feb. 2023`: a month after pages or a
                // number dates the paper (not ACM's `Doe, Jan. 2018.`).
                // So does a month before a year that a comma follows (`(CVPR),
                // Jun. 2016, pp. 770–778`): ACM ends its year with a period.
                let dated_month = year_follows
                    && paperlist_model::normalize::month_number(letters).is_some()
                    && before[..word_start]
                        .trim_end()
                        .strip_suffix(',')
                        .is_some_and(|head| {
                            head.ends_with(|c: char| c.is_ascii_digit() || c == ')')
                                || after.as_bytes().get(4) == Some(&b',')
                        });
                // `Program`, `Perform`: abbreviations that are words too are
                // abbreviations among others (`Proc. ACM Program. Lang.`, `Math.
                // Program.`), not at the end of a title (`Chess Program. Ph.D.`).
                let abbreviation = is_abbreviation(letters)
                    && (!ABBREVIATIONS_THAT_ARE_WORDS.contains(&letters.to_lowercase().as_str())
                        || before[..word_start]
                            .split_whitespace()
                            .rev()
                            .take(3)
                            .any(|w| w.ends_with('.') && w.len() > 2));
                if (is_initial || abbreviation || dated_month)
                    && (!year_follows || dated_month)
                    && !ends_et_al
                    && !ends_inverted_list
                {
                    continue;
                }
                cuts.push(i..i + 1);
            }
            _ => {}
        }
    }
    split_at_ranges(text, &cuts)
}

/// `text.split_whitespace().count()`, counting no further than `limit`: enough
/// to test "at most `limit - 1` words". ASCII text is counted on its bytes.
pub(crate) fn words_up_to(text: &str, limit: usize) -> usize {
    if !text.is_ascii() || limit == 0 {
        return text.split_whitespace().take(limit).count();
    }
    let mut count = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
        if !space && !in_word {
            count += 1;
            if count == limit {
                return count;
            }
        }
        in_word = !space;
    }
    count
}

/// The kinds reference managers name (Zotero's `conferencePaper`, CSL's
/// `paper-conference`, BibTeX's `inproceedings`, teachPress's `Proceedings
/// Article`).
pub(crate) fn kind_named(text: &str) -> Option<EntryKind> {
    // The longest name is `Proceedings Article`, give or take its spacing.
    if text.len() > 32 {
        return None;
    }
    let folded: String = text
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Some(match folded.as_str() {
        "conferencepaper" | "paperconference" | "inproceedings" | "conference"
        | "proceedingsarticle" => EntryKind::Inproceedings,
        "journalarticle" | "articlejournal" | "journal" | "magazinearticle" => EntryKind::Article,
        "preprint" | "eprint" => EntryKind::Preprint,
        "booksection" | "incollection" | "inbook" | "chapter" | "bookchapter" => EntryKind::Chapter,
        "book" => EntryKind::Book,
        // A report is none of the kinds a venue gives.
        "techreport" | "technicalreport" => EntryKind::Misc,
        "phdthesis" | "mastersthesis" | "dissertation" => EntryKind::Thesis,
        _ => return None,
    })
}

/// What a piece of an entry is.
pub(crate) fn classify(piece: &Styled) -> FieldKind {
    let plain = piece.text.trim();
    let tag = clean_tag(plain);
    if is_links_only(piece)
        || labelled_links(piece)
        || bare_url(plain).is_some()
        || labelled_doi(plain)
        || is_unlinked_labels(plain)
        || labelled_address(plain)
    {
        return FieldKind::Links;
    }
    if STATUS.is_match(&tag) {
        return FieldKind::Status(status_of(&tag));
    }
    if plain.len() <= 24 && READING_ROLES.contains(&plain.to_ascii_lowercase().as_str()) {
        return FieldKind::Note(plain.to_owned());
    }
    // `(Poster)`, `[Short Paper]`: how the paper was presented or what kind
    // of paper it is, which the venue does not say.
    if tag.len() <= 20
        && PAPER_KINDS
            .iter()
            .any(|kind| kind.eq_ignore_ascii_case(&tag))
    {
        return FieldKind::Note(tag.into_owned());
    }
    // `[Survey]` before the title (its brackets say it is a tag: a bare
    // `Survey` may be a table cell's title).
    if plain.starts_with(['[', '\u{3010}']) && is_list_tag(&tag) {
        return FieldKind::Note(tag.into_owned());
    }
    if is_citation_count(&tag) {
        // `12 citations`, `Cited by 40`: about the paper, not of it.
        return FieldKind::Links;
    }
    if plain.starts_with('[')
        && let Some(kind) = gbt_kind(plain)
    {
        return FieldKind::Kind(kind);
    }
    if plain.len() <= 30 && names_thesis(plain) && THESIS_ONLY.is_match(plain) {
        return FieldKind::Kind(EntryKind::Thesis);
    }
    // `Tags: LLM, serving`, `Keywords: ...`: what the paper is about, said
    // by the list; kept as a note.
    if let Some((label, rest)) = plain.split_once(':')
        && matches!(
            label.trim().to_ascii_lowercase().as_str(),
            "tags" | "tag" | "keywords" | "topics"
        )
        && !rest.trim().is_empty()
    {
        return FieldKind::Text;
    }
    // teachPress's `Journal Article` on its own: what the entry is.
    if plain.len() <= 24
        && words_up_to(plain, 3) <= 2
        && plain.contains(' ')
        && let Some(kind) = kind_named(plain)
    {
        return FieldKind::Kind(kind);
    }
    if plain.ends_with(')')
        && let Some(editors) = editors_of(piece)
    {
        return FieldKind::Editors(editors);
    }
    if let Some(publisher) = publisher_of(&tag) {
        return FieldKind::Publisher(publisher.to_owned());
    }
    if let Some(pages) = pages_of(plain) {
        return FieldKind::Pages(pages);
    }
    if plain.bytes().any(|b| b.is_ascii_digit())
        && let Some(issue) = issue_of(plain)
    {
        return FieldKind::Issue(issue);
    }
    // `e0118432`: PLOS and others number their articles instead of paging them.
    if let Some(digits) = plain.strip_prefix('e')
        && (4..=8).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return FieldKind::Issue(Issue {
            article: Some(plain.to_owned()),
            ..Issue::default()
        });
    }
    // A number alone (what [`split_journal_volume`] cuts off) is a volume.
    if (1..=4).contains(&plain.len())
        && plain.bytes().all(|b| b.is_ascii_digit())
        && !(1900..=2099).contains(&plain.parse::<i32>().unwrap_or(0))
    {
        return FieldKind::Issue(Issue {
            volume: Some(plain.to_owned()),
            ..Issue::default()
        });
    }
    let bare = plain.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '.' | ',' | ' '));
    if let Some(year) = bare
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2099).contains(y))
        .or_else(|| year_of_date(bare))
        .or_else(|| year_of_month(bare))
        .or_else(|| year_of_place_date(bare))
    {
        return FieldKind::Year(year);
    }
    // `2023-05-12`, `2021/1/20`: a day's date.
    if let Some(year) = year_of_day(plain) {
        return FieldKind::Year(year);
    }
    if let Some((year, of_paper)) = labelled_date(plain) {
        return if of_paper {
            FieldKind::Year(year)
        } else {
            FieldKind::Links
        };
    }
    // `(IF: 16.6)`, `(CCF-A)`, `JCR Q1`: a ranking of the venue, no field of the entry.
    if tag.len() <= 24 && RANKING.is_match(&tag) {
        return FieldKind::Links;
    }
    // `Acceptance rate: 17%`: a statistic about the venue, no field of the entry.
    if plain.ends_with(['%', ')']) && tag.to_ascii_lowercase().starts_with("acceptance rate") {
        return FieldKind::Links;
    }
    // `“Learned Indexes, Revisited.”`: a quoted piece is a title, unless it
    // is a list of names without affiliations (a quoted author list).
    if is_quoted(plain) && !plain.contains([';', '(']) {
        let (score, read) = scored_parse(piece);
        let names = score >= 0.6
            && read.people.len() >= 2
            && read.people.iter().all(|p| p.affiliation.is_none());
        return if names {
            FieldKind::Authors(read)
        } else {
            FieldKind::Title
        };
    }
    // `(Oral)`, `Spotlight` alone after the venue: how it was presented.
    if let Some(kind) = PRESENTATIONS.iter().find(|k| k.eq_ignore_ascii_case(&tag)) {
        return FieldKind::Award((*kind).to_owned());
    }
    // An award unless it reads as names; then a venue; then names; else a title.
    // Reading names is the costly step, so it is done only where it decides.
    let maybe_award = words_up_to(&tag, 15) <= 14 && AWARD.is_match(&tag);
    let mut authors = None;
    if maybe_award {
        let (score, read) = scored_parse(piece);
        if score < 0.5 {
            return FieldKind::Award(tag.into_owned());
        }
        authors = Some((score, read));
    }
    if let Some(venue) = venue_text(piece, &tag) {
        return FieldKind::Venue(venue);
    }
    match authors.unwrap_or_else(|| scored_parse(piece)) {
        (score, authors) if score >= 0.6 => FieldKind::Authors(authors),
        _ => FieldKind::Title,
    }
}

/// A text that only says the status (`Under review`, `To appear`) or an
/// award (`Best Paper Award`): a BibTeX note or booktitle, as people and
/// paperlist's own BibTeX write them.
pub(crate) fn status_or_award(text: &str) -> Option<FieldKind> {
    let tag = clean_tag(text);
    if STATUS.is_match(&tag) {
        return Some(FieldKind::Status(status_of(&tag)));
    }
    (words_up_to(&tag, 15) <= 14 && AWARD.is_match(&tag))
        .then(|| FieldKind::Award(tag.into_owned()))
}

/// A date after a label: `Published: 2017-03-02` dates the paper;
/// `Date analyzed: 2026-04-11`, `Last updated: 2024-05` (a note's own date)
/// date nothing of it. Gives the year and whether it is the paper's.
fn labelled_date(plain: &str) -> Option<(i32, bool)> {
    let (label, value) = plain.split_once(": ")?;
    if words_up_to(label, 4) > 3 || !label.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return None;
    }
    let year = year_of_labelled_date(value.trim())?;
    // USENIX's `;login: 2024` (its `;` trimmed) is a venue.
    if venue::detect(plain).is_some() {
        return None;
    }
    let label = label
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let of_paper = matches!(
        label.as_str(),
        "date" | "year" | "published" | "publication date"
    );
    Some((year, of_paper))
}

/// The year of a day written in numbers, year first: `2023-05-12`, `2021/1/20`.
fn year_of_day(text: &str) -> Option<i32> {
    if !(8..=10).contains(&text.len()) {
        return None;
    }
    let parts: Vec<&str> = text.split(['-', '/']).collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str, max: u32| {
        (1..=2).contains(&part.len()) && part.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    if year.len() != 4 || !number(month, 12) || !number(day, 31) {
        return None;
    }
    year.parse::<i32>()
        .ok()
        .filter(|y| (1900..=2099).contains(y))
}

/// The year of a date written after a label: `2026-04-11`, `2024-05`,
/// `2023`, `October 2023`.
fn year_of_labelled_date(value: &str) -> Option<i32> {
    let value = value.trim_end_matches('.');
    let iso = value.len() >= 7
        && value.len() <= 10
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'/');
    let year = if iso {
        value.get(..4).and_then(|y| y.parse::<i32>().ok())
    } else {
        value.parse::<i32>().ok().or_else(|| year_of_date(value))
    };
    year.filter(|y| (1900..=2099).contains(y))
}

/// APA's `(2023, October)`, `(2021, June 3)`, and `October 2023`, `Oct. 3, 2023`:
/// a date that names a month and one year. Gives the year.
pub(crate) fn year_of_date(text: &str) -> Option<i32> {
    // Dates are short, and start with a digit or a month's capital.
    if text.len() > 24 || !text.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()) {
        return None;
    }
    let (mut year, mut month) = (None, false);
    for word in text.split([' ', ',']).filter(|w| !w.is_empty()) {
        let word = word.strip_suffix('.').unwrap_or(word);
        match word.parse::<i32>() {
            Ok(y) if (1900..=2099).contains(&y) && year.is_none() => year = Some(y),
            Ok(day) if (1..=31).contains(&day) => {}
            Ok(_) => return None,
            Err(_) if !month && paperlist_model::normalize::month_number(word).is_some() => {
                month = true;
            }
            Err(_) => return None,
        }
    }
    year.filter(|_| month)
}

/// Where and when a conference met, as CVs write it after the venue:
/// `Austin, TX, November 2024`, `Boston, MA, July 10-12, 2023`. Gives the year.
fn year_of_place_date(text: &str) -> Option<i32> {
    let ends_in_year = text.len() > 6
        && text.as_bytes()[text.len() - 4..]
            .iter()
            .all(u8::is_ascii_digit);
    if !ends_in_year || !text.contains(", ") {
        return None;
    }
    let elements: Vec<&str> = text.split(", ").collect();
    // IEEE's `Koblenz, Germany, 2023`: a bare year after a place that ends
    // in a country or a US state, with a city before it (`SC, 2021` is a venue).
    if let [places @ .., last_place, year] = elements.as_slice()
        && (1..=2).contains(&places.len())
        && is_country_or_state(last_place)
        && places.iter().all(|p| is_place(p))
        && let Ok(year) = year.parse::<i32>()
        && (1900..=2099).contains(&year)
    {
        return Some(year);
    }
    // The date is the last element (`November 2024`) or the last two
    // (`July 10-12`, `2023`); the places before it are one to three.
    (1..=2).find_map(|date_len| {
        let split = elements.len().checked_sub(date_len)?;
        let (places, date) = elements.split_at(split);
        if places.is_empty() || places.len() > 3 || !places.iter().all(|p| is_place(p)) {
            return None;
        }
        let date = date.join(", ");
        // Day ranges (`10-12`) read as one day.
        let date = date.replace(['-', '\u{2013}'], " ");
        year_of_date(&date)
    })
}

/// The countries conferences meet in and the US states, as the last element
/// of a conference's location (`Koblenz, Germany`, `Carlsbad, CA`).
fn is_country_or_state(place: &str) -> bool {
    const COUNTRIES: &[&str] = &[
        "USA",
        "U.S.A.",
        "US",
        "United States",
        "Canada",
        "Mexico",
        "Brazil",
        "Chile",
        "Argentina",
        "UK",
        "U.K.",
        "United Kingdom",
        "England",
        "Scotland",
        "Ireland",
        "France",
        "Germany",
        "Italy",
        "Spain",
        "Portugal",
        "Netherlands",
        "The Netherlands",
        "Belgium",
        "Switzerland",
        "Austria",
        "Sweden",
        "Norway",
        "Denmark",
        "Finland",
        "Iceland",
        "Poland",
        "Czech Republic",
        "Czechia",
        "Hungary",
        "Greece",
        "Cyprus",
        "Malta",
        "Croatia",
        "Slovenia",
        "Romania",
        "Bulgaria",
        "Serbia",
        "Estonia",
        "Latvia",
        "Lithuania",
        "Luxembourg",
        "Turkey",
        "Türkiye",
        "Israel",
        "UAE",
        "United Arab Emirates",
        "Qatar",
        "Saudi Arabia",
        "Egypt",
        "Morocco",
        "South Africa",
        "Kenya",
        "Nigeria",
        "India",
        "China",
        "P.R. China",
        "PR China",
        "Hong Kong",
        "Macau",
        "Macao",
        "Taiwan",
        "Japan",
        "Korea",
        "South Korea",
        "Republic of Korea",
        "Singapore",
        "Malaysia",
        "Thailand",
        "Vietnam",
        "Indonesia",
        "Philippines",
        "Australia",
        "New Zealand",
        "Russia",
    ];
    let is_state_code = place.len() == 2 && place.bytes().all(|b| b.is_ascii_uppercase());
    is_state_code || COUNTRIES.contains(&place)
}

/// `2023/12`, `2023.12`, `2023-12`, `12/2023`: a year and a month, as awesome
/// lists date their news (`[2023/12] Title`). Gives the year.
pub(crate) fn year_of_month(text: &str) -> Option<i32> {
    if text.len() > 7 || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (left, right) = text.split_once(['/', '.', '-'])?;
    let number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<i32>().ok())
            .flatten()
    };
    let (year, month) = match (number(left, 4..=4), number(right, 4..=4)) {
        (Some(year), None) => (year, number(right, 1..=2)?),
        (None, Some(year)) => (year, number(left, 1..=2)?),
        _ => return None,
    };
    ((1900..=2099).contains(&year) && (1..=12).contains(&month)).then_some(year)
}

/// A piece that is only pages: `pp. 12-34`, `pages 5998–6008`, `p. 7`, or a
/// bare range of page numbers (`578–594`, not a range of years).
fn pages_of(plain: &str) -> Option<PageRange> {
    let text = plain.trim().trim_end_matches('.');
    // A digit last, and a digit or a `p` first: most pieces are not pages.
    let bytes = text.as_bytes();
    let (first, last) = (*bytes.first()?, *bytes.last()?);
    if !last.is_ascii_digit() || !(first.is_ascii_digit() || matches!(first, b'p' | b'P')) {
        return None;
    }
    let starts = |label: &str| {
        text.as_bytes()
            .get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label.as_bytes()))
    };
    let labelled = starts("pp.") || starts("pp ") || starts("p.") || starts("pages");
    let pages: PageRange = text.parse().ok()?;
    if labelled {
        return Some(pages);
    }
    // Bare: a range of plain numbers, first below last, not two years.
    let first: u32 = pages.first().parse().ok()?;
    let last: u32 = pages.last()?.parse().ok()?;
    let years = (1900..=2099).contains(&first) && (1900..=2099).contains(&last);
    (first < last && !years).then_some(pages)
}

fn status_of(tag: &str) -> Status {
    match tag.to_lowercase().as_str() {
        "accepted" | "to appear" | "in press" | "forthcoming" | "conditionally accepted" => {
            Status::Accepted
        }
        "preprint" | "working paper" => Status::Preprint,
        _ => Status::UnderReview,
    }
}

/// A piece that is only a written-out address (`https://doi.org/10...`), without
/// a final period.
pub(crate) fn bare_url(plain: &str) -> Option<&str> {
    let url = plain.trim().trim_end_matches('.');
    let scheme = url.starts_with("https://") || url.starts_with("http://");
    (scheme && !url.contains(char::is_whitespace)).then_some(url)
}

/// Whether a piece is only link labels (`[PDF] [code]`).
pub(crate) fn is_links_only(piece: &Styled) -> bool {
    if piece.links().next().is_none() {
        return false;
    }
    // `[Custom Link] [Project Page]`: links written in brackets are labels
    // whatever their words, when nothing but separators is around them.
    if piece.text.trim_start().starts_with('[') && bracketed_links_only(piece) {
        return true;
    }
    let mut words = piece
        .text
        .split(|c: char| matches!(c, '[' | ']' | '|' | ',' | '/' | '(' | ')') || c.is_whitespace())
        // Icons in labels (`📄 Paper`, `💻 Code`) are not words.
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .peekable();
    // A word of a label (`full` of "full version") in any case.
    let is_label_word = |word: &str| {
        let lower;
        let word = if word.is_ascii() {
            word
        } else {
            lower = word.to_lowercase();
            lower.as_str()
        };
        LINK_LABELS
            .iter()
            .any(|label| label.split(' ').any(|part| part.eq_ignore_ascii_case(word)))
    };
    words.peek().is_some() && words.all(is_label_word)
}

/// `Notes: [PDF](url)`: a link label, its colon and links.
fn labelled_links(piece: &Styled) -> bool {
    let plain = &piece.text;
    let Some(colon) = plain.get(..18).unwrap_or(plain).find(": ") else {
        return false;
    };
    LINK_LABELS.contains(&plain[..colon].trim().to_ascii_lowercase().as_str())
        && is_links_only(&piece.slice(colon + 2..plain.len()))
}

/// `[pdf]`, `[slides | video]` with no address behind them (a CV pasted as
/// text): link labels, no field of the entry.
fn is_unlinked_labels(plain: &str) -> bool {
    let text = plain.trim();
    // `Slides:` cut from the links after it (`Slides: [PDF](url)`).
    if let Some(label) = text.strip_suffix(':')
        && label.len() <= 16
        && LINK_LABELS.contains(&label.trim().to_ascii_lowercase().as_str())
    {
        return true;
    }
    text.starts_with('[')
        && text.ends_with(']')
        && text
            .split(['[', ']', '|', ','])
            .map(str::trim)
            .filter(|label| !label.is_empty())
            .all(|label| LINK_LABELS.contains(&label.to_ascii_lowercase().as_str()))
}

/// Whether a piece is only links whose text is in brackets, and separators.
fn bracketed_links_only(piece: &Styled) -> bool {
    piece.only_links().is_some_and(|labels| {
        labels.iter().all(|label| {
            let label = label.trim();
            label.starts_with('[') && label.ends_with(']')
        })
    })
}

/// Reads a piece as a venue: a known venue (`Proc. VLDB Endow. 2023`, `NSDI 2019`,
/// `ASPLOS`), or an unknown one that says what it is and when (`Google Workshop
/// on Sparsity 2022`, an italic line with a year).
///
/// `tag` is the piece's text as [`clean_tag`] leaves it.
fn venue_text(piece: &Styled, tag: &str) -> Option<VenueText> {
    let plain = tag;
    let prefix = VENUE_PREFIX.captures(plain);
    let status_prefix = prefix
        .as_ref()
        .and_then(|c| c.get(0))
        .map_or(0, |m| m.end());
    let status = prefix.as_ref().and_then(|c| {
        if c.name("accepted").is_some() {
            Some(Status::Accepted)
        } else if c.name("review").is_some() {
            Some(Status::UnderReview)
        } else {
            None
        }
    });
    let body = plain[status_prefix..].trim();
    // Google Scholar writes `InProceedings of`.
    let body = body
        .strip_prefix("In")
        .filter(|rest| rest.starts_with("Proceedings"))
        .unwrap_or(body);
    if body.is_empty() {
        return None;
    }
    // Counted up to 25: every reading below needs 24 words or fewer (dblp's
    // full booktitles run to 20: `String Processing and Information
    // Retrieval, 13th International Conference, SPIRE 2006, Glasgow, UK, ...`).
    // `... Linguistics (Volume 1: Long Papers)`: the part adds words, not a venue.
    let words = words_up_to(venue::without_part(body), 25);
    if words > 24 {
        return None;
    }
    let year = year_in(body);
    // `19 ICML`: a reading list's year first, in two digits.
    if year.is_none()
        && let Some(tag) = venue::year_first_tag(body)
    {
        return venue_text(piece, &tag);
    }
    let known = if words <= 16 {
        venue::lookup(body)
    } else {
        None
    };
    if let Some(known) = known {
        return Some(registry_venue(known, body, year, status));
    }
    // `arXiv preprint arXiv:2001.08361`, `CoRR abs/2001.08361`: a preprint
    // named with its identifier needs no year.
    let preprint = year.is_none()
        && body.bytes().any(|b| b.is_ascii_digit())
        && body
            .split_whitespace()
            .any(|word| word.parse::<ArxivId>().is_ok());
    // Every other reading needs a year, a status or an identifier, or names
    // a numbered meeting (`52nd International Conference on ...`, `The 19th
    // Workshop on ...`): no title starts so.
    if year.is_none() && status_prefix == 0 && !preprint && !numbered_meeting(body) {
        // `SC22` is `SC 2022`, as `SC'22` is (short texts only: a venue tag).
        return (words <= 6)
            .then(|| venue::unglue_year(body))
            .flatten()
            .and_then(|unglued| venue_text(piece, &unglued));
    }
    let detected = if words <= 12 && (year.is_some() || preprint) {
        venue::detect(body)
    } else {
        None
    };
    if let Some(known) = detected {
        // "SIGMOD 2022 Demo", "NeurIPS 2020 (Spotlight)": the registry venue.
        return Some(registry_venue(known, body, year, status));
    }
    // `In: SC22; 2022`: the registry venue with its year glued on.
    if words <= 6
        && let Some(unglued) = venue::unglue_year(body)
    {
        return venue_text(piece, &unglued);
    }
    // Google Scholar's `Advances in neural …, 2017`: a name cut short.
    if body.contains('\u{2026}') || body.contains("...") {
        let cut =
            body.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == ',');
        if let Some(known) = venue::complete_prefix(cut) {
            return Some(registry_venue(known, body, year, status));
        }
    }
    let names_a_venue = || VENUE_WORDS.is_match(body) || names_chinese_venue(body);
    let italic = || piece.covered_by(0..piece.text.len(), |m| *m == Mark::Emphasis);
    if names_a_venue() || (year.is_some() && (italic() || institution_and_year(body))) {
        // A long official name (`Proceedings of the 2019 Conference of the
        // North American Chapter of the ACL: ...`), or one with a place and no
        // year (`Paper presented at the 17th USENIX Symposium on ..., Boston,
        // MA`), names the registry venue inside it, as a booktitle does.
        if (words > 12 || year.is_none())
            && let Some(known) = venue::detect(body)
        {
            return Some(registry_venue(known, body, year, status));
        }
        return Some(unknown_venue(body, year, status));
    }
    let parenthesised = || {
        let plain = piece.text.trim();
        (plain.starts_with('(') && plain.ends_with(')'))
            || (plain.starts_with('[') && plain.ends_with(']'))
    };
    if named_and_dated(body, true) || (parenthesised() && named_and_dated(body, false)) {
        return Some(unknown_venue(body, year, status));
    }
    None
}

/// What a venue column says (`Nature 2021 August`, `USENIX WOOT 2026`,
/// `Proc. SPIE 7608`): the whole text names the venue, a registry venue when
/// one is inside it; a date at its end dates the paper and is no part of the name.
pub(crate) fn column_venue(text: &str) -> VenueText {
    let written = collapse_whitespace(text);
    let year = year_in(&written);
    if let Some(known) = venue::lookup(&written).or_else(|| venue::detect(&written)) {
        return VenueText {
            short: Some(known.short),
            kind: Some(known.kind),
            written,
            year,
            status: None,
        };
    }
    let mut name = written.as_str();
    let mut dated = false;
    while let Some((rest, last)) = name.trim_end().rsplit_once(' ') {
        let word = last.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')'));
        let is_year = word.len() == 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && (1900..=2099).contains(&word.parse::<i32>().unwrap_or(0));
        let is_month = paperlist_model::normalize::month_number(word).is_some();
        let is_day =
            dated && (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
        if !(is_year || is_month || is_day) {
            break;
        }
        dated = true;
        name = rest.trim_end_matches([',', ' ']);
    }
    unknown_venue(name, year, None)
}

/// A venue the registry does not know, as written (its kind from its words).
fn unknown_venue(body: &str, year: Option<i32>, status: Option<Status>) -> VenueText {
    VenueText {
        short: None,
        kind: kind_named_in(body),
        written: written_venue(body),
        year,
        status,
    }
}

/// `52nd International Conference on Very Large Databases`, `The 20th USENIX
/// Symposium on ...`: an ordinal, then a meeting's words.
fn numbered_meeting(body: &str) -> bool {
    let body = body.strip_prefix("The ").unwrap_or(body);
    let ordinal = body.split_whitespace().next().is_some_and(|word| {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.len() <= 3
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th")
    });
    ordinal && VENUE_WORDS.is_match(body)
}

/// A venue of the registry as written in `body`.
fn registry_venue(
    known: &'static venue::Venue,
    body: &str,
    year: Option<i32>,
    status: Option<Status>,
) -> VenueText {
    VenueText {
        short: Some(known.short),
        kind: Some(known.kind),
        written: written_venue(body),
        year,
        status,
    }
}

/// A piece the line's structure says is the venue (GB/T 7714's journal after
/// `[J].`), read as written whatever words it has.
pub(crate) fn container_venue(text: &str) -> VenueText {
    let body = text.trim();
    let known = if words_up_to(body, 17) <= 16 {
        venue::lookup(body)
    } else {
        None
    };
    VenueText {
        short: known.map(|k| k.short),
        kind: known.map(|k| k.kind).or_else(|| kind_named_in(body)),
        written: written_venue(body),
        year: year_in(body),
        status: None,
    }
}

/// The kind of venue its name says: a workshop, a journal (`Transactions`),
/// a preprint server.
pub(crate) fn kind_named_in(venue: &str) -> Option<VenueKind> {
    let lower = venue.to_lowercase();
    if lower.contains("workshop") {
        Some(VenueKind::Workshop)
    } else if lower.contains("journal")
        || lower.contains("transactions")
        || ["学报", "期刊", "杂志", "論文誌", "学会誌", "學報"]
            .iter()
            .any(|word| venue.contains(word))
    {
        Some(VenueKind::Journal)
    } else if lower.contains("arxiv")
        || lower.contains("corr")
        || ["rxiv", "ssrn", "research square", "preprints.org"]
            .iter()
            .any(|server| lower.contains(server))
    {
        Some(VenueKind::Preprint)
    } else if journal_named(&lower) {
        Some(VenueKind::Journal)
    } else {
        None
    }
}

/// Words only journals' names have, in lower case: `Journal of ...`, `IEEE
/// Transactions on ...`, `Nature Methods`, `Briefings in Bioinformatics`,
/// `IEEE Signal Processing Letters`. The venue rules read them, and so does
/// the name scorer: no person's name has them.
pub(crate) const JOURNAL_WORDS: &[&str] = &[
    "journal",
    "transactions",
    "letters",
    "magazine",
    "review",
    "reviews",
    "bulletin",
    "annals",
    "quarterly",
    "nature",
    "cell",
    "science",
    "sciences",
    "bioinformatics",
    "reports",
    "communications",
    // Publishers' journal families: `Frontiers in Genetics`, `PLOS ONE`,
    // `BMC Genomics`, `eLife`, `IEEE Access`.
    "frontiers",
    "plos",
    "bmc",
    "elife",
    "access",
];

/// Whether a venue's name (in lower case) has a word of [`JOURNAL_WORDS`],
/// and none that says it is a meeting.
fn journal_named(lower: &str) -> bool {
    const MEETING_WORDS: &[&str] = &[
        "conference",
        "conf",
        "symposium",
        "symp",
        "proceedings",
        "proc",
        "meeting",
        "congress",
        "forum",
    ];
    let mut journal = false;
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if MEETING_WORDS.contains(&word) {
            return false;
        }
        journal |= JOURNAL_WORDS.contains(&word);
    }
    journal
}

/// A venue as written, without `In Proceedings of`, the year, and trailing punctuation.
fn written_venue(text: &str) -> String {
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:in\s+)?(?:the\s+)?(?:proceedings of(?: the)?|proc\.(?: of(?: the)?)?)\s+",
        )
        .expect("valid regex")
    });
    // The year that dates the mention (`OSDI 2018`, `2018 OSDI`, `ATC '21`);
    // years inside a long official name (`SPIRE 2006, Glasgow, UK, October
    // 11-13, 2006, Proceedings`) are part of it.
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:19|20)\d{2}(?-u:\b)\s*|\s*(?:,\s*)?(?:'|’)?(?-u:\b)(?:19|20)\d{2}\s*$|\s*['’]\d{2}(?-u:\b)")
            .expect("valid regex")
    });
    let without_lead = LEADING.replace(text, "");
    let without_year = YEAR.replace_all(&without_lead, "");
    collapse_whitespace(
        without_year
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':')),
    )
}

/// `Mesh-TensorFlow: Deep Learning for Supercomputers Noam Shazeer, Youlong Cheng, ...`:
/// a title with the author list glued to its end. Returns (title, authors) when
/// the tail of the text is a list of names and the first name can be told from
/// the last title words.
pub(crate) fn split_glued_title_authors(piece: &Styled) -> Option<(Styled, Styled, String)> {
    let plain = &piece.text;
    let elements: Vec<Range<usize>> = {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in plain.char_indices() {
            if c == ',' {
                out.push(start..i);
                start = i + 1;
            }
        }
        out.push(start..plain.len());
        out
    };
    if elements.len() < 3 {
        return None;
    }
    let is_name =
        |r: &Range<usize>| name_score(plain[r.clone()].trim().trim_start_matches("and ")) >= 0.6;
    // The element where the title ends and the first name begins.
    let glued = elements.iter().rposition(|r| !is_name(r))?;
    let rest = &elements[glued + 1..];
    if rest.len() < 2 || rest.iter().filter(|r| is_name(r)).count() * 10 < rest.len() * 8 {
        return None;
    }
    let element = elements[glued].clone();
    let words: Vec<(usize, &str)> = plain[element.clone()]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - plain.as_ptr() as usize, w))
        .collect();
    // Names in the rest of the list are mostly two words: take two (three when
    // the name has an initial or particle in the middle).
    let take = if words.len() >= 4 && is_middle_name_word(words[words.len() - 2].1) {
        3
    } else {
        2
    };
    if words.len() < take + 2 {
        return None;
    }
    let name_start = words[words.len() - take].0;
    let name = &plain[name_start..element.end];
    if name_score(name) < 0.6 {
        return None;
    }
    let title = piece.slice(0..name_start).trim();
    let authors = piece.slice(name_start..plain.len()).trim();
    let note = format!(
        "split title and first author at a guess: {:?} / {:?}",
        title.text,
        name.trim()
    );
    Some((title, authors, note))
}

fn is_middle_name_word(word: &str) -> bool {
    (word.len() <= 2 && word.ends_with('.')) || ["van", "von", "de", "del", "der"].contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        split_line(&Styled::plain(text))
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    fn kind(text: &str) -> FieldKind {
        classify(&Styled::plain(text))
    }

    #[test]
    fn a_lists_own_tag_before_the_title_is_a_note() {
        assert_eq!(
            pieces("[Survey] A Survey of Large Language Models. arXiv 2023.")[..2],
            ["[Survey]", "A Survey of Large Language Models"]
        );
        assert_eq!(kind("[Survey]"), FieldKind::Note("Survey".into()));
        assert_eq!(
            kind("\u{3010}\u{7efc}\u{8ff0}\u{3011}"),
            FieldKind::Note("\u{7efc}\u{8ff0}".into())
        );
        // ReScience's `[Re]` is the title's; a bare `Survey` may be a title.
        assert_eq!(pieces("[Re] Reproducing X. 2021.")[0], "[Re] Reproducing X");
        assert_eq!(kind("Survey"), FieldKind::Title);
    }

    #[test]
    fn a_venues_tag_may_say_what_kind_of_paper_it_is() {
        assert_eq!(paper_kind_after_venue("ICLR 2024 (Poster"), Some("Poster"));
        assert_eq!(paper_kind_after_venue("SIGMOD 2023 [Demo]"), Some("Demo"));
        assert_eq!(
            paper_kind_after_venue("CHI '22, short paper"),
            Some("Short Paper")
        );
        // Not after a venue's year: a word of a name.
        assert_eq!(paper_kind_after_venue("Workshop on Demo"), None);
        assert_eq!(paper_kind_after_venue("Poster"), None);
        assert_eq!(kind("(Poster)"), FieldKind::Note("Poster".into()));
    }

    #[test]
    fn a_lectures_labelled_links_are_no_title() {
        let link = |text: &str, label: &str| {
            let start = text.find(label).unwrap_or_default();
            (
                start..start + label.len(),
                Mark::Link("https://x.org/s.pdf".into()),
            )
        };
        let text = "Notes: PDF";
        let styled = Styled {
            text: text.into(),
            marks: vec![link(text, "PDF")],
        };
        assert_eq!(classify(&styled), FieldKind::Links);
        assert_eq!(kind("Slides:"), FieldKind::Links);
        // Unlinked, or not a link's label: text.
        assert_eq!(kind("Notes: PDF"), FieldKind::Title);
        assert_eq!(kind("Consensus:"), FieldKind::Title);
    }

    #[test]
    fn a_line_of_labelled_parts() {
        assert_eq!(
            pieces(
                "Title: Latent Dirichlet Allocation; Authors: David M. Blei, Andrew Y. Ng; Venue: JMLR 2003"
            ),
            [
                "Latent Dirichlet Allocation",
                "David M. Blei, Andrew Y. Ng",
                "JMLR 2003"
            ]
        );
        assert_eq!(
            pieces("Title: A | Authors: Jane Doe | Year: 2017"),
            ["A", "Jane Doe", "2017"]
        );
        // One label, or `;` inside a value.
        assert!(split_labelled_parts(&Styled::plain("Title: A; B; C")).is_none());
        assert!(split_labelled_parts(&Styled::plain("Notes: x; Title: y")).is_none());
    }

    #[test]
    fn a_reading_role_is_the_entrys_note() {
        assert_eq!(
            pieces("Required: Leslie Lamport. Paxos Made Simple. 2001.")[..2],
            ["Required", "Leslie Lamport"]
        );
        assert_eq!(
            pieces("Background reading: Lamport, L. Title.")[0],
            "Background reading"
        );
        assert_eq!(kind("Optional"), FieldKind::Note("Optional".into()));
        // A title's own colon, and a role with nothing after it.
        assert_eq!(pieces("Optional: Not Required. SOSP 2020.")[0], "Optional");
        assert_eq!(
            pieces("Background: A Survey of Consensus. SOSP 2020.")[0],
            "Background"
        );
        assert_eq!(
            pieces("BERT: Pre-training of Deep Transformers")[0],
            "BERT: Pre-training of Deep Transformers"
        );
        assert!(split_reading_role(&Styled::plain("Required:")).is_none());
        assert!(split_reading_role(&Styled::plain("Required:x")).is_none());
    }

    #[test]
    fn a_lone_inverted_name_with_initials_before_its_title() {
        assert_eq!(
            pieces("Mattern, F. Virtual Time and Global States. Algorithms, 1989.")[..2],
            ["Mattern, F", "Virtual Time and Global States"]
        );
        assert_eq!(
            pieces("Lampson, B. W. Hints for Computer System Design. SOSP 1983.")[..2],
            ["Lampson, B. W", "Hints for Computer System Design"]
        );
        // The name goes on (`J. William`), or names follow.
        assert!(!lone_inverted_initials("Smith, J", "William. Title. 1989."));
        assert!(!lone_inverted_initials(
            "Smith, J",
            "Jones, K. Title. 1989."
        ));
        assert!(!lone_inverted_initials("Smith, J", "Title. 1989."));
    }

    #[test]
    fn a_title_may_end_with_a_word_venues_abbreviate() {
        assert_eq!(
            pieces("Jane Smith. Consensus with One Faulty Process. JACM 1985.")[1],
            "Consensus with One Faulty Process"
        );
        // Among other abbreviations it is one.
        assert_eq!(
            pieces("J. Smith. Title. Adv. Neural Inf. Process. Syst. 2017.")[2],
            "Adv. Neural Inf. Process. Syst"
        );
    }

    #[test]
    fn apa_references_as_jekyll_scholar_renders_them() {
        // The last name's initials go on after the first (`K. Q.`).
        assert_eq!(
            pieces("Sun, Y., & Weinberger, K. Q. (2017). On Calibration.")[0],
            "Sun, Y., & Weinberger, K. Q."
        );
        // `(Vol. 70, pp. 1321–1330)` after the proceedings: a volume and pages.
        let kinds: Vec<FieldKind> = split_line(&Styled::plain(
            "In Proceedings of the 34th International Conference on Machine Learning (Vol. 70, pp. 1321–1330).",
        ))
        .iter()
        .map(classify)
        .collect();
        assert!(matches!(kinds[0], FieldKind::Venue(_)), "{kinds:?}");
        assert!(matches!(&kinds[1], FieldKind::Issue(Issue { volume: Some(v), .. }) if v == "70"));
        assert!(matches!(kinds[2], FieldKind::Pages(_)));
        // A title's own parentheses stay: `(Vol. 2)` alone is a volume, but
        // `(and Back)` is no locator.
        assert!(is_locator("Vol. 2"));
        assert!(!is_locator("and Back"));
        assert!(!is_locator("2 Players"));
        // A hall before the place of a proceedings' publisher.
        assert_eq!(
            kind("International Convention Centre, Sydney, Australia: PMLR"),
            FieldKind::Publisher("PMLR".to_owned())
        );
        // `Retrieved from` an address: a link, whose address is the work's.
        assert_eq!(kind("Retrieved from https://x.org/p.pdf"), FieldKind::Links);
        assert_eq!(
            kind("[Online]. Available: https://x.org/p"),
            FieldKind::Links
        );
        assert_eq!(
            written_address("Retrieved from https://x.org/p."),
            Some("https://x.org/p")
        );
        assert_eq!(
            kind("Retrieved from the archive of a lost era"),
            FieldKind::Title
        );
        // An italic journal and an italic volume, then the pages.
        let styled =
            crate::markdown::styled_snippet("*Annual Review of Statistics*, *1*, 203–232.");
        let read: Vec<String> = split_line(&styled).into_iter().map(|p| p.text).collect();
        assert_eq!(read, ["Annual Review of Statistics", "1", "203–232"]);
        // Not in plain text, where `Title, 1, 2–3` could be anything.
        assert_eq!(pieces("A Review of Things, 1, 203–232").len(), 1);
    }

    #[test]
    fn chicago_and_ieee_references_split_where_their_fields_end() {
        // Chicago inverts the first name only: the initials of the names after
        // it end no list of inverted names.
        assert_eq!(
            pieces(
                "Smith, J. W., J. E. Everhart, W. C. Dickson, and R. S. Johannes. 1988. “Title.”"
            ),
            [
                "Smith, J. W., J. E. Everhart, W. C. Dickson, and R. S. Johannes",
                "1988",
                "“Title.”"
            ]
        );
        // APA's list of inverted names still ends at its last initials.
        assert_eq!(
            pieces("Kwon, W., Li, Z., Zhuang, S. Efficient Memory Management."),
            ["Kwon, W., Li, Z., Zhuang, S", "Efficient Memory Management"]
        );
        // IEEE's `doi:` after the pages is a field of its own.
        let read = pieces("in Proc. SOSP, 2023, pp. 611–626. doi: 10.1145/3600006.3613165.");
        assert_eq!(
            read.last().map(String::as_str),
            Some("doi: 10.1145/3600006.3613165")
        );
        // A presentation after a year is no issue.
        assert!(!matches!(kind("2024 (Oral)"), FieldKind::Issue(_)));
        assert!(!matches!(kind("2024 (ORAL)"), FieldKind::Issue(_)));
        // PACMPL's issue named by its conference.
        assert!(
            matches!(kind("7(OOPSLA2)"), FieldKind::Issue(Issue { number: Some(n), .. }) if n == "OOPSLA2")
        );
        // papercite's `iss.`
        assert!(
            matches!(kind("iss. 11"), FieldKind::Issue(Issue { number: Some(n), .. }) if n == "11")
        );
        assert!(
            pieces("Commun. ACM, vol. 59, iss. 11, pp. 56-65, 2016.")
                .contains(&"iss. 11".to_owned())
        );
        // A four-digit issue number is no year.
        assert!(
            pieces("Nature, vol. 529, no. 7587, pp. 484–489, 2016.")
                .contains(&"no. 7587".to_owned())
        );
        // PLOS's article number.
        assert!(
            matches!(kind("e0118432"), FieldKind::Issue(Issue { article: Some(a), .. }) if a == "e0118432")
        );
        assert_eq!(kind("e2"), FieldKind::Title);
    }

    #[test]
    fn a_labelled_date_dates_the_paper_or_nothing() {
        assert_eq!(kind("Published: 2017-03-02"), FieldKind::Year(2017));
        assert_eq!(kind("Date: October 2023"), FieldKind::Year(2023));
        assert_eq!(kind("Date analyzed: 2026-04-11"), FieldKind::Links);
        assert_eq!(kind("Last updated: 2024-05"), FieldKind::Links);
        assert_eq!(kind("Ray: A Distributed Framework"), FieldKind::Title);
        // USENIX's magazine is no label.
        assert!(matches!(kind("login: 2024"), FieldKind::Venue(_)));
        // A link label before an address leaves the address.
        let kinds: Vec<FieldKind> = split_line(&Styled::plain(
            "Source: https://arxiv.org/pdf/2009.08432.pdf",
        ))
        .iter()
        .map(classify)
        .collect();
        assert_eq!(kinds, [FieldKind::Links]);
    }

    #[test]
    fn reference_shapes_of_readmes_and_wikis() {
        // A status after a comma at the end of a piece.
        assert_eq!(
            pieces("Computer Methods in Applied Mechanics and Engineering, in press"),
            [
                "Computer Methods in Applied Mechanics and Engineering",
                "in press"
            ]
        );
        // A title ending in an abbreviation that is a word too.
        assert_eq!(
            pieces("Performance Analysis of the Technology Chess Program. Ph.D. Thesis"),
            [
                "Performance Analysis of the Technology Chess Program",
                "Ph.D. Thesis"
            ]
        );
        assert_eq!(
            pieces("Proc. ACM Program. Lang."),
            ["Proc. ACM Program. Lang"]
        );
        // One name before its title's colon, with an initial first.
        assert_eq!(
            pieces("J. Doe: Learned Index Structures for Storage"),
            ["J. Doe", "Learned Index Structures for Storage"]
        );
        assert_eq!(
            pieces("Ray: A Distributed Framework"),
            ["Ray: A Distributed Framework"]
        );
        // A title written as one link between commas.
        let link = Mark::Link("https://doi.org/10.1016/j.advengsoft.2018.05.007".into());
        let linked = Styled {
            text: "Thomas D., Boman R., CUPyDO - An integrated Python environment, Advances in Engineering Software 128:69-85".into(),
            marks: vec![(21..62, link)],
        };
        let texts: Vec<String> = split_line(&linked).into_iter().map(|p| p.text).collect();
        assert_eq!(
            texts,
            [
                "Thomas D., Boman R.",
                "CUPyDO - An integrated Python environment",
                "Advances in Engineering Software 128",
                "69-85"
            ]
        );
    }

    #[test]
    fn an_organisation_alone_is_told_from_a_title() {
        for name in [
            "UC Berkeley",
            "Google DeepMind",
            "Seoul National University",
            "Max Planck Institute for Informatics",
            "Microsoft Research Asia",
        ] {
            assert!(names_organization(name), "{name}");
        }
        for title in [
            "Group Normalization",
            "Foundation Models",
            "State Space Models",
            "Research Software",
            "Deep Residual Learning for Image Recognition",
            "Ion Stoica",
        ] {
            assert!(!names_organization(title), "{title}");
        }
    }

    #[test]
    fn a_titles_last_word_is_no_label_before_its_links() {
        let link =
            |range: Range<usize>| (range, Mark::Link("https://arxiv.org/abs/1911.08265".into()));
        let titled = Styled {
            text: "Planning with a Learned Model [Paper]".into(),
            marks: vec![link(30..37)],
        };
        let texts: Vec<String> = split_line(&titled).into_iter().map(|p| p.text).collect();
        assert_eq!(texts, ["Planning with a Learned Model", "[Paper]"]);
        // After the end of a sentence, a label word is a label, linked or not.
        let labelled = Styled {
            text: "Attention Is All You Need. PDF [Code]".into(),
            marks: vec![link(31..37)],
        };
        let kinds: Vec<FieldKind> = split_line(&labelled).iter().map(classify).collect();
        assert_eq!(kinds, [FieldKind::Title, FieldKind::Links]);
    }

    #[test]
    fn labelled_lines_lose_their_label() {
        assert_eq!(
            pieces("Title: Fairness in Serving LLMs"),
            ["Fairness in Serving LLMs"]
        );
        assert!(matches!(
            kind(&pieces("Authors: Ying Sheng, Shiyi Cao")[0]),
            FieldKind::Authors(_)
        ));
        assert!(matches!(
            kind(&pieces("Venue: OSDI 2024")[0]),
            FieldKind::Venue(_)
        ));
        assert_eq!(
            pieces("Paper: https://x.org/a.pdf"),
            ["https://x.org/a.pdf"]
        );
        // A link label before words is a title's first word.
        assert_eq!(
            pieces("Code: The Hidden Language"),
            ["Code: The Hidden Language"]
        );
    }

    #[test]
    fn short_citations_after_titles() {
        assert_eq!(
            pieces("Splitwise: Efficient inference using phase splitting, Patel et al., ISCA 2024"),
            [
                "Splitwise: Efficient inference using phase splitting",
                "Patel et al",
                "ISCA 2024"
            ]
        );
        assert_eq!(
            pieces("Mixtral of Experts (Jiang et al., 2024)"),
            ["Mixtral of Experts", "Jiang et al", "2024"]
        );
        assert!(is_short_citation("Albert Q. Jiang et al. 2024"));
        assert!(is_short_citation("Agrawal et al., OSDI 2024"));
        assert_eq!(
            pieces("Sarathi-Serve: Taming Throughput-Latency Tradeoff (Agrawal et al., OSDI 2024)"),
            [
                "Sarathi-Serve: Taming Throughput-Latency Tradeoff",
                "Agrawal et al",
                "OSDI 2024"
            ]
        );
        assert!(!is_short_citation("Jiang et al., pages 1-5"));
        assert!(!is_short_citation("the work of many et al"));
        // Names before `et al.` are an author list, not a title.
        assert_eq!(
            pieces("Wei Chen, Jane Doe et al."),
            ["Wei Chen, Jane Doe et al"]
        );
    }

    #[test]
    fn a_month_after_pages_ends_no_sentence() {
        let ieee = pieces("J. Doe, \"Serving,\" IEEE TPDS, vol. 34, pp. 400–415, Feb. 2023.");
        assert!(ieee.iter().any(|p| p.ends_with("Feb. 2023")), "{ieee:?}");
        // ACM's given name `Jan` before the year still ends the author list.
        let acm = pieces("Doe, Jan. 2018. Learned Indexes at Scale. In OSDI.");
        assert_eq!(acm[0], "Doe, Jan");
    }

    #[test]
    fn unlinked_labels_are_no_field() {
        assert_eq!(kind("[pdf]"), FieldKind::Links);
        assert_eq!(kind("[slides | video]"), FieldKind::Links);
        assert_eq!(kind("[Learned Indexes]"), FieldKind::Title);
    }

    #[test]
    fn status_then_year() {
        assert_eq!(
            pieces("Under submission, 2025."),
            ["Under submission", "2025"]
        );
        assert_eq!(pieces("To appear 2024"), ["To appear", "2024"]);
        assert_eq!(
            kind("Under submission"),
            FieldKind::Status(Status::UnderReview)
        );
        // A title that ends in a year is no status.
        assert_eq!(
            pieces("Systems Research in 2024"),
            ["Systems Research in 2024"]
        );
    }

    #[test]
    fn quoted_titles_and_quoted_names() {
        assert_eq!(kind("“Learned Indexes, Revisited.”"), FieldKind::Title);
        assert!(matches!(
            kind("\"Jane Doe, John Roe and Ana Lima\""),
            FieldKind::Authors(_)
        ));
    }

    #[test]
    fn place_then_publisher() {
        assert_eq!(kind("Heraklion: ACM"), FieldKind::Publisher("ACM".into()));
        assert_eq!(
            kind("Cambridge, MA: MIT Press"),
            FieldKind::Publisher("MIT Press".into())
        );
        assert_ne!(
            kind("Ray: A Framework"),
            FieldKind::Publisher("A Framework".into())
        );
    }

    #[test]
    fn years_glued_to_venues() {
        for (text, short, year) in [
            ("In: SC22", "SC", 2022),
            ("OSDI22", "OSDI", 2022),
            ("EuroSys24", "EuroSys", 2024),
            ("NeurIPS2023", "NeurIPS", 2023),
        ] {
            match kind(text) {
                FieldKind::Venue(found) => {
                    assert_eq!(
                        (found.short, found.year),
                        (Some(short), Some(year)),
                        "{text}"
                    );
                }
                other => panic!("{text}: {other:?}"),
            }
        }
        assert_eq!(kind("ResNet50"), FieldKind::Title);
    }

    #[test]
    fn words_up_to_counts_as_split_whitespace() {
        for text in [
            "",
            " ",
            "a",
            " a  b\tc\n",
            "Ünï cödé  x",
            "a\u{a0}b c",
            "x\u{0B}y",
        ] {
            for limit in 0..5 {
                let expected = text.split_whitespace().take(limit).count();
                assert_eq!(words_up_to(text, limit), expected, "{text:?} {limit}");
            }
        }
    }

    #[test]
    fn quoted_titles_are_fields_of_their_own() {
        assert_eq!(
            pieces(
                "A. Vaswani, N. Shazeer, and I. Polosukhin, \"Attention is all you need,\" in Proc. NeurIPS, 2017, pp. 5998–6008."
            ),
            [
                "A. Vaswani, N. Shazeer, and I. Polosukhin",
                "\"Attention is all you need,\"",
                "in Proc. NeurIPS, 2017",
                "pp. 5998–6008",
            ]
        );
        assert_eq!(
            pieces("D. Narayanan and M. Zaharia. “Efficient Training of Large Models.” SC, 2021."),
            [
                "D. Narayanan and M. Zaharia",
                "“Efficient Training of Large Models.”",
                "SC, 2021"
            ]
        );
        // A quote that is the whole piece, one word, or inside a word stays.
        assert_eq!(quoted_span("\"A, B, C\""), Some(0..9));
        assert_eq!(quoted_span("the \"best\" system"), None);
        assert_eq!(quoted_span("a 5\" disk \" b"), None);
        assert_eq!(quoted_span("unclosed \"quote here"), None);
    }

    #[test]
    fn pages_and_leading_stops() {
        assert_eq!(
            kind("pp. 5998–6008"),
            FieldKind::Pages("5998-6008".parse().unwrap_or_else(|_| unreachable!()))
        );
        assert_eq!(
            kind("578–594"),
            FieldKind::Pages("578-594".parse().unwrap_or_else(|_| unreachable!()))
        );
        assert!(pages_of("2019-2021").is_none(), "a range of years");
        assert!(pages_of("594-578").is_none());
        assert!(pages_of("pages").is_none());
        assert_eq!(
            pieces("Narayanan, D., & Zaharia, M. (2021). Efficient training. In SC."),
            [
                "Narayanan, D., & Zaharia, M.",
                "2021",
                "Efficient training",
                "In SC"
            ]
        );
    }

    #[test]
    fn dblp_by_and_inverted_author_lists() {
        assert_eq!(
            pieces("Philipp Moritz, Ion Stoica: Ray: A Distributed Framework. OSDI 2018: 561-577"),
            [
                "Philipp Moritz, Ion Stoica",
                "Ray: A Distributed Framework",
                "OSDI 2018",
                "561-577"
            ]
        );
        // A title's own colon stays.
        assert_eq!(pieces("Deep Gradient: Compressing Gradients").len(), 1);
        assert_eq!(
            pieces("\"Ansor: Generating Tensor Programs\" by Lianmin Zheng and Ion Stoica"),
            [
                "\"Ansor: Generating Tensor Programs\"",
                "Lianmin Zheng and Ion Stoica"
            ]
        );
        assert_eq!(pieces("By the Numbers: A Study of Systems").len(), 1);
        assert_eq!(
            pieces("Zheng, L.; Zhang, H.; Stoica, I. Alpa: Automating Parallelism. In OSDI, 2022."),
            [
                "Zheng, L.; Zhang, H.; Stoica, I",
                "Alpa: Automating Parallelism",
                "In OSDI",
                "2022"
            ]
        );
        assert!(!ends_inverted_names("J. Gregory Pauloski"));
        assert!(!ends_inverted_names("Moritz, Philipp; Stoica, Ion"));
        assert!(ends_inverted_names("Moritz, P.; Stoica, I"));
    }

    #[test]
    fn cv_labels_and_pages_before_the_year() {
        assert_eq!(
            pieces("[C3] Ion Stoica. Alpa: Automating Parallelism. In OSDI, pages 559-578, 2022."),
            [
                "Ion Stoica",
                "Alpa: Automating Parallelism",
                "In OSDI",
                "pages 559-578",
                "2022"
            ]
        );
        assert_eq!(pieces("(J1) Ion Stoica. A Title of Words")[0], "Ion Stoica");
        // A bare range of years is not pages.
        assert_eq!(pieces("Trends in Computer Systems: 2010-2020").len(), 1);
    }

    #[test]
    fn journal_volume_number_and_pages() {
        assert_eq!(
            pieces("Commun. ACM, vol. 51, no. 1, pp. 107–113, 2008"),
            ["Commun. ACM", "vol. 51", "no. 1", "pp. 107–113", "2008"]
        );
        assert_eq!(
            pieces("Communications of the ACM 59(11): 56-65"),
            ["Communications of the ACM", "59(11): 56-65"]
        );
        let issue = |text: &str| match kind(text) {
            FieldKind::Issue(issue) => Some(issue),
            _ => None,
        };
        let spark = issue("59(11): 56-65").unwrap_or_default();
        assert_eq!(spark.volume.as_deref(), Some("59"));
        assert_eq!(spark.number.as_deref(), Some("11"));
        assert_eq!(spark.pages.map(|p| p.to_string()).as_deref(), Some("56-65"));
        assert_eq!(issue("Vol. 3").and_then(|i| i.volume).as_deref(), Some("3"));
        assert_eq!(issue("no. 4").and_then(|i| i.number).as_deref(), Some("4"));
        // A journal named by its words, its volume, then the year.
        assert_eq!(
            pieces("Nature Machine Intelligence 5, 2023."),
            ["Nature Machine Intelligence", "5", "2023"]
        );
        // Words that only start like one are left alone.
        assert_eq!(pieces("Volumetric Rendering of Numbers in 3D").len(), 1);
        assert!(issue("Notes on 2 Things").is_none());
    }

    #[test]
    fn publisher_styles() {
        // Elsevier and SIAM: the title after the authors with a comma, the
        // venue after `in`.
        assert_eq!(
            pieces(
                "P. Moritz, R. Nishihara, and I. Stoica, Ray: A framework for AI, in OSDI, 2018, pp. 561–577."
            ),
            [
                "P. Moritz, R. Nishihara, and I. Stoica",
                "Ray: A framework for AI",
                "in OSDI, 2018",
                "pp. 561–577"
            ]
        );
        // ...not a list of names and places, nor a USENIX list.
        assert_eq!(
            pieces("Philipp Moritz, Ion Stoica, University of California, Berkeley").len(),
            1
        );
        assert_eq!(
            pieces("Ion Stoica, Matei Zaharia, UC Berkeley; Scott Shenker, ICSI").len(),
            1
        );
        // A title with a colon after a comma list is no dblp author list.
        assert_eq!(
            pieces("P. Moritz, I. Stoica, Ray: A framework for AI. OSDI, 561–577 (2018)")[1],
            "Ray: A framework for AI"
        );
        // Springer's `pp 561–577`, Nature's and Science's bare pages after the venue.
        assert_eq!(
            kind("pp 561–577"),
            FieldKind::Pages("561-577".parse().expect("pages"))
        );
        assert_eq!(
            pieces(
                "In Proc. 13th USENIX Symposium on Operating Systems Design and Implementation 561–577"
            ),
            [
                "In Proc. 13th USENIX Symposium on Operating Systems Design and Implementation",
                "561–577"
            ]
        );
        assert_eq!(pieces("Nature 596, 583–589"), ["Nature", "596", "583–589"]);
        assert_eq!(pieces("Scaling to 10–100 GPUs").len(), 1);
        // Publishers named on their own.
        assert_eq!(
            kind("USENIX Association"),
            FieldKind::Publisher("USENIX Association".into())
        );
        assert_eq!(kind("MIT Press"), FieldKind::Publisher("MIT Press".into()));
        assert_eq!(
            kind("Pressing Matters in Cloud Computing"),
            FieldKind::Title
        );
    }

    #[test]
    fn google_scholar_styles() {
        // Vancouver: the list ends at the period after the last initials,
        // and the date leads the volume.
        assert_eq!(
            pieces(
                "Dean J, Ghemawat S. MapReduce: simplified data processing. Commun ACM. 2008;51(1):107-13."
            ),
            [
                "Dean J, Ghemawat S",
                "MapReduce: simplified data processing",
                "Commun ACM",
                "2008",
                "51(1):107-13"
            ]
        );
        // One name is not a list: `Hepatitis B. Title` is not cut there,
        // unless the entry is dated in Vancouver style.
        assert_eq!(pieces("Vitamin D. Effects on bone").len(), 1);
        assert_eq!(
            pieces("Stoica I. Stateless core: a scalable approach. Nature. 2020;12(3):45-50")[0],
            "Stoica I"
        );
        match kind("Stoica I") {
            FieldKind::Authors(read) => assert_eq!(read.people[0].name(), "I. Stoica"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            pieces("Tan N. Le (SUNY Korea), Xiao Sun (Stony Brook). Title of It. X. 2020;1(2):3-4")
                [0],
            "Tan N. Le (SUNY Korea), Xiao Sun (Stony Brook)"
        );
        let issue = match kind("2021 Aug;596(7873):583-9") {
            FieldKind::Issue(issue) => issue,
            other => panic!("{other:?}"),
        };
        assert_eq!(issue.year, Some(2021));
        assert_eq!(issue.volume.as_deref(), Some("596"));
        assert_eq!(issue.number.as_deref(), Some("7873"));
        assert_eq!(
            issue.pages.map(|p| p.to_string()).as_deref(),
            Some("583-589")
        );
        // Harvard: the year after the authors, with a comma.
        assert_eq!(
            pieces("Lamport, L., 1978. Time, clocks, and the ordering of events"),
            [
                "Lamport, L.",
                "1978",
                "Time, clocks, and the ordering of events"
            ]
        );
        // ...but not after a title or a venue.
        assert_eq!(pieces("Proceedings of OSDI, 2018").len(), 1);
        // APA: a date in parentheses gives the year.
        assert_eq!(kind("2023, October"), FieldKind::Year(2023));
        assert_eq!(kind("Oct. 3, 2023"), FieldKind::Year(2023));
        assert_eq!(year_of_date("2023, 2024"), None);
        assert_eq!(year_of_date("October"), None);
        assert_eq!(
            pieces("Kwon, W., & Stoica, I. (2023, October). Efficient memory management"),
            [
                "Kwon, W., & Stoica, I.",
                "2023, October",
                "Efficient memory management"
            ]
        );
        // A Scholar profile's venue line: volume (number), pages, year.
        assert_eq!(
            pieces("ACM SIGCOMM computer communication review 31 (4), 149-160, 2001"),
            [
                "ACM SIGCOMM computer communication review",
                "31 (4)",
                "149-160",
                "2001"
            ]
        );
        assert_eq!(pieces("Workshop on Things, 2019-2021, 2022").len(), 1);
        // Awesome lists date news with a year and a month.
        assert_eq!(year_of_month("2023/12"), Some(2023));
        assert_eq!(year_of_month("12/2023"), Some(2023));
        assert_eq!(year_of_month("2023.13"), None);
        assert_eq!(year_of_month("2019-2021"), None);
        assert_eq!(
            pieces("[2023/12] SGLang: Structured Programs")[0],
            "2023/12"
        );
        // ... also before a bold title, where the tag keeps its brackets.
        assert_eq!(kind("[2023/05]"), FieldKind::Year(2023));
        assert_eq!(kind("(Oral)"), FieldKind::Award("Oral".into()));
        // Lists written in Chinese bracket the tag in lenticular brackets or
        // full-width parentheses, before any style of title.
        assert_eq!(
            pieces("\u{3010}ICCV 2023\u{3011}Gloss-free Translation"),
            ["\u{3010}ICCV 2023\u{3011}", "Gloss-free Translation"]
        );
        assert_eq!(
            pieces("\u{ff08}CVPR 2023\u{ff09} Correlation Network")[1],
            "Correlation Network"
        );
        assert!(matches!(
            kind("\u{3010}ICCV 2023\u{3011}"),
            FieldKind::Venue(VenueText {
                year: Some(2023),
                ..
            })
        ));
        // A bracket that is no venue and no list's tag (`【第一章】`, chapter
        // one) stays with the title; a list's tag (`【综述】`, a survey) is
        // the note.
        assert_eq!(
            pieces("\u{3010}\u{7b2c}\u{4e00}\u{7ae0}\u{3011}Deep Learning").len(),
            1
        );
        assert_eq!(
            pieces("\u{3010}\u{7efc}\u{8ff0}\u{3011}Deep Learning").len(),
            2
        );
        // `et al.` glued to the venue after it ends the names all the same.
        assert_eq!(
            pieces("Frank F. Xu et al.arXiv"),
            ["Frank F. Xu et al", "arXiv"]
        );
        // An icon after a sentence starts the next field.
        assert_eq!(
            pieces("Ying Sheng, Lianmin Zheng, Binhang Yuan. \u{1F4C4} Paper").len(),
            2
        );
        // Chicago's journal volume after the name; not a conference's year.
        assert_eq!(
            pieces("ACM Transactions on Computer Systems 16, no. 2 (1998): 133-169"),
            [
                "ACM Transactions on Computer Systems",
                "16(2)",
                "1998",
                "133-169"
            ]
        );
        // MLA's, as Scholar writes it.
        assert_eq!(
            pieces("IEEE Access 6 (2018): 64270-64277. [Paper]"),
            ["IEEE Access", "6", "2018", "64270-64277", "[Paper]"]
        );
        assert_eq!(
            pieces("Applied Sciences 9.1 (2019): 108."),
            ["Applied Sciences", "9(1)", "2019", "p. 108"]
        );
        assert!(matches!(kind("16"), FieldKind::Issue(Issue { volume: Some(v), .. }) if v == "16"));
        assert_eq!(pieces("OSDI 18").len(), 1);
        assert_eq!(pieces("Nature Communications 12, 3770").len(), 1);
        // A label alone on its line (dblp's `[c340]`) is no field.
        assert!(pieces("[c340]").is_empty());
        assert_eq!(pieces("[c340] Title Here"), ["Title Here"]);
        // Scholar's glued `InProceedings of` is a venue.
        assert!(matches!(
            kind(
                "InProceedings of the IEEE conference on computer vision and pattern recognition 2016"
            ),
            FieldKind::Venue(VenueText {
                short: Some("CVPR"),
                ..
            })
        ));
    }

    #[test]
    fn a_period_after_a_bracket_ends_a_sentence() {
        assert_eq!(
            pieces(
                "Ashish Vaswani et al. Attention Is All You Need (Extended Version). NeurIPS 2017."
            ),
            [
                "Ashish Vaswani et al",
                "Attention Is All You Need (Extended Version)",
                "NeurIPS 2017"
            ]
        );
        assert!(matches!(
            kind("Ashish Vaswani et al"),
            FieldKind::Authors(_)
        ));
    }

    #[test]
    fn bracketed_tags_and_trailing_labels() {
        let link = |text: &str, label: &str| {
            let start = text.find(label).unwrap_or_default();
            (
                start..start + label.len(),
                Mark::Link("https://x.org/p".into()),
            )
        };
        let text = "Efficient Memory Management [paper] [code]";
        let styled = Styled {
            text: text.into(),
            marks: vec![link(text, "paper"), link(text, "code")],
        };
        let cut: Vec<String> = split_line(&styled).into_iter().map(|p| p.text).collect();
        assert_eq!(cut, ["Efficient Memory Management", "[paper] [code]"]);
        // The dash before the labels belongs to neither side.
        let text = "Shunyu Yao, Jeffrey Zhao - [pdf]";
        let styled = Styled {
            text: text.into(),
            marks: vec![link(text, "pdf")],
        };
        let cut: Vec<String> = split_line(&styled).into_iter().map(|p| p.text).collect();
        assert_eq!(cut, ["Shunyu Yao, Jeffrey Zhao", "[pdf]"]);
        // ... also glued to the period that ends the title.
        // (`Pretraining.[[paper]](url)`: the link's text is `[paper]`.)
        let text = "Visual-Language Pretraining.[paper]";
        let styled = Styled {
            text: text.into(),
            marks: vec![(28..35, Mark::Link("https://x.org/p".into()))],
        };
        let cut: Vec<String> = split_line(&styled).into_iter().map(|p| p.text).collect();
        assert_eq!(cut, ["Visual-Language Pretraining", "[paper]"]);
        // A title that is itself the link keeps its words.
        let text = "Paper Code";
        let styled = Styled {
            text: text.into(),
            marks: vec![(0..10, Mark::Link("https://x.org/p".into()))],
        };
        assert_eq!(split_line(&styled).len(), 1);
        assert_eq!(
            pieces("[OSDI'22] Orca: A Distributed Serving System."),
            ["OSDI'22", "Orca: A Distributed Serving System"]
        );
        assert_eq!(pieces("[Draft] Notes on Systems").len(), 1);
    }

    #[test]
    fn a_leading_tag_before_a_bold_title() {
        let strong = |text: &str, range: Range<usize>| Styled {
            text: text.into(),
            marks: vec![(range, Mark::Strong)],
        };
        let texts = |styled: &Styled| -> Vec<String> {
            split_line(styled).into_iter().map(|p| p.text).collect()
        };
        // A plain tag, then a bold title and its names.
        let text = "[arXiv-2023] Segment Anything, Alexander Kirillov, Eric Mintun";
        let cut = texts(&strong(text, 13..29));
        assert_eq!(
            cut,
            [
                "[arXiv-2023]",
                "Segment Anything",
                "Alexander Kirillov, Eric Mintun"
            ]
        );
        // The tag inside the title's bold.
        let text = "[CVPR 2022] High-Resolution Image Synthesis, Robin Rombach, Bjorn Ommer";
        let cut = texts(&strong(text, 0..43));
        assert_eq!(cut[1], "High-Resolution Image Synthesis");
        assert_eq!(
            classify(&Styled::plain(&cut[0])),
            classify(&Styled::plain("CVPR 2022"))
        );
        // A journal no registry knows, with its year, is a venue in its brackets.
        let cut = pieces("[Nature Methods 2021] Cellpose: a generalist algorithm");
        assert_eq!(
            cut,
            ["[Nature Methods 2021]", "Cellpose: a generalist algorithm"]
        );
        assert!(matches!(
            classify(&Styled::plain(&cut[0])),
            FieldKind::Venue(_)
        ));
        // Not a name and a year: a bracketed remark stays with the title.
        assert_eq!(pieces("[Draft] Notes on Systems").len(), 1);
        assert_eq!(pieces("[See also 2021] Notes on Systems").len(), 1);
    }

    #[test]
    fn reading_logs_days_and_trailing_tags() {
        // A day before the title and a tag after it.
        assert_eq!(
            pieces(
                "2021/1/21 Noisy Channel for Low Resource Grammatical Error Correction [ACL-2019]"
            ),
            [
                "2021/1/21",
                "Noisy Channel for Low Resource Grammatical Error Correction",
                "ACL-2019"
            ]
        );
        assert_eq!(
            classify(&Styled::plain("2023-05-12")),
            FieldKind::Year(2023)
        );
        assert_eq!(classify(&Styled::plain("2021/1/20")), FieldKind::Year(2021));
        assert_ne!(
            classify(&Styled::plain("2021/13/20")),
            FieldKind::Year(2021)
        );
        // A bracket closing a title that is no tag stays in it.
        assert_eq!(pieces("Notes on Systems [draft]").len(), 1);
        // Short citations after a title in a table's cell.
        let cut = |text: &str| {
            split_short_citation(&Styled::plain(text))
                .map(|(title, names)| (title.text, names.text))
        };
        assert_eq!(
            cut("MaskGEC: Improving Neural Grammatical Error Correction (Zhao and Wang)"),
            Some((
                "MaskGEC: Improving Neural Grammatical Error Correction".into(),
                "Zhao and Wang".into()
            ))
        );
        assert_eq!(
            cut("GECToR - Tag, Not Rewrite (Omelianchuk et al.)").map(|c| c.1),
            Some("Omelianchuk et al.".into())
        );
        assert_eq!(cut("Robust Systems (Theory and practice)"), None);
        assert_eq!(cut("A Survey (Student Abstract)"), None);
    }

    #[test]
    fn addresses_and_parenthesised_pages() {
        assert_eq!(
            pieces(
                "Communications of the ACM, 21(7), 558–565. https://doi.org/10.1145/359545.359563"
            ),
            [
                "Communications of the ACM",
                "21(7)",
                "558–565",
                "https://doi.org/10.1145/359545.359563"
            ]
        );
        assert_eq!(
            kind("https://doi.org/10.1145/359545.359563."),
            FieldKind::Links
        );
        assert_eq!(bare_url("see https://x.org"), None);
        assert!(matches!(kind("pp. 305–319"), FieldKind::Pages(_)));
        assert!(is_tag("pp. 305–319"));
    }

    #[test]
    fn a_status_before_the_venue() {
        let status = |text: &str| match kind(text) {
            FieldKind::Venue(venue) => (venue.short, venue.status),
            _ => (None, None),
        };
        assert_eq!(
            status("Under review at SIGMOD 2025"),
            (Some("SIGMOD"), Some(Status::UnderReview))
        );
        assert_eq!(
            status("Submitted to NSDI 2025"),
            (Some("NSDI"), Some(Status::UnderReview))
        );
        assert_eq!(
            status("To appear in OSDI 2025"),
            (Some("OSDI"), Some(Status::Accepted))
        );
        assert_eq!(status("In OSDI 2025"), (Some("OSDI"), None));
    }

    #[test]
    fn a_venue_after_the_last_comma_ends_the_title() {
        assert_eq!(
            pieces("Orca: A Distributed Serving System for Transformers, OSDI 2022 [paper] [code]"),
            [
                "Orca: A Distributed Serving System for Transformers",
                "OSDI 2022",
                "[paper] [code]"
            ]
        );
        // A title without a venue and year after its comma stays whole; names
        // before a venue are cut from it as names, not as a title.
        assert_eq!(
            pieces("Ion Stoica, Matei Zaharia, OSDI 2022"),
            ["Ion Stoica, Matei Zaharia", "OSDI 2022"]
        );
        assert_eq!(pieces("Learning to Rank, Revisited in 2019").len(), 1);
        assert_eq!(pieces("Scaling Laws, ").len(), 1);
        assert_eq!(pieces("Scaling Laws,  [x]").len(), 1);
    }

    #[test]
    fn acm_and_ieee_reference_tails() {
        // ACM: publisher and address, pages; `Journal V, N`.
        assert_eq!(
            pieces("Association for Computing Machinery, New York, NY, USA, 611–626"),
            [
                "Association for Computing Machinery, New York, NY, USA",
                "611–626"
            ]
        );
        assert!(matches!(
            kind("Association for Computing Machinery, New York, NY, USA"),
            FieldKind::Publisher(p) if p == "Association for Computing Machinery"
        ));
        assert!(matches!(
            kind("USENIX Association, USA, 2"),
            FieldKind::Publisher(_)
        ));
        assert!(!matches!(
            kind("Springer, 2023 edition, 12"),
            FieldKind::Publisher(_)
        ));
        assert_eq!(
            pieces("ACM Trans. Comput. Syst. 16, 2"),
            ["ACM Trans. Comput. Syst", "16, 2"]
        );
        assert!(matches!(
            kind("16, 2"),
            FieldKind::Issue(Issue { volume: Some(v), number: Some(n), .. }) if v == "16" && n == "2"
        ));
        // IEEE: the DOI after the year; MLA: the publisher before it.
        assert_eq!(
            pieces("2016, doi: 10.1145/2934664."),
            ["2016", "doi: 10.1145/2934664"]
        );
        assert_eq!(kind("doi: 10.1145/2934664"), FieldKind::Links);
        assert_eq!(kind("DOI 10.1145/2934664"), FieldKind::Links);
        assert_eq!(pieces("PMLR, 2023."), ["PMLR", "2023"]);
        // A CV's co-authors in parentheses; a title's own `With` stays.
        assert_eq!(
            pieces(
                "Towards Efficient Serving (with Alice Smith and Bob Jones), MLSys Workshop, 2021"
            ),
            [
                "Towards Efficient Serving",
                "Alice Smith and Bob Jones",
                "MLSys Workshop, 2021"
            ]
        );
        assert_eq!(
            pieces("With Great Power Comes Great Responsibility").len(),
            1
        );
    }

    #[test]
    fn a_title_then_names_after_commas() {
        assert_eq!(
            pieces(
                "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models, Jason Wei, Xuezhi Wang, Dale Schuurmans, NeurIPS 2022"
            ),
            [
                "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models",
                "Jason Wei, Xuezhi Wang, Dale Schuurmans",
                "NeurIPS 2022"
            ]
        );
        // A title with a comma of its own, and a first name glued to the
        // title (the entry's reader splits that one), stay whole.
        assert_eq!(pieces("Learning to Rank, Revisited").len(), 1);
        assert_eq!(
            pieces("Mesh-TensorFlow: Deep Learning for Supercomputers Noam Shazeer, Youlong Cheng, Niki Parmar").len(),
            1
        );
    }

    #[test]
    fn hyphens_between_fields() {
        assert_eq!(
            pieces("Prefix-Tuning: Optimizing Prompts - Xiang Lisa Li, Percy Liang - ACL 2021"),
            [
                "Prefix-Tuning: Optimizing Prompts",
                "Xiang Lisa Li, Percy Liang",
                "ACL 2021"
            ]
        );
        // A range of pages or years, an affiliation in a list.
        assert_eq!(
            pieces("NeurIPS 2019, pp. 103 - 112"),
            ["NeurIPS 2019", "pp. 103 - 112"]
        );
        assert_eq!(
            pieces("Saar Eliad, Ido Hakimi, Technion - Israel Institute of Technology").len(),
            1
        );
        assert_eq!(
            pieces("A, Technion - Israel; B, Technion - Israel").len(),
            1
        );
    }

    #[test]
    fn names_then_a_venue_after_a_comma() {
        let styled = |text: &str| {
            crate::blocks::lower_all(crate::markdown::lower, text)
                .remove(0)
                .lines
                .remove(0)
                .text
        };
        let split = |text: &str| {
            split_line(&styled(text))
                .into_iter()
                .map(|p| p.text)
                .collect::<Vec<_>>()
        };
        // A venue in italics, a known venue, a preprint's identifier.
        assert_eq!(
            split("Tim Dettmers, Ari Holtzman, Luke Zettlemoyer, *NeurIPS*, 2023."),
            [
                "Tim Dettmers, Ari Holtzman, Luke Zettlemoyer",
                "NeurIPS",
                "2023"
            ]
        );
        assert_eq!(
            split("Jared Kaplan, Sam McCandlish, arXiv:2001.08361, 2020"),
            ["Jared Kaplan, Sam McCandlish", "arXiv:2001.08361", "2020"]
        );
        // An affiliation is no venue; an italic owner's name is a name.
        assert_eq!(split("Ion Stoica, Matei Zaharia, UC Berkeley").len(), 1);
        assert_eq!(split("Ion Stoica, *Matei Zaharia*, Scott Shenker").len(), 1);
    }

    #[test]
    fn homepage_glued_venues() {
        assert_eq!(
            pieces(
                "ASPLOSSpotServe: Serving Generative Large Language Models on Preemptible Instances (Distinguished Artifact Award), (IEEE Micro Top Picks Honorable Mention)Proceedings of ASPLOS Conference 2024"
            ),
            [
                "ASPLOS",
                "SpotServe: Serving Generative Large Language Models on Preemptible Instances",
                "Distinguished Artifact Award",
                "IEEE Micro Top Picks Honorable Mention",
                "Proceedings of ASPLOS Conference 2024",
            ]
        );
        assert_eq!(
            pieces(
                "VLDBHET: Scaling out Huge Embedding Model Training via Cache-enabled Distributed Framework (Best Scalable Data Science Paper Award)Proc. VLDB Endow. 2022"
            ),
            [
                "VLDB",
                "HET: Scaling out Huge Embedding Model Training via Cache-enabled Distributed Framework",
                "Best Scalable Data Science Paper Award",
                "Proc. VLDB Endow. 2022"
            ]
        );
        assert_eq!(
            pieces(
                "SIGMODHET-GMP: A Graph-based System ApproachIn Proceedings of SIGMOD Conference 2022"
            ),
            [
                "SIGMOD",
                "HET-GMP: A Graph-based System Approach",
                "In Proceedings of SIGMOD Conference 2022"
            ]
        );
        assert_eq!(pieces("FASTER: a title"), ["FASTER: a title"]);
    }

    #[test]
    fn cv_entries() {
        assert_eq!(
            pieces(
                "[3] SpotServe: Serving Generative Large Language Models on Preemptible Instances. (ASPLOS '24) Xupeng Miao*, Chunan Shi*, Zhihao Jia. Distinguished Artifact Award"
            ),
            [
                "SpotServe: Serving Generative Large Language Models on Preemptible Instances",
                "ASPLOS '24",
                "Xupeng Miao*, Chunan Shi*, Zhihao Jia",
                "Distinguished Artifact Award"
            ]
        );
        assert_eq!(
            pieces(
                "[5] Proteus: Simulating the Performance of Distributed DNN Training. (Under Review)"
            ),
            [
                "Proteus: Simulating the Performance of Distributed DNN Training",
                "Under Review"
            ]
        );
    }

    #[test]
    fn sentence_style() {
        assert_eq!(
            pieces(
                "JANUS. JANUS: Fast and Flexible Deep Learning via Symbolic Graph Execution of Imperative Programs. Eunji Jeong, Sungwoo Cho, Byung-Gon Chun. NSDI 2019."
            ),
            [
                "JANUS",
                "JANUS: Fast and Flexible Deep Learning via Symbolic Graph Execution of Imperative Programs",
                "Eunji Jeong, Sungwoo Cho, Byung-Gon Chun",
                "NSDI 2019"
            ]
        );
        assert_eq!(
            pieces("Michael I. Jordan, D. Sculley, Francis C.M. Lau"),
            ["Michael I. Jordan, D. Sculley, Francis C.M. Lau"]
        );
        assert_eq!(
            pieces("Moritz, P. 2018. Ray: A Framework. In Proc. OSDI."),
            ["Moritz, P", "2018", "Ray: A Framework", "In Proc. OSDI"]
        );
    }

    #[test]
    fn separators() {
        assert_eq!(
            pieces("Optimus: An Efficient Scheduler | Yanghua Peng, Yixin Bao"),
            ["Optimus: An Efficient Scheduler", "Yanghua Peng, Yixin Bao"]
        );
        assert_eq!(
            pieces("SiloD: A Co-design of Caching    Hanyu Zhao (Peking University)"),
            [
                "SiloD: A Co-design of Caching",
                "Hanyu Zhao (Peking University)"
            ]
        );
        assert_eq!(
            pieces("Where Is My Training Bottleneck? Hidden Trade-Offs"),
            ["Where Is My Training Bottleneck? Hidden Trade-Offs"]
        );
    }

    #[test]
    fn classification() {
        assert!(matches!(
            kind("Proceedings of ASPLOS Conference 2024"),
            FieldKind::Venue(VenueText {
                short: Some("ASPLOS"),
                year: Some(2024),
                ..
            })
        ));
        assert!(matches!(
            kind("NSDI 2019"),
            FieldKind::Venue(VenueText {
                short: Some("NSDI"),
                year: Some(2019),
                ..
            })
        ));
        assert!(matches!(
            kind("Under Review"),
            FieldKind::Status(Status::UnderReview)
        ));
        assert!(matches!(
            kind("Distinguished Artifact Award"),
            FieldKind::Award(_)
        ));
        assert!(matches!(
            kind("Eunji Jeong, Sungwoo Cho, Byung-Gon Chun"),
            FieldKind::Authors(_)
        ));
        assert_eq!(
            kind("Ray: A Distributed Framework for Emerging AI Applications"),
            FieldKind::Title
        );
        assert_eq!(kind("2022"), FieldKind::Year(2022));
        match kind("In Proceedings of ICML Hardware Aware Efficient Training (HAET) Workshop 2022")
        {
            FieldKind::Venue(v) => {
                assert_eq!(v.short, None);
                assert_eq!(
                    v.written,
                    "ICML Hardware Aware Efficient Training (HAET) Workshop"
                );
                assert_eq!(v.year, Some(2022));
                assert_eq!(v.kind, Some(VenueKind::Workshop));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn glued_title_and_authors() {
        let piece = Styled::plain(
            "PyTorch: An Imperative Style, High-Performance Deep Learning Library Adam Paszke, Sam Gross, Francisco Massa, Adam Lerer",
        );
        let (title, authors, _) = split_glued_title_authors(&piece).unwrap();
        assert_eq!(
            title.text,
            "PyTorch: An Imperative Style, High-Performance Deep Learning Library"
        );
        assert_eq!(
            authors.text,
            "Adam Paszke, Sam Gross, Francisco Massa, Adam Lerer"
        );
        assert!(
            split_glued_title_authors(&Styled::plain(
                "Philipp Moritz, Robert Nishihara, Ion Stoica"
            ))
            .is_none()
        );
    }

    #[test]
    fn acm_article_numbers_and_page_counts() {
        assert_eq!(
            pieces("ACM Trans. Storage 20, 3, Article 12 (August 2024), 28 pages."),
            [
                "ACM Trans. Storage",
                "20, 3",
                "Article 12",
                "August 2024",
                "28 pages"
            ]
        );
        assert!(matches!(kind("Article 12"),
            FieldKind::Issue(Issue { article: Some(a), .. }) if a == "12"));
        assert!(matches!(
            kind("28 pages"),
            FieldKind::Issue(Issue {
                page_count: Some(28),
                ..
            })
        ));
        // Labelled pages stay pages.
        assert!(matches!(kind("pages 28"), FieldKind::Pages(_)));
    }

    #[test]
    fn ieee_abbreviated_venues_are_one_field() {
        assert_eq!(
            pieces(
                "in Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR), Jun. 2016, pp. 770–778."
            ),
            [
                "in Proc. IEEE Conf. Comput. Vis. Pattern Recognit",
                "CVPR",
                "Jun. 2016",
                "pp. 770–778"
            ]
        );
        assert!(matches!(
            kind("in Proc. 29th Symp. Operating Syst. Princ"),
            FieldKind::Venue(_)
        ));
        // A conference's place with a bare year gives the year; `SC, 2021` is a venue.
        assert_eq!(kind("Koblenz, Germany, 2023"), FieldKind::Year(2023));
        assert_eq!(kind("Savannah, GA, USA, 2016"), FieldKind::Year(2016));
        assert_ne!(kind("SC, 2021"), FieldKind::Year(2021));
    }

    #[test]
    fn alpha_labels_and_joined_inverted_names() {
        // BibTeX's alpha style labels go like numbers do.
        for label in ["[DG08]", "[HZRS16]", "[VSP+17]", "[Lam98a]"] {
            let line = format!("{label} Leslie Lamport. The part-time parliament. TOCS, 1998.");
            assert_eq!(
                pieces(&line)[0],
                "Leslie Lamport",
                "{label} is a label, not a field"
            );
        }
        assert_eq!(
            pieces("[Ray] A distributed framework. 2018.")[0],
            "[Ray] A distributed framework"
        );
        // Nature: the initials after `&` end the list.
        assert_eq!(
            pieces("LeCun, Y., Bengio, Y. & Hinton, G. Deep learning. Nature 521, 436–444 (2015).")
                [..2],
            ["LeCun, Y., Bengio, Y. & Hinton, G", "Deep learning"]
        );
        // An initial after `and` with no inverted names before it is a middle initial.
        assert_eq!(
            pieces("Ana Lima and John Q. Public. A title. In OSDI, 2020.")[0],
            "Ana Lima and John Q. Public"
        );
    }

    #[test]
    fn presentations_after_a_venue() {
        assert_eq!(presentation_after_venue("ICLR 2024 Oral"), Some("Oral"));
        assert_eq!(
            presentation_after_venue("NeurIPS'23 spotlight"),
            Some("Spotlight")
        );
        assert_eq!(presentation_after_venue("ICML 2023 (Oral"), Some("Oral"));
        assert_eq!(presentation_after_venue("Oral Oncology"), None);
        assert_eq!(presentation_after_venue("ICLR 2024"), None);
    }

    #[test]
    fn citation_counts_are_no_field() {
        assert_eq!(kind("12 citations"), FieldKind::Links);
        assert_eq!(kind("Cited by 1,024"), FieldKind::Links);
        assert_eq!(kind("Citations"), FieldKind::Title);
    }

    #[test]
    fn theses_and_edited_books() {
        assert_eq!(
            pieces(
                "Doe, J. (2019). Learned structures [Doctoral dissertation, Carnegie Mellon University]."
            ),
            [
                "Doe, J.",
                "2019",
                "Learned structures",
                "Doctoral dissertation",
                "Carnegie Mellon University"
            ]
        );
        assert_eq!(kind("PhD thesis"), FieldKind::Kind(EntryKind::Thesis));
        assert_eq!(kind("M.S. thesis"), FieldKind::Kind(EntryKind::Thesis));
        assert_eq!(
            pieces("J. Doe. Learned structures. PhD thesis, Carnegie Mellon University, 2019.")
                [2..],
            ["PhD thesis", "Carnegie Mellon University, 2019"]
        );
        // A title that names a thesis is no kind.
        assert_eq!(kind("The Church-Turing Thesis"), FieldKind::Title);
        let cut = pieces(
            "Doe, J. (2020). Storage. In A. Smith & B. Jones (Eds.), Handbook of Data Systems (pp. 45–67). Springer.",
        );
        assert_eq!(
            cut[3..5],
            ["A. Smith & B. Jones (Eds.)", "Handbook of Data Systems"]
        );
        let FieldKind::Editors(editors) = kind("A. Smith & B. Jones (Eds.)") else {
            panic!("editors");
        };
        assert_eq!(editors.people.len(), 2);
    }

    #[test]
    fn a_university_and_a_year_are_a_thesis_tag() {
        assert!(is_tag("(Carnegie Mellon University 2017)"));
        assert!(is_tag("Massachusetts Institute of Technology, 2019"));
        assert!(!is_tag("(Carnegie Mellon University)"), "an affiliation");
        assert!(!is_tag("(University 2017)"), "no name");
        assert!(!is_tag("(Google 2017)"));
        assert!(is_tag("(Universität München 2020)"));
        assert!(!is_institution("Conference of the University Association"));
    }

    #[test]
    fn gbt7714_codes_cut_the_title_from_its_container() {
        assert_eq!(
            pieces(
                "Kwon W, Li Z, Zhuang S, et al. Efficient memory management[C]//Proceedings of the 29th Symposium on Operating Systems Principles. New York: ACM, 2023: 611-626."
            ),
            [
                "Kwon W, Li Z, Zhuang S, et al",
                "Efficient memory management",
                "[C]",
                "//Proceedings of the 29th Symposium on Operating Systems Principles",
                "New York: ACM",
                "2023",
                "611-626"
            ]
        );
        assert_eq!(kind("[J]"), FieldKind::Kind(EntryKind::Article));
        assert_eq!(kind("[EB/OL]"), FieldKind::Kind(EntryKind::Misc));
        assert!(matches!(
            kind("//Proceedings of the 29th Symposium on Operating Systems Principles"),
            FieldKind::Venue(_)
        ));
        assert_eq!(
            kind("Pittsburgh: Carnegie Mellon University"),
            FieldKind::Publisher("Carnegie Mellon University".to_owned())
        );
        // `Li M. Title[D].`: a lone Vancouver name before a GB/T title.
        assert_eq!(
            pieces(
                "Li M. Scaling distributed machine learning[D]. Pittsburgh: Carnegie Mellon University, 2017."
            ),
            [
                "Li M",
                "Scaling distributed machine learning",
                "[D]",
                "Pittsburgh: Carnegie Mellon University",
                "2017"
            ]
        );
        // Without a code after a word, nothing of this applies.
        assert!(!has_gbt_code("[J] Title. Authors."));
        assert!(matches!(kind("软件学报, 2023"), FieldKind::Venue(v) if v.year == Some(2023)));
    }
}
