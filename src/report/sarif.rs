//! SARIF 2.1.0 (placeholder until the full writer lands).

use std::io::Write;
use std::path::Path;

use crate::diagnostic::Finding;
use crate::scan::Report;

pub fn write(_report: &Report, _repo_root: &Path, _out: &mut dyn Write) -> std::io::Result<()> {
    Err(std::io::Error::other("sarif output is not written yet"))
}

/// Stable fingerprints of the findings, in order; identical lines in one file are told
/// apart by their occurrence index.
pub fn fingerprints(findings: &[Finding]) -> Vec<String> {
    let mut seen = std::collections::HashMap::new();
    findings
        .iter()
        .map(|f| {
            let n = seen.entry(f.fingerprint_key()).or_insert(0usize);
            let fp = f.fingerprint(*n);
            *n += 1;
            fp
        })
        .collect()
}
