//! `paperlist`: turn publication lists into a clean, DBLP-verified bibliography.

mod enrich;
mod io;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use paperlist_model::citekey::KeyScheme;
use paperlist_model::{Library, Severity};
use paperlist_parse::{Format, SourceId};

/// Turn the publication lists people write (Markdown reading lists, homepages,
/// CVs, BibTeX) into a clean, DBLP-verified bibliography.
#[derive(Debug, Parser)]
#[command(name = "paperlist", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse publication lists into paperlist JSON.
    Parse(ParseArgs),
    /// Export a library (or any input) to BibTeX, BibLaTeX, CSL-JSON, RIS, Markdown, JSON or CSV.
    Export(ExportArgs),
    /// Find each entry in dblp and fill in DOI, dblp key, pages, venue, authors.
    Enrich(EnrichArgs),
    /// dblp tools.
    #[command(subcommand)]
    Dblp(DblpCommand),
}

#[derive(Debug, clap::Args)]
struct DblpSourceArgs {
    /// dblp base URL (a mirror, or a local fake); default: dblp.org with its mirrors.
    #[arg(long, env = "PAPERLIST_DBLP_URL", conflicts_with = "dblp_index")]
    dblp_url: Option<String>,
    /// An offline index built by `paperlist dblp index` (not available yet).
    #[arg(long)]
    dblp_index: Option<PathBuf>,
    /// Requests per second to dblp.
    #[arg(long, default_value_t = 1.0)]
    rate: f64,
    /// Where dblp's answers are cached (default: the platform cache directory).
    #[arg(long)]
    cache_dir: Option<PathBuf>,
    /// Do not read or write the cache.
    #[arg(long)]
    no_cache: bool,
    /// Ask dblp again even for cached answers (and cache the new ones).
    #[arg(long)]
    refresh: bool,
    /// Search response format to ask dblp for.
    #[arg(long, default_value = "xml", value_parser = ["xml", "json"])]
    response_format: String,
}

#[derive(Debug, clap::Args)]
struct EnrichArgs {
    /// Inputs: paperlist JSON or any format `parse` reads (`-` for standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Write the enriched library here instead of standard output (written atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    source: DblpSourceArgs,
    /// Write a per-entry report (decision, score breakdown, queries, changes) as JSON.
    #[arg(long)]
    report: Option<PathBuf>,
    /// When dblp disagrees with the input (year, venue, authors), take dblp's value.
    #[arg(long, value_parser = ["input", "dblp"], default_value = "input")]
    prefer: String,
    /// Exit 1 when an entry stays unmatched or ambiguous.
    #[arg(long)]
    strict: bool,
    /// Score at or above which the best candidate can be matched.
    #[arg(long, default_value_t = 0.80)]
    accept: f64,
    /// How far the best candidate must be ahead of the best different paper.
    #[arg(long, default_value_t = 0.10)]
    margin: f64,
}

#[derive(Debug, Subcommand)]
enum DblpCommand {
    /// Search dblp and print the hits.
    Search {
        /// The query.
        query: String,
        /// How many hits.
        #[arg(long, default_value_t = 10)]
        hits: usize,
        #[command(flatten)]
        source: DblpSourceArgs,
    },
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// Inputs: paperlist JSON or any format `parse` reads (`-` for standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Output format.
    #[arg(long, value_parser = ["bibtex", "biblatex", "csl-json", "ris", "markdown", "json", "csv"])]
    to: String,
    /// Write here instead of standard output (written atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Citation keys: `author-year-title` (moritz2018ray, the input's own keys kept) or `dblp` (DBLP:conf/osdi/...).
    #[arg(long, default_value = "author-year-title", value_parser = ["author-year-title", "dblp"])]
    key_scheme: String,
    /// Markdown grouping.
    #[arg(long, default_value = "venue", value_parser = ["venue", "year", "none"])]
    group_by: String,
    /// BibTeX/BibLaTeX: write accented letters as LaTeX accents instead of Unicode.
    #[arg(long)]
    ascii: bool,
}

