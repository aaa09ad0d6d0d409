//! `child_pipes_read_sequentially`: stdout and stderr read to their end one after the
//! other on the same thread.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::Blocking;
use crate::diagnostic::{Diagnostic, Label, Level};

pub const LINT: Lint = Lint {
    id: "child_pipes_read_sequentially",
    family: Family::Process,
    default_level: Level::Deny,
    summary: "a child's stdout and stderr are both piped and read to their end one after the other on one thread",
    docs: Docs {
        what_it_does: "
Finds a child process whose stdout and stderr are both piped and read to their end
(`read_to_end`, `read_to_string`, reading lines) one after the other on the same thread
or task, while the other pipe is still open and unread. A read on another thread counts
where that thread is joined: joining it before reading the other pipe is the same hang.
Reads after a `try_wait()` loop saw the child exit cannot block; a pipe left unread while
polling is `child_pipe_never_read`'s.
",
        why_is_this_bad: "
While the parent reads stdout to its end, nobody reads stderr. A child that writes more
than a pipe's capacity (64 KiB on Linux) to stderr blocks on that write and never closes
stdout, so the read of stdout never ends: a deadlock that appears only with large
outputs, as in rust-lang/rust#45572.
",
        example: "
use std::io::Read;
use std::process::{Command, Stdio};

fn run() -> std::io::Result<(String, String)> {
    let mut child = Command::new(\"make\")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let (mut out, mut err) = (String::new(), String::new());
    child.stdout.take().unwrap().read_to_string(&mut out)?;
    child.stderr.take().unwrap().read_to_string(&mut err)?;
    child.wait()?;
    Ok((out, err))
}
",
        use_instead: "
use std::process::{Command, Stdio};

fn run() -> std::io::Result<(String, String)> {
    let child = Command::new(\"make\")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let output = child.wait_with_output()?;
    Ok((
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}
",
        known_limits: "
Reads driven by `tokio::join!`/`select!` or by code in other functions are not followed,
and are not reported. The lint does not know how much the child writes: a child that
writes little to the second pipe never deadlocks.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let flow = cx.flow();
    let reads: Vec<_> = flow
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.blocking == Blocking::ReadToEof)
        .filter_map(|(i, e)| {
            let pipe = e.object?;
            let (child, part) = flow.stories[pipe].part_of?;
            Some((i, e, pipe, child, part.field))
        })
        .collect();
    // One finding per child, at its first read that blocks.
    let mut reported = std::collections::HashSet::new();
    for &(index, first, pipe, child, field) in &reads {
        if reported.contains(&child) {
            continue;
        }
        let other_field = match field {
            "stdout" => "stderr",
            "stderr" => "stdout",
            _ => continue,
        };
        let Some(other) = flow.part(child, other_field) else {
            continue;
        };
        // The read blocks its own thread, and each thread that joins it from the join on.
        let sites = std::iter::once((index, None)).chain(
            flow.joins_of(first.thread)
                .into_iter()
                .map(|j| (j, Some(&flow.events[j]))),
        );
        for (from, join) in sites {
            let at = join.unwrap_or(first);
            // The other pipe, still open there, is read to its end later on that thread.
            if !at.open(other) {
                continue;
            }
            // Polled until it exited first: the reads cannot block it (a pipe left
            // unread while polling is `child_pipe_never_read`'s).
            if flow.events[..from].iter().any(|e| {
                e.blocking == Blocking::Poll && e.object == Some(child) && e.thread == at.thread
            }) {
                continue;
            }
            let Some((_, second, ..)) = reads.iter().find(|(i, e, p, ..)| {
                *i > from && *p == other && e.thread == at.thread && *p != pipe
            }) else {
                continue;
            };
            let mut secondary = vec![Label {
                span: first.span.clone(),
                message: format!("reads {field} to its end while {other_field} fills"),
            }];
            if let Some(join) = join {
                secondary.push(Label {
                    span: join.span.clone(),
                    message: format!("waits for the thread that reads {field}"),
                });
            }
            secondary.push(Label {
                span: second.span.clone(),
                message: format!("{other_field} is read only after that"),
            });
            out.push(Diagnostic {
                message: format!(
                    "the child's {field} is read to its end before its {other_field}: the child blocks once {other_field} fills, and the read of {field} never ends"
                ),
                primary: Label {
                    span: flow.stories[child].created.clone(),
                    message: "spawned here with stdout and stderr piped".to_string(),
                },
                secondary,
                help: Some(format!(
                    "use `wait_with_output()`, which reads both at once; or read {other_field} on a thread (or with `tokio::join!`) while reading {field}"
                )),
                fix: None,
                reported_as: None,
            });
            reported.insert(child);
            break;
        }
    }
}
