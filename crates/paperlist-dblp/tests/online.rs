//! Online enrichment against the fake dblp server on 127.0.0.1:0: correctness on
//! the labelled set, politeness, failures, cache. No network beyond loopback.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use paperlist_dblp::fake::{FakeConfig, FakeDblp};
use paperlist_dblp::formats::parse_records;
use paperlist_dblp::{
    ClientOptions, DblpClient, DblpRecord, EnrichOptions, ResponseFormat, enrich,
};
use paperlist_model::{Entry, EntryKind, Library, MatchStatus, Person, Source, venue};

fn fixtures() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/dblp"))
}

fn records() -> Vec<DblpRecord> {
    let mut all = Vec::new();
    for file in ["records.xml", "handmade.xml"] {
        all.extend(
            parse_records(&std::fs::read_to_string(fixtures().join(file)).unwrap()).unwrap(),
        );
    }
    assert!(all.len() > 1500);
    all
}

/// The labelled entries and the right answer for each (`None`: should not match).
fn labelled() -> Vec<(Entry, Option<String>)> {
    let text = std::fs::read_to_string(fixtures().join("labels.tsv")).unwrap();
    text.lines()
        .skip(1)
        .enumerate()
        .map(|(i, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            let venue = Some(cols[2])
                .filter(|v| !v.is_empty())
                .map(|v| venue::lookup(v).map_or(v.to_owned(), |known| known.short.to_owned()));
            let entry = Entry {
                key: format!("e{i}").into(),
                kind: if venue.as_deref() == Some("arXiv") {
                    EntryKind::Preprint
                } else {
                    EntryKind::Misc
                },
                title: cols[0].into(),
                authors: cols[1]
                    .split(';')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(Person::new)
                    .collect(),
                venue,
                year: cols[3].parse().ok(),
                source: Source {
                    file: "labels.tsv".into(),
                    line: i as u32 + 2,
                    ..Source::default()
                },
                ..Entry::default()
            };
            (
                entry,
                Some(cols[4]).filter(|k| *k != "-").map(str::to_owned),
            )
        })
        .collect()
}

fn options(url: &str, rate: f64) -> ClientOptions {
    ClientOptions {
        base_urls: vec![url.to_owned()],
        rate,
        timeout: Duration::from_secs(5),
        backoff: Duration::from_millis(20),
        ..ClientOptions::default()
    }
}

fn library(entries: Vec<Entry>) -> Library {
    Library {
        entries,
        diagnostics: Vec::new(),
    }
}

/// The dblp key an entry was matched to, if any.
fn matched_key(entry: &Entry) -> Option<String> {
    entry
        .details
        .match_result
        .as_ref()
        .and_then(|m| m.dblp_key.as_ref())
        .map(|k| k.as_str().to_owned())
}

async fn run(client: &DblpClient, entries: Vec<Entry>) -> (Library, paperlist_dblp::EnrichReport) {
    run_with(client, entries, 4).await
}

