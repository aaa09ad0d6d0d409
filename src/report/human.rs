//! rustc-style diagnostics: a `warning[lint]: message` headline, the source with a label
//! where the value is created and where it is lost, and a `help:` line; then a summary.

use std::fmt;
use std::io::Write;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

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
    for p in &report.problems {
        let place = match p.position {
            Some((line, col)) => format!("{}:{line}:{col}", p.display),
            None => p.display.clone(),
        };
        writeln!(
            out,
            "{}: skipped {place}: {}",
            paint("warning", Severity::Warning, style),
            p.message
        )?;
    }
    if !style.quiet {
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = report.findings.len() - errors;
        let mut suppressed = match report.suppressed.len() {
            0 => String::new(),
            n => format!("; {n} suppressed"),
        };
        if report.baselined > 0 {
            suppressed.push_str(&format!("; {} in baseline", report.baselined));
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
        let (safe, unsafe_) = (fixable(Applicability::Safe), fixable(Applicability::Unsafe));
        let fixes = match (safe, unsafe_) {
            (0, 0) => String::new(),
            (n, 0) => format!("; {n} fixable with `--fix`"),
            (0, m) => format!("; {m} fixable with `--fix --unsafe-fixes`"),
            (n, m) => format!("; {n} fixable with `--fix` ({m} more with `--unsafe-fixes`)"),
        };
        writeln!(
            out,
            "{} ({}, {}) in {}; {} could not be parsed{suppressed}{fixes}",
            plural(report.findings.len(), "finding"),
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(report.files_scanned, "file"),
            plural(report.problems.len(), "file"),
        )?;
    }
    Ok(())
}

/// One finding, rendered by miette; the headline is ours, in rustc's form.
pub fn render(finding: &Finding, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_wrap_lines(false)
        .with_links(false)
        .with_context_lines(1);
    let diagnostic = MietteFinding::new(finding);
    let mut rendered = String::new();
    if handler.render_report(&mut rendered, &diagnostic).is_err() {
        rendered.clear();
    }
    // miette opens with `  ⚠ message`; rustc with `warning[lint]: message`.
    let body = rendered.split_once('\n').map_or("", |(_, rest)| rest);
    let level = format!("{}[{}]", finding.severity.as_str(), finding.lint.id);
    let headline = if style.color {
        format!(
            "{}\x1b[1m: {}\x1b[0m",
            paint(&level, finding.severity, style),
            finding.diagnostic.message
        )
    } else {
        format!("{level}: {}", finding.diagnostic.message)
    };
    let body = body.trim_end_matches('\n');
    let fix = finding
        .diagnostic
        .fix
        .as_ref()
        .map(|f| suggestion(&finding.file, f))
        .unwrap_or_default();
    format!("{headline}\n{body}\n{fix}")
}

/// The fix as the lines it changes, `-` before and `+` after, under the line numbers of
/// the file (new lines take the number they will have).
fn suggestion(file: &SourceFile, fix: &Fix) -> String {
    let how = match fix.applicability {
        Applicability::Safe => "fix",
        Applicability::Unsafe => "fix (unsafe: applied with --fix --unsafe-fixes)",
    };
    let mut out = format!("  {how}: {}\n", fix.message);
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
                    (old_line - 1, ' ')
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
            out.push_str(&format!("{number:>4} {op} │ {line}\n"));
        }
    }
    out
}

fn paint(text: &str, severity: Severity, style: Style) -> String {
    if !style.color {
        return text.to_string();
    }
    let code = match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

struct MietteFinding<'a> {
    finding: &'a Finding,
    source: NamedText<'a>,
}

impl<'a> MietteFinding<'a> {
    fn new(finding: &'a Finding) -> Self {
        MietteFinding {
            finding,
            source: NamedText {
                file: &finding.file,
            },
        }
    }
}

impl fmt::Debug for MietteFinding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.diagnostic.message)
    }
}

impl fmt::Display for MietteFinding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.diagnostic.message)
    }
}

impl std::error::Error for MietteFinding<'_> {}

impl miette::Diagnostic for MietteFinding<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = &self.finding.diagnostic;
        let span = |r: &std::ops::Range<usize>| SourceSpan::from(r.start..r.end.max(r.start));
        let primary = LabeledSpan::new_primary_with_span(
            Some(d.primary.message.clone()),
            span(&d.primary.span),
        );
        let secondary = d
            .secondary
            .iter()
            .map(move |l| LabeledSpan::new_with_span(Some(l.message.clone()), span(&l.span)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// The file's text under the name users know it by.
struct NamedText<'a> {
    file: &'a SourceFile,
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner =
            self.file
                .text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        // miette counts the column of the span's start (the one in the `file:line:col`
        // header, read without context lines) in bytes; rustc and the other formats count
        // characters. With context lines the column is 0 either way.
        let column = if context_lines_before == 0 {
            self.file.position(span.offset()).column - 1
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.display.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}
