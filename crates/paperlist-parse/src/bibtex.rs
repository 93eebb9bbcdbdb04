//! BibTeX and BibLaTeX, read with the `biblatex` crate, leniently: the file is cut
//! into entries first (by brace matching, which is all BibTeX's grammar needs at
//! the top level), and each entry is parsed on its own, so one broken entry is a
//! diagnostic with its line while the rest still parse. `@string` macros apply
//! to every entry.

use std::ops::Range;

use crate::fields::FieldKind;
use biblatex::{Bibliography, ChunksExt, EntryType};
use paperlist_model::normalize::{collapse_whitespace, decode_latex};
use paperlist_model::venue::{self, VenueKind};
use paperlist_model::{
    ArxivId, DblpKey, Diagnostic, Doi, Entry, EntryKind, Link, LinkKind, MaybeTyped, Origin,
    Person, Source, Status,
};

use crate::blocks::LineIndex;

/// One top-level `@type{...}` block of the file.
struct Chunk {
    kind: String,
    range: Range<usize>,
}

/// Cuts a file into its `@...{...}` blocks; text between them is comment.
/// Unclosed blocks become diagnostics.
fn chunks(
    text: &str,
    file: &str,
    index: &LineIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Chunk> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'@' {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < bytes.len()
            && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' || bytes[j] == b'-')
        {
            j += 1;
        }
        let kind = text[start + 1..j].to_ascii_lowercase();
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let (open, close) = match bytes.get(j) {
            Some(b'{') => (b'{', b'}'),
            Some(b'(') => (b'(', b')'),
            _ => {
                // An '@' in comment text.
                i = j.max(i + 1);
                continue;
            }
        };
        let mut depth = 0usize;
        let mut end = None;
        for (k, &b) in bytes.iter().enumerate().skip(j) {
            if b == open || (open == b'(' && b == b'{') {
                depth += 1;
            } else if b == close || (open == b'(' && b == b'}') {
                depth = depth.saturating_sub(1);
                if depth == 0 && b == close {
                    end = Some(k + 1);
                    break;
                }
            } else if b == b'@' && depth == 1 && k > 0 && bytes[k - 1] == b'\n' {
                // A new entry at the start of a line inside this one: this one is unclosed.
                break;
            }
        }
        match end {
            Some(end) => {
                out.push(Chunk {
                    kind,
                    range: start..end,
                });
                i = end;
            }
            None => {
                diagnostics.push(
                    Diagnostic::error(
                        file,
                        Some(index.line_of(start)),
                        "bibtex-unclosed",
                        format!("@{kind} entry is not closed"),
                    )
                    .with_hint("check the braces of this entry"),
                );
                // Resume at the next entry that starts a line.
                i = text[start + 1..]
                    .find("\n@")
                    .map_or(bytes.len(), |p| start + 1 + p + 1);
            }
        }
    }
    out
}

/// Parses a BibTeX or BibLaTeX file.
pub(crate) fn parse(text: &std::sync::Arc<str>, file: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let index = LineIndex::new(text);
    let shared_file: std::sync::Arc<str> = file.into();
    let mut diagnostics = Vec::new();
    let chunks = chunks(text, file, &index, &mut diagnostics);
    let strings: String = chunks
        .iter()
        .filter(|c| c.kind == "string")
        .map(|c| &text[c.range.clone()])
        .collect::<Vec<_>>()
        .join("\n");
    let prefix = if strings.is_empty() {
        String::new()
    } else {
        format!("{strings}\n")
    };
    let mut entries = Vec::new();
    for chunk in chunks
        .iter()
        .filter(|c| !matches!(c.kind.as_str(), "string" | "comment" | "preamble"))
    {
        let raw = &text[chunk.range.clone()];
        let line = index.line_of(chunk.range.start);
        let end_line = index.line_of(chunk.range.end.saturating_sub(1));
        // biblatex unwraps the parse of `ids`; keep a malformed one from panicking.
        let guarded = guard_ids(raw);
        let source = format!("{prefix}{guarded}");
        match Bibliography::parse(&source) {
            Ok(bibliography) => {
                for parsed in bibliography.iter() {
                    let mut entry = convert(parsed, file, &mut diagnostics, line);
                    entry.source = Source {
                        file: shared_file.clone(),
                        line,
                        end_line: (end_line > line).then_some(end_line),
                        section: Default::default(),
                        raw: paperlist_model::Excerpt::of(text, chunk.range.clone()),
                    };
                    entries.push(entry);
                }
            }
            Err(error) => {
                let offset = error.span.start.saturating_sub(prefix.len()).min(raw.len());
                let at = index.line_of(chunk.range.start + offset);
                diagnostics.push(
                    Diagnostic::error(
                        file,
                        Some(at),
                        "bibtex-syntax",
                        format!(
                            "entry starting at line {line} could not be read: {:?}",
                            error.kind
                        ),
                    )
                    .with_hint("the other entries were read; fix this one and run again"),
                );
            }
        }
    }
    resolve_crossrefs(&mut entries, file, &mut diagnostics);
    (entries, diagnostics)
}

