//! Reading inputs and writing outputs: `-` is standard input/output, files are
//! written atomically (a temporary file in the same directory, then a rename),
//! so an interrupted run never leaves half a file behind.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result};

/// Reads a file, or standard input for `-`.
pub fn read_input(name: &str) -> Result<Vec<u8>> {
    if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("could not read standard input")?;
        return Ok(bytes);
    }
    std::fs::read(name).with_context(|| format!("could not read {name}"))
}

/// Writes `text` to `path` atomically, or to standard output when `path` is `None` or `-`.
pub fn write_output(path: Option<&Path>, text: &str) -> Result<()> {
    match path {
        None => write_stdout(text),
        Some(path) if path == Path::new("-") => write_stdout(text),
        Some(path) => write_atomically(path, text),
    }
}

fn write_stdout(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .context("could not write to standard output")?;
    stdout.flush().context("could not write to standard output")
}

/// Temp file in the target's directory + rename: readers see the old file or
/// the new one, never a torn one.
pub fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(directory).with_context(|| {
        format!(
            "could not create a temporary file in {}",
            directory.display()
        )
    })?;
    temp.write_all(text.as_bytes())
        .with_context(|| format!("could not write {}", path.display()))?;
    // Keep the permissions of the file being replaced; a new file gets the usual
    // 0644 rather than the temporary file's 0600.
    if let Some(permissions) = permissions_for(path) {
        temp.as_file()
            .set_permissions(permissions)
            .with_context(|| format!("could not write {}", path.display()))?;
    }
    temp.as_file()
        .sync_all()
        .with_context(|| format!("could not write {}", path.display()))?;
    temp.persist(path)
        .with_context(|| format!("could not replace {}", path.display()))?;
    Ok(())
}

#[cfg(unix)]
fn permissions_for(path: &Path) -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    })
}

#[cfg(not(unix))]
fn permissions_for(path: &Path) -> Option<std::fs::Permissions> {
    std::fs::metadata(path).ok().map(|m| m.permissions())
}
