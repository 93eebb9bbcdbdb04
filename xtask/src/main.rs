//! `cargo xtask`: paperlist's project tasks (matklad's xtask convention).
//!
//! - `cargo xtask ci`: everything CI checks: formatting, clippy with `-D warnings`,
//!   the architecture invariants and the whole test suite.
//! - `cargo xtask invariants`: only the architecture invariants of `docs/architecture.md`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    match task {
        "ci" => ci(!args.iter().any(|a| a == "--skip-interop")),
        "invariants" => invariants(),
        "bench" => bench(args.get(1).map(String::as_str).unwrap_or("parse")),
        "interop" => interop(Binary::Release),
        "pipeline" => pipeline(),
        "fake-dblp" => fake_dblp(&args[1..]),
        "help" | "--help" | "-h" => {
            println!("{HELP}");
            Ok(())
        }
        other => bail!("unknown task {other:?}\n\n{HELP}"),
    }
}

const HELP: &str = "cargo xtask TASK

tasks:
  ci          formatting, clippy -D warnings, architecture invariants, all tests, interop
              (--skip-interop leaves out the third-party tool checks, which need root to install)
  invariants  check the crate dependency and I/O invariants of docs/architecture.md
  bench parse parser throughput (vs a pulldown-cmark baseline) and memory on 5 MB and 50 MB generated lists
  interop     export every fixture and check the files with pandoc, bibtex, biber, bibtexparser, rispy
  pipeline    the main job on the bundled data: parse the seed lists, enrich them from the bundled
              dblp data (served by the fake dblp server), export every format to target/pipeline/
  fake-dblp   serve dblp data on 127.0.0.1 for trying `paperlist enrich --dblp-url` here:
              [--data FILE.xml]... [--port N] [--rate-limit-every K --retry-after S] [--error-every K]";

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn cargo() -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command.current_dir(project_root());
    command
}

