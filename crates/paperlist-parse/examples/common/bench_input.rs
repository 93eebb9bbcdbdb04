//! The input both parser benchmarks read: a large Markdown reading list built
//! from the fixtures.

fn fixture(name: &str) -> String {
    let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Concatenates the list-like fixtures until the text has `megabytes` MB,
/// renaming headings in each copy so the document is not one text repeated.
pub fn build(megabytes: f64) -> String {
    let target_bytes = (megabytes * 1_000_000.0) as usize;
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
