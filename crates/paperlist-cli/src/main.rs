//! `paperlist`: turn publication lists into a clean, DBLP-verified bibliography.

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
}

#[derive(Debug, clap::Args)]
struct ParseArgs {
    /// Input files (`-` for standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Input format.
    #[arg(long, default_value = "auto", value_parser = ["auto", "markdown", "homepage", "cv", "html", "bibtex", "csl-json", "json"])]
    format: String,
    /// Write paperlist JSON here instead of standard output (written atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse(args),
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

fn parse(args: ParseArgs) -> Result<ExitCode> {
    let format: Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let mut library = Library::new();
    for file in &args.files {
        let bytes = io::read_input(file)?;
        let parsed = paperlist_parse::parse_bytes(&bytes, &SourceId::new(file.clone()), format);
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
    io::write_output(args.output.as_deref(), &library.to_json())
        .context("could not write the library")?;
    Ok(outcome(&library))
}