fn run(mut command: Command, what: &str) -> Result<()> {
    eprintln!("==> {what}");
    let status = command
        .status()
        .with_context(|| format!("could not start {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

fn ci(with_interop: bool) -> Result<()> {
    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--", "--check"]);
    run(fmt, "cargo fmt --check")?;

    let mut clippy = cargo();
    clippy.args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]);
    run(clippy, "cargo clippy -D warnings")?;

    invariants()?;

    let mut test = cargo();
    test.args(["test", "--workspace", "--locked"]);
    run(test, "cargo test")?;
    if with_interop {
        // The test run above built the command line (its integration tests run
        // it): checking that build saves a release build of the whole workspace.
        interop(Binary::Tested)?;
    }
    eprintln!("==> ci: all checks passed");
    Ok(())
}

fn bench(what: &str) -> Result<()> {
    match what {
        "parse" => {
            for (example, what, rounds) in [
                // Throughput is the best of three runs; memory is one run's peak.
                ("bench_parse", "throughput", Some("3")),
                ("bench_parse_memory", "memory", None),
            ] {
                for megabytes in ["5", "50"] {
                    let mut command = cargo();
                    command.args([
                        "run",
                        "--quiet",
                        "--release",
                        "--package",
                        "paperlist-parse",
                        "--example",
                        example,
                        "--",
                        megabytes,
                    ]);
                    command.args(rounds);
                    run(command, &format!("parse {what}, {megabytes} MB"))?;
                }
            }
            Ok(())
        }
        other => bail!("unknown benchmark {other:?} (known: parse)"),
    }
}

/// Builds the `paperlist` binary (release) and returns its path.
fn build_paperlist(root: &Path) -> Result<PathBuf> {
    let mut build = cargo();
    build.args([
        "build",
        "--quiet",
        "--release",
        "--package",
        "paperlist-cli",
    ]);
    run(build, "build paperlist (release)")?;
    Ok(root.join("target/release/paperlist"))
}

/// The main job on the bundled data: every seed document is parsed into one
/// library (paperlist JSON) and exported to every format, in `target/pipeline/`.
fn pipeline() -> Result<()> {
    let root = project_root();
    let binary = build_paperlist(&root)?;
    let out = root.join("target/pipeline");
    std::fs::create_dir_all(&out)?;
    // Relative paths, so the library records `fixtures/inputs/...` as each entry's file.
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures/inputs"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .filter_map(|p| p.strip_prefix(&root).ok().map(Path::to_path_buf))
        .collect();
    inputs.sort();
    let library = out.join("library.json");
    let mut parse = Command::new(&binary);
    parse
        .current_dir(&root)
        .arg("parse")
        .args(&inputs)
        .arg("-o")
        .arg(&library);
    eprintln!("==> paperlist parse fixtures/inputs/* -o target/pipeline/library.json");
    let status = parse.status().context("could not run paperlist parse")?;
    if status.code() == Some(2) || status.code().is_none() {
        bail!("paperlist parse failed ({status})");
    }
    // Enrich from the bundled dblp data, served on loopback by the fake server
    // (dblp itself cannot be reached from CI); 20 requests/s keeps it quick.
    let records = fixture_records(&[
        root.join("fixtures/dblp/records.xml"),
        root.join("fixtures/dblp/handmade.xml"),
    ])?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let fake = runtime.block_on(paperlist_dblp::fake::FakeDblp::start(
        records,
        Default::default(),
        0,
    ))?;
    let enriched = out.join("library.enriched.json");
    eprintln!(
        "==> paperlist enrich target/pipeline/library.json --dblp-url {} (bundled dblp data)",
        fake.url()
    );
    let status = Command::new(&binary)
        .arg("enrich")
        .arg(&library)
        .args(["--dblp-url", &fake.url(), "--rate", "20", "--cache-dir"])
        .arg(out.join("dblp-cache"))
        .arg("--report")
        .arg(out.join("enrich-report.json"))
        .arg("-o")
        .arg(&enriched)
        .status()
        .context("could not run paperlist enrich")?;
    let seen = fake.stats();
    drop(fake);
    let floor = seen.requests as f64 / 20.0;
    eprintln!(
        "    dblp side: {} requests; smallest gap between two {:.3}s (limit 0.050s); at most {} in any second (limit 20); rate-limit floor {floor:.1}s",
        seen.requests,
        seen.min_gap_seconds.unwrap_or(0.0),
        seen.max_per_second
    );
    if status.code() == Some(2) || status.code().is_none() {
        bail!("paperlist enrich failed ({status})");
    }
    let library = enriched;
    for (to, file) in [
        ("bibtex", "library.bib"),
        ("biblatex", "library.biblatex.bib"),
        ("csl-json", "library.csl.json"),
        ("ris", "library.ris"),
        ("markdown", "library.md"),
        ("csv", "library.csv"),
    ] {
        let status = Command::new(&binary)
            .args(["export"])
            .arg(&library)
            .args(["--to", to, "-o"])
            .arg(out.join(file))
            .stderr(std::process::Stdio::null())
            .status()
            .context("could not run paperlist export")?;
        if status.code() == Some(2) || status.code().is_none() {
            bail!("paperlist export --to {to} failed ({status})");
        }
        eprintln!("==> paperlist export --to {to:<9} -> target/pipeline/{file}");
    }
    eprintln!("==> pipeline done: outputs in {}", out.display());
    Ok(())
}

fn fixture_records(files: &[PathBuf]) -> Result<Vec<paperlist_dblp::DblpRecord>> {
    let mut records = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("could not read {}", file.display()))?;
        records.extend(
            paperlist_dblp::formats::parse_records(&text)
                .with_context(|| format!("could not read {}", file.display()))?,
        );
    }
    Ok(records)
}

