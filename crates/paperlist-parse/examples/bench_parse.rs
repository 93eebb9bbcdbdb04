//! Parser throughput, run by `cargo xtask bench parse`: builds a large Markdown
//! reading list from the fixtures and parses it on one thread.
//!
//! Usage: `bench_parse MEGABYTES [ROUNDS]`. Prints the best of `ROUNDS` runs,
//! and, timed in the same run on the same input, a baseline: pulldown-cmark
//! walking every event without building anything. The ratio of the two does not
//! depend on how busy the (shared) machine is. Memory is measured apart, by
//! `bench_parse_memory`, because counting allocations slows them down.

use std::sync::Arc;
use std::time::{Duration, Instant};

use paperlist_parse::{Format, SourceId, parse_document};

#[path = "common/bench_input.rs"]
mod bench_input;

/// Best time of `rounds` runs of `f`.
fn best_of<T>(rounds: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..rounds {
        let start = Instant::now();
        let out = std::hint::black_box(f());
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.expect("at least one round"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let megabytes: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5.0);
    let rounds: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(3).max(1);
    let input: Arc<str> = bench_input::build(megabytes).into();
    let mb = input.len() as f64 / 1_000_000.0;

    let (baseline, events) = best_of(rounds, || {
        let options = pulldown_cmark::Options::ENABLE_TABLES;
        pulldown_cmark::Parser::new_ext(&input, options).count()
    });
    let source = SourceId::new("bench.md");
    let (best, parsed) = best_of(rounds, || {
        parse_document(Arc::clone(&input), &source, Format::Markdown)
    });

    let throughput = mb / best.as_secs_f64();
    let baseline_throughput = mb / baseline.as_secs_f64();
    println!(
        "input {mb:.1} MB, {} entries: parse best of {rounds} {:.3} s = {throughput:.2} MB/s; \
         baseline (pulldown-cmark, {events} events) {baseline_throughput:.1} MB/s; \
         parse takes {:.1}x the baseline's time",
        parsed.entries.len(),
        best.as_secs_f64(),
        best.as_secs_f64() / baseline.as_secs_f64(),
    );
}
