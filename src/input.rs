//! What the scan is given: the files to read, and the files that could not be read or
//! analysed, which are reported beside the findings rather than failing the run.

use std::path::PathBuf;

use serde::Serialize;

/// One file to scan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Input {
    pub path: PathBuf,
    /// How the path is shown to the user.
    pub display: String,
}

/// Why a file was not (fully) analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file or directory could not be read (permissions, broken link, link loop).
    Unreadable,
    NotUtf8,
    ParseError,
    /// Nested too deeply to parse without risking the stack.
    TooDeep,
    /// cargo-stray itself failed on this file: a bug to report.
    InternalError,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::NotUtf8 => "not_utf8",
            ProblemKind::ParseError => "parse_error",
            ProblemKind::TooDeep => "too_deep",
            ProblemKind::InternalError => "internal_error",
        }
    }
}

#[derive(Debug, Clone)]
pub struct FileProblem {
    pub display: String,
    pub kind: ProblemKind,
    pub message: String,
    /// 1-based line and column, where the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    /// The file as read, where it could be, and the byte offset of the problem in it: what
    /// the `file_not_analysed` finding points at.
    pub source: Option<(std::sync::Arc<crate::source::SourceFile>, Option<usize>)>,
}
