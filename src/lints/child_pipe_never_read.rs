//! `child_pipe_never_read`: a piped stdout or stderr that nobody reads while the code
//! waits for the child.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::Blocking;
use crate::catalog::process::{STDERR_PIPED, STDOUT_PIPED};
use crate::diagnostic::{Diagnostic, Label, Level};

pub const LINT: Lint = Lint {
    id: "child_pipe_never_read",
    family: Family::Process,
    default_level: Level::Deny,
    summary: "a child's stdout or stderr is piped but never read before the code waits for the child",
    docs: Docs {
        what_it_does: "
Finds a child process whose stdout or stderr is `Stdio::piped()` and that is waited for
with `wait()` without that pipe being taken or read first; and std's `Command::status()`
on a command that pipes stdout or stderr.
",
        why_is_this_bad: "
A pipe holds a limited amount of data (64 KiB on Linux). Once the child has written that
much to a pipe nobody reads, its next write blocks; the child never exits, and `wait()`
never returns. The program works in tests with small outputs and hangs in production.
`wait()` closes only stdin; `status()` waits without reading anything.
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
then read only partly. Pipes configured through a `Command` passed in from elsewhere are
not known.
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
                out.push(Diagnostic {
                    message: format!(
                        "the child's {names} is piped but never read before `wait()`: the child blocks once the pipe is full, and `wait()` never returns"
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
