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
or task, while the other pipe is still open and unread.
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
        .filter(|e| e.blocking == Blocking::ReadToEof)
        .filter_map(|e| {
            let pipe = e.object?;
            let (child, part) = flow.stories[pipe].part_of?;
            Some((e, pipe, child, part.field))
        })
        .collect();
    for (i, (first, pipe, child, field)) in reads.iter().enumerate() {
        let other_field = match *field {
            "stdout" => "stderr",
            "stderr" => "stdout",
            _ => continue,
        };
        let Some(other) = flow.part(*child, other_field) else {
            continue;
        };
        // The other pipe, still open here, is read to its end later on the same thread.
        if !first.open(other) {
            continue;
        }
        let Some((second, ..)) = reads[i + 1..]
            .iter()
            .find(|(e, p, ..)| *p == other && e.thread == first.thread && *p != *pipe)
        else {
            continue;
        };
        out.push(Diagnostic {
            message: format!(
                "the child's {field} is read to its end while its {other_field} is not read: the child blocks once {other_field} fills, and this read never ends"
            ),
            primary: Label {
                span: first.span.clone(),
                message: format!("reads {field} to its end while {other_field} fills"),
            },
            secondary: vec![Label {
                span: second.span.clone(),
                message: format!("{other_field} is read only after that"),
            }],
            help: Some(format!(
                "use `wait_with_output()`, which reads both at once; or read {other_field} on a thread (or with `tokio::join!`) while reading {field}"
            )),
            fix: None,
            reported_as: None,
        });
    }
}
