//! Parser memory, run by `cargo xtask bench parse`: parses the large Markdown
//! list `bench_parse` times and measures memory two ways, each over the input's
//! size:
//!
//! - peak heap: the most live heap bytes while parsing, above what was live
//!   before (the input itself), counted by a wrapper around the system allocator
//!   (peakmem-alloc; it forwards `realloc`, so a growing vector is counted as the
//!   system allocator grows it, not as a copy);
//! - peak resident memory: the process's high-water mark (`VmHWM`) above its
//!   resident size before parsing, allocator overhead included (Linux only).
//!
//! Usage: `bench_parse_memory MEGABYTES`.

use paperlist_parse::{Format, SourceId, parse_document};
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};
use std::alloc::System;
use std::sync::Arc;

#[path = "common/bench_input.rs"]
mod bench_input;

#[global_allocator]
static ALLOCATOR: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

/// A field of `/proc/self/status`, in bytes.
fn status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() {
    let megabytes: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5.0);
    // The input is held as the parser shares it with the entries' raw text.
    let input: Arc<str> = bench_input::build(megabytes).into();
    let source = SourceId::new("bench.md");
    let resident_before = status_bytes("VmRSS:");
    ALLOCATOR.reset_peak_memory();
    let parsed = parse_document(Arc::clone(&input), &source, Format::Markdown);
    let peak_heap = ALLOCATOR.get_peak_memory();
    let peak_resident = resident_before
        .zip(status_bytes("VmHWM:"))
        .map(|(before, peak)| peak.saturating_sub(before));
    let size = input.len() as f64;
    let resident = peak_resident.map_or_else(
        || "peak resident memory not available".to_owned(),
        |bytes| {
            format!(
                "peak resident memory {:.1} MB = {:.2}x input",
                bytes as f64 / 1e6,
                bytes as f64 / size
            )
        },
    );
    println!(
        "input {:.1} MB, {} entries: peak heap while parsing {:.1} MB = {:.2}x input; {resident}",
        size / 1e6,
        parsed.entries.len(),
        peak_heap as f64 / 1e6,
        peak_heap as f64 / size,
    );
}