/// Serves dblp data on loopback until interrupted.
fn fake_dblp(args: &[String]) -> Result<()> {
    let root = project_root();
    let mut data = Vec::new();
    let mut port = 8080u16;
    let mut config = paperlist_dblp::fake::FakeConfig {
        retry_after_seconds: 2,
        ..Default::default()
    };
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--data" => data.push(PathBuf::from(value)),
            "--port" => port = value.parse().context("--port takes a number")?,
            "--rate-limit-every" => {
                config.rate_limit_every =
                    Some(value.parse().context("--rate-limit-every takes a number")?)
            }
            "--retry-after" => {
                config.retry_after_seconds = value.parse().context("--retry-after takes seconds")?
            }
            "--error-every" => {
                config.error_every = Some(value.parse().context("--error-every takes a number")?)
            }
            other => bail!("unknown option {other:?} for fake-dblp"),
        }
        i += 2;
    }
    if data.is_empty() {
        data = vec![
            root.join("fixtures/dblp/records.xml"),
            root.join("fixtures/dblp/handmade.xml"),
        ];
    }
    let records = fixture_records(&data)?;
    let count = records.len();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let fake = paperlist_dblp::fake::FakeDblp::start(records, config, port).await?;
        eprintln!("fake dblp serving {count} records at {} (Ctrl-C to stop)", fake.url());
        eprintln!("try: cargo run -p paperlist-cli -- enrich fixtures/inputs/aisys2023.md --dblp-url {} --rate 5", fake.url());
        tokio::signal::ctrl_c().await?;
        let stats = fake.stats();
        eprintln!("served {} requests ({} searches, {} records)", stats.requests, stats.searches, stats.records);
        Ok::<(), anyhow::Error>(())
    })
}

/// What one tool said about one export.
struct Check {
    fixture: String,
    tool: &'static str,
    ok: bool,
    detail: String,
}

/// Each fixture's checks, by the fixture's place in the sorted list.
type FixtureChecks = Vec<(usize, Vec<Check>)>;

/// Which `paperlist` binary interop checks.
#[derive(Debug, Clone, Copy)]
enum Binary {
    /// Build it in release mode.
    Release,
    /// The one `cargo test` built for the command line's integration tests
    /// (built again, in release mode, if it is missing).
    Tested,
}

fn interop(which: Binary) -> Result<()> {
    let root = project_root();
    let mut install = Command::new("bash");
    install.arg(root.join("scripts/install-interop-tools.sh"));
    run(install, "install interop tools")?;
    let tested = root.join("target/debug/paperlist");
    let binary = match which {
        Binary::Tested if tested.is_file() => tested,
        Binary::Tested | Binary::Release => build_paperlist(&root)?,
    };
    let work = root.join("target/interop");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let mut fixtures = Vec::new();
    for dir in ["fixtures/inputs", "fixtures/parse"] {
        for entry in std::fs::read_dir(root.join(dir))? {
            let path = entry?.path();
            if path.file_name().is_some_and(|n| n != "README.md") {
                fixtures.push(path);
            }
        }
    }
    fixtures.sort();
    // The checks run external tools one fixture at a time; a worker per core
    // takes the next fixture.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let results: Vec<Result<FixtureChecks>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut checks = Vec::new();
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(fixture) = fixtures.get(index) else {
                            break;
                        };
                        checks.push((index, check_fixture(&root, &binary, &work, fixture)?));
                    }
                    Ok(checks)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("an interop worker panicked")))
            })
            .collect()
    });
    let mut by_fixture = Vec::new();
    for result in results {
        by_fixture.extend(result?);
    }
    by_fixture.sort_by_key(|(index, _)| *index);
    let checks: Vec<Check> = by_fixture.into_iter().flat_map(|(_, c)| c).collect();
    let failed = checks.iter().filter(|c| !c.ok).count();
    for check in &checks {
        eprintln!(
            "  {} {:<22} {:<28} {}",
            if check.ok { "ok  " } else { "FAIL" },
            check.fixture,
            check.tool,
            check.detail
        );
    }
    if failed > 0 {
        bail!(
            "interop: {failed} of {} checks failed (files in {})",
            checks.len(),
            work.display()
        );
    }
    eprintln!("==> interop: all {} checks passed", checks.len());
    Ok(())
}

