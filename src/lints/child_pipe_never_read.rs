//! `child_pipe_never_read`: a piped stdout or stderr that nobody reads while the code
//! waits for the child.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::Blocking;
use crate::catalog::process::{STDERR_PIPED, STDOUT_PIPED};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::{Event, Flow, ObjectId};

pub const LINT: Lint = Lint {
    id: "child_pipe_never_read",
    family: Family::Process,
    default_level: Level::Deny,
    summary: "a child's stdout or stderr is piped but never read before the code waits for the child",
    docs: Docs {
        what_it_does: "
Finds a child process whose stdout or stderr is `Stdio::piped()` and that is waited for
with `wait()` without that pipe being taken or read first; std's `Command::status()` on a
command that pipes stdout or stderr; and a child polled with `try_wait()` in a loop while
a piped stdout or stderr is neither read nor handed to a reader between the polls, its
output read only once the poll says the child exited. A `Command` kept in a struct field
carries the pipes every constructor of the struct set on it (`cmd.stdout(Stdio::piped());
Runner { cmd }`) into the struct's methods that spawn it, in any file of the crate.
",
        why_is_this_bad: "
A pipe holds a limited amount of data (64 KiB on Linux). Once the child has written that
much to a pipe nobody reads, its next write blocks; the child never exits, and `wait()`
never returns. The program works in tests with small outputs and hangs in production.
`wait()` closes only stdin; `status()` waits without reading anything. A `try_wait()` loop
never sees such a child exit: it polls until its timeout kills the child, or forever.
",
        example: "
use std::process::{Command, Stdio};

fn build() -> std::io::Result<bool> {
    let mut child = Command::new(\"cargo\")
        .arg(\"build\")
        .stdout(Stdio::piped())
        .spawn()?;
    Ok(child.wait()?.success())
}
",
        use_instead: "
use std::process::{Command, Stdio};

fn build() -> std::io::Result<bool> {
    let child = Command::new(\"cargo\")
        .arg(\"build\")
        .stdout(Stdio::piped())
        .spawn()?;
    let output = child.wait_with_output()?;
    Ok(output.status.success())
}
",
        known_limits: "
A pipe counts as read once it is taken out of the child or used in place, even if it is
then read only partly; around a `try_wait()` loop, once it is read on some path. A
`try_wait()` loop is judged only when the output is read after it: a child polled and then
handed on, or whose output is never read, is not reported. Pipes configured through a
`Command` passed in from elsewhere are not known.
",
        settings: "",
    },
    check: Check::File(check),
};

const PIPES: [(&str, u32); 2] = [("stdout", STDOUT_PIPED), ("stderr", STDERR_PIPED)];

/// "stdout", "stderr" or "stdout and stderr": the piped streams (per `config`) that
/// `untouched` says nothing read; `None` when there is none.
fn unread(config: u32, untouched: impl Fn(&str) -> bool) -> Option<String> {
    let names: Vec<&str> = PIPES
        .iter()
        .filter(|(field, flag)| config & flag != 0 && untouched(field))
        .map(|(field, _)| *field)
        .collect();
    (!names.is_empty()).then(|| names.join(" and "))
}

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let flow = cx.flow();
    // One finding per polled child.
    let mut polled = std::collections::HashSet::new();
    // One finding per waited child, at its first wait (in the source); the finding's index
    // and where that wait is.
    let mut waited: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for event in &flow.events {
        match (event.blocking, event.object) {
            // A killed child cannot block on a full pipe.
            (Blocking::Wait, Some(child))
                if flow.stories[child].part_of.is_none() && !event.after_terminate =>
            {
                let story = &flow.stories[child];
                // Untouched until this wait (the analysis meets it later, if at all).
                let Some(names) = unread(story.config, |field| {
                    flow.part(child, field).is_none_or(|p| p >= event.known)
                }) else {
                    continue;
                };
                // Reached by another wait too: one finding, naming the waits in order.
                if let Some(&at) = waited.get(&child) {
                    let d: &mut Diagnostic = &mut out[at];
                    d.secondary.push(Label {
                        span: event.span.clone(),
                        message: "and waits here too".to_string(),
                    });
                    d.secondary.sort_by_key(|l| l.span.start);
                    for (i, l) in d.secondary.iter_mut().enumerate() {
                        l.message = if i == 0 {
                            format!("waits without reading {names}")
                        } else {
                            "and waits here too".to_string()
                        };
                    }
                    continue;
                }
                waited.insert(child, out.len());
                let verb = if names.contains(" and ") { "are" } else { "is" };
                out.push(Diagnostic {
                    message: format!(
                        "the child's {names} {verb} piped but never read before `wait()`: the child blocks once the pipe is full, and `wait()` never returns"
                    ),
                    primary: Label {
                        span: story.created.clone(),
                        message: format!("spawned here with {names} piped"),
                    },
                    secondary: vec![Label {
                        span: event.span.clone(),
                        message: format!("waits without reading {names}"),
                    }],
                    help: Some(format!(
                        "use `wait_with_output()`, which reads both pipes while waiting; or read {names} (on a thread if both are piped) before `wait()`; or use `Stdio::null()` if the output is not wanted"
                    )),
                    fix: None,
                    reported_as: None,
                });
            }
            (Blocking::Poll, Some(child))
                if flow.stories[child].part_of.is_none()
                    && !event.after_terminate
                    && polled.insert(child) =>
            {
                out.extend(poll_without_draining(flow, event, child));
            }
            (Blocking::Status, None) => {
                let Some(names) = unread(event.config, |_| true) else {
                    continue;
                };
                out.push(Diagnostic {
                    message: format!(
                        "`status()` with {names} piped: nothing reads the pipe, so the child blocks once it is full and `status()` never returns"
                    ),
                    primary: Label {
                        span: event.span.clone(),
                        message: format!("runs the command with {names} piped and reads nothing"),
                    },
                    secondary: Vec::new(),
                    help: Some(
                        "use `output()` to capture the output, or `Stdio::inherit()`/`Stdio::null()` with `status()`".to_string(),
                    ),
                    fix: None,
                    reported_as: None,
                });
            }
            _ => {}
        }
    }
}

/// A child polled in a loop (`try_wait()`) while a piped stdout or stderr is open and
/// nothing reads it between the polls, when the code reads its output to the end only
/// after the polls (so the loop waits for the exit): once the pipe is full the child never
/// exits, and the loop never sees it exit. A loop that only checks that the child is still
/// running (and then hands it on) waits for nothing.
fn poll_without_draining(flow: &Flow, poll: &Event, child: ObjectId) -> Option<Diagnostic> {
    let story = &flow.stories[child];
    // Where the output is read, once the poll said the child exited.
    let read = flow.events.iter().find(|e| {
        e.thread == poll.thread
            && e.span.start > poll.span.start
            && match (e.blocking, e.object) {
                (Blocking::WaitWithOutput, Some(c)) => c == child,
                (Blocking::ReadToEof, Some(p)) => {
                    flow.stories[p].part_of.is_some_and(|(c, _)| c == child)
                }
                _ => false,
            }
    })?;
    // Drained while polling: read (or handed to a reader) on some path around the loop.
    let names = unread(story.config, |field| {
        flow.part(child, field)
            .is_none_or(|p| poll.open(p) && !poll.used.contains(&p))
    })?;
    let (are, pipe) = if names.contains(" and ") {
        ("are", "a pipe")
    } else {
        ("is", "the pipe")
    };
    Some(Diagnostic {
        message: format!(
            "the child's {names} {are} piped but not read while `try_wait()` polls for its exit: the child blocks once {pipe} is full and never exits"
        ),
        primary: Label {
            span: story.created.clone(),
            message: format!("spawned here with {names} piped"),
        },
        secondary: vec![
            Label {
                span: poll.span.clone(),
                message: format!("polls for the child's exit without reading {names}"),
            },
            Label {
                span: read.span.clone(),
                message: "the output is read only once the child has exited".to_string(),
            },
        ],
        help: Some(format!(
            "read {names} on a thread while polling (or use `wait_with_output()` instead of the loop); or use `Stdio::null()` if the output is not wanted"
        )),
        fix: None,
        reported_as: None,
    })
}