/// dblp's BibTeX with cross-references: `crossref = {DBLP:conf/sosp/2023}`
/// points at a `@proceedings` whose title is the paper's venue and which holds
/// the year, publisher and editors. Each entry takes what it lacks from the
/// entry it points at (as BibTeX does); a proceedings that only serves as such
/// a target is the venue of papers, not an entry of the list. The `crossref`
/// field goes: what it held is now in the entry. Written by hand: entries are
/// read one at a time (one bad entry must not stop the rest), so the biblatex
/// crate never sees the pair.
fn resolve_crossrefs(entries: &mut Vec<Entry>, file: &str, diagnostics: &mut Vec<Diagnostic>) {
    if !entries
        .iter()
        .any(|e| e.details.extra.contains_key("crossref"))
    {
        return;
    }
    let by_key: std::collections::HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key.as_str().to_lowercase(), i))
        .collect();
    let mut targets = vec![false; entries.len()];
    for i in 0..entries.len() {
        let Some(target) = entries[i].details.extra.remove("crossref") else {
            continue;
        };
        let Some(&parent) = by_key.get(&target.to_lowercase()).filter(|&&p| p != i) else {
            diagnostics.push(
                Diagnostic::info(
                    file,
                    Some(entries[i].source.line),
                    "bibtex-crossref",
                    format!("crossref {target:?} is not in the file: the entry keeps only its own fields"),
                )
                .with_entry(entries[i].key.as_str()),
            );
            continue;
        };
        targets[parent] = true;
        let (venue, year, publisher, editors) = {
            let parent = &entries[parent];
            let container = (parent.kind == EntryKind::Book).then(|| parent.title.to_string());
            let venue = container
                .map(|title| venue::resolve(&title).map_or(title, |known| known.short.to_owned()));
            (
                venue.or_else(|| parent.venue.clone()),
                parent.year,
                parent.details.publisher.clone(),
                parent.details.editors.clone(),
            )
        };
        let entry = &mut entries[i];
        if entry.venue.is_none() && venue.is_some() {
            entry.venue = venue;
            entry.set_origin("venue", Origin::Input);
            if entry.kind == EntryKind::Misc {
                entry.kind = EntryKind::Inproceedings;
            }
        }
        if entry.year.is_none() && year.is_some() {
            entry.year = year;
            entry.set_origin("year", Origin::Input);
        }
        if entry.details.publisher.is_none() {
            entry.details.publisher = publisher;
        }
        if entry.details.editors.is_empty() {
            entry.details.editors = editors;
        }
    }
    // A proceedings with no authors that entries point at is their venue.
    let mut index = 0;
    entries.retain(|entry| {
        let keep = !(targets[index] && entry.kind == EntryKind::Book && entry.authors.is_empty());
        if !keep {
            diagnostics.push(
                Diagnostic::info(
                    file,
                    Some(entry.source.line),
                    "bibtex-crossref",
                    format!(
                        "{:?} is the proceedings other entries point at (crossref), read as their venue, not as an entry",
                        entry.key
                    ),
                )
                .with_entry(entry.key.as_str()),
            );
        }
        index += 1;
        keep
    });
}

fn guard_ids(raw: &str) -> std::borrow::Cow<'_, str> {
    let lower = raw.to_ascii_lowercase();
    match lower.find("ids") {
        Some(_) => {
            // Rename the field to something biblatex does not interpret.
            let mut out = String::with_capacity(raw.len());
            let mut rest = raw;
            while let Some(at) = rest.to_ascii_lowercase().find("ids") {
                let before = rest[..at].chars().last();
                let after = rest[at + 3..].trim_start().chars().next();
                out.push_str(&rest[..at]);
                if before.is_some_and(|c| c == ',' || c.is_whitespace()) && after == Some('=') {
                    out.push_str("x-ids");
                } else {
                    out.push_str(&rest[at..at + 3]);
                }
                rest = &rest[at + 3..];
            }
            out.push_str(rest);
            std::borrow::Cow::Owned(out)
        }
        None => std::borrow::Cow::Borrowed(raw),
    }
}

