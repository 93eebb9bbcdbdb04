//! Parsers that turn the publication lists people write into paperlist entries.
//!
//! One entry point per input, [`parse`], for Markdown reading lists, homepages
//! and CVs (Markdown, plain text, HTML or LaTeX), BibTeX, CSL-JSON and
//! paperlist JSON; [`detect_format`]
//! guesses the format from the file name and content. Parsing is a pure
//! function: it never panics and never fails on bad input; what it cannot
//! understand becomes a [`Diagnostic`] with its line number.
//!
//! Headings give context: an entry under `## OSDI` / `### 2018` gets that venue
//! and year (recorded as `Origin::Context`), and sections such as News or
//! Teaching are skipped with a diagnostic saying so.
//!
//! ```
//! use paperlist_parse::{parse, Format, SourceId};
//!
//! let list = "## OSDI\n\n### 2018\n\nRay: A Distributed Framework for Emerging AI Applications\n\
//!             Philipp Moritz, Robert Nishihara, and Ion Stoica, UC Berkeley\n";
//! let parsed = parse(list, &SourceId::new("list.md"), Format::Markdown);
//! let ray = &parsed.entries[0];
//! assert_eq!(ray.title, "Ray: A Distributed Framework for Emerging AI Applications");
//! assert_eq!(ray.authors.len(), 3);
//! assert_eq!(ray.authors[0].affiliation.as_deref(), Some("UC Berkeley"));
//! assert_eq!(ray.venue.as_deref(), Some("OSDI"));
//! assert_eq!(ray.year, Some(2018));
//! assert_eq!(ray.key, "moritz2018ray");
//! ```

#![deny(missing_docs)]

mod asciidoc;
mod authors;
mod bibtex;
mod blocks;
mod csljson;
mod delimited;
mod document;
mod fields;
mod frontmatter;
mod html;
mod jemdoc;
mod jsonresume;
mod latex;
mod markdown;
mod medline;
mod org;
mod records;
mod refer;
mod ris;
mod sitedata;
mod styled;
mod tagged;

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use paperlist_model::citekey::{KeyScheme, assign_keys};
use paperlist_model::{Diagnostic, Entry, Library};

/// Names the input being parsed, for `source.file` and diagnostics (`-` for stdin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceId(String);

impl SourceId {
    /// A source named by a path or `-`.
    pub fn new(name: impl Into<String>) -> SourceId {
        SourceId(name.into())
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a parser found: entries in input order, and diagnostics.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// Entries, in input order, with keys unique within this input.
    pub entries: Vec<Entry>,
    /// What could not be understood, or was guessed.
    pub diagnostics: Vec<Diagnostic>,
}

impl From<Parsed> for Library {
    fn from(parsed: Parsed) -> Library {
        Library {
            entries: parsed.entries,
            diagnostics: parsed.diagnostics,
        }
    }
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Choose from the file name and content ([`detect_format`]).
    Auto,
    /// A Markdown paper list (reading list, awesome list).
    Markdown,
    /// A homepage as Markdown or text. Read like Markdown; sections such as News are skipped.
    Homepage,
    /// A CV as Markdown or text. Read like Markdown.
    Cv,
    /// An HTML page (a saved homepage or list).
    Html,
    /// A LaTeX document: a CV or a publication list kept in `.tex`.
    Latex,
    /// An Org-mode document (`* Publications`, `[[url][Title]]`).
    Org,
    /// A jemdoc source (`= Publications`, `[url Title]`), as academic
    /// homepages kept with jemdoc are written.
    Jemdoc,
    /// An AsciiDoc page (`== 2023`, `https://x.org[Title]`).
    Asciidoc,
    /// CSV or TSV with a header row (a spreadsheet, paperlist's CSV export).
    Csv,
    /// BibTeX or BibLaTeX.
    Bibtex,
    /// CSL-JSON (Zotero, pandoc).
    CslJson,
    /// RIS (Zotero, EndNote, Mendeley, publishers' citation exports).
    Ris,
    /// EndNote's tagged format, refer (`%T Title`): Google Scholar's
    /// "EndNote" button (`.enw`), EndNote's text export.
    Refer,
    /// MEDLINE, as PubMed saves records (`.nbib`, `PMID- `).
    Medline,
    /// A JSON Resume (jsonresume.org): its `publications`.
    JsonResume,
    /// paperlist JSON, as written by `paperlist parse` and `paperlist enrich`.
    PaperlistJson,
    /// A static site's data file of publications (Jekyll's
    /// `_data/publications.yml`, Hugo's `data/*.yaml` or `.json`), records
    /// of scholarly APIs in JSON, and `CITATION.cff`.
    SiteData,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(match text {
            "auto" => Format::Auto,
            // reStructuredText is read as Markdown is (its headings are setext
            // headings; its `` `Title <url>`_ `` links are known).
            "markdown" | "md" | "text" | "txt" | "rst" | "restructuredtext" => Format::Markdown,
            "homepage" => Format::Homepage,
            "cv" => Format::Cv,
            "html" | "htm" => Format::Html,
            "latex" | "tex" => Format::Latex,
            "org" | "org-mode" => Format::Org,
            "jemdoc" => Format::Jemdoc,
            "asciidoc" | "adoc" => Format::Asciidoc,
            "csv" | "tsv" => Format::Csv,
            "bibtex" | "biblatex" | "bib" => Format::Bibtex,
            "csl-json" | "csljson" | "csl" => Format::CslJson,
            "ris" => Format::Ris,
            "refer" | "endnote" | "enw" => Format::Refer,
            "medline" | "pubmed" | "nbib" => Format::Medline,
            "json-resume" | "jsonresume" => Format::JsonResume,
            "json" | "paperlist" => Format::PaperlistJson,
            "yaml" | "yml" | "data" | "site-data" | "cff" => Format::SiteData,
            other => return Err(format!("unknown input format {other:?}")),
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Auto => "auto",
            Format::Markdown => "markdown",
            Format::Homepage => "homepage",
            Format::Cv => "cv",
            Format::Html => "html",
            Format::Latex => "latex",
            Format::Org => "org",
            Format::Jemdoc => "jemdoc",
            Format::Asciidoc => "asciidoc",
            Format::Csv => "csv",
            Format::Bibtex => "bibtex",
            Format::CslJson => "csl-json",
            Format::Ris => "ris",
            Format::Refer => "refer",
            Format::Medline => "medline",
            Format::JsonResume => "json-resume",
            Format::PaperlistJson => "json",
            Format::SiteData => "yaml",
        })
    }
}

