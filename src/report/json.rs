//! One JSON document per run. The schema is versioned by `schema_version`; fields are
//! only ever added within a version.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::diagnostic::Label;
use crate::finding::Finding;
use crate::level::Severity;
use crate::scan::Report;
use crate::source::SourceFile;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    tool: Tool,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
    skipped_files: Vec<Skipped<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    findings: usize,
    errors: usize,
    warnings: usize,
    files_scanned: usize,
    files_skipped: usize,
    /// Findings silenced by `stray: allow(..)` comments (not listed).
    suppressed: usize,
    /// Findings the baseline already knows (not listed).
    baselined: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    lint: &'static str,
    family: &'static str,
    level: Severity,
    message: &'a str,
    file: &'a str,
    #[serde(flatten)]
    range: Range,
    labels: Vec<JsonLabel<'a>>,
    help: Option<&'a str>,
    /// The fix the lint offers, if any.
    fix: Option<JsonFix<'a>>,
    fingerprint: String,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    message: &'a str,
    applicability: crate::fix::Applicability,
    edits: Vec<JsonEdit<'a>>,
}

/// Replace the range with `replacement`; an empty range is an insertion.
#[derive(Serialize)]
struct JsonEdit<'a> {
    #[serde(flatten)]
    range: Range,
    replacement: &'a str,
}

/// 1-based lines and columns (columns count characters, as rustc's do) and the byte
/// range in the file.
#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
    byte_start: usize,
    byte_end: usize,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    primary: bool,
    #[serde(flatten)]
    range: Range,
}

#[derive(Serialize)]
struct Skipped<'a> {
    file: &'a str,
    kind: &'static str,
    message: &'a str,
    line: Option<usize>,
    column: Option<usize>,
}

pub fn write(report: &Report, repo_root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let fingerprints = crate::finding::fingerprints(&report.findings, repo_root);
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Summary {
            findings: report.findings.len(),
            errors,
            warnings: report.findings.len() - errors,
            files_scanned: report.files_scanned,
            files_skipped: report.problems.len(),
            suppressed: report.suppressed.len(),
            baselined: report.baselined,
        },
        findings: report
            .findings
            .iter()
            .zip(fingerprints)
            .map(|(f, fingerprint)| finding(f, fingerprint))
            .collect(),
        skipped_files: report
            .problems
            .iter()
            .map(|p| Skipped {
                file: &p.display,
                kind: p.kind.as_str(),
                message: &p.message,
                line: p.position.map(|p| p.0),
                column: p.position.map(|p| p.1),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn finding(f: &Finding, fingerprint: String) -> JsonFinding<'_> {
    let d = &f.diagnostic;
    JsonFinding {
        lint: f.lint.id,
        family: f.lint.family.as_str(),
        level: f.severity,
        message: &d.message,
        file: &f.file.display,
        range: range(&f.file, &d.primary),
        labels: std::iter::once((&d.primary, true))
            .chain(d.secondary.iter().map(|l| (l, false)))
            .map(|(l, primary)| JsonLabel {
                message: &l.message,
                primary,
                range: range(&f.file, l),
            })
            .collect(),
        help: d.help.as_deref(),
        fix: d.fix.as_ref().map(|fix| JsonFix {
            message: &fix.message,
            applicability: fix.applicability,
            edits: fix
                .edits
                .iter()
                .map(|e| JsonEdit {
                    range: byte_range(&f.file, &e.span),
                    replacement: &e.replacement,
                })
                .collect(),
        }),
        fingerprint,
    }
}

fn range(file: &SourceFile, label: &Label) -> Range {
    byte_range(file, &label.span)
}

fn byte_range(file: &SourceFile, span: &std::ops::Range<usize>) -> Range {
    let start = file.position(span.start);
    let end = file.position(span.end);
    Range {
        start: Position {
            line: start.line,
            column: start.column,
        },
        end: Position {
            line: end.line,
            column: end.column,
        },
        byte_start: span.start,
        byte_end: span.end,
    }
}
