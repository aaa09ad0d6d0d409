//! GitHub Actions workflow commands: each finding becomes an annotation on the pull
//! request's diff.

use std::io::Write;
use std::path::Path;

use crate::level::Severity;
use crate::location::Places;
use crate::scan::Report;

/// Paths are relative to the repository root, not to where cargo-stray ran: GitHub places
/// an annotation by its path in the repository, and the action may run in a subdirectory.
pub fn write(report: &Report, repo_root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    let places = Places::new(repo_root);
    for f in &report.findings {
        let d = &f.diagnostic;
        let start = f.file.position(d.primary.span.start);
        let end = f.file.position(d.primary.span.end);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&places.repository_path(&f.file.path, &f.file.display)),
            start.line,
            start.column,
            end.line,
            end.column,
            property(&format!("cargo-stray: {}", f.lint.id)),
            data(&message),
        )?;
    }
    Ok(())
}

/// Escapes a message as the runner expects (actions/toolkit `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (actions/toolkit `escapeProperty`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(super::data("50%\r\nx"), "50%25%0D%0Ax");
        assert_eq!(super::property("a:b,c"), "a%3Ab%2Cc");
    }
}