/// Guesses the format of an input from its name and content.
pub fn detect_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') && head.contains("\"paperlist\"") {
        return Format::PaperlistJson;
    }
    if jsonresume::looks_like_json_resume(head) {
        return Format::JsonResume;
    }
    if csljson::looks_like_csl_json(head) || lower.ends_with(".csl.json") {
        return Format::CslJson;
    }
    // A site's data: records of publications in JSON (an array, or an
    // object that is no paperlist JSON).
    if lower.ends_with(".json") && (head.starts_with('[') || !head.contains("\"paperlist\"")) {
        return Format::SiteData;
    }
    if lower.ends_with(".json") {
        return Format::PaperlistJson;
    }
    // A data file may quote BibTeX in a value (`bibtex: |`). A script's
    // data literal is read as site data too.
    let script = [".js", ".mjs", ".cjs", ".ts", ".jsx", ".tsx"]
        .iter()
        .any(|ext| lower.ends_with(ext));
    if lower.ends_with(".yml") || lower.ends_with(".yaml") || lower.ends_with(".cff") || script {
        return Format::SiteData;
    }
    // A Markdown file is Markdown whatever it quotes: HTML (a README's
    // centred `<div align="center">` logo), BibTeX in a code block, a RIS
    // or MEDLINE record.
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    // A jemdoc page may quote BibTeX in a block too; its `# jemdoc:` comment
    // would read as a Markdown heading.
    if lower.ends_with(".jemdoc") || jemdoc::looks_like_jemdoc(head) {
        return Format::Jemdoc;
    }
    if [".adoc", ".asciidoc", ".asc"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return Format::Asciidoc;
    }
    // Before the content checks: an Org page may quote BibTeX in a source block.
    if lower.ends_with(".org") || (!lower.ends_with(".bib") && org::looks_like_org(head)) {
        return Format::Org;
    }
    // Before BibTeX's content check: an abstract may hold an `@`.
    if lower.ends_with(".enw") || lower.ends_with(".refer") || refer::looks_like_refer(head) {
        return Format::Refer;
    }
    if lower.ends_with(".nbib") || lower.ends_with(".medline") || medline::looks_like_medline(head)
    {
        return Format::Medline;
    }
    if lower.ends_with(".bib") || lower.ends_with(".bibtex") || bibtex::looks_like_bibtex(text) {
        return Format::Bibtex;
    }
    if lower.ends_with(".ris") || ris::looks_like_ris(head) {
        return Format::Ris;
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") || html::looks_like_html(text) {
        return Format::Html;
    }
    if lower.ends_with(".csv") || lower.ends_with(".tsv") {
        return Format::Csv;
    }
    if lower.ends_with(".tex") || latex::looks_like_latex(text) {
        return Format::Latex;
    }
    let markdown_name = [".md", ".markdown", ".txt", ".text", ".rst"]
        .iter()
        .any(|ext| lower.ends_with(ext));
    if !markdown_name && sitedata::looks_like_site_data(head) {
        return Format::SiteData;
    }
    Format::Markdown
}

