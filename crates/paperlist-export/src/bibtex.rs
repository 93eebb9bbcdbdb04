//! BibTeX and BibLaTeX.
//!
//! Entry types follow the entry kind (`@inproceedings` with `booktitle`,
//! `@article` with `journal`, arXiv preprints as `@misc` with `eprint` and
//! `archivePrefix` in BibTeX or `@online` with `eprinttype` in BibLaTeX); special
//! characters are escaped; capitals that must survive a style's lower-casing
//! (`TVM`, `PyTorch`, `GPU`) are protected with braces; Unicode is kept unless
//! `ascii` asks for LaTeX accents. Field order is fixed and entries keep the
//! library's order, so the output diffs well.

use std::fmt::Write;

use paperlist_model::citekey::KeyScheme;
use paperlist_model::venue::VenueKind;
use paperlist_model::{Entry, EntryKind, Library, Person, Status};
use unicode_normalization::UnicodeNormalization;

use crate::common::{container_title, export_keys, known_venue, month};

/// Which flavour to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// Classic BibTeX (works with bibtex and biber).
    #[default]
    Bibtex,
    /// BibLaTeX's data model (`journaltitle`, `@online`, `eprinttype`, `date`).
    Biblatex,
}

/// Options for [`to_bibtex`] and [`to_biblatex`].
#[derive(Debug, Clone, Default)]
pub struct BibtexOptions {
    /// How citation keys are made.
    pub key_scheme: KeyScheme,
    /// Write non-ASCII letters as LaTeX accents (`M{\"u}ller`) instead of Unicode.
    pub ascii: bool,
}

/// Writes the library as BibTeX.
///
/// ```
/// use paperlist_model::{Entry, EntryKind, Library, Person};
/// use paperlist_export::bibtex::{to_bibtex, BibtexOptions};
///
/// let library = Library {
///     entries: vec![Entry {
///         kind: EntryKind::Inproceedings,
///         title: "TVM: An Automated End-to-End Optimizing Compiler".into(),
///         authors: vec![Person::new("Tianqi Chen")],
///         venue: Some("OSDI".into()),
///         year: Some(2018),
///         ..Entry::default()
///     }],
///     diagnostics: vec![],
/// };
/// let bib = to_bibtex(&library, &BibtexOptions::default());
/// assert!(bib.starts_with("@inproceedings{chen2018tvm,"));
/// assert!(bib.contains("title     = {{TVM}: An Automated End-to-End Optimizing Compiler},"));
/// ```
pub fn to_bibtex(library: &Library, options: &BibtexOptions) -> String {
    write(library, options, Dialect::Bibtex)
}

/// Writes the library as BibLaTeX.
pub fn to_biblatex(library: &Library, options: &BibtexOptions) -> String {
    write(library, options, Dialect::Biblatex)
}

fn write(library: &Library, options: &BibtexOptions, dialect: Dialect) -> String {
    let keys = export_keys(library, options.key_scheme);
    let mut out = String::new();
    for (entry, key) in library.entries.iter().zip(&keys) {
        if !out.is_empty() {
            out.push('\n');
        }
        write_entry(&mut out, entry, key, options, dialect);
    }
    out
}

fn is_arxiv_only(entry: &Entry) -> bool {
    entry.kind == EntryKind::Preprint
        || (entry.arxiv.is_some()
            && known_venue(entry).is_some_and(|v| v.kind == VenueKind::Preprint))
}

