//! Enrichment of every seed fixture against the fake dblp server (bundled
//! records), snapshotted: each entry's decision, key, DOI and changed fields,
//! and the diagnostics enrichment raised.

#![allow(clippy::unwrap_used)]

use std::fmt::Write;
use std::path::PathBuf;
use std::sync::Arc;

use paperlist_dblp::fake::{FakeConfig, FakeDblp};
use paperlist_dblp::formats::parse_records;
use paperlist_dblp::{ClientOptions, DblpClient, EnrichOptions, enrich};
use paperlist_model::Library;
use paperlist_parse::{Format, SourceId, parse};

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeds_enriched_against_the_fake() {
    let mut records = Vec::new();
    for file in ["fixtures/dblp/records.xml", "fixtures/dblp/handmade.xml"] {
        records
            .extend(parse_records(&std::fs::read_to_string(root().join(file)).unwrap()).unwrap());
    }
    let fake = FakeDblp::start(records, FakeConfig::default(), 0)
        .await
        .unwrap();
    for name in [
        "aisys2023.md",
        "cv-duan.md",
        "homepage-miao.txt",
        "homepage-nie.md",
    ] {
        let text = std::fs::read_to_string(root().join("fixtures/inputs").join(name)).unwrap();
        let mut library: Library = parse(
            &text,
            &SourceId::new(format!("fixtures/inputs/{name}")),
            Format::Auto,
        )
        .into();
        library.diagnostics.clear();
        let client = DblpClient::new(ClientOptions {
            base_urls: vec![fake.url()],
            rate: 1000.0,
            ..ClientOptions::default()
        })
        .unwrap();
        let report = enrich(
            &mut library,
            Arc::new(client),
            &EnrichOptions::default(),
            &|_| {},
        )
        .await;
        let mut out = format!(
            "matched {}, ambiguous {}, unmatched {}, failed {}, DOIs added {}, queries {}\n",
            report.matched,
            report.ambiguous,
            report.unmatched,
            report.failed,
            report.dois_added,
            report.queries
        );
        for (entry, line) in library.entries.iter().zip(&report.entries) {
            let status = serde_json::to_value(line.status).unwrap();
            let _ = write!(
                out,
                "[{}] {} {}",
                entry.source.line,
                status.as_str().unwrap_or(""),
                entry.title
            );
            if let Some(score) = line.score {
                let _ = write!(out, " (score {score:.3})");
            }
            if let Some(key) = &line.dblp_key {
                let _ = write!(out, "\n    dblp {key}");
            }
            if let Some(doi) = entry.doi() {
                let _ = write!(out, " doi {doi}");
            }
            if !line.changed.is_empty() {
                let _ = write!(out, "\n    changed: {}", line.changed.join(", "));
            }
            out.push('\n');
        }
        out.push_str("--- diagnostics\n");
        for d in &library.diagnostics {
            let _ = writeln!(
                out,
                "{}:{} {}[{}] {}",
                d.file,
                d.line.unwrap_or(0),
                d.severity,
                d.code,
                d.message
            );
        }
        insta::assert_snapshot!(format!("enrich-{name}"), out);
    }
}