/// Exports one fixture in every format and checks the files with the tools.
fn check_fixture(root: &Path, binary: &Path, work: &Path, fixture: &Path) -> Result<Vec<Check>> {
    let mut checks = Vec::new();
    let name = fixture
        .file_name()
        .map(|n| n.to_string_lossy().replace('.', "-"))
        .unwrap_or_default();
    let export = |to: &str, extension: &str| -> Result<PathBuf> {
        let out = work.join(format!("{name}.{extension}"));
        let status = Command::new(binary)
            .args([
                "export",
                &fixture.to_string_lossy(),
                "--to",
                to,
                "-o",
                &out.to_string_lossy(),
            ])
            .stderr(std::process::Stdio::null())
            .status()
            .with_context(|| format!("could not run {}", binary.display()))?;
        if status.code() == Some(2) {
            bail!("paperlist export {} --to {to} failed", fixture.display());
        }
        Ok(out)
    };
    let json = export("json", "json")?;
    let entries = std::fs::read_to_string(&json)?
        .matches("\n      \"key\": ")
        .count();
    if entries == 0 {
        return Ok(checks);
    }
    let bib = export("bibtex", "bib")?;
    let biblatex = export("biblatex", "biblatex.bib")?;
    let csl = export("csl-json", "csl.json")?;
    let ris = export("ris", "ris")?;
    for (tool, bibliography) in [("pandoc (BibTeX)", &bib), ("pandoc (CSL-JSON)", &csl)] {
        checks.push(pandoc(work, &name, tool, bibliography, entries)?);
    }
    checks.push(bibtex(work, &bib, entries)?);
    checks.push(biber(&biblatex)?);
    let output = Command::new("python3")
        .arg(root.join("xtask/interop/read_back.py"))
        .args([&json, &bib, &ris])
        .output()
        .context("could not run python3")?;
    let text = String::from_utf8_lossy(&output.stdout)
        .trim()
        .replace('\n', "; ");
    checks.push(Check {
        fixture: name.clone(),
        tool: "bibtexparser + rispy",
        ok: output.status.success(),
        detail: text,
    });
    Ok(checks)
}

/// pandoc renders every reference of the bibliography, with no warning.
fn pandoc(
    work: &Path,
    name: &str,
    tool: &'static str,
    bibliography: &Path,
    entries: usize,
) -> Result<Check> {
    let document = work.join(format!("{name}-cite.md"));
    std::fs::write(&document, "---\nnocite: |\n  @*\n---\n\n# References\n")?;
    let output = Command::new("pandoc")
        .args(["--citeproc", "--to", "html"])
        .arg("--bibliography")
        .arg(bibliography)
        .arg(&document)
        .output()
        .context("could not run pandoc")?;
    let html = String::from_utf8_lossy(&output.stdout);
    let rendered = html.matches("id=\"ref-").count();
    let warnings = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    let ok = output.status.success() && rendered == entries && warnings.is_empty();
    let detail = format!(
        "{rendered}/{entries} references rendered{}",
        if warnings.is_empty() {
            String::new()
        } else {
            format!(
                "; stderr: {}",
                warnings.lines().take(3).collect::<Vec<_>>().join(" | ")
            )
        }
    );
    Ok(Check {
        fixture: name.to_owned(),
        tool,
        ok,
        detail,
    })
}

/// bibtex with the plain style reads every entry without an error; warnings
/// about empty fields are data the input did not have, others fail the check.
fn bibtex(work: &Path, bib: &Path, entries: usize) -> Result<Check> {
    let stem = bib
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    std::fs::write(
        work.join(format!("{stem}.aux")),
        format!("\\relax\n\\citation{{*}}\n\\bibdata{{{stem}}}\n\\bibstyle{{plain}}\n"),
    )?;
    let output = Command::new("bibtex")
        .arg(&stem)
        .current_dir(work)
        .output()
        .context("could not run bibtex")?;
    let log = std::fs::read_to_string(work.join(format!("{stem}.blg"))).unwrap_or_default();
    let bbl = std::fs::read_to_string(work.join(format!("{stem}.bbl"))).unwrap_or_default();
    let items = bbl.matches("\\bibitem").count();
    let warnings: Vec<&str> = log.lines().filter(|l| l.starts_with("Warning--")).collect();
    let (gaps, other): (Vec<&str>, Vec<&str>) = warnings
        .iter()
        .partition(|w| w.starts_with("Warning--empty ") || w.contains("to sort, need"));
    let errors = log.lines().filter(|l| l.contains("error message")).count();
    let ok = output.status.code().is_some_and(|c| c <= 1)
        && errors == 0
        && other.is_empty()
        && items == entries;
    let detail = format!(
        "{items}/{entries} items, {errors} errors, {} field-missing warnings{}",
        gaps.len(),
        if other.is_empty() {
            String::new()
        } else {
            format!(
                ", other warnings: {}",
                other
                    .iter()
                    .take(3)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" | ")
            )
        }
    );
    Ok(Check {
        fixture: stem,
        tool: "bibtex (plain.bst)",
        ok,
        detail,
    })
}

