//! `--statistics`: how many findings each lint has, most first, as ruff prints them. Human
//! lines are `COUNT<TAB>LINT<TAB>[*]<TAB>SUMMARY`, `[*]` where some of them have a fix; JSON
//! is an array of `{"lint", "count", "level", "fixable"}`.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::scan::Report;

/// One lint's share of the findings.
#[derive(Debug, Serialize)]
pub struct LintCount {
    pub lint: &'static str,
    pub count: usize,
    /// The most severe level its findings carry.
    pub level: &'static str,
    /// How many of them have a fix.
    pub fixable: usize,
    #[serde(skip)]
    summary: &'static str,
}

/// The lints with findings, most findings first, then by id.
pub fn counts(report: &Report) -> Vec<LintCount> {
    let mut by_lint: BTreeMap<&'static str, LintCount> = BTreeMap::new();
    for f in &report.findings {
        let entry = by_lint.entry(f.lint.id).or_insert(LintCount {
            lint: f.lint.id,
            count: 0,
            level: f.severity.as_str(),
            fixable: 0,
            summary: f.lint.summary,
        });
        entry.count += 1;
        entry.fixable += usize::from(f.diagnostic.fix.is_some());
        if f.severity.as_str() == "error" {
            entry.level = "error";
        }
    }
    let mut out: Vec<LintCount> = by_lint.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.lint.cmp(b.lint)));
    out
}

pub fn write_human(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let counts = counts(report);
    let width = counts.first().map_or(1, |c| c.count.to_string().len());
    for c in &counts {
        let fixable = if c.fixable > 0 { "[*]" } else { "[ ]" };
        writeln!(
            out,
            "{:>width$}\t{}\t{fixable}\t{}",
            c.count, c.lint, c.summary
        )?;
    }
    Ok(())
}

pub fn write_json(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &counts(report))?;
    writeln!(out)
}
