//! Fixes: the edits a lint proposes, how sure it is of them, and how they are combined
//! and applied to a file's text.
//!
//! A lint offers a fix only where it can name the edit without guessing; how certain the
//! edit is decides whether `--fix` applies it alone or only with `--unsafe-fixes`
//! (rustc's `MachineApplicable` and `MaybeIncorrect`, ruff's safe and unsafe fixes).

use std::ops::Range;

use serde::Serialize;

pub mod apply;
pub mod site;

/// How sure a lint is that its fix is what the code meant.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Certain: the program compiles and does what the code evidently meant.
    Safe,
    /// Probably right, but it may not compile or may change behaviour the author relied
    /// on: applied only with `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// Replace the bytes `span` of the file with `replacement` (an insertion when empty).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

impl Edit {
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit {
            span: at..at,
            replacement: text.into(),
        }
    }

    pub fn replace(span: Range<usize>, text: impl Into<String>) -> Self {
        Edit {
            span,
            replacement: text.into(),
        }
    }
}

/// A fix: edits applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Fix {
    /// Imperative, names the code: "insert `drop(stdin);` before the wait".
    pub message: String,
    pub applicability: Applicability,
    /// Sorted by position, not overlapping.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(
        message: impl Into<String>,
        applicability: Applicability,
        mut edits: Vec<Edit>,
    ) -> Self {
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        Fix {
            message: message.into(),
            applicability,
            edits,
        }
    }
}

/// Applies `edits` (sorted, not overlapping) to `text`.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Chooses which fixes of one file to apply together: in order, each fix whose edits
/// overlap none already chosen (the others wait for the next pass, when their lint runs
/// again on the fixed text). Identical edits proposed by two findings are applied once.
/// Returns the merged edits and the indices of the fixes taken.
pub fn merge<'f>(fixes: impl IntoIterator<Item = (usize, &'f Fix)>) -> (Vec<Edit>, Vec<usize>) {
    let mut chosen: Vec<Edit> = Vec::new();
    let mut taken = Vec::new();
    'fixes: for (index, fix) in fixes {
        let mut new = Vec::new();
        for e in &fix.edits {
            if chosen.contains(e) {
                continue;
            }
            if chosen.iter().chain(&new).any(|c: &Edit| overlaps(c, e)) {
                continue 'fixes;
            }
            new.push(e.clone());
        }
        chosen.extend(new);
        taken.push(index);
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
    (chosen, taken)
}

/// Two edits conflict when they touch the same bytes, or insert at the same point (the
/// order of the insertions would be a guess).
fn overlaps(a: &Edit, b: &Edit) -> bool {
    if a.span.is_empty() || b.span.is_empty() {
        let (point, other) = if a.span.is_empty() { (a, b) } else { (b, a) };
        return if other.span.is_empty() {
            point.span.start == other.span.start
        } else {
            other.span.start < point.span.start && point.span.start < other.span.end
        };
    }
    a.span.start < b.span.end && b.span.start < a.span.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_insertions_and_replacements_in_order() {
        let text = "let _ = g();\nwait();\n";
        let edits = vec![
            Edit::replace(4..5, "_guard"),
            Edit::insert(13, "close();\n"),
        ];
        assert_eq!(
            apply_edits(text, &edits),
            "let _guard = g();\nclose();\nwait();\n"
        );
    }

    #[test]
    fn merge_skips_overlapping_fixes_and_deduplicates_identical_edits() {
        let a = Fix::new("a", Applicability::Safe, vec![Edit::insert(10, "x")]);
        let b = Fix::new("b", Applicability::Safe, vec![Edit::insert(10, "x")]);
        let c = Fix::new("c", Applicability::Safe, vec![Edit::insert(10, "y")]);
        let d = Fix::new("d", Applicability::Safe, vec![Edit::replace(8..12, "z")]);
        let e = Fix::new("e", Applicability::Safe, vec![Edit::replace(12..14, "w")]);
        let (edits, taken) = merge([(0, &a), (1, &b), (2, &c), (3, &d), (4, &e)]);
        assert_eq!(taken, vec![0, 1, 4]);
        assert_eq!(
            edits,
            vec![Edit::insert(10, "x"), Edit::replace(12..14, "w")]
        );
    }
}
