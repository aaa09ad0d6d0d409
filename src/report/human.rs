//! rustc-style diagnostics: a `warning[lint]: message` headline, the `-->` location, the
//! source in a gutter with labels under the spans where the value is created and where it
//! is lost, `= help:` and `= note:` lines, the fix if there is one; then a summary.

use std::io::Write;

use super::snippet::{self, Annotation, Palette, Row, Tone};
use super::{Style, plural};
use crate::finding::Finding;
use crate::fix::{Applicability, Fix};
use crate::level::Severity;
use crate::scan::Report;
use crate::source::SourceFile;

pub fn write(report: &Report, style: Style, out: &mut dyn Write) -> std::io::Result<()> {
    for finding in &report.findings {
        out.write_all(render(finding, style).as_bytes())?;
        writeln!(out)?;
    }
    write_summary(report, style, out)
}

/// `3 findings (1 error, 2 warnings) in 12 files; ...`, unless `--quiet`. What is zero
/// (files that could not be analysed, suppressed, in the baseline, fixable) goes unsaid.
pub(super) fn write_summary(
    report: &Report,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if style.quiet {
        return Ok(());
    }
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = report.findings.len() - errors;
    let mut line = format!(
        "{} ({}, {}) in {}",
        plural(report.findings.len(), "finding"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(report.files_scanned, "file"),
    );
    if !report.problems.is_empty() {
        line.push_str(&format!(
            "; {} could not be analysed",
            plural(report.problems.len(), "file")
        ));
    }
    if !report.suppressed.is_empty() {
        line.push_str(&format!("; {} suppressed", report.suppressed.len()));
    }
    if report.baselined > 0 {
        line.push_str(&format!("; {} in baseline", report.baselined));
    }
    let fixable = |a| {
        report
            .findings
            .iter()
            .filter(|f| {
                f.diagnostic
                    .fix
                    .as_ref()
                    .is_some_and(|x| x.applicability == a)
            })
            .count()
    };
    line.push_str(
        &match (fixable(Applicability::Safe), fixable(Applicability::Unsafe)) {
            (0, 0) => String::new(),
            (n, 0) => format!("; {n} fixable with `--fix`"),
            (0, m) => format!("; {m} fixable with `--fix --unsafe-fixes`"),
            (n, m) => format!("; {n} fixable with `--fix` ({m} more with `--unsafe-fixes`)"),
        },
    );
    writeln!(out, "{line}")
}

/// The headline, as rustc writes it: `error[lint]: message`.
pub(super) fn headline(finding: &Finding, style: Style) -> String {
    let level = format!("{}[{}]", finding.severity.as_str(), finding.lint.id);
    if style.color {
        format!(
            "{}\x1b[1m: {}\x1b[0m",
            paint(&level, finding.severity, style),
            finding.diagnostic.message
        )
    } else {
        format!("{level}: {}", finding.diagnostic.message)
    }
}

/// One finding, as rustc would show it.
pub fn render(finding: &Finding, style: Style) -> String {
    let d = &finding.diagnostic;
    let file = &finding.file;
    let palette = style.color.then_some(Palette {
        primary: level_code(finding.severity),
    });
    let mut annotations = vec![Annotation {
        span: d.primary.span.clone(),
        label: &d.primary.message,
        primary: true,
    }];
    annotations.extend(d.secondary.iter().map(|l| Annotation {
        span: l.span.clone(),
        label: &l.message,
        primary: false,
    }));
    let fix = d.fix.as_ref().map(|f| suggestion(file, f));
    let last = fix
        .iter()
        .flat_map(|(_, lines)| lines.iter().map(|l| l.0))
        .fold(snippet::last_line(file, &annotations), usize::max);
    let width = last.to_string().len();

    let mut rows = vec![];
    let at = file.position(d.primary.span.start);
    let mut location = Row::default();
    location.put(width, "-->", Tone::Gutter);
    let place = if file.text.is_empty() {
        format!(" {}", file.display)
    } else {
        format!(" {}:{}:{}", file.display, at.line, at.column)
    };
    location.push(&place, Tone::Plain);
    rows.push(location);
    // A file that could not be read has no lines to show.
    if !file.text.is_empty() {
        rows.push(blank_gutter(width));
        rows.extend(snippet::render(file, &annotations, width));
    }
    rows.push(blank_gutter(width));
    if let Some(help) = &d.help {
        rows.extend(footer(width, "help", help));
    }
    let mut note = format!("for more, run `cargo stray --explain {}`", finding.lint.id);
    if let Some(url) = finding.lint.page_url() {
        note.push_str(&format!(" or see {url}"));
    }
    rows.extend(footer(width, "note", &note));
    if let Some((title, lines)) = fix {
        let mut row = Row::default();
        row.push(&format!("{}:", title.0), Tone::Strong);
        row.push(&format!(" {}", title.1), Tone::Plain);
        rows.push(row);
        rows.push(blank_gutter(width));
        for (number, op, text) in lines {
            let mut row = Row::default();
            row.put(0, &format!("{number:<width$}"), Tone::Gutter);
            let tone = match op {
                '+' => Tone::Added,
                '-' => Tone::Removed,
                _ => Tone::Gutter,
            };
            row.put(width + 1, &op.to_string(), tone);
            row.put(width + 3, &snippet::display_line(&text), tone);
            rows.push(row);
        }
    }
    let mut out = headline(finding, style);
    out.push('\n');
    for row in rows {
        out.push_str(&row.render(palette));
        out.push('\n');
    }
    out
}

fn blank_gutter(width: usize) -> Row {
    let mut row = Row::default();
    row.put(width + 1, "|", Tone::Gutter);
    row
}

/// `= help: text`, further lines of the text aligned under its first.
fn footer(width: usize, kind: &str, text: &str) -> Vec<Row> {
    let indent = width + 5 + kind.len();
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let mut row = Row::default();
            if i == 0 {
                row.put(width + 1, "=", Tone::Gutter);
                row.push(&format!(" {kind}:"), Tone::Strong);
            }
            row.put(indent, line, Tone::Plain);
            row
        })
        .collect()
}

