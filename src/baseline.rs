//! Baselines: the findings a codebase already has, recorded by fingerprint, so a team can
//! adopt cargo-stray and be told only about new ones.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::finding::fingerprints;
use crate::scan::Report;

const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    /// For people reading the file; only the fingerprints are compared.
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    fingerprint: String,
    lint: String,
    file: String,
    message: String,
}

/// Writes the report's findings to `path`, through a temporary file renamed into place so
/// an interrupted run never leaves half a baseline.
pub fn write(report: &Report, repo_root: &Path, path: &Path) -> Result<usize> {
    let prints = fingerprints(&report.findings, repo_root);
    let mut findings: Vec<Entry> = report
        .findings
        .iter()
        .zip(prints)
        .map(|(f, fingerprint)| Entry {
            fingerprint,
            lint: f.lint.id.to_string(),
            file: f.file.display.clone(),
            message: f.diagnostic.message.clone(),
        })
        .collect();
    findings.sort_by(|a, b| {
        (&a.file, &a.lint, &a.fingerprint).cmp(&(&b.file, &b.lint, &b.fingerprint))
    });
    let n = findings.len();
    let text = serde_json::to_string_pretty(&File {
        version: VERSION,
        findings,
    })?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&temp, text + "\n")
        .with_context(|| format!("could not write `{}`", temp.display()))?;
    if let Err(e) = std::fs::rename(&temp, path) {
        let _ = std::fs::remove_file(&temp);
        bail!("could not write `{}`: {e}", path.display());
    }
    Ok(n)
}

/// The fingerprints recorded in a baseline file.
pub fn read(path: &Path) -> Result<HashSet<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("could not read baseline `{}`", path.display()))?;
    let file: File = serde_json::from_str(&text)
        .with_context(|| format!("`{}` is not a cargo-stray baseline", path.display()))?;
    if file.version != VERSION {
        bail!(
            "baseline `{}` has version {}, this cargo-stray reads version {VERSION}",
            path.display(),
            file.version
        );
    }
    Ok(file.findings.into_iter().map(|e| e.fingerprint).collect())
}

/// Removes the findings the baseline knows; returns how many.
pub fn apply(report: &mut Report, known: &HashSet<String>, repo_root: &Path) -> usize {
    let prints = fingerprints(&report.findings, repo_root);
    let findings = std::mem::take(&mut report.findings);
    let mut known_here = 0;
    for (finding, print) in findings.into_iter().zip(prints) {
        if known.contains(&print) {
            known_here += 1;
        } else {
            report.findings.push(finding);
        }
    }
    report.baselined = known_here;
    known_here
}
