//! `file_not_analysed`: a file cargo-stray could not read or parse, so nothing in it was
//! checked. A finding, not a log line, so that CI and pre-commit fail on it by default.

use super::{Check, Docs, Family, Lint};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::input::{FileProblem, ProblemKind};

pub const LINT: Lint = Lint {
    id: "file_not_analysed",
    family: Family::Meta,
    default_level: Level::Deny,
    summary: "a file could not be read or parsed, so none of its code was checked",
    docs: Docs {
        what_it_does: "
Reports each file the scan had to skip: one that cannot be read (permissions, a broken or
looping symbolic link), that is not UTF-8, that is not Rust cargo-stray can parse (an
unclosed delimiter, an unterminated string, syntax of the 2015 edition such as bare trait
objects), or whose delimiters nest too deeply to parse safely. The message says what
was wrong and where.
",
        why_is_this_bad: "
A file that is skipped is not checked: in CI or a pre-commit hook, a broken file (or a
file in syntax cargo-stray cannot read) would otherwise pass with nothing said. The lint
is `deny` by default so that the run fails; the scan of the other files goes on.
",
        example: "
// src/legacy.rs, written for the 2015 edition:
use std::process::Command;

pub fn with_command<R>(make: Box<Fn(&mut Command) -> R>) -> R {
    make(&mut Command::new(\"true\"))
}
",
        use_instead: "
// src/legacy.rs, with the trait object written with `dyn` (which every edition accepts
// since Rust 1.27; `cargo fix --edition` makes the change):
use std::process::Command;

pub fn with_command<R>(make: Box<dyn Fn(&mut Command) -> R>) -> R {
    make(&mut Command::new(\"true\"))
}
",
        known_limits: "
A file cargo-stray cannot read has no place for a `stray: allow(..)` comment. To accept
it, exclude the file (`extend-exclude = [\"src/legacy.rs\"]` in `stray.toml`), or lower
the lint for the run (`-W file_not_analysed`) or in settings (`[lints]
file_not_analysed = \"warn\"`). A file the
pre-filter passes over (it names nothing a finding can start from) is not parsed, so its
syntax is not checked.
",
        settings: "",
    },
    check: Check::Problems,
};

/// What the finding says about a file the scan skipped: where the file says what went wrong, one
/// character there; else the file's start.
pub fn diagnostic(problem: &FileProblem) -> Diagnostic {
    let text = problem.source.as_ref().map_or("", |(s, _)| s.text.as_str());
    let span = match problem.source.as_ref().and_then(|(_, at)| *at) {
        // An offset inside a character (none is expected) points at nothing in it.
        Some(at) if at < text.len() => {
            let width = text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(0, char::len_utf8);
            at..at + width
        }
        _ => 0..0,
    };
    let (what, help) = match problem.kind {
        ProblemKind::Unreadable => (
            "this file could not be read",
            "make it readable, or exclude it (`extend-exclude` in `stray.toml`)",
        ),
        ProblemKind::NotUtf8 => (
            "this file is not UTF-8",
            "Rust sources are UTF-8: re-encode it, or exclude it (`extend-exclude` in `stray.toml`)",
        ),
        ProblemKind::ParseError => (
            "this file could not be parsed",
            "fix the syntax (`cargo check` points at the same place), or, if cargo-stray should not read this file, exclude it (`extend-exclude` in `stray.toml`) or lower this lint (`-W file_not_analysed`)",
        ),
        ProblemKind::TooDeep => (
            "this file nests too deeply to analyse safely",
            "exclude it (`extend-exclude` in `stray.toml`), or lower this lint (`-W file_not_analysed`)",
        ),
        ProblemKind::InternalError => (
            "cargo-stray failed on this file",
            "please report it, with the file if you can; exclude the file meanwhile",
        ),
    };
    Diagnostic {
        message: format!(
            "{what}, so none of its code was checked: {}",
            problem.message
        ),
        primary: Label {
            span,
            message: "here".to_string(),
        },
        secondary: Vec::new(),
        help: Some(help.to_string()),
        fix: None,
        reported_as: None,
    }
}