/// A field as plain text: LaTeX resolved, braces gone, whitespace collapsed.
fn text_of(entry: &biblatex::Entry, field: &str) -> Option<String> {
    let chunks = entry.get(field)?;
    let value = collapse_whitespace(&decode_latex(&chunks.format_verbatim()));
    (!value.is_empty()).then_some(value)
}

fn person(person: &biblatex::Person) -> Person {
    let family = [person.prefix.as_str(), person.name.as_str()]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let family = decode_latex(&family);
    let given = decode_latex(&person.given_name);
    let mut out = if family.is_empty() {
        Person::new(&given)
    } else {
        Person::from_parts(Some(given.as_str()).filter(|g| !g.is_empty()), &family)
    };
    if !person.suffix.is_empty() {
        out.set_suffix(Some(&decode_latex(&person.suffix)));
        out.set_name(&format!("{}, {}", out.name(), person.suffix));
    }
    out
}

/// Takes the status and awards out of an entry's note (`Under review. Best
/// Paper Award. Extended version`, as paperlist's BibTeX writes them); the
/// rest stays the note. A note with neither is left as written.
fn read_note(entry: &mut Entry) {
    let Some(note) = entry.details.note.take() else {
        return;
    };
    let mut rest: Vec<&str> = Vec::new();
    let mut taken = false;
    for part in note.split(". ").map(str::trim).filter(|p| !p.is_empty()) {
        match crate::fields::status_or_award(part.trim_end_matches('.')) {
            Some(FieldKind::Status(status)) => {
                entry.status = status;
                entry.set_origin("status", Origin::Input);
                taken = true;
            }
            Some(FieldKind::Award(award)) => {
                entry.details.awards.push(award);
                taken = true;
            }
            // BibLaTeX's @misc has no pages field: paperlist writes them in the note.
            _ if entry.details.pages.is_none()
                && let Some(pages) = part.strip_prefix("pages ").and_then(|p| {
                    p.trim_end_matches('.')
                        .parse::<paperlist_model::PageRange>()
                        .ok()
                }) =>
            {
                entry.details.pages = Some(MaybeTyped::Typed(pages));
                taken = true;
            }
            _ => rest.push(part),
        }
    }
    entry.details.note = if taken {
        (!rest.is_empty()).then(|| rest.join(". "))
    } else {
        Some(note)
    };
}

/// Fields with a place of their own in the model; the rest go to `extra`.
const MAPPED: &[&str] = &[
    "title",
    "author",
    "editor",
    "year",
    "date",
    "booktitle",
    "journal",
    "journaltitle",
    "pages",
    "volume",
    "number",
    "issue",
    "publisher",
    "doi",
    "url",
    "eprint",
    "archiveprefix",
    "eprinttype",
    "note",
    "howpublished",
    "biburl",
    "bibsource",
    "timestamp",
    "x-ids",
];

