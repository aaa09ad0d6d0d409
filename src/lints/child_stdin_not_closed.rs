//! `child_stdin_not_closed`: the child's stdin is still open while the code waits for the
//! child to finish or for its output to end.

use std::ops::Range;

use syn::{Expr, Stmt};

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::Blocking;
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::fix::{Applicability, Fix, site};

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
written through `child.stdin.as_mut()` (with a method or `write!`/`writeln!`) and left in
place. std and tokio processes alike. A read or wait on another thread or task
(`thread::spawn`, a scoped thread, `tokio::spawn`) blocks only that thread: it is reported
where the code that holds stdin joins it (`handle.join()`, awaiting the task's handle,
`join!`, the end of `block_on`) with stdin still open. A struct that keeps the child in
one private field and its stdin (or a writer around it) in another, both stored by one
struct literal (`Worker { child, stdin }` after `let stdin = child.stdin.take()..`), is
reported where its methods call `self.child.wait()`, when nothing in the file (which no
other file's module can see into) closes the stdin field: no `take()`, `drop`, move out
or pattern, only writes and flushes.
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
passed to a function defined elsewhere is taken to be closed there. A thread whose handle
is not joined in the function (kept in a collection, returned, or joined only by the end of
`thread::scope`) is not followed to its join.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let flow = cx.flow();
    for held in &flow.held_pipes {
        out.extend(held_in_field(held));
    }
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
        // Blocking on another thread than the one holding stdin hangs only that thread,
        // until the holder joins it with stdin still open.
        let (at, join) = if event.elsewhere.contains(&stdin) {
            let joined = flow
                .joins_of(event.thread)
                .into_iter()
                .map(|j| &flow.events[j])
                .find(|j| j.live.contains(&stdin) && !j.elsewhere.contains(&stdin));
            match joined {
                Some(j) => (j, true),
                None => continue,
            }
        } else {
            (event, false)
        };
        let story = &flow.stories[stdin];
        let fix = story
            .taken_at
            .as_ref()
            .and_then(|taken| close_first(cx, taken, &at.span));
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
        // A future polled by `join!` is joined where it is written: one place.
        let (message, secondary) = if join && at.span != event.span {
            (
                format!(
                    "the child's stdin is still open when this waits for a thread or task that {blocks_on}: the child may wait for more input forever"
                ),
                vec![
                    Label {
                        span: at.span.clone(),
                        message: "this waits for that thread or task while stdin is open"
                            .to_string(),
                    },
                    Label {
                        span: event.span.clone(),
                        message: format!("{blocks_on} here, on another thread or task"),
                    },
                ],
            )
        } else {
            (
                format!(
                    "the child's stdin is still open when this {blocks_on}: the child may wait for more input forever"
                ),
                vec![Label {
                    span: event.span.clone(),
                    message: format!("this {blocks_on} while stdin is open"),
                }],
            )
        };
        out.push(Diagnostic {
            message,
            primary: Label {
                span,
                message: how.to_string(),
            },
            secondary,
            help: Some(
                "close stdin first: `drop(stdin)`, or write it in an inner block or on a thread that ends before you wait"
                    .to_string(),
            ),
            fix,
            reported_as: None,
        });
    }
}

