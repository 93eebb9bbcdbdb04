//! `paperlist enrich` and `paperlist dblp search`.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use paperlist_dblp::client::MIRRORS;
use paperlist_dblp::merge::MergeOptions;
use paperlist_dblp::{ClientOptions, DblpClient, EnrichOptions, RecordSource, ResponseFormat};
use paperlist_model::Severity;

use crate::{DblpSourceArgs, EnrichArgs, InputFormat, io, read_library};

/// The online client the arguments describe.
fn client(source: &DblpSourceArgs) -> Result<DblpClient> {
    if source.dblp_index.is_some() {
        bail!(
            "the offline dblp index is not available yet: use --dblp-url (or the default, dblp.org)"
        );
    }
    if source.rate.is_nan() || source.rate <= 0.0 {
        bail!("--rate must be above 0 (requests per second)");
    }
    let base_urls = match &source.dblp_url {
        Some(url) => vec![url.trim_end_matches('/').to_owned()],
        None => MIRRORS.iter().map(|m| (*m).to_owned()).collect(),
    };
    let cache_dir = if source.no_cache {
        None
    } else {
        source
            .cache_dir
            .clone()
            .or_else(|| dirs::cache_dir().map(|d| d.join("paperlist").join("dblp")))
    };
    let options = ClientOptions {
        base_urls,
        rate: source.rate,
        cache_dir,
        refresh: source.refresh,
        format: if source.response_format == "json" {
            ResponseFormat::Json
        } else {
            ResponseFormat::Xml
        },
        ..ClientOptions::default()
    };
    DblpClient::new(options).context("could not start the dblp client")
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("could not start the async runtime")
}

pub fn run(args: EnrichArgs) -> Result<ExitCode> {
    let mut library = read_library(&args.files, InputFormat::Auto)?;
    let client = client(&args.source)?;
    let options = EnrichOptions {
        merge: MergeOptions {
            prefer_dblp: args.prefer == "dblp",
        },
        ..EnrichOptions::default()
    };
    let total = library.entries.len() as u64;
    // A progress bar on a terminal; nothing when stderr is piped.
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(total);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} enriching {pos}/{len} entries [{bar:30}] {elapsed_precise} (eta {eta})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        Some(bar)
    } else {
        None
    };
    let started = Instant::now();
    let source = Arc::new(client.clone());
    let report = runtime()?.block_on(paperlist_dblp::enrich(
        &mut library,
        source,
        &options,
        &|done| {
            if let Some(bar) = &bar {
                bar.set_position(done as u64);
            }
        },
    ));
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let elapsed = started.elapsed();
    let stats = client.stats();
    eprintln!(
        "enriched {} entries in {:.1}s: {} matched, {} ambiguous, {} unmatched, {} failed; {} DOIs added; {} requests, {} cache hits, {} retries",
        library.entries.len(),
        elapsed.as_secs_f64(),
        report.matched,
        report.ambiguous,
        report.unmatched,
        report.failed,
        report.dois_added,
        stats.requests,
        stats.cache_hits,
        stats.retries
    );
    if let Some(path) = &args.report {
        let document = serde_json::json!({
            "summary": {
                "entries": library.entries.len(),
                "matched": report.matched,
                "ambiguous": report.ambiguous,
                "unmatched": report.unmatched,
                "failed": report.failed,
                "dois_added": report.dois_added,
                "queries": report.queries,
                "seconds": elapsed.as_secs_f64(),
                "client": stats,
            },
            "entries": report.entries,
        });
        let text =
            serde_json::to_string_pretty(&document).context("could not write the report")? + "\n";
        io::write_atomically(path, &text).context("could not write the report")?;
    }
    io::write_output(args.output.as_deref(), &library.to_json())
        .context("could not write the library")?;
    let problems = report.failed > 0
        || library.count(Severity::Error) > 0
        || (args.strict && (report.unmatched > 0 || report.ambiguous > 0));
    Ok(if problems {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn search(query: &str, hits: usize, source: &DblpSourceArgs) -> Result<ExitCode> {
    let client = client(source)?;
    let results = runtime()?
        .block_on(client.search(query, hits))
        .context("dblp search failed")?;
    println!("{} hits for {query:?}", results.total);
    for record in results.hits {
        let authors: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
        println!(
            "{}  {} ({} {})\n    {}{}",
            record.key,
            record.title,
            record.venue.as_deref().unwrap_or("?"),
            record.year.map(|y| y.to_string()).unwrap_or_default(),
            authors.join(", "),
            record
                .doi
                .as_ref()
                .map(|d| format!("\n    doi:{d}"))
                .unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}
