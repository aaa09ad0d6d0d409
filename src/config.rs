//! The effective settings of one run: lint levels and how to run.

use std::collections::HashMap;

use crate::level::Level;

#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Levels that differ from the lints' defaults, by lint id.
    pub levels: HashMap<&'static str, Level>,
    /// Warnings fail the run too (exit code 1).
    pub deny_warnings: bool,
    /// Worker threads; `None`: one per core.
    pub jobs: Option<usize>,
    /// Resources the user declared in settings, followed like the built-in ones.
    pub resources: Vec<UserResource>,
    /// Analyse every file alone, without the index of its crate (to measure what the
    /// index costs and finds).
    pub files_alone: bool,
    /// Parse every file, even those that name nothing a finding can start from (to prove
    /// the pre-filter changes nothing, and to measure what it saves).
    pub no_prefilter: bool,
    /// Where the persistent cache lives; `None`: no cache.
    pub cache: Option<std::path::PathBuf>,
}

/// A resource declared in settings (`[[resources]]`): a `Session` that must be closed.
#[derive(Debug, Clone)]
pub struct UserResource {
    pub resource: &'static crate::catalog::Resource,
    /// The constructors, as path segments matched against the end of a call's resolved
    /// path (`["Session", "open"]` matches `crate::db::Session::open`).
    pub constructors: Vec<Vec<String>>,
    pub message: String,
    pub help: Option<String>,
    /// The id of the lint its findings are reported under.
    pub lint: &'static str,
}

impl UserResource {
    /// Whether a method call creates it: a constructor written `.name`.
    pub fn constructed_by_method(&self, method: &str) -> bool {
        self.constructors
            .iter()
            .any(|c| matches!(c.as_slice(), [m] if m.strip_prefix('.') == Some(method)))
    }

    /// Whether a call's resolved path ends with one of the constructors.
    pub fn constructs(&self, resolved: &str) -> bool {
        let segments: Vec<&str> = resolved.split("::").collect();
        self.constructors.iter().any(|c| {
            !c.first().is_some_and(|s| s.starts_with('.'))
                && c.len() <= segments.len()
                && segments[segments.len() - c.len()..]
                    .iter()
                    .zip(c)
                    .all(|(a, b)| a == b)
        })
    }
}

/// Gives configuration strings the `'static` lifetime the catalog's and the lints' data
/// has. Settings are read once per run, so what this leaks is bounded by their size.
pub(crate) fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}
