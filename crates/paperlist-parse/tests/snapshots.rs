//! One snapshot per fixture: every entry and every diagnostic, rendered so a
//! regression in either shows up in review.

use std::fmt::Write;
use std::path::Path;

use paperlist_model::{Entry, Origin};
use paperlist_parse::{Format, Parsed, SourceId, parse_bytes};

/// Renders what a parse found, one block per entry, then the diagnostics.
fn render(parsed: &Parsed) -> String {
    let mut out = String::new();
    for entry in &parsed.entries {
        render_entry(&mut out, entry);
    }
    let _ = writeln!(out, "--- diagnostics");
    for d in &parsed.diagnostics {
        let line = d.line.map_or_else(String::new, |l| format!(":{l}"));
        let _ = writeln!(
            out,
            "{}{line} {}[{}] {}",
            d.file, d.severity, d.code, d.message
        );
    }
    out
}

fn origin(entry: &Entry, field: &str) -> &'static str {
    match entry.origin(field) {
        Some(Origin::Context) => " (heading)",
        Some(Origin::Derived) => " (derived)",
        _ => "",
    }
}

fn render_entry(out: &mut String, e: &Entry) {
    let kind = serde_json::to_value(e.kind).unwrap_or_default();
    let status = serde_json::to_value(e.status).unwrap_or_default();
    let _ = writeln!(
        out,
        "[{}] {} {} {}",
        e.source.line,
        e.key,
        kind.as_str().unwrap_or(""),
        status.as_str().unwrap_or("")
    );
    let _ = writeln!(out, "  title: {}", e.title);
    let authors: Vec<String> = e
        .authors
        .iter()
        .map(|p| {
            let mut name = p.name().to_owned();
            if p.equal_contribution {
                name.push('*');
            }
            if p.highlighted {
                name.push('!');
            }
            if let Some(aff) = &p.affiliation {
                let _ = write!(name, " ({aff})");
            }
            if let Some(pid) = p.dblp_pid() {
                let _ = write!(name, " [pid {pid}]");
            }
            name
        })
        .collect();
    if !authors.is_empty() {
        let more = if e.details.authors_truncated {
            "; et al."
        } else {
            ""
        };
        let _ = writeln!(out, "  authors: {}{more}", authors.join("; "));
    }
    if let Some(venue) = &e.venue {
        let _ = writeln!(out, "  venue: {venue}{}", origin(e, "venue"));
    }
    if let Some(year) = e.year {
        let _ = writeln!(out, "  year: {year}{}", origin(e, "year"));
    }
    for (name, value) in [
        ("doi", e.doi.as_ref().map(ToString::to_string)),
        ("arxiv", e.arxiv.as_ref().map(ToString::to_string)),
        ("dblp", e.details.dblp_key.as_ref().map(ToString::to_string)),
        ("volume", e.details.volume.clone()),
        ("number", e.details.number.clone()),
        ("pages", e.details.pages.as_ref().map(ToString::to_string)),
        ("url", e.url.clone()),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "  {name}: {value}{}", origin(e, name));
        }
    }
    for link in &e.links {
        let kind = serde_json::to_value(link.kind).unwrap_or_default();
        let _ = writeln!(out, "  link {}: {}", kind.as_str().unwrap_or(""), link.url);
    }
    for award in &e.details.awards {
        let _ = writeln!(out, "  award: {award}");
    }
    if !e.source.section.is_empty() {
        let _ = writeln!(out, "  section: {}", e.source.section.join(" > "));
    }
}

fn check(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let name = format!(
        "fixtures/{}",
        path.iter()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .map(|p| p.to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    );
    render(&parse_bytes(&bytes, &SourceId::new(name), Format::Auto))
}

#[test]
fn seed_inputs() {
    insta::glob!("../../../fixtures/inputs", "*.{md,txt}", |path| {
        if path.file_name().is_some_and(|n| n == "README.md") {
            return;
        }
        insta::assert_snapshot!(check(path));
    });
}

#[test]
fn parser_fixtures() {
    insta::glob!(
        "../../../fixtures/parse",
        "*.{md,txt,rst,org,jemdoc,adoc,bib,json,html,tex,csv,tsv,ris,enw,nbib,yml,yaml,cff,ts,js}",
        |path| {
            if path.file_name().is_some_and(|n| n == "README.md") {
                return;
            }
            insta::assert_snapshot!(check(path));
        }
    );
}
