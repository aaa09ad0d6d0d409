//! A diagnostic reported: attached to its lint, file and severity, with the identity
//! that recognises it across runs (baselines, code scanning alerts).

use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::level::Severity;
use crate::lints::Lint;
use crate::location::Places;
use crate::source::SourceFile;

/// A diagnostic attached to its lint, file and effective severity.
#[derive(Debug, Clone)]
pub struct Finding {
    pub lint: &'static Lint,
    pub severity: Severity,
    pub file: Arc<SourceFile>,
    pub diagnostic: Diagnostic,
}

impl Finding {
    /// What identifies a finding across runs: the lint, the file (as `path`, relative to
    /// the repository root so it does not depend on where cargo-stray runs) and the text
    /// of the primary span and of its line, never line numbers, so unrelated edits that
    /// move the code do not change it.
    pub fn identity(&self, path: &str) -> (String, &'static str, String, String) {
        let d = &self.diagnostic;
        let line = self.file.position(d.primary.span.start).line;
        (
            path.to_string(),
            self.lint.id,
            normalize(self.file.line_text(line)),
            normalize(self.file.snippet(d.primary.span.clone())),
        )
    }
}

/// Stable fingerprints of the findings, in order: from each file's URI relative to the
/// repository root, so they are the same wherever cargo-stray is run from. Identical
/// identities are told apart by occurrence.
pub fn fingerprints(findings: &[Finding], repo_root: &Path) -> Vec<String> {
    let places = Places::new(repo_root);
    fingerprints_by(findings, |f| places.uri(&f.file.path, &f.file.display).uri)
}

/// Fingerprints with each finding's path given by `path_of`.
pub fn fingerprints_by(findings: &[Finding], path_of: impl Fn(&Finding) -> String) -> Vec<String> {
    let mut seen = std::collections::HashMap::new();
    findings
        .iter()
        .map(|f| {
            let identity = f.identity(&path_of(f));
            let mut h = Fnv::new();
            h.write(identity.0.as_bytes());
            h.write(identity.1.as_bytes());
            h.write(identity.2.as_bytes());
            h.write(identity.3.as_bytes());
            let n = seen.entry(identity).or_insert(0usize);
            h.write(&n.to_le_bytes());
            *n += 1;
            format!("{:016x}", h.finish())
        })
        .collect()
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a, 64-bit: small, dependency-free and stable across releases and platforms,
/// which `std`'s hashers do not promise.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Label;

    fn finding(text: &str, start: usize) -> Finding {
        Finding {
            lint: crate::lints::ALL[0],
            severity: Severity::Warning,
            file: Arc::new(SourceFile::new("a.rs".into(), "a.rs".into(), text.into())),
            diagnostic: Diagnostic {
                message: "m".into(),
                primary: Label {
                    span: start..start + 2,
                    message: String::new(),
                },
                secondary: Vec::new(),
                help: None,
                fix: None,
                reported_as: None,
            },
        }
    }

    #[test]
    fn a_byte_order_mark_does_not_change_fingerprints() {
        let root = Path::new("/repo");
        let plain = fingerprints(&[finding("fn f() {}\n", 0)], root);
        let marked = fingerprints(&[finding("\u{feff}fn f() {}\n", 3)], root);
        assert_eq!(plain, marked);
    }
}
