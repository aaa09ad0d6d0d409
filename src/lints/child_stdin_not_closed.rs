//! `child_stdin_not_closed`: the child's stdin is still open while the code waits for the
//! child to finish or for its output to end.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::Blocking;
use crate::diagnostic::{Diagnostic, Label, Level};

pub const LINT: Lint = Lint {
    id: "child_stdin_not_closed",
    family: Family::Process,
    default_level: Level::Deny,
    summary: "a child's stdin is still open while the code waits for the child to exit or for its output to end",
    docs: Docs {
        what_it_does: "
Finds a child process whose stdin pipe is still open at a point where the code blocks on
the child's end: `wait()` or `wait_with_output()` while stdin, taken out with
`child.stdin.take()`, is still held in a live binding; or a read of the child's stdout to
its end (`read_to_end`, `read_to_string`, reading its lines) while stdin is held, or was
written through `child.stdin.as_mut()` and left in place. std and tokio processes alike.
",
        why_is_this_bad: "
Many programs (`cat`, `sort`, `gzip`, `bc`, `tr`, `jq`) read their stdin until end of
file before they finish or even produce their output. They see end of file only when
every write end of the pipe is closed. `wait()` closes the stdin still inside the `Child`,
but not one the caller took out and still holds: the child waits for more input, the
parent waits for the child, and both hang forever.
",
        example: "
use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn sort(input: &str) -> std::io::Result<String> {
    let mut child = Command::new(\"sort\")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes())?;
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out)?;
    child.wait()?;
    Ok(out)
}
",
        use_instead: "
use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn sort(input: &str) -> std::io::Result<String> {
    let mut child = Command::new(\"sort\")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes())?;
    drop(stdin);
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out)?;
    child.wait()?;
    Ok(out)
}
",
        known_limits: "
A large input written to stdin before stdout is read can also deadlock (the child fills
its stdout pipe while the parent is still writing); write from a thread when the input
may exceed the pipe buffer. That case is not reported. A stdin kept in a struct field or
passed to a function defined elsewhere is taken to be closed there.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let flow = cx.flow();
    let mut reported = std::collections::HashSet::new();
    for event in &flow.events {
        let Some(object) = event.object else { continue };
        // The child blocked on: the object itself for a wait, its parent for a read.
        let (child, blocks_on) = match (event.blocking, flow.stories[object].part_of) {
            (Blocking::Wait | Blocking::WaitWithOutput, None) => {
                (object, "waits for the child to exit")
            }
            (Blocking::ReadToEof, Some((parent, part))) if part.field == "stdout" => {
                (parent, "reads the child's stdout to its end")
            }
            _ => continue,
        };
        let Some(stdin) = flow.part(child, "stdin") else {
            continue;
        };
        if !event.live.contains(&stdin) {
            continue;
        }
        let story = &flow.stories[stdin];
        let (span, how) = match (&story.taken_at, event.blocking) {
            (Some(taken), _) => (taken.clone(), "stdin is taken here and still held"),
            // Left in the child: `wait` closes it itself; a read of stdout does not.
            (None, Blocking::ReadToEof) if story.written => (
                story.created.clone(),
                "stdin is written here and left open in the child",
            ),
            _ => continue,
        };
        // One finding per open stdin, at the first place that blocks on it.
        if !reported.insert(span.start) {
            continue;
        }
        out.push(Diagnostic {
            message: format!(
                "the child's stdin is still open when this {}: the child may wait for more input forever",
                blocks_on
            ),
            primary: Label {
                span,
                message: how.to_string(),
            },
            secondary: vec![Label {
                span: event.span.clone(),
                message: format!("this {blocks_on} while stdin is open"),
            }],
            help: Some(
                "close stdin first: `drop(stdin)`, or write it in an inner block or on a thread that ends before you wait"
                    .to_string(),
            ),
        });
    }
}
