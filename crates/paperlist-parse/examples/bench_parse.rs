//! Parser benchmark, run by `cargo xtask bench parse`: builds a large Markdown
//! reading list from the fixtures, parses it, and prints throughput and memory.
//!
//! Usage: `bench_parse MEGABYTES [ROUNDS]`.
//!
//! - Throughput is the best of `ROUNDS` runs on one thread. The same run also
//!   times a baseline on the same input, pulldown-cmark walking every event
//!   without building anything, so the figure can be read as a ratio that does
//!   not depend on how busy the (shared) machine is.
//! - Memory is counted by a global allocator wrapper: the peak of live heap bytes
//!   while parsing, above what was live before (the input itself), over the input
//!   size; and the heap the result keeps, over the input size.

use std::time::{Duration, Instant};

use paperlist_parse::{Format, SourceId, parse};
use peak_alloc::PeakAlloc;

/// Counts live heap bytes and their peak.
#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

fn fixture(name: &str) -> String {
    let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Concatenates the list-like fixtures, renaming headings in each copy so the
/// document is not one text repeated.
fn build(target_bytes: usize) -> String {
    let sources = [
        fixture("inputs/aisys2023.md"),
        fixture("inputs/cv-duan.md"),
        fixture("inputs/homepage-nie.md"),
        fixture("parse/awesome-list.md"),
        fixture("parse/table.md"),
    ];
    let mut out = String::with_capacity(target_bytes + 100_000);
    let mut copy = 0;
    while out.len() < target_bytes {
        for source in &sources {
            for line in source.lines() {
                if line.starts_with("# ") {
                    out.push_str(&format!("{line} (part {copy})\n"));
                } else {
                    out.push_str(line);
                    out.push('\n');
                }
            }
            out.push('\n');
        }
        copy += 1;
    }
    out
}

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
    let input = build((megabytes * 1_000_000.0) as usize);
    let mb = input.len() as f64 / 1_000_000.0;

    let (baseline, events) = best_of(rounds, || {
        let options = pulldown_cmark::Options::ENABLE_TABLES;
        pulldown_cmark::Parser::new_ext(&input, options).count()
    });

    let source = SourceId::new("bench.md");
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let start = Instant::now();
    let parsed = parse(&input, &source, Format::Markdown);
    let mut best = start.elapsed();
    let peak = ALLOCATOR.peak_usage() - before;
    let kept = ALLOCATOR.current_usage() - before;
    let entries = parsed.entries.len();
    drop(parsed);
    if rounds > 1 {
        let (more, _) = best_of(rounds - 1, || parse(&input, &source, Format::Markdown));
        best = best.min(more);
    }

    let throughput = mb / best.as_secs_f64();
    let baseline_throughput = mb / baseline.as_secs_f64();
    println!(
        "input {mb:.1} MB, {entries} entries: parse best of {rounds} {:.3} s = {throughput:.2} MB/s; \
         baseline (pulldown-cmark, {events} events) {baseline_throughput:.1} MB/s; \
         parse takes {:.1}x the baseline's time",
        best.as_secs_f64(),
        best.as_secs_f64() / baseline.as_secs_f64(),
    );
    println!(
        "memory: peak heap while parsing {:.1} MB = {:.2}x input; result keeps {:.1} MB = {:.2}x input",
        peak as f64 / 1e6,
        peak as f64 / input.len() as f64,
        kept as f64 / 1e6,
        kept as f64 / input.len() as f64,
    );
}
