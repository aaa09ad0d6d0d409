//! Cargo's own JSON messages (`cargo check --message-format=json`), one per line, so
//! editors that read cargo's output (rust-analyzer's `check.overrideCommand`) show the
//! findings as they show rustc's and clippy's: a `compiler-message` per finding carrying a
//! rustc diagnostic, then `build-finished`.
//!
//! What is filled, and from where:
//! - `message`: rustc's diagnostic schema. `code` is `stray::<lint>`, scoped as clippy's
//!   `clippy::<lint>` are, so rust-analyzer names the source `stray` rather than `rustc`;
//!   `explanation` is null, as rustc leaves it for lints (`cargo stray --explain LINT`
//!   has the page). Spans carry file bytes (a byte-order mark included), 1-based lines
//!   and character columns; the primary span is where the value is created, the others
//!   where it is lost; the help is a spanless `help` child; `rendered` is the human
//!   format's rendering without colors. Nothing is suggested yet.
//! - `file_name`: relative to the workspace root, as cargo's are (rust-analyzer joins it
//!   to the root it ran the command in); absolute for a file outside it.
//! - `package_id`, `manifest_path`, `target`: the workspace member whose directory holds
//!   the file and the target it most likely belongs to (`Package::target_for`). A file
//!   in no member (explicit paths outside any package) gets the bare rustc diagnostic
//!   instead, the line rustc itself prints, which rust-analyzer also reads.
//! - Files that could not be scanned are spanless warnings, without a code.

use std::io::Write;
use std::path::{Component, Path};

use serde::Serialize;

use super::{Style, human};
use crate::diagnostic::Label;
use crate::finding::Finding;
use crate::level::Severity;
use crate::location::normalize;
use crate::scan::Report;
use crate::source::SourceFile;
use crate::workspace::Packages;

/// What the messages need beyond the report.
pub struct Context<'a> {
    /// Where `file_name`s start: the workspace root, else the scan root.
    pub root: &'a Path,
    pub packages: Option<&'a Packages>,
    pub cwd: &'a Path,
    /// `build-finished`'s `success`: the run exits with status 0.
    pub success: bool,
}

#[derive(Serialize)]
struct CompilerMessage<'a> {
    reason: &'static str,
    package_id: &'a cargo_metadata::PackageId,
    manifest_path: String,
    target: &'a cargo_metadata::Target,
    message: Diagnostic,
}

#[derive(Serialize)]
struct BuildFinished {
    reason: &'static str,
    success: bool,
}

#[derive(Serialize)]
struct Diagnostic {
    /// Only on the top-level diagnostic, as rustc writes it.
    #[serde(rename = "$message_type", skip_serializing_if = "Option::is_none")]
    message_type: Option<&'static str>,
    message: String,
    code: Option<Code>,
    level: &'static str,
    spans: Vec<Span>,
    children: Vec<Diagnostic>,
    rendered: Option<String>,
}

#[derive(Serialize)]
struct Code {
    code: String,
    explanation: Option<String>,
}

#[derive(Serialize)]
struct Span {
    file_name: String,
    byte_start: usize,
    byte_end: usize,
    line_start: usize,
    line_end: usize,
    column_start: usize,
    column_end: usize,
    is_primary: bool,
    text: Vec<SpanLine>,
    label: Option<String>,
    suggested_replacement: Option<String>,
    suggestion_applicability: Option<String>,
    expansion: Option<()>,
}

/// A line the span touches, with the part it covers, in 1-based character columns.
#[derive(Serialize)]
struct SpanLine {
    text: String,
    highlight_start: usize,
    highlight_end: usize,
}

pub fn write(
    report: &Report,
    style: Style,
    cx: &Context<'_>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let style = Style {
        color: false,
        ..style
    };
    for f in &report.findings {
        let diagnostic = finding(f, style, cx);
        emit(out, Some(&f.file.path), diagnostic, cx)?;
    }
    serde_json::to_writer(
        &mut *out,
        &BuildFinished {
            reason: "build-finished",
            success: cx.success,
        },
    )?;
    writeln!(out)
}

/// One line: the diagnostic in a `compiler-message` of the package owning `path`, or bare.
fn emit(
    out: &mut dyn Write,
    path: Option<&Path>,
    message: Diagnostic,
    cx: &Context<'_>,
) -> std::io::Result<()> {
    let target = path.zip(cx.packages).and_then(|(path, packages)| {
        let absolute = normalize(&cx.cwd.join(path));
        let find = |p: &Path| {
            let package = packages.owner(p)?;
            Some((package, package.target_for(p)?))
        };
        // Through a symbolic link, the file is where its target is.
        find(&absolute).or_else(|| find(&std::fs::canonicalize(&absolute).ok()?))
    });
    match target {
        Some((package, target)) => serde_json::to_writer(
            &mut *out,
            &CompilerMessage {
                reason: "compiler-message",
                package_id: &package.id,
                manifest_path: package.manifest_path.to_string_lossy().into_owned(),
                target,
                message,
            },
        )?,
        None => serde_json::to_writer(&mut *out, &message)?,
    }
    writeln!(out)
}

