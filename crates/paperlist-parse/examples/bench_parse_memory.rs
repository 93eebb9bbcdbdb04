//! Parser memory, run by `cargo xtask bench parse`: parses the large Markdown
//! list `bench_parse` times and counts heap bytes with a counting global
//! allocator (peak_alloc).
//!
//! Usage: `bench_parse_memory MEGABYTES`. Prints, over the input's size, the
//! peak of live heap bytes while parsing (above what was live before: the
//! input itself) and the heap the result keeps.

use paperlist_parse::{Format, SourceId, parse};
use peak_alloc::PeakAlloc;

#[path = "common/bench_input.rs"]
mod bench_input;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

fn main() {
    let megabytes: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5.0);
    let input = bench_input::build(megabytes);
    let source = SourceId::new("bench.md");
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let parsed = parse(&input, &source, Format::Markdown);
    let peak = ALLOCATOR.peak_usage().saturating_sub(before);
    let kept = ALLOCATOR.current_usage().saturating_sub(before);
    let size = input.len() as f64;
    println!(
        "input {:.1} MB, {} entries: peak heap while parsing {:.1} MB = {:.2}x input; \
         the result keeps {:.1} MB = {:.2}x input",
        size / 1e6,
        parsed.entries.len(),
        peak as f64 / 1e6,
        peak as f64 / size,
        kept as f64 / 1e6,
        kept as f64 / size,
    );
}
