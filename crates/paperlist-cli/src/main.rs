//! `paperlist`: turn publication lists into a clean, DBLP-verified bibliography.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turn the publication lists people write (Markdown reading lists, homepages,
/// CVs, BibTeX) into a clean, DBLP-verified bibliography.
#[derive(Debug, Parser)]
#[command(name = "paperlist", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => {
            // No subcommand yet does any work; say so instead of pretending.
            eprintln!("paperlist: no command given (see `paperlist --help`)");
            ExitCode::from(2)
        }
    }
}
