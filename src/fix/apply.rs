//! Applying the fixes of a report: which ones, the fixed text of each file, a diff of it,
//! and writing it back without ever leaving a half-written file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Applicability, apply_edits, merge};
use crate::finding::Finding;
use crate::source::SourceFile;

/// The fixed text of every file that has fixes to apply.
#[derive(Debug, Default)]
pub struct Plan {
    pub files: Vec<FixedFile>,
    /// Findings whose fix is in `files`.
    pub fixed: usize,
    /// Findings with a fix held back because it is unsafe and `--unsafe-fixes` is off.
    pub unsafe_held_back: usize,
}

#[derive(Debug)]
pub struct FixedFile {
    pub source: Arc<SourceFile>,
    pub text: String,
}

/// Plans the fixes of `findings`: the safe ones, and the unsafe ones too when asked.
pub fn plan(findings: &[Finding], unsafe_fixes: bool) -> Plan {
    let mut by_file: BTreeMap<PathBuf, (Arc<SourceFile>, Vec<usize>)> = BTreeMap::new();
    let mut out = Plan::default();
    for (i, f) in findings.iter().enumerate() {
        let Some(fix) = &f.diagnostic.fix else {
            continue;
        };
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
            out.unsafe_held_back += 1;
            continue;
        }
        by_file
            .entry(f.file.path.clone())
            .or_insert_with(|| (f.file.clone(), Vec::new()))
            .1
            .push(i);
    }
    for (source, indices) in by_file.into_values() {
        let fixes = indices.iter().filter_map(|&i| {
            let fix = findings[i].diagnostic.fix.as_ref()?;
            Some((i, fix))
        });
        let (edits, taken) = merge(fixes);
        if edits.is_empty() {
            continue;
        }
        out.fixed += taken.len();
        let text = apply_edits(&source.text, &edits);
        out.files.push(FixedFile { source, text });
    }
    out
}

/// A unified diff of every planned file, as `git diff` shows it.
pub fn diff(plan: &Plan) -> String {
    let mut out = String::new();
    for f in &plan.files {
        let name = &f.source.display;
        let diff = similar::TextDiff::from_lines(f.source.text.as_str(), f.text.as_str());
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{name}"), &format!("b/{name}"))
                .to_string(),
        );
    }
    out
}

/// Writes each planned file back. Each file is written to a temporary file beside it
/// and renamed over it, so a crash or a full disk leaves the old text or the new, never
/// a mix; a file that changed since it was read is left alone. Returns the files written
/// and, for the others, why not.
pub fn write(plan: &Plan) -> (Vec<&FixedFile>, Vec<(String, String)>) {
    let mut written = Vec::new();
    let mut failed = Vec::new();
    for f in &plan.files {
        match write_one(&f.source, &f.text) {
            Ok(()) => written.push(f),
            Err(e) => failed.push((f.source.display.clone(), e)),
        }
    }
    (written, failed)
}

fn write_one(source: &SourceFile, text: &str) -> Result<(), String> {
    // Through a link, the file it points to is the one to change; the link stays.
    let target = std::fs::canonicalize(&source.path).map_err(|e| e.to_string())?;
    let current = std::fs::read(&target).map_err(|e| e.to_string())?;
    if current != source.text.as_bytes() {
        return Err("it changed since it was read; not fixed".to_string());
    }
    let permissions = std::fs::metadata(&target)
        .map_err(|e| e.to_string())?
        .permissions();
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".stray-fix")
        .tempfile_in(dir)
        .map_err(|e| {
            format!(
                "could not create a temporary file in `{}`: {e}",
                dir.display()
            )
        })?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("could not write the fixed text: {e}"))?;
    std::fs::set_permissions(temp.path(), permissions).map_err(|e| e.to_string())?;
    temp.persist(&target)
        .map_err(|e| format!("could not replace the file: {}", e.error))?;
    Ok(())
}