fn write_entry(
    out: &mut String,
    entry: &Entry,
    key: &str,
    options: &BibtexOptions,
    dialect: Dialect,
) {
    let ascii = options.ascii;
    let text = |value: &str| escape(value, ascii);
    let mut fields: Vec<(&str, String)> = Vec::new();
    // What goes to `note`: status, awards, the note itself, and what the
    // dialect has no field for.
    let mut notes: Vec<String> = Vec::new();
    let mut notes_extra: Vec<String> = Vec::new();
    let preprint = is_arxiv_only(entry);
    let entry_type = match (entry.kind, dialect) {
        (_, Dialect::Bibtex) if preprint => "misc",
        (_, Dialect::Biblatex) if preprint && entry.arxiv.is_some() => "online",
        (_, Dialect::Biblatex) if preprint => "misc",
        (EntryKind::Inproceedings, _) => "inproceedings",
        (EntryKind::Article, _) => "article",
        (EntryKind::Book, _) => "book",
        (EntryKind::Chapter, _) => "incollection",
        (EntryKind::Thesis, Dialect::Bibtex) => "phdthesis",
        (EntryKind::Thesis, Dialect::Biblatex) => "thesis",
        (EntryKind::Preprint | EntryKind::Misc, _) => "misc",
    };
    if !entry.authors.is_empty() {
        let mut authors = names(&entry.authors, ascii);
        if entry.details.authors_truncated {
            // The list was cut short where it was written: BibTeX's way to say so.
            authors.push_str(" and others");
        }
        fields.push(("author", authors));
    }
    if !entry.details.editors.is_empty() {
        fields.push(("editor", names(&entry.details.editors, ascii)));
    }
    fields.push(("title", protect_capitals(&text(&entry.title))));
    if preprint && entry.arxiv.is_none() {
        // A preprint without an arXiv id still says where it was published.
        if let Some(container) = container_title(entry) {
            fields.push(("howpublished", text(&container)));
        }
    }
    if let Some(container) = container_title(entry).filter(|_| !preprint) {
        let field = match (entry_type, dialect) {
            ("article", Dialect::Bibtex) => "journal",
            ("article", Dialect::Biblatex) => "journaltitle",
            ("inproceedings" | "incollection", _) => "booktitle",
            ("phdthesis", _) => "school",
            ("thesis", _) => "institution",
            _ => "howpublished",
        };
        fields.push((field, protect_capitals(&text(&container))));
    }
    if entry_type == "thesis" {
        fields.push(("type", "phdthesis".to_owned()));
    }
    for (name, value) in [
        ("volume", &entry.details.volume),
        ("number", &entry.details.number),
    ] {
        let Some(value) = value else { continue };
        // dblp's CoRR "volume" (abs/1909.08053) is the eprint again, not a volume;
        // BibLaTeX volumes are integers.
        let pseudo = value.starts_with("abs/");
        let not_integer = dialect == Dialect::Biblatex
            && name == "volume"
            && !value.chars().all(|c| c.is_ascii_digit());
        // BibLaTeX's data model has no volume or number for @misc, @online
        // and @thesis (biber --validate-datamodel says so).
        let no_such_field = dialect == Dialect::Biblatex
            && !matches!(
                entry_type,
                "article" | "inproceedings" | "incollection" | "book"
            );
        // plain.bst cannot print both for a paper in proceedings ("can't use
        // both volume and number fields"): the volume is kept.
        let bst_clash = dialect == Dialect::Bibtex
            && name == "number"
            && matches!(entry_type, "inproceedings" | "incollection")
            && entry.details.volume.is_some();
        if !pseudo && !not_integer && !no_such_field && !bst_clash {
            fields.push((name, text(value)));
        } else if not_integer && !pseudo && !no_such_field {
            // IEICE's `J105-D`: no BibLaTeX volume (an integer), said in the note.
            notes_extra.push(format!("vol. {value}"));
        }
    }
    if let Some(pages) = &entry.details.pages {
        let pages = match pages.typed() {
            Some(range) => range.with_separator("--"),
            None => pages.to_string(),
        };
        // BibLaTeX's @misc, @online and @thesis have no pages: the note says them.
        let has_pages = dialect == Dialect::Bibtex
            || matches!(
                entry_type,
                "article" | "inproceedings" | "incollection" | "book"
            );
        if has_pages {
            fields.push(("pages", text(&pages)));
        } else {
            notes_extra.push(format!("pages {pages}"));
        }
    }
    if let Some(publisher) = &entry.details.publisher {
        // BibLaTeX's data model has a publisher only for books and what is
        // in them; @online and @misc name an organization, the rest keep it in
        // the note (biber --validate-datamodel).
        let field = match (dialect, entry_type) {
            (Dialect::Bibtex, _) | (_, "book" | "inproceedings" | "incollection") => {
                Some("publisher")
            }
            (_, "online" | "misc") => Some("organization"),
            _ => None,
        };
        match field {
            Some(field) => fields.push((field, protect_capitals(&text(publisher)))),
            None => notes_extra.push(publisher.clone()),
        }
    }
    let written_month = entry.details.extra.get("month");
    match (entry.year, dialect) {
        (Some(year), Dialect::Bibtex) => fields.push(("year", year.to_string())),
        // BibLaTeX's date is ISO 8601 and carries the month; its legacy
        // `month` field must be an integer.
        (Some(year), Dialect::Biblatex) => fields.push((
            "date",
            match month(entry) {
                Some(month) => format!("{year}-{month:02}"),
                None => year.to_string(),
            },
        )),
        (None, _) => {}
    }
    match (written_month, dialect) {
        // BibTeX's month macros (`jul`) let each style spell the month its way.
        (Some(written), Dialect::Bibtex) => fields.push((
            "month",
            match month(entry) {
                Some(month) => MONTH_MACROS[usize::from(month - 1)].to_owned(),
                None => text(written),
            },
        )),
        (Some(written), Dialect::Biblatex) if month(entry).is_none() => {
            // Not a month BibLaTeX can sort by: kept where a reader sees it.
            notes_extra.push(written.clone());
        }
        _ => {}
    }
    if let Some(doi) = &entry.doi {
        fields.push(("doi", verbatim(&doi.to_string())));
    }
    let url = entry
        .url
        .clone()
        .or_else(|| entry.arxiv().map(|a| a.url()).filter(|_| preprint));
    if let Some(url) = url {
        fields.push(("url", verbatim(&url)));
    }
    if let Some(arxiv) = entry.arxiv() {
        fields.push(("eprint", arxiv.to_string()));
        match dialect {
            Dialect::Bibtex => fields.push(("archiveprefix", "arXiv".to_owned())),
            Dialect::Biblatex => fields.push(("eprinttype", "arxiv".to_owned())),
        }
        if let Some(class) = entry.details.extra.get("primaryclass") {
            fields.push((
                if dialect == Dialect::Biblatex {
                    "eprintclass"
                } else {
                    "primaryclass"
                },
                text(class),
            ));
        }
    }
    match entry.status {
        Status::UnderReview => notes.push("Under review".to_owned()),
        Status::Accepted => notes.push("To appear".to_owned()),
        Status::Published | Status::Preprint => {}
    }
    notes.extend(entry.details.awards.iter().cloned());
    if let Some(note) = &entry.details.note {
        notes.push(note.clone());
    }
    // BibLaTeX's @online has no howpublished (biber --validate-datamodel).
    if let Some(how) = entry.details.extra.get("howpublished")
        && entry_type == "online"
    {
        notes_extra.push(how.clone());
    }
    notes.append(&mut notes_extra);
    if !notes.is_empty() {
        fields.push(("note", text(&notes.join(". "))));
    }
    // BibLaTeX's data model has no biburl; BibTeX files from dblp carry one.
    if let Some(key) = entry.dblp_key().filter(|_| dialect == Dialect::Bibtex) {
        fields.push(("biburl", format!("https://dblp.org/rec/{key}.bib")));
    }
    for (name, value) in &entry.details.extra {
        let taken = fields.iter().any(|(f, _)| f.eq_ignore_ascii_case(name));
        // A thesis's university is written once, as `school` or `institution`
        // (BibLaTeX knows only the latter).
        let university = matches!(name.as_str(), "school" | "institution")
            && fields
                .iter()
                .any(|(f, _)| matches!(*f, "school" | "institution"));
        let folded = (name == "howpublished" && entry_type == "online") || university;
        // biber rejects fields outside BibLaTeX's data model (al-folio's
        // `abbr`, JabRef's `owner`): BibTeX output keeps them, BibLaTeX's not.
        let modelled = dialect == Dialect::Bibtex || BIBLATEX_FIELDS.contains(&name.as_str());
        if !taken && !folded && modelled && !matches!(name.as_str(), "month" | "primaryclass") {
            fields.push((name.as_str(), text(value)));
        }
    }

    let width = fields
        .iter()
        .map(|(name, _)| display_name(name, dialect).len())
        .max()
        .unwrap_or(0);
    let _ = writeln!(out, "@{entry_type}{{{key},");
    for (i, (name, value)) in fields.iter().enumerate() {
        let name = display_name(name, dialect);
        let comma = if i + 1 < fields.len() { "," } else { "" };
        if name == "month" && MONTH_MACROS.contains(&value.as_str()) {
            let _ = writeln!(out, "  {name:<width$} = {value}{comma}");
        } else {
            let _ = writeln!(out, "  {name:<width$} = {{{value}}}{comma}");
        }
    }
    out.push_str("}\n");
}

