//! `zombie_child`: a std child process that is not waited for on every path.

use super::{Check, Docs, Family, FileContext, Lint, StoredReport, stored_field};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::{Exit, Fate, Held, Loss, Story};
use crate::syntax::before_exit;

pub const LINT: Lint = Lint {
    id: "zombie_child",
    family: Family::Process,
    default_level: Level::Warn,
    summary: "a spawned std child process is not waited for on every path, and stays a zombie when it exits",
    docs: Docs {
        what_it_does: "
Follows each `std::process::Child` created by `Command::spawn()` through its function and
reports it when some path drops it without `wait()`, `wait_with_output()` or
`try_wait()`: an early `return` or `?`, a `break` or `continue`, the end of its scope, a
`let _ = cmd.spawn()` or `cmd.spawn()?;` that never binds it, or a `kill()` with no wait
after it. A child that is returned, stored in a struct, passed by value or `&mut` to
another function, or moved into a closure that is not a spawned thread or task is taken
to be someone else's, and is not reported. A wait inside `std::thread::spawn(move || ..)`
or `tokio::spawn(async move { .. })` counts. A scopeguard guard that owns the child
(`scopeguard::guard(child, |mut c| ..)`) runs its closure on it where the guard is
dropped: a closure that waits settles it, one that only kills it leaves a zombie.
`bail!`, a failed `ensure!` and a `return` inside a macro of the file are early exits
like `return`. In `impl Drop for T`, each field of `T` holding a child (also an
`Option<Child>` or a tuple struct's `.0`) is followed through `drop()`, and through the
methods of `T` it calls (`self.stop()`): a child that `drop` kills and never waits for is
reported, naming the struct and the field. A child `drop` leaves alone was meant to
outlive the struct, and is not, unless nothing else waits for it either: a private field
holding a child (a `Child`, an `Option<Child>`, a tuple struct's `.0`) is followed across
the whole file when no code outside the file can see it (the file declares no `mod x;` of
another file). Where no code waits for it, polls it with `try_wait()`, or hands it out (a
`&mut` borrow passed on, a getter, `take()`, a move out, a pattern, its pid taken for
anything but printing), it is reported at the struct literal that stores it, naming the
struct and the field. clippy's `zombie_processes` looks for the same bug: where
`#[allow(clippy::zombie_processes)]` or `#[expect(clippy::zombie_processes)]` declines
it, this lint is silenced too (counted as suppressed).
",
        why_is_this_bad: "
std's `Child` has no `Drop` implementation: dropping it neither waits for the process nor
kills it. A child that exits before it is waited for stays in the process table as a
zombie until the parent exits, holding its process id and exit status. A long-running
program that spawns children this way exhausts the process table; `kill()` sends a
signal but does not reap the child either.
",
        example: "
use std::process::Command;

fn compress(path: &str) -> std::io::Result<()> {
    let mut child = Command::new(\"gzip\").arg(path).spawn()?;
    if path.ends_with(\".gz\") {
        return Ok(());
    }
    child.wait()?;
    Ok(())
}
",
        use_instead: "
use std::process::Command;

fn compress(path: &str) -> std::io::Result<()> {
    if path.ends_with(\".gz\") {
        return Ok(());
    }
    let mut child = Command::new(\"gzip\").arg(path).spawn()?;
    child.wait()?;
    Ok(())
}
",
        known_limits: "
Only std's `Command` is tracked: tokio and async-process reap their children themselves.
A `try_wait()` counts as a wait where its result is seen to hold `Some` (`if let Some(..)`,
`is_some()`/`is_none()` tested by an `if`, a polling loop) or inspected in a way that is
not followed. Children
kept in a local collection are followed while they are only pushed into it; any other use
of the collection (iterating it to wait, returning it) hands them off. A child created in
a closure that is not run by a spawner, or in a macro other than the formatting,
assertion and logging macros, is not followed. Windows has no zombie processes: code
compiled only for it (`#[cfg(windows)]` items, `#![cfg(windows)]` files, files that import
`std::os::windows`, and modules named `windows`, as `#[cfg(windows)] mod windows;`
declares them) is not analysed. A child dropped just before the process exits (the next
statement calls `std::process::exit`, as an app that spawns its new self and exits does)
leaves no zombie and is not reported. A crate made Windows-only by its root alone
(`#![cfg(windows)]` in `lib.rs`) is not known as such in its other files.
",
        settings: "",
    },
    check: Check::File(check),
};

/// Where each lost child of the file is lost, whether the process exits right after: one
/// walk of the file for all of them, and none where no child is lost.
fn exits_after_losses(cx: &FileContext<'_>) -> std::collections::HashMap<usize, bool> {
    let points: Vec<usize> = cx
        .flow()
        .stories
        .iter()
        .filter(|s| s.resource.id == "std_child" && s.part_of.is_none())
        .filter_map(|s| match &s.fate {
            Fate::Lost { witness, .. } => Some(witness.span.start),
            Fate::Settled => None,
        })
        .collect();
    if points.is_empty() {
        return std::collections::HashMap::new();
    }
    let exits = before_exit::exits_after(cx.syntax, &points);
    points.into_iter().zip(exits).collect()
}

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for field in &cx.flow().stored {
        if field.resource.id != "std_child" {
            continue;
        }
        let place = field.place();
        out.extend(stored_field(
            field,
            StoredReport {
                message: format!(
                    "the child process stored in `{place}` is never waited for: nothing that can reach the private field waits for it, so it stays a zombie when it exits"
                ),
                stored: "stored here, and never waited for",
                calls: (field.resource.terminate, "killed here, but a kill does not reap it"),
                help: format!(
                    "wait for it when `{}` is done with it: a `Drop` impl or a shutdown method that calls `self.{}.wait()` (after `kill()` if it must stop)",
                    field.owner, field.field
                ),
            },
        ));
    }
    let exits = exits_after_losses(cx);
    for story in &cx.flow().stories {
        if story.resource.id != "std_child" || story.part_of.is_some() {
            continue;
        }
        let Fate::Lost { always, witness } = &story.fate else {
            continue;
        };
        // Dropped just before the process exits (an app spawning its new self): the
        // child is reparented, and nothing is left to reap.
        if exits.get(&witness.span.start) == Some(&true) {
            continue;
        }
        if let Some(held) = &story.held {
            out.push(killed_in_drop(story, held, witness));
            continue;
        }
        let message = if *always {
            match witness.exit {
                Exit::Discarded => {
                    "spawned child process is dropped without being waited for: it stays a zombie when it exits".to_string()
                }
                _ => "spawned child process is never waited for: it stays a zombie when it exits".to_string(),
            }
        } else {
            format!(
                "spawned child process is not waited for on every path: {} leaves it a zombie",
                witness.describe(cx.source)
            )
        };
        let help = match witness.exit {
            Exit::Guard => {
                "wait for the child in the guard's closure (`let _ = c.wait();` after `kill()`): `kill()` alone does not reap it"
            }
            Exit::Discarded => {
                "bind the child and call `.wait()` on it, or run the command with `.status()` or `.output()`, which wait for it"
            }
            _ => {
                "call `.wait()` (or `.wait_with_output()`) on the child on every path before it goes out of scope; `kill()` alone does not reap it"
            }
        };
        out.push(Diagnostic {
            message,
            primary: Label {
                span: story.created.clone(),
                message: "the child process is spawned here".to_string(),
            },
            secondary: vec![Label {
                span: witness.span.clone(),
                message: loss_label(witness.exit).to_string(),
            }],
            help: Some(help.to_string()),
            fix: None,
            reported_as: None,
        });
    }
}

/// A child a struct holds, killed by its `drop` and not waited for there.
fn killed_in_drop(story: &Story, held: &Held, witness: &Loss) -> Diagnostic {
    let place = format!("{}.{}", held.owner, held.field);
    let killed = story.terminated_at.clone().unwrap_or(story.created.clone());
    let end = match witness.exit {
        Exit::Return => "this `return` leaves `drop` without waiting for it",
        Exit::Try => "this `?` leaves `drop` without waiting for it",
        _ => "no wait for it follows the kill, up to here",
    };
    Diagnostic {
        message: format!(
            "the child process in `{place}` is killed when `{}` is dropped but never waited for: it stays a zombie",
            held.owner
        ),
        primary: Label {
            span: killed,
            message: "the child is killed here".to_string(),
        },
        secondary: vec![Label {
            span: witness.span.clone(),
            message: end.to_string(),
        }],
        help: Some(
            "call `.wait()` on the child after `kill()`: the kill only sends the signal, and the wait returns as soon as the process is gone".to_string(),
        ),
        fix: None,
        reported_as: None,
    }
}

fn loss_label(exit: Exit) -> &'static str {
    match exit {
        Exit::Return => "this `return` leaves without waiting for the child",
        Exit::Try => "this `?` returns early without waiting for the child",
        Exit::Break => "this `break` leaves the loop without waiting for the child",
        Exit::Continue => "this `continue` drops the child without waiting for it",
        Exit::EndOfScope => "the child is dropped here without being waited for",
        Exit::Dropped => "the child is dropped here without being waited for",
        Exit::Overwritten => "the child is overwritten here without being waited for",
        Exit::Discarded => "the child is dropped at the end of this statement",
        Exit::Macro => "this macro returns early without waiting for the child",
        Exit::Guard => "this guard's closure drops the child without waiting for it",
    }
}