fn convert(
    parsed: &biblatex::Entry,
    file: &str,
    diagnostics: &mut Vec<Diagnostic>,
    line: u32,
) -> Entry {
    let mut entry = Entry {
        key: parsed.key.as_str().into(),
        ..Entry::default()
    };
    entry.title = text_of(parsed, "title")
        .map(|t| t.trim_end_matches('.').into())
        .unwrap_or_default();
    entry.set_origin("title", Origin::Input);
    match parsed.author() {
        Ok(people) => {
            let truncated = people
                .iter()
                .any(|p| p.name == "others" && p.given_name.is_empty());
            entry.authors = people
                .iter()
                .filter(|p| !(p.name == "others" && p.given_name.is_empty()))
                .map(person)
                .collect();
            if truncated {
                entry.details.authors_truncated = true;
                diagnostics.push(
                    Diagnostic::info(
                        file,
                        Some(line),
                        "authors-truncated",
                        "author list ends with \"and others\"",
                    )
                    .with_entry(&parsed.key),
                );
            }
        }
        Err(biblatex::RetrievalError::Missing(_)) => {}
        Err(error) => diagnostics.push(
            Diagnostic::warning(
                file,
                Some(line),
                "bibtex-field",
                format!("author field could not be read: {error}"),
            )
            .with_entry(&parsed.key),
        ),
    }
    if !entry.authors.is_empty() {
        entry.set_origin("authors", Origin::Input);
    }
    if let Ok(editors) = parsed.editors() {
        entry.details.editors = editors
            .iter()
            .flat_map(|(people, _)| people.iter().map(person))
            .collect();
    }
    let year = text_of(parsed, "year").or_else(|| text_of(parsed, "date"));
    entry.year = year
        .as_deref()
        .and_then(|y| y.get(..4))
        .and_then(|y| y.parse().ok());
    if entry.year.is_some() {
        entry.set_origin("year", Origin::Input);
    }
    let container = text_of(parsed, "booktitle")
        .or_else(|| text_of(parsed, "journal"))
        .or_else(|| text_of(parsed, "journaltitle"))
        .or_else(|| text_of(parsed, "howpublished").filter(|h| !h.contains("://")))
        // A thesis appeared at its university, a report at its institution.
        .or_else(|| text_of(parsed, "school"))
        .or_else(|| text_of(parsed, "institution"));
    // `booktitle = {Under review}`: a status, not a venue.
    let container = match container.as_deref().map(crate::fields::status_or_award) {
        Some(Some(FieldKind::Status(status))) => {
            entry.status = status;
            entry.set_origin("status", Origin::Input);
            None
        }
        _ => container,
    };
    let known = container.as_deref().and_then(venue::resolve);
    entry.venue = known.map(|v| v.short.to_owned()).or(container.clone());
    if entry.venue.is_some() {
        entry.set_origin("venue", Origin::Input);
    }
    // dblp's `booktitle = {... OSDI 2018, Carlsbad, ...}` with the year in a
    // crossref'd proceedings: the booktitle dates the paper.
    if entry.year.is_none()
        && let Some(year) = container.as_deref().and_then(venue::year_in)
    {
        entry.year = Some(year);
        entry.set_origin("year", Origin::Derived);
    }
    entry.details.pages = text_of(parsed, "pages").map(|p| MaybeTyped::parse(&p));
    entry.details.volume = text_of(parsed, "volume");
    entry.details.number = text_of(parsed, "number").or_else(|| text_of(parsed, "issue"));
    entry.details.publisher = text_of(parsed, "publisher");
    entry.url = text_of(parsed, "url");
    // `howpublished = {\url{https://arxiv.org/abs/2310.07240}}`: a link, not a
    // venue; kept as the entry's address when it has none.
    let how = text_of(parsed, "howpublished");
    match how.as_deref().and_then(link_in) {
        Some(link) => {
            if entry.url.is_none() {
                entry.url = Some(link);
            }
        }
        // Not the container (a booktitle or journal came first): kept as written.
        None => {
            if let Some(how) = how.filter(|h| container.as_deref() != Some(h.as_str())) {
                entry.details.extra.insert("howpublished".into(), how);
            }
        }
    }
    entry.details.note = text_of(parsed, "note");
    read_note(&mut entry);
    if let Some(doi) = parsed.get("doi").map(|c| c.format_verbatim()) {
        // dblp writes `10.1007/11880561\_13`: the backslash only escapes for TeX.
        let doi = unescape_tex_specials(doi.trim());
        entry.doi = Some(MaybeTyped::parse(&doi));
        entry.set_origin("doi", Origin::Input);
    }
    // arXiv: eprint with archivePrefix/eprinttype arXiv, or "CoRR abs/..." / "arXiv:..." in the container.
    let archive = text_of(parsed, "archiveprefix")
        .or_else(|| text_of(parsed, "eprinttype"))
        .unwrap_or_default();
    if let Some(eprint) = text_of(parsed, "eprint")
        && (archive.eq_ignore_ascii_case("arxiv") || archive.is_empty())
        && let Ok(id) = eprint.parse::<ArxivId>()
    {
        entry.arxiv = Some(MaybeTyped::Typed(id));
        entry.set_origin("arxiv", Origin::Input);
    }
    if entry.arxiv.is_none()
        && let Some(volume) = entry
            .details
            .volume
            .as_deref()
            .and_then(|v| v.strip_prefix("abs/"))
        && let Ok(id) = volume.parse::<ArxivId>()
    {
        entry.arxiv = Some(MaybeTyped::Typed(id));
        entry.set_origin("arxiv", Origin::Derived);
    }
    // `journal = {arXiv preprint arXiv:2001.08361}`, `CoRR abs/2001.08361`.
    if entry.arxiv.is_none()
        && let Some(id) = container.as_deref().and_then(crate::tagged::arxiv_named_in)
    {
        entry.arxiv = Some(MaybeTyped::Typed(id));
        entry.set_origin("arxiv", Origin::Input);
    }
    if let Some(key) = parsed
        .key
        .strip_prefix("DBLP:")
        .and_then(|k| k.parse::<DblpKey>().ok())
    {
        entry.details.dblp_key = Some(MaybeTyped::Typed(key));
        entry.set_origin("dblp_key", Origin::Input);
    } else if let Some(key) = text_of(parsed, "biburl").and_then(|u| DblpKey::from_url(&u)) {
        entry.details.dblp_key = Some(MaybeTyped::Typed(key));
        entry.set_origin("dblp_key", Origin::Derived);
    }
    if entry.doi.is_none()
        && let Some(doi) = entry.url.as_deref().and_then(Doi::from_url)
    {
        entry.doi = Some(MaybeTyped::Typed(doi));
        entry.set_origin("doi", Origin::Derived);
    }
    entry.kind = match &parsed.entry_type {
        EntryType::Article => EntryKind::Article,
        EntryType::InProceedings => EntryKind::Inproceedings,
        EntryType::Book | EntryType::MvBook | EntryType::Collection | EntryType::Proceedings => {
            EntryKind::Book
        }
        EntryType::InBook
        | EntryType::InCollection
        | EntryType::BookInBook
        | EntryType::SuppBook => EntryKind::Chapter,
        EntryType::Thesis | EntryType::PhdThesis | EntryType::MastersThesis => EntryKind::Thesis,
        EntryType::Online | EntryType::Unpublished if entry.arxiv.is_some() => EntryKind::Preprint,
        _ if entry.arxiv.is_some()
            && known.is_none_or(|v| v.kind == VenueKind::Preprint)
            && entry.doi().is_none_or(|d| ArxivId::from_doi(d).is_some()) =>
        {
            EntryKind::Preprint
        }
        _ => EntryKind::Misc,
    };
    if known.is_some_and(|v| v.kind == VenueKind::Preprint) {
        entry.kind = EntryKind::Preprint;
        entry.status = Status::Preprint;
    }
    // An arXiv eprint with no other container was published on arXiv.
    if entry.kind == EntryKind::Preprint && entry.venue.is_none() {
        entry.venue = Some("arXiv".to_owned());
        entry.set_origin("venue", Origin::Derived);
        entry.status = Status::Preprint;
    }
    if let Some(note) = entry.details.note.as_deref() {
        let lower = note.to_lowercase();
        if lower.contains("under review") || lower.contains("submitted") {
            entry.status = Status::UnderReview;
        } else if lower.contains("to appear")
            || lower.contains("accepted")
            || lower.contains("in press")
        {
            entry.status = Status::Accepted;
        }
    }
    for (name, chunks) in &parsed.fields {
        // BibLaTeX's eprintclass is BibTeX's primaryClass.
        let name = if name == "eprintclass" {
            "primaryclass"
        } else {
            name.as_str()
        };
        if !MAPPED.contains(&name) {
            let value = collapse_whitespace(&chunks.format_verbatim());
            if !value.is_empty() {
                entry.details.extra.insert(name.to_owned(), value);
            }
        }
    }
    read_site_fields(&mut entry);
    entry
}

