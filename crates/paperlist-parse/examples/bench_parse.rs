//! Parser benchmark, run by `cargo xtask bench parse`: builds a large Markdown
//! reading list from the fixtures, parses it, and prints throughput and memory.
//!
//! Usage: `bench_parse MEGABYTES [ROUNDS]`. Memory is the process's peak resident
//! set (Linux `/proc/self/status`, VmHWM) minus what it held before parsing, over
//! the input's size.

use std::time::{Duration, Instant};

use paperlist_parse::{Format, SourceId, parse};

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

fn memory_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let megabytes: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5.0);
    let rounds: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(3);
    let input = build((megabytes * 1_000_000.0) as usize);
    let before = memory_kb("VmRSS:").unwrap_or(0);
    let mut best = Duration::MAX;
    let mut entries = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        let parsed = parse(&input, &SourceId::new("bench.md"), Format::Markdown);
        let elapsed = start.elapsed();
        entries = std::hint::black_box(parsed).entries.len();
        best = best.min(elapsed);
    }
    let peak = memory_kb("VmHWM:").unwrap_or(0);
    let mb = input.len() as f64 / 1_000_000.0;
    let extra_mb = peak.saturating_sub(before) as f64 / 1000.0;
    println!(
        "input {mb:.1} MB, {entries} entries: best of {rounds} {:.3} s = {:.2} MB/s; peak memory above input {extra_mb:.1} MB = {:.2}x input",
        best.as_secs_f64(),
        mb / best.as_secs_f64(),
        extra_mb / mb
    );
}
