//! Markdown: an awesome-style list grouped by venue then year (or by year, or
//! flat), each entry on one line with its title linked, authors, venue and year,
//! and DOI/arXiv links. paperlist's own parser reads it back to the same titles,
//! authors, venues, years, DOIs and arXiv ids.

use std::collections::BTreeMap;
use std::fmt::Write;

use paperlist_model::{Entry, EntryKind, Library, LinkKind, Status};

/// How entries are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// `## Venue` then `### Year` (newest first).
    #[default]
    VenueYear,
    /// `## Year` (newest first).
    Year,
    /// One list in library order.
    Flat,
}

impl std::str::FromStr for GroupBy {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "venue" | "venue-year" => Ok(GroupBy::VenueYear),
            "year" => Ok(GroupBy::Year),
            "none" | "flat" => Ok(GroupBy::Flat),
            other => Err(format!(
                "unknown grouping {other:?} (expected venue, year or none)"
            )),
        }
    }
}

/// Options for [`to_markdown`].
#[derive(Debug, Clone)]
pub struct MarkdownOptions {
    /// How entries are grouped.
    pub group_by: GroupBy,
    /// The document's title heading.
    pub title: String,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            group_by: GroupBy::default(),
            title: "Publications".to_owned(),
        }
    }
}

/// Markdown's inline specials, escaped so titles and names stay text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The best link for a title: DOI, then the entry's URL, then dblp, then arXiv.
fn title_link(entry: &Entry) -> Option<String> {
    entry
        .doi()
        .map(|d| d.url())
        .or_else(|| entry.url.clone())
        .or_else(|| entry.dblp_key().map(|k| k.url()))
        .or_else(|| entry.arxiv().map(|a| a.url()))
}

fn write_entry(out: &mut String, entry: &Entry) {
    let title = escape(&entry.title);
    match title_link(entry) {
        Some(url) => {
            let _ = write!(out, "- [{title}]({url})");
        }
        None => {
            let _ = write!(out, "- {title}");
        }
    }
    if !entry.authors.is_empty() {
        let names: Vec<String> = entry.authors.iter().map(|p| escape(p.name())).collect();
        // "A, B, and C": the final "and" tells a one-word name from an affiliation.
        let list = match names.as_slice() {
            // A list cut short where it was written ends in `et al.`.
            [one] if entry.details.authors_truncated => format!("{one} et al."),
            all if entry.details.authors_truncated => format!("{}, et al.", all.join(", ")),
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
            [] => String::new(),
        };
        let _ = write!(out, " \u{2014} {list}");
    }
    let venue_year = match (&entry.venue, entry.year) {
        (Some(venue), Some(year)) => Some(format!("{} {year}", escape(venue))),
        (Some(venue), None) => Some(escape(venue)),
        (None, Some(year)) => Some(year.to_string()),
        (None, None) => None,
    };
    if let Some(venue_year) = venue_year {
        // A chapter's book is a title of its own, set in italics as every
        // style does (and as the Markdown reader knows it).
        if entry.kind == EntryKind::Chapter && entry.venue.is_some() {
            let _ = write!(out, " (*{venue_year}*)");
        } else {
            let _ = write!(out, " ({venue_year})");
        }
    }
    match entry.status {
        Status::UnderReview => out.push_str(" (Under Review)"),
        Status::Accepted => out.push_str(" (To Appear)"),
        Status::Published | Status::Preprint => {}
    }
    for award in &entry.details.awards {
        let _ = write!(out, " ({})", escape(award));
    }
    if let Some(doi) = entry.doi() {
        let _ = write!(out, " [DOI]({})", doi.url());
    }
    if let Some(arxiv) = entry.arxiv() {
        let _ = write!(out, " [arXiv]({})", arxiv.url());
    }
    for link in &entry.links {
        let label = match link.kind {
            LinkKind::Pdf => "PDF",
            LinkKind::Code => "Code",
            LinkKind::Slides => "Slides",
            LinkKind::Video => "Video",
            LinkKind::Poster => "Poster",
            LinkKind::Project => "Project",
            // DOI and arXiv are written above; others add nothing a reader needs.
            _ => continue,
        };
        let _ = write!(out, " [{label}]({})", link.url);
    }
    out.push('\n');
}

/// Writes the library as a Markdown list.
pub fn to_markdown(library: &Library, options: &MarkdownOptions) -> String {
    let mut out = format!("# {}\n", escape(&options.title));
    match options.group_by {
        GroupBy::Flat => {
            out.push('\n');
            for entry in &library.entries {
                write_entry(&mut out, entry);
            }
        }
        GroupBy::Year => {
            for (year, entries) in by_year(library.entries.iter()) {
                let _ = write!(out, "\n## {year}\n\n");
                for entry in entries {
                    write_entry(&mut out, entry);
                }
            }
        }
        GroupBy::VenueYear => {
            let mut venues: BTreeMap<String, (String, Vec<&Entry>)> = BTreeMap::new();
            for entry in &library.entries {
                let name = entry
                    .venue
                    .clone()
                    .unwrap_or_else(|| "Other publications".to_owned());
                venues
                    .entry(name.to_lowercase())
                    .or_insert_with(|| (name, Vec::new()))
                    .1
                    .push(entry);
            }
            // Unplaced entries come last.
            let other = venues.remove("other publications");
            for (_, (venue, entries)) in venues.into_iter().chain(other.map(|o| (String::new(), o)))
            {
                let _ = write!(out, "\n## {}\n", escape(&venue));
                for (year, entries) in by_year(entries.into_iter()) {
                    let _ = write!(out, "\n### {year}\n\n");
                    for entry in entries {
                        write_entry(&mut out, entry);
                    }
                }
            }
        }
    }
    out
}

/// Groups entries by year, newest first; entries without a year last.
fn by_year<'a>(entries: impl Iterator<Item = &'a Entry>) -> Vec<(String, Vec<&'a Entry>)> {
    let mut years: BTreeMap<std::cmp::Reverse<i32>, Vec<&Entry>> = BTreeMap::new();
    let mut undated = Vec::new();
    for entry in entries {
        match entry.year {
            Some(year) => years
                .entry(std::cmp::Reverse(year))
                .or_default()
                .push(entry),
            None => undated.push(entry),
        }
    }
    let mut groups: Vec<(String, Vec<&Entry>)> = years
        .into_iter()
        .map(|(y, e)| (y.0.to_string(), e))
        .collect();
    if !undated.is_empty() {
        groups.push(("Undated".to_owned(), undated));
    }
    groups
}