#[derive(Debug, clap::Args)]
struct ParseArgs {
    /// Input files (`-` for standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Input format.
    #[arg(long, default_value = "auto", value_parser = ["auto", "markdown", "rst", "homepage", "cv", "html", "latex", "org", "jemdoc", "asciidoc", "csv", "bibtex", "csl-json", "ris", "refer", "medline", "json-resume", "json", "yaml", "dblp"])]
    format: String,
    /// Write paperlist JSON here instead of standard output (written atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse(args),
        Command::Export(args) => export(args),
        Command::Enrich(args) => enrich::run(args),
        Command::Dblp(DblpCommand::Search {
            query,
            hits,
            source,
        }) => enrich::search(&query, hits, &source),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("paperlist: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Exit code 1 when the library has errors worth a look, else 0.
fn outcome(library: &Library) -> ExitCode {
    if library.count(Severity::Error) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What an input is read as: a format of `paperlist-parse`, or dblp's own
/// XML (a saved person page, record or search result), which the dblp crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InputFormat {
    /// dblp XML when the content is, else the parser's detection.
    Auto,
    /// dblp XML.
    Dblp,
    /// One of the parser's formats.
    Parse(Format),
}

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(match text {
            "auto" => InputFormat::Auto,
            "dblp" | "dblp-xml" => InputFormat::Dblp,
            other => InputFormat::Parse(other.parse()?),
        })
    }
}

/// Reads inputs of any supported format into one library, with a summary line per file.
pub(crate) fn read_library(files: &[String], format: InputFormat) -> Result<Library> {
    let mut library = Library::new();
    for file in files {
        let bytes = io::read_input(file)?;
        let source = SourceId::new(file.clone());
        let dblp = match format {
            InputFormat::Dblp => true,
            InputFormat::Auto => {
                std::str::from_utf8(&bytes).is_ok_and(paperlist_dblp::input::looks_like_dblp_xml)
            }
            InputFormat::Parse(_) => false,
        };
        let format = match format {
            InputFormat::Parse(format) => format,
            InputFormat::Auto | InputFormat::Dblp => Format::Auto,
        };
        // Valid UTF-8 moves into the one shared copy the entries' raw text cuts from.
        let parsed = match String::from_utf8(bytes) {
            Ok(text) if dblp => {
                let (entries, diagnostics) = paperlist_dblp::input::read_dblp_xml(&text, file);
                paperlist_parse::Parsed {
                    entries,
                    diagnostics,
                }
            }
            Ok(text) => paperlist_parse::parse_document(text.into(), &source, format),
            Err(error) => paperlist_parse::parse_bytes(error.as_bytes(), &source, format),
        };
        let count = |severity| {
            parsed
                .diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .count()
        };
        eprintln!(
            "{file}: {} entries, {} warnings, {} errors",
            parsed.entries.len(),
            count(Severity::Warning),
            count(Severity::Error)
        );
        library.extend(parsed.into());
    }
    library.assign_keys(KeyScheme::AuthorYearTitle);
    Ok(library)
}

fn parse(args: ParseArgs) -> Result<ExitCode> {
    let format: InputFormat = args.format.parse().map_err(anyhow::Error::msg)?;
    let library = read_library(&args.files, format)?;
    io::write_output(args.output.as_deref(), &library.to_json())
        .context("could not write the library")?;
    Ok(outcome(&library))
}

fn export(args: ExportArgs) -> Result<ExitCode> {
    use paperlist_export::{bibtex, csl, csv, json, markdown, ris};
    let library = read_library(&args.files, InputFormat::Auto)?;
    let key_scheme: KeyScheme = args.key_scheme.parse().map_err(anyhow::Error::msg)?;
    let bib_options = bibtex::BibtexOptions {
        key_scheme,
        ascii: args.ascii,
    };
    let text = match args.to.as_str() {
        "bibtex" => bibtex::to_bibtex(&library, &bib_options),
        "biblatex" => bibtex::to_biblatex(&library, &bib_options),
        "csl-json" => csl::to_csl_json(&library, &csl::CslOptions { key_scheme }),
        "ris" => ris::to_ris(&library, &ris::RisOptions { key_scheme }),
        "markdown" => {
            let group_by = args.group_by.parse().map_err(anyhow::Error::msg)?;
            markdown::to_markdown(
                &library,
                &markdown::MarkdownOptions {
                    group_by,
                    ..Default::default()
                },
            )
        }
        "json" => json::to_json(&library),
        "csv" => csv::to_csv(&library, &csv::CsvOptions::default()),
        other => anyhow::bail!("unknown output format {other:?}"),
    };
    io::write_output(args.output.as_deref(), &text).context("could not write the export")?;
    Ok(outcome(&library))
}
