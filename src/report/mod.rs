//! Output formats, side by side: each turns a `Report` into bytes.

use std::io::Write;
use std::path::Path;

use crate::scan::Report;

pub mod cargo_json;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;
pub mod snippet;
pub mod statistics;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source snippets
    Human,
    /// one line per finding, `path:line:col: level[lint]: message` (also `concise`)
    #[value(alias = "concise")]
    Short,
    /// one JSON document with every finding
    Json,
    /// GitHub Actions workflow-command annotations
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
    Sarif,
    /// cargo's JSON messages (`compiler-message`, `build-finished`), for editors
    CargoJson,
}

/// What the human format needs to know about the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Leave out the summary line.
    pub quiet: bool,
}

pub fn write(
    report: &Report,
    format: Format,
    style: Style,
    repo_root: &Path,
    cargo: &cargo_json::Context<'_>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::write(report, style, out),
        Format::Short => short::write(report, style, out),
        Format::Json => json::write(report, repo_root, out),
        Format::Github => github::write(report, repo_root, out),
        Format::Sarif => sarif::write(report, repo_root, out),
        Format::CargoJson => cargo_json::write(report, style, cargo, out),
    }
}

/// `1 finding`, `2 findings`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
