//! Diagnostics: what a stage has to say about its input, with a place in it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Something was guessed or skipped; the output may need a look.
    Warning,
    /// Something could not be understood or done.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One message about the input, with where it applies.
///
/// Messages are short and lower case, without a trailing period; `code` is a
/// stable kebab-case name (`unparsed-line`, `ambiguous-match`) that tools can
/// filter on; `hint` says what to do about it, where that helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The input file (`-` for standard input).
    pub file: String,
    /// The 1-based line it is about; absent for whole-file messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Stable kebab-case code.
    pub code: String,
    /// What happened.
    pub message: String,
    /// What to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The key of the entry it is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
}

impl Diagnostic {
    /// A diagnostic about a line of a file.
    pub fn new(
        severity: Severity,
        file: &str,
        line: Option<u32>,
        code: &str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            file: file.to_owned(),
            line,
            code: code.to_owned(),
            message: message.into(),
            hint: None,
            entry: None,
        }
    }

    /// An error at a line.
    pub fn error(file: &str, line: Option<u32>, code: &str, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Error, file, line, code, message)
    }

    /// A warning at a line.
    pub fn warning(file: &str, line: Option<u32>, code: &str, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Warning, file, line, code, message)
    }

    /// An informational note at a line.
    pub fn info(file: &str, line: Option<u32>, code: &str, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Info, file, line, code, message)
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Names the entry the diagnostic is about.
    pub fn with_entry(mut self, key: impl Into<String>) -> Self {
        self.entry = Some(key.into());
        self
    }
}

/// `file:line: severity[code]: message (hint: ...)`, the form compilers use, so
/// editors can jump to the place.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}[{}]: {}", self.severity, self.code, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}
