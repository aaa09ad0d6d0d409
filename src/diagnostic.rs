//! What a lint says about one place: the message, the spans it points at, help and a fix.

use std::ops::Range;

// Every lint file names its default level and its diagnostics in one import; the level
// lives below, in `level`, and is re-exported here so those imports stay as they are.
pub use crate::level::Level;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Label {
    /// Byte range in the file.
    pub span: Range<usize>,
    pub message: String,
}

/// What a lint says about one place, before levels and files are attached.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub message: String,
    /// Where the obligation is created.
    pub primary: Label,
    /// Where it is lost, and anything else worth pointing at.
    pub secondary: Vec<Label>,
    pub help: Option<String>,
    /// The edit that fixes it, when the lint is sure enough to offer one.
    pub fix: Option<crate::fix::Fix>,
    /// The id of the lint to report it under, when not the one that found it: a resource
    /// declared in settings with its own lint id.
    #[serde(with = "crate::serial::interned_option")]
    pub reported_as: Option<crate::serial::StaticStr>,
}