/// A line of a fix: its number, `-`, `+` or `|` (unchanged), its text.
type FixLine = (usize, char, String);

/// The fix: its title, then the lines it changes as rustc shows a suggestion, `-` before
/// and `+` after, under the line numbers of the file (new lines take the number they will
/// have).
fn suggestion<'a>(file: &SourceFile, fix: &'a Fix) -> ((&'static str, &'a str), Vec<FixLine>) {
    let kind = match fix.applicability {
        Applicability::Safe => "fix",
        Applicability::Unsafe => "fix (unsafe: applied with --fix --unsafe-fixes)",
    };
    let title = (kind, fix.message.as_str());
    let mut lines = Vec::new();
    let mut shift: isize = 0;
    for edit in &fix.edits {
        let text = &file.text;
        let start = text[..edit.span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[edit.span.end..]
            .find('\n')
            .map_or(text.len(), |i| edit.span.end + i);
        let before = &text[start..end];
        let after = format!(
            "{}{}{}",
            &text[start..edit.span.start],
            edit.replacement,
            &text[edit.span.end..end]
        );
        let first = file.position(start).line;
        let (mut old_line, mut new_line) = (first, first.saturating_add_signed(shift));
        let diff = similar::TextDiff::from_lines(before, after.as_str());
        for change in diff.iter_all_changes() {
            let line = change.value().trim_end_matches(['\n', '\r']);
            let (number, op) = match change.tag() {
                similar::ChangeTag::Equal => {
                    old_line += 1;
                    new_line += 1;
                    (old_line - 1, '|')
                }
                similar::ChangeTag::Delete => {
                    old_line += 1;
                    shift -= 1;
                    (old_line - 1, '-')
                }
                similar::ChangeTag::Insert => {
                    new_line += 1;
                    shift += 1;
                    (new_line - 1, '+')
                }
            };
            lines.push((number, op, line.to_string()));
        }
    }
    (title, lines)
}

fn level_code(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
    }
}

pub(super) fn paint(text: &str, severity: Severity, style: Style) -> String {
    if style.color {
        format!("\x1b[{}m{text}\x1b[0m", level_code(severity))
    } else {
        text.to_string()
    }
}