/// biber validates the BibLaTeX export against its data model.
fn biber(biblatex: &Path) -> Result<Check> {
    // biber replaces its output file (write, then rename): never point it at
    // /dev/null, which it would turn into a regular file for every process after.
    let checked = biblatex.with_extension("biber.bib");
    let output = Command::new("biber")
        .args(["--tool", "--validate-datamodel", "--nolog", "--output-file"])
        .arg(&checked)
        .arg(biblatex)
        .output()
        .context("could not run biber")?;
    let text = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    let reports: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("WARN") || l.starts_with("ERROR"))
        .collect();
    // A missing mandatory field is data the input did not have (no year for a
    // paper under review); anything else is a mistake in the export.
    let (gaps, problems): (Vec<&str>, Vec<&str>) = reports
        .iter()
        .partition(|l| l.contains("Missing mandatory field"));
    let ok = output.status.success() && problems.is_empty();
    let name = biblatex
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let detail = if problems.is_empty() {
        format!(
            "data model valid ({} missing-field warnings from the input)",
            gaps.len()
        )
    } else {
        problems
            .iter()
            .take(3)
            .copied()
            .collect::<Vec<_>>()
            .join(" | ")
    };
    Ok(Check {
        fixture: name,
        tool: "biber --validate-datamodel",
        ok,
        detail,
    })
}

/// Which of our crates each library crate may depend on (besides itself).
const ALLOWED: &[(&str, &[&str])] = &[
    ("paperlist-model", &[]),
    ("paperlist-parse", &["paperlist-model"]),
    ("paperlist-dblp", &["paperlist-model"]),
    ("paperlist-export", &["paperlist-model"]),
];

/// Macros and calls that only the CLI and xtask may use.
const FORBIDDEN_BELOW_CLI: &[&str] = &[
    "println!",
    "eprintln!",
    "print!(",
    "eprint!(",
    "std::process::exit",
    "env::var(",
    "env::var_os(",
];

fn invariants() -> Result<()> {
    eprintln!("==> architecture invariants");
    let mut problems = Vec::new();
    for (krate, allowed) in ALLOWED {
        let output = cargo()
            .args([
                "tree",
                "--package",
                krate,
                "--edges",
                "normal,build",
                "--prefix",
                "none",
                "--format",
                "{p}",
            ])
            .output()
            .with_context(|| format!("could not run cargo tree for {krate}"))?;
        if !output.status.success() {
            bail!(
                "cargo tree failed for {krate}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let tree = String::from_utf8_lossy(&output.stdout);
        for line in tree.lines() {
            let name = line.split_whitespace().next().unwrap_or_default();
            if name.starts_with("paperlist-") && name != *krate && !allowed.contains(&name) {
                problems.push(format!("{krate} depends on {name}, which it must not"));
            }
        }
    }
    for (krate, _) in ALLOWED {
        let src = project_root().join("crates").join(krate).join("src");
        for file in rust_files(&src)? {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("could not read {}", file.display()))?;
            for (number, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                for pattern in FORBIDDEN_BELOW_CLI {
                    if code.contains(pattern) {
                        problems.push(format!(
                            "{}:{}: `{pattern}` below the CLI (only paperlist-cli prints, reads the environment or exits)",
                            file.strip_prefix(project_root()).unwrap_or(&file).display(),
                            number + 1
                        ));
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        eprintln!(
            "    ok: model is a leaf; parse, dblp and export depend on model only; no I/O below the CLI"
        );
        Ok(())
    } else {
        bail!(
            "architecture invariants broken:\n  {}",
            problems.join("\n  ")
        )
    }
}

fn rust_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for item in
            std::fs::read_dir(&dir).with_context(|| format!("could not list {}", dir.display()))?
        {
            let path = item?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
