//! The parsers never panic: every fixture, mutated many ways, in every format.
//! (A coverage-guided fuzzer belongs to the reliability work; this runs in
//! `cargo test` on every change.)

use std::path::PathBuf;

use paperlist_parse::{Format, SourceId, parse_bytes};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SPLICES: &[&[u8]] = &[
    b"\xff\xfe",
    b"\r\n",
    b"\t",
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b"**",
    b"*",
    b"|",
    b";",
    b",",
    b"@article{",
    b"\\'{",
    b"\xc3\xa9",
    b"\xe2\x80\x94",
    b"\xf0\x9f\x98\x80",
    b"<u>",
    b"</u>",
    b"<br>",
    b"\n## ",
    b"\n### 2020\n",
    b"\n- ",
    b"[x](http://a.b/10.1/x)",
    b"\"",
    b"\\",
    b"\\item ",
    b"\\textbf{",
    b"\\'",
    b"%",
    b"\x00",
    b" and ",
    b": ",
    b"&anchor ",
    b"*anchor",
    b"\n  - title: ",
    b"\n- year: 2020\n  papers:\n",
    b"export const p = [{ title: 'x', ",
    b"`",
    b"/*",
    b"//",
];

fn fixtures() -> Vec<PathBuf> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"));
    let mut files = Vec::new();
    for dir in ["inputs", "parse"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("fixtures exist") {
            files.push(entry.expect("readable").path());
        }
    }
    files.sort();
    files
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 => bytes.truncate(at),
            1 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] = (rng.next() & 0xff) as u8;
            }
            2 => {
                let splice = SPLICES[rng.below(SPLICES.len())];
                bytes.splice(at..at, splice.iter().copied());
            }
            3 if !bytes.is_empty() => {
                let end = (at + rng.below(200)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            _ => {
                let line: Vec<u8> = std::iter::repeat_n(b"Name Family, ".as_slice(), 2000)
                    .flatten()
                    .copied()
                    .collect();
                bytes.splice(at..at, line);
            }
        }
    }
    bytes
}

const FORMATS: [Format; 16] = [
    Format::Auto,
    Format::Markdown,
    Format::Html,
    Format::Latex,
    Format::Org,
    Format::Jemdoc,
    Format::Asciidoc,
    Format::Csv,
    Format::Bibtex,
    Format::CslJson,
    Format::Ris,
    Format::Refer,
    Format::Medline,
    Format::JsonResume,
    Format::PaperlistJson,
    Format::SiteData,
];

#[test]
fn mutated_inputs_never_panic() {
    let files = fixtures();
    // One worker per core takes the next fixture; each fixture has its own
    // seed, so a failure reproduces whichever worker met it.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let runs: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut runs = 0;
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(path) = files.get(index) else {
                            break;
                        };
                        runs += fuzz_one(path, index as u64);
                    }
                    runs
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .expect("a fuzz worker panicked (the message is above)")
            })
            .sum()
    });
    assert!(runs > 100);
}

/// Parses one fixture and 39 mutations of it, in the formats in turn, and
/// checks the line numbers of what comes out. Returns the number of runs.
fn fuzz_one(path: &PathBuf, seed: u64) -> usize {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed.wrapping_mul(0x0100_0000_01B3));
    let original = std::fs::read(path).expect("fixture is readable");
    let mut runs = 0;
    for round in 0..40 {
        let input = if round == 0 {
            original.clone()
        } else {
            mutate(&mut rng, &original)
        };
        let format = FORMATS[round % FORMATS.len()];
        // Site data is read as a script's literal when the name says so.
        let name = if format == Format::SiteData && round % 2 == 1 {
            "fuzz.ts"
        } else {
            "fuzz"
        };
        let parsed = parse_bytes(&input, &SourceId::new(name), format);
        // Line ends as the parser counts them: LF, CRLF, and a lone CR.
        let lone_cr = input
            .windows(2)
            .filter(|pair| pair[0] == b'\r' && pair[1] != b'\n')
            .count()
            + usize::from(input.last() == Some(&b'\r'));
        let lines = (input.iter().filter(|b| **b == b'\n').count() + lone_cr) as u32 + 1;
        for diagnostic in &parsed.diagnostics {
            assert!(
                diagnostic.line.is_none_or(|l| l >= 1 && l <= lines),
                "{}: line out of range: {diagnostic}",
                path.display()
            );
        }
        for entry in &parsed.entries {
            assert!(
                entry.source.line >= 1 && entry.source.line <= lines,
                "{}: entry line {} out of range",
                path.display(),
                entry.source.line
            );
        }
        runs += 1;
    }
    runs
}

#[test]
fn edge_cases() {
    for input in [
        &b""[..],
        b"\n\n\n",
        b"\xef\xbb\xbf",
        b"#",
        b"@",
        b"[",
        b"{",
        b"<",
        b"- ",
        b"1.",
        b"\r\r\r",
        b"\xff",
    ] {
        for format in FORMATS {
            let _ = parse_bytes(input, &SourceId::new("edge"), format);
        }
    }
    let invalid = parse_bytes(
        b"## OSDI\n\n### 2018\n\nRay: A Framework \xff\xfe\nPhilipp Moritz, Ion Stoica\n",
        &SourceId::new("x"),
        Format::Markdown,
    );
    assert_eq!(invalid.diagnostics[0].code, "invalid-utf8");
    assert_eq!(invalid.diagnostics[0].line, Some(5));
    assert_eq!(
        invalid.entries.len(),
        1,
        "the rest of the file is still read"
    );
}