/// al-folio, the Jekyll theme of many academic homepages, keeps what its
/// pages show in fields of its own: `arxiv = {2309.06180}`, `award_name` and
/// `award`, and the buttons `code`, `html`, `pdf`, `video`, `slides`,
/// `poster`, `website`, `blog`, `supp`. They become the entry's arXiv id,
/// award and links; a file name (`pdf = {vllm.pdf}`, served from the site) is
/// no address and stays as written.
fn read_site_fields(entry: &mut Entry) {
    let extra = &mut entry.details.extra;
    if entry.arxiv.is_none()
        && let Some(id) = extra.get("arxiv").and_then(|v| v.parse::<ArxivId>().ok())
    {
        extra.remove("arxiv");
        entry.arxiv = Some(MaybeTyped::Typed(id));
        entry.set_origin("arxiv", Origin::Input);
    }
    // `award_name` is the badge, `award` the longer text behind it.
    let extra = &mut entry.details.extra;
    let award = match extra.remove("award_name") {
        Some(name) => Some(name),
        None => extra.remove("award"),
    };
    if let Some(award) = award.filter(|a| !entry.details.awards.contains(a)) {
        entry.details.awards.push(award);
    }
    const BUTTONS: &[(&str, LinkKind)] = &[
        ("html", LinkKind::Paper),
        ("pdf", LinkKind::Pdf),
        ("code", LinkKind::Code),
        ("slides", LinkKind::Slides),
        ("poster", LinkKind::Poster),
        ("video", LinkKind::Video),
        ("website", LinkKind::Project),
        ("blog", LinkKind::Other),
        ("supp", LinkKind::Other),
    ];
    for (field, kind) in BUTTONS {
        let Some(url) = entry.details.extra.get(*field).and_then(|v| link_in(v)) else {
            continue;
        };
        entry.details.extra.remove(*field);
        if entry.url.is_none() && *field == "html" {
            entry.url = Some(url.clone());
        }
        entry.links.push(Link {
            kind: *kind,
            url,
            label: Some((*field).to_owned()),
        });
    }
    if entry.doi.is_none()
        && let Some(doi) = entry.links.iter().find_map(|link| Doi::from_url(&link.url))
    {
        entry.doi = Some(MaybeTyped::Typed(doi));
        entry.set_origin("doi", Origin::Derived);
    }
    // An arXiv paper kept as `@misc` with nothing else: a preprint on arXiv.
    if entry.kind == EntryKind::Misc && entry.arxiv.is_some() && entry.venue.is_none() {
        entry.kind = EntryKind::Preprint;
        entry.status = Status::Preprint;
        entry.venue = Some("arXiv".to_owned());
        entry.set_origin("venue", Origin::Derived);
    }
}