/// `drop(stdin);` before the statement that blocks, when the taken pipe is bound by a plain
/// `let` whose block also holds that statement, and the name is neither moved nor bound
/// again in between nor used from there on (except by a `drop(stdin);` that comes too
/// late, which the fix moves): then the drop compiles and closes exactly the pipe the
/// child reads.
fn close_first(cx: &FileContext<'_>, taken: &Range<usize>, blocks: &Range<usize>) -> Option<Fix> {
    let bound = site::scopes_at(cx.syntax, taken.start)?;
    let (block, let_index) = site::innermost(&bound)?;
    let (pat, init) = site::bound_name(&block.stmts[let_index])?;
    if !is_taken_pipe(init) {
        return None;
    }
    let name = pat.ident.to_string();
    let at = site::scopes_at(cx.syntax, blocks.start)?;
    let index = at.iter().find_map(|s| match s {
        site::Scope::Block(b, i) if std::ptr::eq(*b, block) => Some(*i),
        _ => None,
    })?;
    if index <= let_index {
        return None;
    }
    let between = &block.stmts[let_index + 1..index];
    if between
        .iter()
        .any(|s| site::rebinds(s, &name) || site::moves(s, &name, 0..usize::MAX))
    {
        return None;
    }
    let code = format!("drop({name});");
    let mut edits = vec![site::insert_before(cx.source, &block.stmts[index], &code)];
    let mut message = format!("close stdin first: insert `{code}`");
    let mut later = block.stmts[index..]
        .iter()
        .filter(|s| site::mentions(*s, &name));
    match (later.next(), later.next()) {
        (None, _) => {}
        (Some(late), None) if is_drop_of(late, &name) => {
            edits.push(site::remove(cx.source, late));
            message = format!("close stdin first: move `{code}` before the blocking call");
        }
        _ => return None,
    }
    Some(Fix::new(message, Applicability::Safe, edits))
}

/// `drop(name);`
fn is_drop_of(stmt: &Stmt, name: &str) -> bool {
    let Stmt::Expr(Expr::Call(call), Some(_)) = stmt else {
        return false;
    };
    matches!(&*call.func, Expr::Path(f) if f.path.is_ident("drop"))
        && call.args.len() == 1
        && matches!(&call.args[0], Expr::Path(a) if a.path.is_ident(name))
}

/// The pipe itself out of the child (`child.stdin.take().unwrap()`, `...?`,
/// `child.stdin.expect(..)`), not something made from it.
fn is_taken_pipe(expr: &Expr) -> bool {
    match expr {
        Expr::Try(t) => is_taken_pipe(&t.expr),
        Expr::Paren(p) => is_taken_pipe(&p.expr),
        Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "take" => matches!(&*m.receiver, Expr::Field(f) if is_stdin(f)),
            "unwrap" | "expect" if matches!(&*m.receiver, Expr::Field(f) if is_stdin(f)) => true,
            "unwrap" | "expect" | "ok_or" | "ok_or_else" | "context" | "with_context" => {
                is_taken_pipe(&m.receiver)
            }
            _ => false,
        },
        _ => false,
    }
}

fn is_stdin(f: &syn::ExprField) -> bool {
    matches!(&f.member, syn::Member::Named(n) if n == "stdin")
}

/// `self.child.wait()` in a method of a struct that keeps the child's stdin in another
/// field (`Proc { child, stdin }`): the wait closes only what the child still holds.
fn held_in_field(held: &crate::flow::HeldPipe) -> Option<Diagnostic> {
    let (first, more) = held.waits.split_first()?;
    let place = format!("{}.{}", held.owner, held.field);
    Some(Diagnostic {
        message: format!(
            "`self.{}` is waited for while `{place}` still holds its {} open: a child that reads its input to the end never exits, and the wait never returns",
            held.child_field, held.part
        ),
        primary: Label {
            span: first.clone(),
            message: format!("waits for the child while `self.{}` is open", held.field),
        },
        secondary: std::iter::once(Label {
            span: held.store.clone(),
            message: format!(
                "the child's {} is kept here, and nothing that can reach the field closes it",
                held.part
            ),
        })
        .chain(more.iter().map(|span| Label {
            span: span.clone(),
            message: "waits here too".to_string(),
        }))
        .collect(),
        help: Some(format!(
            "close it before waiting: hold it as an `Option` and `drop(self.{0}.take())` first, or take `self` by value and `drop(self.{0})` before `self.{1}.wait()`",
            held.field, held.child_field
        )),
        fix: None,
        reported_as: None,
    })
}
