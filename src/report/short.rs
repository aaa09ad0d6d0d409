//! One line per finding, as rustc's and clippy's `short` format and ruff's `concise`:
//! `path:line:col: level[lint]: message`, the form editors' problem matchers read; then the
//! summary, as in the human format (a skipped file is a `file_not_analysed` finding).

use std::io::Write;

use super::{Style, human};
use crate::scan::Report;

pub fn write(report: &Report, style: Style, out: &mut dyn Write) -> std::io::Result<()> {
    for f in &report.findings {
        let at = f.file.position(f.diagnostic.primary.span.start);
        writeln!(
            out,
            "{}:{}:{}: {}",
            f.file.display,
            at.line,
            at.column,
            human::headline(f, style)
        )?;
    }
    human::write_summary(report, style, out)
}