/// Parses text in the given format.
///
/// The entries keep their raw text as ranges of one copy of `text`; a caller
/// that already holds the document in an `Arc<str>` can give it to
/// [`parse_document`] and save that copy.
pub fn parse(text: &str, source: &SourceId, format: Format) -> Parsed {
    parse_document(Arc::from(normalize_input(text).as_ref()), source, format)
}

/// Parses a document in the given format; the entries' raw text shares it.
pub fn parse_document(text: Arc<str>, source: &SourceId, format: Format) -> Parsed {
    let text = if needs_normalizing(&text) {
        Arc::from(normalize_input(&text).as_ref())
    } else {
        text
    };
    let format = match format {
        Format::Auto => detect_format(source.as_str(), &text),
        other => other,
    };
    let mut parsed = match format {
        Format::PaperlistJson => parse_paperlist_json(&text, source),
        Format::Bibtex => Parsed::from(bibtex::parse(&text, source.as_str())),
        Format::CslJson => Parsed::from(csljson::parse(&text, source.as_str())),
        Format::Ris => Parsed::from(ris::parse(&text, source.as_str())),
        Format::Refer => Parsed::from(refer::parse(&text, source.as_str())),
        Format::Medline => Parsed::from(medline::parse(&text, source.as_str())),
        Format::JsonResume => Parsed::from(jsonresume::parse(&text, source.as_str())),
        Format::Auto | Format::Markdown | Format::Homepage | Format::Cv => {
            read_markdown(&text, source)
        }
        Format::Html => read_blocks(html::lower, &text, source, false),
        Format::Latex => read_blocks(latex::lower, &text, source, false),
        Format::Org => read_blocks(org::lower, &text, source, false),
        Format::Jemdoc => read_blocks(jemdoc::lower, &text, source, false),
        Format::Asciidoc => read_blocks(asciidoc::lower, &text, source, false),
        Format::Csv => read_blocks(delimited::lower, &text, source, true),
        Format::SiteData => read_site_data(&text, source),
    };
    // A site's page that is a template (`{% for p in site.data.publications %}`)
    // has its list elsewhere: say where, when the page itself gave nothing.
    if matches!(
        format,
        Format::Markdown | Format::Homepage | Format::Cv | Format::Html
    ) && parsed.entries.is_empty()
        && let Some((at, message)) = sitedata::rendered_from(&text)
    {
        let line = blocks::LineIndex::new(&text).line_of(at);
        parsed.diagnostics.push(
            Diagnostic::warning(source.as_str(), Some(line), "site-template", message)
                .with_hint("the template's text is no list; the data it loops over is"),
        );
        parsed.diagnostics.sort_by_key(|d| d.line);
    }
    assign_keys(&mut parsed.entries, KeyScheme::AuthorYearTitle, false);
    parsed
}

impl From<(Vec<Entry>, Vec<Diagnostic>)> for Parsed {
    fn from((entries, diagnostics): (Vec<Entry>, Vec<Diagnostic>)) -> Parsed {
        Parsed {
            entries,
            diagnostics,
        }
    }
}

/// Parses bytes: invalid UTF-8 is decoded lossily, with a diagnostic.
pub fn parse_bytes(bytes: &[u8], source: &SourceId, format: Format) -> Parsed {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text, source, format),
        Err(error) => {
            let text = String::from_utf8_lossy(bytes);
            let line = bytes[..error.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            let mut parsed = parse(&text, source, format);
            parsed.diagnostics.insert(
                0,
                Diagnostic::warning(
                    source.as_str(),
                    u32::try_from(line).ok(),
                    "invalid-utf8",
                    "input is not valid UTF-8; bad bytes were replaced with U+FFFD",
                )
                .with_hint("save the file as UTF-8"),
            );
            parsed
        }
    }
}

/// Whether `text` has a byte-order mark or CR line ends, which
/// [`normalize_input`] removes.
fn needs_normalizing(text: &str) -> bool {
    text.starts_with('\u{feff}') || text.contains('\r')
}