/// The fields of BibLaTeX's data model (and the BibTeX names biber maps onto
/// them) that an entry's extra fields may hold.
const BIBLATEX_FIELDS: &[&str] = &[
    "abstract",
    "addendum",
    "address",
    "annotation",
    "annote",
    "booksubtitle",
    "booktitleaddon",
    "chapter",
    "edition",
    "eid",
    "eprintclass",
    "eprinttype",
    "eventdate",
    "eventtitle",
    "file",
    "howpublished",
    "institution",
    "isbn",
    "issn",
    "issue",
    "issuetitle",
    "keywords",
    "langid",
    "language",
    "location",
    "organization",
    "origdate",
    "pagetotal",
    "part",
    "pubstate",
    "school",
    "series",
    "shortjournal",
    "shorttitle",
    "subtitle",
    "titleaddon",
    "type",
    "urldate",
    "venue",
    "version",
    "volumes",
];

/// BibTeX's predefined month strings, written without braces.
const MONTH_MACROS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Field names as people write them (`archivePrefix`, `primaryClass`).
fn display_name(name: &str, dialect: Dialect) -> &str {
    match (name, dialect) {
        ("archiveprefix", _) => "archivePrefix",
        ("primaryclass", _) => "primaryClass",
        // BibLaTeX's name for BibTeX's `address`.
        ("address", Dialect::Biblatex) => "location",
        _ => name,
    }
}