/// `\_`, `\%`, `\&`, `\#`, `\$` as TeX escapes them in verbatim fields
/// (dblp's `doi = {10.1007/11880561\_13}`): the characters themselves.
fn unescape_tex_specials(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && matches!(next, '_' | '%' | '&' | '#' | '$')
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// The address a field holds when it is only an address (`\url{...}`,
/// `https://...`).
fn link_in(value: &str) -> Option<String> {
    let value = value.trim();
    let inner = value
        .strip_prefix("\\url{")
        .and_then(|v| v.strip_suffix('}'))
        .unwrap_or(value)
        .trim();
    (inner.contains("://") && !inner.contains(char::is_whitespace)).then(|| inner.to_owned())
}

/// Whether text looks like BibTeX: an `@type{` at the start of a line.
pub(crate) fn looks_like_bibtex(text: &str) -> bool {
    // The first line that says anything opens an entry (after `%` comments):
    // a README that quotes a BibTeX entry in a code block (`Please cite:`,
    // then a fence) is Markdown.
    text.lines()
        .map(str::trim_start)
        .find(|line| !line.is_empty() && !line.starts_with('%'))
        .is_some_and(|line| {
            line.starts_with('@')
                && line[1..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && line.contains(['{', '('])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dblp_standard_entry() {
        let bib = r#"@inproceedings{DBLP:conf/acl/ChangSRM23,
  author       = {Haw{-}Shiuan Chang and
                  Ruei{-}Yao Sun and
                  Kathryn Ricci and
                  Andrew McCallum},
  title        = {Multi-CLS {BERT:} An Efficient Alternative to Traditional Ensembling},
  booktitle    = {Proceedings of the 61st Annual Meeting of the Association for Computational
                  Linguistics (Volume 1: Long Papers), {ACL} 2023, Toronto, Canada, July
                  9-14, 2023},
  pages        = {821--854},
  publisher    = {Association for Computational Linguistics},
  year         = {2023},
  url          = {https://doi.org/10.18653/v1/2023.acl-long.48},
  doi          = {10.18653/V1/2023.ACL-LONG.48},
  timestamp    = {Thu, 10 Aug 2023 12:35:43 +0200},
  biburl       = {https://dblp.org/rec/conf/acl/ChangSRM23.bib},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}"#;
        let (entries, diagnostics) = parse(&std::sync::Arc::from(bib), "x.bib");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let e = &entries[0];
        assert_eq!(e.key, "DBLP:conf/acl/ChangSRM23");
        assert_eq!(
            e.title,
            "Multi-CLS BERT: An Efficient Alternative to Traditional Ensembling"
        );
        assert_eq!(e.authors[0].name(), "Haw-Shiuan Chang");
        assert_eq!(e.authors[0].family(), Some("Chang"));
        assert_eq!(e.authors.len(), 4);
        assert_eq!(e.kind, EntryKind::Inproceedings);
        assert_eq!(e.year, Some(2023));
        assert_eq!(
            e.pages().map(ToString::to_string).as_deref(),
            Some("821-854")
        );
        assert_eq!(
            e.doi().map(|d| d.normalized()).as_deref(),
            Some("10.18653/v1/2023.acl-long.48")
        );
        assert_eq!(
            e.dblp_key().map(ToString::to_string).as_deref(),
            Some("conf/acl/ChangSRM23")
        );
        assert_eq!(e.source.line, 1);
    }

    #[test]
    fn one_bad_entry_does_not_sink_the_file() {
        let bib = "@string{osdi = {OSDI}}\n\n@inproceedings{good1, title = {Ray}, author = {Moritz, Philipp and Stoica, Ion}, booktitle = osdi, year = 2018}\n\n@article{bad, title = {Unclosed\n\n@article{good2, title = {G{\\\"o}del}, author = {M{\\\"u}ller, Hans}, journal = {Commun. ACM}, year = {2020}}\n@misc{x,, title = }\n";
        let (entries, diagnostics) = parse(&std::sync::Arc::from(bib), "x.bib");
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["good1", "good2"]);
        assert_eq!(entries[0].venue.as_deref(), Some("OSDI"));
        assert_eq!(entries[0].authors[1].name(), "Ion Stoica");
        assert_eq!(entries[1].title, "Gödel");
        assert_eq!(entries[1].authors[0].name(), "Hans Müller");
        assert_eq!(entries[1].venue.as_deref(), Some("CACM"));
        assert_eq!(entries[1].source.line, 7);
        let lines: Vec<Option<u32>> = diagnostics.iter().map(|d| d.line).collect();
        assert!(
            lines.contains(&Some(5)),
            "the unclosed entry is reported at its line: {diagnostics:?}"
        );
        assert!(
            diagnostics.iter().any(|d| d.line == Some(8)),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn arxiv_and_extra_fields() {
        let bib = "@misc{shoeybi2019megatron, title={Megatron-LM}, author={Shoeybi, Mohammad and others}, year={2019}, eprint={1909.08053}, archivePrefix={arXiv}, primaryClass={cs.CL}, month = oct, ids = {a, {b}}}\n";
        let (entries, diagnostics) = parse(&std::sync::Arc::from(bib), "x.bib");
        assert_eq!(entries.len(), 1, "{diagnostics:?}");
        let e = &entries[0];
        assert_eq!(
            e.arxiv().map(ToString::to_string).as_deref(),
            Some("1909.08053")
        );
        assert_eq!(e.kind, EntryKind::Preprint);
        assert_eq!(e.authors.len(), 1);
        assert_eq!(
            e.details.extra.get("month").map(String::as_str),
            Some("October")
        );
        assert_eq!(
            e.details.extra.get("primaryclass").map(String::as_str),
            Some("cs.CL")
        );
    }

    #[test]
    fn crossrefs_give_venue_and_year_and_their_target_is_no_entry() {
        let bib = concat!(
            "@inproceedings{DBLP:conf/sosp/KwonLZSZYGZS23, author={Woosuk Kwon}, title={PagedAttention}, pages={611--626}, crossref={DBLP:conf/sosp/2023}, doi={10.1145/3600006\\_3613165}}\n",
            "@inproceedings{lost, author={Jane Doe}, title={Lost}, booktitle={13th USENIX Symposium on Operating Systems Design and Implementation, OSDI 2018, Carlsbad}, crossref={DBLP:conf/osdi/2018}}\n",
            "@proceedings{DBLP:conf/sosp/2023, editor={Jason Flinn}, title={Proceedings of the 29th Symposium on Operating Systems Principles, SOSP 2023, Koblenz, Germany}, publisher={ACM}, year={2023}}\n",
        );
        let (entries, diagnostics) = parse(&std::sync::Arc::from(bib), "x.bib");
        assert_eq!(entries.len(), 2, "{diagnostics:?}");
        let kwon = &entries[0];
        assert_eq!(kwon.venue.as_deref(), Some("SOSP"));
        assert_eq!(kwon.year, Some(2023));
        assert_eq!(kwon.details.publisher.as_deref(), Some("ACM"));
        assert_eq!(kwon.details.editors.len(), 1);
        assert!(!kwon.details.extra.contains_key("crossref"));
        assert_eq!(
            kwon.doi().map(ToString::to_string).as_deref(),
            Some("10.1145/3600006_3613165")
        );
        // The target is missing: the booktitle dates the entry.
        assert_eq!(entries[1].year, Some(2018));
        assert!(
            diagnostics
                .iter()
                .any(|d| d.code == "bibtex-crossref" && d.message.contains("not in the file"))
        );
        assert!(
            diagnostics
                .iter()
                .any(|d| d.code == "bibtex-crossref" && d.message.contains("DBLP:conf/sosp/2023"))
        );
    }

    #[test]
    fn howpublished_is_a_link_or_a_venue() {
        let bib = concat!(
            "@misc{a, title={A}, author={Doe, Jane}, year={2023}, eprint={2310.07240}, archivePrefix={arXiv}, howpublished={\\url{https://arxiv.org/abs/2310.07240}}}\n",
            "@misc{b, title={B}, author={Doe, Jane}, year={2023}, howpublished={NeurIPS Workshop on Systems}}\n",
            "@inproceedings{c, title={C}, author={Doe, Jane}, year={2023}, booktitle={OSDI}, howpublished={Talk}, eprintclass={cs.OS}}\n",
        );
        let (entries, diagnostics) = parse(&std::sync::Arc::from(bib), "x.bib");
        assert_eq!(entries.len(), 3, "{diagnostics:?}");
        assert_eq!(
            entries[0].url.as_deref(),
            Some("https://arxiv.org/abs/2310.07240")
        );
        assert!(
            entries[0].details.extra.is_empty(),
            "{:?}",
            entries[0].details.extra
        );
        assert_eq!(
            entries[1].venue.as_deref(),
            Some("NeurIPS Workshop on Systems")
        );
        assert!(entries[1].details.extra.is_empty());
        assert_eq!(entries[2].venue.as_deref(), Some("OSDI"));
        assert_eq!(
            entries[2]
                .details
                .extra
                .get("howpublished")
                .map(String::as_str),
            Some("Talk")
        );
        assert_eq!(
            entries[2]
                .details
                .extra
                .get("primaryclass")
                .map(String::as_str),
            Some("cs.OS")
        );
    }

    #[test]
    fn status_awards_and_identifiers_written_elsewhere() {
        let bib = concat!(
            "@inproceedings{a, title={A}, author={Doe, Jane}, booktitle={OSDI}, year={2024}, note={Under review. Best Paper Award. Extended version}}\n",
            "@inproceedings{b, title={B}, author={Doe, Jane}, booktitle={Under review}, year={2025}}\n",
            "@article{c, title={C}, author={Kaplan, Jared}, journal={arXiv preprint arXiv:2001.08361}, year={2020}}\n",
            "@article{d, title={D}, author={Garc{\\'\\i}a, Jos{\\'e}}, journal={X}, year={2020}, note={See also the talk.}}\n",
        );
        let (entries, diagnostics) = parse(&std::sync::Arc::from(bib), "x.bib");
        assert_eq!(entries.len(), 4, "{diagnostics:?}");
        assert_eq!(entries[0].status, Status::UnderReview);
        assert_eq!(entries[0].details.awards, ["Best Paper Award"]);
        assert_eq!(entries[0].details.note.as_deref(), Some("Extended version"));
        assert_eq!(entries[1].status, Status::UnderReview);
        assert_eq!(entries[1].venue, None);
        assert_eq!(
            entries[2].arxiv().map(ToString::to_string).as_deref(),
            Some("2001.08361")
        );
        assert_eq!(entries[3].authors[0].name(), "José García");
        // A note that says neither is kept as written.
        assert_eq!(
            entries[3].details.note.as_deref(),
            Some("See also the talk.")
        );
    }

    #[test]
    fn detection() {
        assert!(looks_like_bibtex("% comment\n@article{x, title={y}}"));
        assert!(!looks_like_bibtex("email me @ home"));
        assert!(!looks_like_bibtex(
            "# Awesome list\n\nPlease cite:\n\n```bibtex\n@misc{x, title={y}}\n```\n"
        ));
    }
}