async fn run_with(
    client: &DblpClient,
    entries: Vec<Entry>,
    concurrency: usize,
) -> (Library, paperlist_dblp::EnrichReport) {
    let mut lib = library(entries);
    let options = EnrichOptions {
        concurrency,
        ..EnrichOptions::default()
    };
    let report = enrich(&mut lib, Arc::new(client.clone()), &options, &|_| {}).await;
    (lib, report)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn precision_and_recall_on_the_labelled_set() {
    let fake = FakeDblp::start(records(), FakeConfig::default(), 0)
        .await
        .unwrap();
    let client = DblpClient::new(options(&fake.url(), 500.0)).unwrap();
    let labelled = labelled();
    let (lib, report) = run(&client, labelled.iter().map(|(e, _)| e.clone()).collect()).await;
    let mut matched = 0;
    let mut correct = 0;
    let mut positives = 0;
    let mut found = 0;
    let mut mistakes = Vec::new();
    for ((_, expected), entry) in labelled.iter().zip(&lib.entries) {
        let got = matched_key(entry);
        if expected.is_some() {
            positives += 1;
        }
        if let Some(got) = &got {
            matched += 1;
            if Some(got) == expected.as_ref() {
                correct += 1;
                found += 1;
            } else {
                mistakes.push(format!("{:?}: got {got}, want {expected:?}", entry.title));
            }
        } else if expected.is_some() {
            mistakes.push(format!(
                "{:?}: not matched ({:?}), want {expected:?}",
                entry.title,
                entry
                    .details
                    .match_result
                    .as_ref()
                    .and_then(|m| m.reason.clone())
            ));
        }
    }
    for mistake in &mistakes {
        eprintln!("  miss: {mistake}");
    }
    // Where the thresholds sit: the lowest score of a right match, and the
    // highest score any wrong record reached (negatives' best candidates, and
    // every candidate other than the right one).
    let mut lowest_right = f64::MAX;
    let mut highest_wrong: f64 = 0.0;
    let mut highest_other_title: f64 = 0.0;
    for ((_, expected), entry) in labelled.iter().zip(&lib.entries) {
        let Some(m) = &entry.details.match_result else {
            continue;
        };
        if let (Some(key), Some(score)) = (&m.dblp_key, m.score)
            && Some(key.as_str()) == expected.as_deref()
        {
            lowest_right = lowest_right.min(score);
        }
        for candidate in &m.candidates {
            if Some(candidate.dblp_key.as_str()) != expected.as_deref()
                && !candidate.dblp_key.is_corr()
            {
                highest_wrong = highest_wrong.max(candidate.score);
                if paperlist_model::normalize::normalize_title(&candidate.title)
                    != paperlist_model::normalize::normalize_title(&entry.title)
                {
                    highest_other_title = highest_other_title.max(candidate.score);
                }
            }
        }
        if let Some(runner_up) = m.runner_up.filter(|r| *r > 0.8) {
            eprintln!(
                "  close runner-up {runner_up:.3} for {:?} ({:?})",
                entry.title, m.reason
            );
        }
        if expected.is_none()
            && m.candidates.is_empty()
            && let Some(score) = m.score
        {
            highest_wrong = highest_wrong.max(score);
        }
    }
    eprintln!(
        "scores: lowest right match {lowest_right:.3}; highest wrong candidate {highest_wrong:.3} (same title, another venue), {highest_other_title:.3} with another title"
    );
    assert!(
        lowest_right > 0.8 && highest_other_title < 0.55,
        "the default thresholds sit between right and wrong scores"
    );
    let precision = correct as f64 / matched.max(1) as f64;
    let recall = found as f64 / positives.max(1) as f64;
    eprintln!(
        "labelled set: {} entries, {positives} with a right answer; matched {matched}, correct {correct}; precision {precision:.3}, recall {recall:.3}; queries {} ({:.2} per entry)",
        labelled.len(),
        report.queries,
        report.queries as f64 / labelled.len() as f64
    );
    assert!(
        precision >= 0.995,
        "precision {precision:.3}: {mistakes:#?}"
    );
    assert!(recall >= 0.95, "recall {recall:.3}: {mistakes:#?}");
    // The preprint got its published version, and kept its arXiv id where dblp had one.
    let preprint = &lib.entries[15];
    assert_eq!(preprint.venue.as_deref(), Some("NeurIPS"));
    assert_eq!(
        preprint.arxiv().map(|a| a.id().to_owned()).as_deref(),
        Some("1912.01703")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_and_retry_after_are_honoured() {
    let config = FakeConfig {
        rate_limit_every: Some(5),
        retry_after_seconds: 1,
        ..FakeConfig::default()
    };
    let fake = FakeDblp::start(records(), config, 0).await.unwrap();
    let rate = 8.0;
    let client = DblpClient::new(options(&fake.url(), rate)).unwrap();
    let entries: Vec<Entry> = labelled().into_iter().take(8).map(|(e, _)| e).collect();
    let started = Instant::now();
    let (lib, report) = run(&client, entries).await;
    let elapsed = started.elapsed();
    let stats = fake.stats();
    let client_stats = client.stats();
    eprintln!(
        "rate {rate}/s: {} requests, {} rate-limited, smallest gap {:.3}s, most in one second {}, took {elapsed:?}",
        stats.requests,
        client_stats.rate_limited,
        stats.min_gap_seconds.unwrap_or(0.0),
        stats.max_per_second
    );
    assert!(client_stats.rate_limited >= 1);
    assert_eq!(report.failed, 0, "{:?}", lib.diagnostics);
    // Gaps are measured where requests arrive: on a loaded machine one
    // request can arrive late and the next on time, so the bound allows half
    // the interval (without a limiter the gaps are a millisecond or less).
    assert!(
        stats.min_gap_seconds.unwrap() >= 0.5 / rate,
        "requests came closer than the rate allows"
    );
    // Each 429 paused everything for its Retry-After (1 s).
    assert!(elapsed >= Duration::from_secs(client_stats.rate_limited as u64));
    // Retry-After as an HTTP date works the same.
    let config = FakeConfig {
        rate_limit_every: Some(3),
        retry_after_seconds: 1,
        retry_after_as_date: true,
        ..FakeConfig::default()
    };
    let fake = FakeDblp::start(records(), config, 0).await.unwrap();
    let client = DblpClient::new(options(&fake.url(), 50.0)).unwrap();
    let (_, report) = run(
        &client,
        labelled().into_iter().take(4).map(|(e, _)| e).collect(),
    )
    .await;
    assert_eq!(report.failed, 0);
    assert!(client.stats().rate_limited >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_truncation_and_garbage_are_retried() {
    // Faults land on fixed request numbers; with one request at a time no request
    // can meet more of them in a row than it has retries.
    let config = FakeConfig {
        error_every: Some(3),
        truncate_every: Some(5),
        malformed_every: Some(7),
        unavailable_every: Some(11),
        retry_after_seconds: 0,
        ..FakeConfig::default()
    };
    let fake = FakeDblp::start(records(), config, 0).await.unwrap();
    let mut opts = options(&fake.url(), 500.0);
    opts.concurrency = 1;
    opts.retries = 6;
    let client = DblpClient::new(opts).unwrap();
    let labelled: Vec<(Entry, Option<String>)> = labelled().into_iter().take(12).collect();
    let (lib, report) = run_with(
        &client,
        labelled.iter().map(|(e, _)| e.clone()).collect(),
        1,
    )
    .await;
    assert_eq!(report.failed, 0, "{:?}", lib.diagnostics);
    assert!(client.stats().retries >= 3, "{:?}", client.stats());
    for ((_, expected), entry) in labelled.iter().zip(&lib.entries) {
        let got = matched_key(entry);
        assert_eq!(&got, expected, "{}", entry.title);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeouts_are_retried_and_mirrors_tried() {
    let config = FakeConfig {
        slow_every: Some(2),
        slow_delay: Duration::from_secs(2),
        ..FakeConfig::default()
    };
    let fake = FakeDblp::start(records(), config, 0).await.unwrap();
    let mut opts = options(&fake.url(), 500.0);
    opts.timeout = Duration::from_millis(400);
    // A dead mirror first: connection refused, then the fake.
    opts.base_urls = vec!["http://127.0.0.1:9".to_owned(), fake.url()];
    let client = DblpClient::new(opts).unwrap();
    let (lib, report) = run(
        &client,
        labelled().into_iter().take(3).map(|(e, _)| e).collect(),
    )
    .await;
    assert_eq!(report.failed, 0, "{:?}", lib.diagnostics);
    assert_eq!(report.matched, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_run_is_served_from_the_cache_and_bad_cache_files_are_refetched() {
    let fake = FakeDblp::start(records(), FakeConfig::default(), 0)
        .await
        .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut opts = options(&fake.url(), 500.0);
    opts.cache_dir = Some(cache.path().to_path_buf());
    let entries: Vec<Entry> = labelled().into_iter().take(10).map(|(e, _)| e).collect();
    let first = DblpClient::new(opts.clone()).unwrap();
    let (cold, _) = run(&first, entries.clone()).await;
    let cold_requests = fake.stats().requests;
    assert!(cold_requests > 0);
    let second = DblpClient::new(opts.clone()).unwrap();
    let (warm, _) = run(&second, entries.clone()).await;
    assert_eq!(
        fake.stats().requests,
        cold_requests,
        "a warm cache makes no request"
    );
    assert_eq!(second.stats().requests, 0);
    let keys = |lib: &Library| {
        lib.entries
            .iter()
            .map(|e| e.dblp_key().map(|k| k.as_str().to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&cold), keys(&warm));
    // Damage one cache file: it is detected, fetched again, and the answer is the same.
    let file = walk(cache.path()).into_iter().next().unwrap();
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.truncate(text.len() - 20);
    std::fs::write(&file, text).unwrap();
    let third = DblpClient::new(opts).unwrap();
    let (again, _) = run(&third, entries).await;
    assert_eq!(third.stats().corrupt_cache, 1);
    assert_eq!(third.stats().requests, 1);
    assert_eq!(keys(&again), keys(&cold));
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_server_fails_entries_but_the_run_goes_on() {
    let config = FakeConfig {
        error_every: Some(1),
        ..FakeConfig::default()
    };
    let fake = FakeDblp::start(records(), config, 0).await.unwrap();
    let mut opts = options(&fake.url(), 500.0);
    opts.retry_budget = 3;
    let client = DblpClient::new(opts).unwrap();
    let (lib, report) = run(
        &client,
        labelled().into_iter().take(4).map(|(e, _)| e).collect(),
    )
    .await;
    assert_eq!(report.failed, 4);
    assert!(lib.entries.iter().all(|e| {
        e.details
            .match_result
            .as_ref()
            .is_some_and(|m| m.status == MatchStatus::Failed)
    }));
    assert!(
        lib.entries.iter().all(|e| e.details.dblp_key.is_none()),
        "nothing is changed"
    );
    assert_eq!(
        lib.diagnostics
            .iter()
            .filter(|d| d.code == "dblp-lookup-failed")
            .count(),
        4
    );
    assert!(
        client.stats().requests <= 4 + 3 + 4,
        "the retry budget bounds the requests: {:?}",
        client.stats()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_answers_give_the_same_decisions() {
    let fake = FakeDblp::start(records(), FakeConfig::default(), 0)
        .await
        .unwrap();
    let entries: Vec<Entry> = labelled().into_iter().take(20).map(|(e, _)| e).collect();
    let xml = DblpClient::new(options(&fake.url(), 500.0)).unwrap();
    let mut json_options = options(&fake.url(), 500.0);
    json_options.format = ResponseFormat::Json;
    let json = DblpClient::new(json_options).unwrap();
    let (a, _) = run(&xml, entries.clone()).await;
    let (b, _) = run(&json, entries).await;
    for (x, y) in a.entries.iter().zip(&b.entries) {
        assert_eq!(x.dblp_key(), y.dblp_key(), "{}", x.title);
        assert_eq!(x.doi(), y.doi(), "{}", x.title);
    }
}
