//! CSV: one row per entry, authors joined with `; ` (and `; et al.` after a list
//! cut short), RFC 4180 quoting.

use paperlist_model::Library;
use serde_json::Value;

/// Options for [`to_csv`].
#[derive(Debug, Clone, Default)]
pub struct CsvOptions {}

const COLUMNS: &[&str] = &[
    "key",
    "kind",
    "title",
    "authors",
    "venue",
    "year",
    "status",
    "doi",
    "dblp_key",
    "arxiv",
    "url",
    "pages",
    "volume",
    "number",
    "publisher",
    "awards",
    "file",
    "line",
];

/// Writes the library as CSV with a header row.
pub fn to_csv(library: &Library, _options: &CsvOptions) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(COLUMNS);
    for entry in &library.entries {
        let label = |value: Value| value.as_str().unwrap_or_default().to_owned();
        let row = [
            entry.key.to_string(),
            label(serde_json::to_value(entry.kind).unwrap_or_default()),
            entry.title.to_string(),
            {
                let mut names: Vec<&str> = entry.authors.iter().map(|p| p.name()).collect();
                // A list cut short where it was written, as the CSV reader takes it back.
                if entry.details.authors_truncated {
                    names.push("et al.");
                }
                names.join("; ")
            },
            entry.venue.clone().unwrap_or_default(),
            entry.year.map(|y| y.to_string()).unwrap_or_default(),
            label(serde_json::to_value(entry.status).unwrap_or_default()),
            entry
                .doi
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            entry
                .details
                .dblp_key
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            entry
                .arxiv
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            entry.url.clone().unwrap_or_default(),
            entry
                .details
                .pages
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            entry.details.volume.clone().unwrap_or_default(),
            entry.details.number.clone().unwrap_or_default(),
            entry.details.publisher.clone().unwrap_or_default(),
            entry.details.awards.join("; "),
            entry.source.file.to_string(),
            entry.source.line.to_string(),
        ];
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
