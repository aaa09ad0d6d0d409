//! `unused_suppression`: a `stray: allow(..)` comment that suppresses nothing.

use super::{Check, Docs, Family, Lint};
use crate::diagnostic::Level;

pub const LINT: Lint = Lint {
    id: "unused_suppression",
    family: Family::Meta,
    default_level: Level::Warn,
    summary: "a `stray: allow(..)` comment suppresses nothing, or names no lint",
    docs: Docs {
        what_it_does: "
Reports each name in a `// stray: allow(..)` (or `//! stray: allow(..)`) comment that
suppressed no finding in the lines it covers, and each name that is not a lint id, a
family or `all`.
",
        why_is_this_bad: "
A suppression outlives the code it was written for: once the finding is fixed or the
code moves, a stale suppression silently hides the next real finding on those lines.
A misspelled lint name suppresses nothing at all.
",
        example: "
use std::process::Command;

fn run() -> std::io::Result<()> {
    // stray: allow(zombie_child) -- waited below
    let mut child = Command::new(\"ls\").spawn()?;
    child.wait()?;
    Ok(())
}
",
        use_instead: "
use std::process::Command;

fn run() -> std::io::Result<()> {
    let mut child = Command::new(\"ls\").spawn()?;
    child.wait()?;
    Ok(())
}
",
        known_limits: "
A suppression of a lint that is turned off for the file (`-A zombie_child`, a `[lints]`
setting) is not checked, since the lint did not run: nothing says its finding is gone.
The same holds for a family or `all` while any lint it names is off.
",
        settings: "",
    },
    check: Check::Suppressions,
};
