//! The effective settings of one run: lint levels and how to run.

use std::collections::HashMap;

use crate::diagnostic::{Level, Severity};
use crate::lints::Lint;

#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Levels that differ from the lints' defaults, by lint id.
    pub levels: HashMap<&'static str, Level>,
    /// Warnings fail the run too (exit code 1).
    pub deny_warnings: bool,
    /// Worker threads; `None`: one per core.
    pub jobs: Option<usize>,
}

impl Config {
    pub fn level(&self, lint: &Lint) -> Level {
        self.levels
            .get(lint.id)
            .copied()
            .unwrap_or(lint.default_level)
    }

    /// The severity findings of `lint` are reported with; `None` when it is allowed.
    pub fn severity(&self, lint: &Lint) -> Option<Severity> {
        match self.level(lint) {
            Level::Allow => None,
            Level::Warn => Some(Severity::Warning),
            Level::Deny => Some(Severity::Error),
        }
    }
}