fn finding(f: &Finding, style: Style, cx: &Context<'_>) -> Diagnostic {
    let d = &f.diagnostic;
    let file_name = file_name(&f.file.path, cx);
    let spans = std::iter::once((&d.primary, true))
        .chain(d.secondary.iter().map(|l| (l, false)))
        .map(|(label, primary)| span(&f.file, &file_name, label, primary))
        .collect();
    let children = d
        .help
        .iter()
        .map(|help| Diagnostic {
            message_type: None,
            message: help.clone(),
            code: None,
            level: "help",
            spans: Vec::new(),
            children: Vec::new(),
            rendered: None,
        })
        .chain(d.fix.iter().map(|fix| suggestion(f, fix, &file_name)))
        .collect();
    Diagnostic {
        message_type: Some("diagnostic"),
        message: d.message.clone(),
        code: Some(Code {
            code: format!("stray::{}", f.lint.id),
            explanation: None,
        }),
        level: level(f.severity),
        spans,
        children,
        rendered: Some(human::render(f, style)),
    }
}

/// The fix as rustc words a suggestion: a `help` child whose spans carry the replacement
/// text and how sure it is, which rust-analyzer offers as a quick fix.
fn suggestion(f: &Finding, fix: &crate::fix::Fix, file_name: &str) -> Diagnostic {
    let applicability = match fix.applicability {
        crate::fix::Applicability::Safe => "MachineApplicable",
        crate::fix::Applicability::Unsafe => "MaybeIncorrect",
    };
    let spans = fix
        .edits
        .iter()
        .map(|edit| {
            let label = Label {
                span: edit.span.clone(),
                message: String::new(),
            };
            let mut s = span(&f.file, file_name, &label, true);
            s.suggested_replacement = Some(edit.replacement.clone());
            s.suggestion_applicability = Some(applicability.to_string());
            s
        })
        .collect();
    Diagnostic {
        message_type: None,
        message: fix.message.clone(),
        code: None,
        level: "help",
        spans,
        children: Vec::new(),
        rendered: None,
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn span(file: &SourceFile, file_name: &str, label: &Label, is_primary: bool) -> Span {
    let byte_start = label.span.start;
    let byte_end = label.span.end.max(byte_start);
    let start = file.position(byte_start);
    let end = file.position(byte_end);
    let text = (start.line..=end.line)
        .map(|line| {
            // Without a byte-order mark, as the columns count (rustc drops it too).
            let text = file.line_text(line);
            let past_end = text.chars().count() + 1;
            SpanLine {
                text: text.to_string(),
                highlight_start: if line == start.line { start.column } else { 1 },
                highlight_end: if line == end.line {
                    end.column
                } else {
                    past_end
                },
            }
        })
        .collect();
    Span {
        file_name: file_name.to_string(),
        byte_start,
        byte_end,
        line_start: start.line,
        line_end: end.line,
        column_start: start.column,
        column_end: end.column,
        is_primary,
        text,
        label: Some(label.message.clone()).filter(|m| !m.is_empty()),
        suggested_replacement: None,
        suggestion_applicability: None,
        expansion: None,
    }
}

/// `path` relative to the root, `/`-separated, as cargo names workspace files; absolute
/// when it is outside the root, so it still resolves.
fn file_name(path: &Path, cx: &Context<'_>) -> String {
    let absolute = normalize(&cx.cwd.join(path));
    let root = normalize(&cx.cwd.join(cx.root));
    let relative = absolute
        .strip_prefix(&root)
        .ok()
        .map(Path::to_path_buf)
        .or_else(|| {
            // A root or a path reached through a symbolic link.
            let canonical = std::fs::canonicalize(&absolute).ok()?;
            let root = std::fs::canonicalize(&root).ok()?;
            canonical.strip_prefix(root).ok().map(Path::to_path_buf)
        });
    match relative {
        Some(rel) => rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/"),
        None => absolute.to_string_lossy().into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(root: &'static str) -> Context<'static> {
        Context {
            root: Path::new(root),
            packages: None,
            cwd: Path::new("/ws/crates"),
            success: true,
        }
    }

    #[test]
    fn file_names_start_at_the_root_or_are_absolute() {
        let cx = context("/ws");
        assert_eq!(
            file_name(Path::new("a/src/lib.rs"), &cx),
            "crates/a/src/lib.rs"
        );
        assert_eq!(file_name(Path::new("/ws/./b/../c.rs"), &cx), "c.rs");
        assert_eq!(
            file_name(Path::new("/elsewhere/d.rs"), &cx),
            "/elsewhere/d.rs"
        );
        // A relative root is relative to the current directory.
        assert_eq!(file_name(Path::new("e.rs"), &context(".")), "e.rs");
    }

    #[test]
    fn multi_line_spans_highlight_each_line_as_rustc_does() {
        let file = SourceFile::new("a.rs".into(), "a.rs".into(), "ab\ncdé\nfg\n".into());
        let label = Label {
            span: 1..9,
            message: "here".into(),
        };
        let s = span(&file, "a.rs", &label, true);
        let lines: Vec<(&str, usize, usize)> = s
            .text
            .iter()
            .map(|l| (l.text.as_str(), l.highlight_start, l.highlight_end))
            .collect();
        // `é` is two bytes and one column: the middle line is three columns long.
        assert_eq!(lines, [("ab", 2, 3), ("cdé", 1, 4), ("fg", 1, 2)]);
        assert_eq!((s.line_start, s.column_start), (1, 2));
        assert_eq!((s.line_end, s.column_end), (3, 2));
    }
}
