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
        "ci" => ci(),
        "invariants" => invariants(),
        "bench" => bench(args.get(1).map(String::as_str).unwrap_or("parse")),
        "help" | "--help" | "-h" => {
            println!("{HELP}");
            Ok(())
        }
        other => bail!("unknown task {other:?}\n\n{HELP}"),
    }
}

const HELP: &str = "cargo xtask TASK

tasks:
  ci          formatting, clippy -D warnings, architecture invariants, all tests
  invariants  check the crate dependency and I/O invariants of docs/architecture.md
  bench parse parser throughput and memory on 5 MB and 50 MB generated lists (release build)";

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

fn ci() -> Result<()> {
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
    eprintln!("==> ci: all checks passed");
    Ok(())
}

fn bench(what: &str) -> Result<()> {
    match what {
        "parse" => {
            for megabytes in ["5", "50"] {
                let mut command = cargo();
                command.args([
                    "run",
                    "--quiet",
                    "--release",
                    "--package",
                    "paperlist-parse",
                    "--example",
                    "bench_parse",
                    "--",
                    megabytes,
                    "3",
                ]);
                run(command, &format!("parse benchmark, {megabytes} MB"))?;
            }
            Ok(())
        }
        other => bail!("unknown benchmark {other:?} (known: parse)"),
    }
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