/// Drops a byte-order mark and turns CRLF/CR line ends into LF, so line
/// numbers and raw text are the same whatever the input's convention.
fn normalize_input(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A format's lowering: the document's blocks, in order, handed to a sink a
/// part at a time.
pub(crate) type Lower = fn(&str, &blocks::LineIndex, &mut dyn FnMut(Vec<blocks::Block>));

/// Reads entries from the blocks of a document in one of the block formats.
/// `all_publications`: the document is a list of publications whatever its
/// headings say (a CSV's every row is one).
fn read_blocks(lower: Lower, text: &Arc<str>, source: &SourceId, all_publications: bool) -> Parsed {
    read_indexed(
        lower,
        text,
        source,
        all_publications,
        &blocks::LineIndex::new(text),
    )
}

/// [`read_blocks`] with the document's lines indexed already.
fn read_indexed(
    lower: Lower,
    text: &Arc<str>,
    source: &SourceId,
    all_publications: bool,
    index: &blocks::LineIndex,
) -> Parsed {
    let mut reader = document::Reader::new(source.as_str(), text, index);
    if all_publications {
        reader.assume_publications();
    }
    lower(text, index, &mut |blocks| reader.read(blocks));
    Parsed::from(reader.finish())
}

/// Reads a Markdown or text document; a static site's page for one
/// publication (its front matter) is one entry.
fn read_markdown(text: &Arc<str>, source: &SourceId) -> Parsed {
    let index = blocks::LineIndex::new(text);
    let Some(page) = frontmatter::publication_page(text, &index) else {
        return read_indexed(markdown::lower, text, source, false, &index);
    };
    let file = source.as_str();
    let mut reader = document::Reader::new(file, text, &index);
    reader.assume_publications();
    reader.read_entry(page.block);
    let (mut entries, mut diagnostics) = reader.finish();
    // The front matter says what the title is; the line rules may have cut it.
    if let [entry] = entries.as_mut_slice() {
        entry.title = paperlist_model::Excerpt::from(page.title.as_str());
        if let Some(kind) = page.kind {
            entry.kind = kind;
        }
    }
    for (line, note) in page.notes {
        diagnostics.push(Diagnostic::warning(file, Some(line), "front-matter", note));
    }
    if let Some((first, last)) = page.body {
        diagnostics.push(Diagnostic::info(
            file,
            Some(first),
            "skipped-text",
            format!(
                "lines {first}-{last}: the body of a publication page (its abstract) is not a list"
            ),
        ));
    }
    diagnostics.sort_by_key(|d| d.line);
    Parsed {
        entries,
        diagnostics,
    }
}

/// Reads a site's data file: its records as table rows under their groups'
/// headings, and a diagnostic for each record the YAML of which is broken.
fn read_site_data(text: &Arc<str>, source: &SourceId) -> Parsed {
    let index = blocks::LineIndex::new(text);
    let script = [".js", ".mjs", ".cjs", ".ts", ".jsx", ".tsx"]
        .iter()
        .any(|ext| source.as_str().to_ascii_lowercase().ends_with(ext));
    let sitedata::Lowered {
        blocks,
        errors,
        warnings,
    } = if script {
        sitedata::lower_script(text, &index)
    } else {
        sitedata::lower(text, &index)
    };
    let file = source.as_str();
    let mut reader = document::Reader::new(file, text, &index);
    reader.assume_publications();
    reader.read(blocks);
    let (entries, mut diagnostics) = reader.finish();
    if entries.is_empty() && errors.is_empty() {
        diagnostics.push(
            Diagnostic::warning(
                file,
                Some(1),
                "no-records",
                "no publication found: the data holds no mapping with a `title`",
            )
            .with_hint("each publication needs a `title`, with `authors`, `venue`, `year`, ..."),
        );
    }
    for (line, message) in warnings {
        diagnostics.push(Diagnostic::warning(file, Some(line), "author-ids", message));
    }
    for (line, message) in errors {
        diagnostics.push(
            Diagnostic::error(
                file,
                Some(line),
                "invalid-yaml",
                format!("not valid YAML ({message}): the record here is not read"),
            )
            .with_hint("check the indentation, and quote values that hold `: ` or start with `[`, `*` or `&`"),
        );
    }
    diagnostics.sort_by_key(|d| d.line);
    Parsed {
        entries,
        diagnostics,
    }
}

fn parse_paperlist_json(text: &str, source: &SourceId) -> Parsed {
    match Library::from_json(text) {
        Ok(library) => Parsed {
            entries: library.entries,
            diagnostics: library.diagnostics,
        },
        Err(error) => Parsed {
            entries: Vec::new(),
            diagnostics: vec![Diagnostic::error(
                source.as_str(),
                u32::try_from(error.line()).ok(),
                "invalid-json",
                format!("not paperlist JSON: {error}"),
            )],
        },
    }
}