/// `Family, Given and Family, Given`; a name that cannot be split (an
/// organisation) is braced so BibTeX does not split it.
fn names(people: &[Person], ascii: bool) -> String {
    people
        .iter()
        .map(|person| {
            let text = |value: &str| escape(value, ascii);
            match (person.family(), person.given()) {
                (Some(family), given) => {
                    let family = text(family);
                    let family = if family.contains(' ')
                        && !family
                            .split(' ')
                            .next()
                            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
                    {
                        // "De Jagger", "Mohd-Yusof Smith": keep a multi-word family name together.
                        format!("{{{family}}}")
                    } else {
                        family
                    };
                    let mut parts = vec![family];
                    if let Some(suffix) = person.suffix() {
                        parts.push(text(suffix));
                    }
                    if let Some(given) = given {
                        parts.push(text(given));
                    }
                    parts.join(", ")
                }
                (None, _) => {
                    let name = text(person.name());
                    if name.contains(' ') {
                        format!("{{{name}}}")
                    } else {
                        name
                    }
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// URLs and DOIs are verbatim fields: only braces need care.
fn verbatim(value: &str) -> String {
    value.replace('{', "%7B").replace('}', "%7D")
}

/// Escapes LaTeX's special characters; with `ascii`, also writes accented
/// letters as LaTeX accent commands.
pub(crate) fn escape(value: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if ascii && !c.is_ascii() => out.push_str(&latex_letter(c)),
            c => out.push(c),
        }
    }
    out
}

/// A non-ASCII character as LaTeX (`ü` is `{\"u}`), or the character itself when
/// LaTeX has no ASCII spelling for it.
fn latex_letter(c: char) -> String {
    let special = match c {
        'ß' => Some("{\\ss}"),
        'ø' => Some("{\\o}"),
        'Ø' => Some("{\\O}"),
        'ł' => Some("{\\l}"),
        'Ł' => Some("{\\L}"),
        'æ' => Some("{\\ae}"),
        'Æ' => Some("{\\AE}"),
        'œ' => Some("{\\oe}"),
        'Œ' => Some("{\\OE}"),
        'ı' => Some("{\\i}"),
        '\u{2013}' => Some("--"),
        '\u{2014}' => Some("---"),
        '\u{2018}' => Some("`"),
        '\u{2019}' => Some("'"),
        '\u{201C}' => Some("``"),
        '\u{201D}' => Some("''"),
        '\u{00A0}' => Some("~"),
        _ => None,
    };
    if let Some(special) = special {
        return special.to_owned();
    }
    let decomposed: Vec<char> = c.to_string().nfd().collect();
    let (base, marks) = decomposed
        .split_first()
        .map_or((c, &[][..]), |(b, m)| (*b, m));
    if !base.is_ascii() || marks.is_empty() {
        return c.to_string();
    }
    let mut text = if base == 'i' && !marks.is_empty() {
        "\\i".to_owned()
    } else {
        base.to_string()
    };
    for mark in marks {
        let command = match mark {
            '\u{0301}' => "'",
            '\u{0300}' => "`",
            '\u{0302}' => "^",
            '\u{0308}' => "\"",
            '\u{0303}' => "~",
            '\u{0304}' => "=",
            '\u{0307}' => ".",
            '\u{0306}' => "u",
            '\u{030C}' => "v",
            '\u{030B}' => "H",
            '\u{0327}' => "c",
            '\u{0328}' => "k",
            '\u{030A}' => "r",
            '\u{0323}' => "d",
            _ => return c.to_string(),
        };
        text = if command.chars().all(char::is_alphabetic) {
            format!("\\{command}{{{text}}}")
        } else {
            format!("\\{command}{text}")
        };
    }
    format!("{{{text}}}")
}

/// Braces words whose capitals must survive a style that lower-cases titles:
/// acronyms and mixed case (`TVM`, `PyTorch`, `GPU/CPU`, `P3`).
pub(crate) fn protect_capitals(title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 16);
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core_start = word
            .find(|c: char| c.is_alphanumeric())
            .unwrap_or(word.len());
        let core_end = word
            .rfind(|c: char| c.is_alphanumeric())
            .map_or(core_start, |i| {
                i + word[i..].chars().next().map_or(1, char::len_utf8)
            });
        let core = &word[core_start..core_end];
        let has_command = core.contains('\\');
        // Each part of `Mixture-of-Experts` or `GPU/CPU` is judged alone: a capital
        // only at the start of a part is title case, not an acronym.
        let part_needs = |part: &str| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_alphabetic)
                && part.chars().any(char::is_uppercase)
                && chars.any(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        let needs = !has_command && core.split(['-', '/']).any(part_needs);
        if needs {
            out.push_str(&word[..core_start]);
            out.push('{');
            out.push_str(core);
            out.push('}');
            out.push_str(&word[core_end..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_accents() {
        assert_eq!(
            escape("R&D 100% $5 #1 a_b {x} ~ ^ \\", false),
            "R\\&D 100\\% \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"
        );
        assert_eq!(
            escape("Müller Jiří Šimša François Straße Østergaard Łukasz", true),
            "M{\\\"u}ller Ji{\\v{r}}{\\'\\i} {\\v{S}}im{\\v{s}}a Fran{\\c{c}}ois Stra{\\ss}e {\\O}stergaard {\\L}ukasz"
        );
        assert_eq!(escape("Müller", false), "Müller");
        assert_eq!(escape("聂小楠", true), "聂小楠");
    }

    #[test]
    fn capitals_are_protected() {
        assert_eq!(
            protect_capitals("TVM: An Automated End-to-End Optimizing Compiler"),
            "{TVM}: An Automated End-to-End Optimizing Compiler"
        );
        assert_eq!(
            protect_capitals("PyTorch on GPU/CPU clusters with P3"),
            "{PyTorch} on {GPU/CPU} clusters with {P3}"
        );
        assert_eq!(
            protect_capitals("Ray: A Distributed Framework"),
            "Ray: A Distributed Framework"
        );
        assert_eq!(
            protect_capitals("tf.data: a framework"),
            "tf.data: a framework"
        );
        assert_eq!(
            protect_capitals("An Evolutional Mixture-of-Experts via Dense-To-Sparse Gate"),
            "An Evolutional Mixture-of-Experts via Dense-To-Sparse Gate"
        );
        assert_eq!(protect_capitals("BLAS-on-flash"), "{BLAS-on-flash}");
    }
}
