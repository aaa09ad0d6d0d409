//! `task_tracker_not_closed`: waiting on a `TaskTracker` that is not closed.

use super::{Check, Docs, Family, FileContext, Lint, StoredReport, stored_field};
use crate::catalog::Blocking;
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::fix::{Applicability, Fix, site};

pub const LINT: Lint = Lint {
    id: "task_tracker_not_closed",
    family: Family::Cancel,
    default_level: Level::Deny,
    summary: "a `TaskTracker` is waited on along a path where it was not closed",
    docs: Docs {
        what_it_does: "
Finds `tracker.wait().await` on a tokio-util `TaskTracker` created in the function when
some path reaches it without `close()` on that tracker (or a clone of it) before. Quiet
when the tracker was handed to code that may close it (passed to a function not in the
file, stored, moved into a task that closes it).
A private field that holds one (`TaskTracker`, or an `Option` of it) is followed across the
whole file when no code outside the file can see it (the file declares no `mod x;` of
another file): where the file's code waits for it (`self.tracker.wait()`) and the field was given a new tracker (`TaskTracker::new()` in the literal), and nothing closes it or hands it out (a
`&mut` borrow passed on, a getter, a `clone()`, a move out, a pattern), it is reported at
the struct literal that stores it, naming the struct and the field.
",
        why_is_this_bad: "
`TaskTracker::wait()` returns only once the tracker is closed and empty. Without
`close()`, it never returns, even after every task has finished: the shutdown hangs.
",
        example: "
use tokio_util::task::TaskTracker;

async fn run_jobs() {
    let tracker = TaskTracker::new();
    for i in 0..10 {
        tracker.spawn(async move { println!(\"job {i}\") });
    }
    tracker.wait().await;
}
",
        use_instead: "
use tokio_util::task::TaskTracker;

async fn run_jobs() {
    let tracker = TaskTracker::new();
    for i in 0..10 {
        tracker.spawn(async move { println!(\"job {i}\") });
    }
    tracker.close();
    tracker.wait().await;
}
",
        known_limits: "
`reopen()` after `close()` is not followed. A tracker obtained from elsewhere (a field, a
parameter) is not followed: its owner may close it.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let flow = cx.flow();
    for field in &flow.stored {
        let waits = field.resource.blocking_on(Blocking::Completion);
        if field.resource.id != "task_tracker" || !field.calls_any(&waits) {
            continue;
        }
        let place = field.place();
        out.extend(stored_field(
            field,
            StoredReport {
                message: format!(
                    "the task tracker in `{place}` is waited for but never closed: nothing that can reach the private field closes it, so `wait()` never returns"
                ),
                stored: "created and stored here; never closed",
                calls: (&waits, "waits for a tracker that is never closed"),
                help: format!(
                    "call `self.{0}.close()` before `self.{0}.wait().await`: `wait` returns only once the tracker is closed and empty",
                    field.field
                ),
            },
        ));
    }
    for event in &flow.events {
        if event.blocking != Blocking::Completion {
            continue;
        }
        let Some(tracker) = event.object else {
            continue;
        };
        let story = &flow.stories[tracker];
        if story.resource.id != "task_tracker" || !event.live.contains(&tracker) {
            continue;
        }
        // A wait in a spawned task runs alongside the function, which may close the
        // tracker after spawning it.
        if event.thread != 0 && story.discharged_somewhere {
            continue;
        }
        out.push(Diagnostic {
            message:
                "`wait()` on a task tracker that is not closed on every path here: it never returns"
                    .to_string(),
            primary: Label {
                span: event.span.clone(),
                message: "waits for a tracker that may still be open".to_string(),
            },
            secondary: vec![Label {
                span: flow.stories[tracker].created.clone(),
                message: "the tracker is created here".to_string(),
            }],
            help: Some("call `tracker.close()` before `tracker.wait()` on every path".to_string()),
            fix: close_first(cx, &event.span, event.thread),
            reported_as: None,
        });
    }
}

/// `tracker.close();` before the statement that waits. Closing only forbids nothing:
/// tasks spawned after `close()` are still tracked, and `close()` twice is harmless, so
/// in the function itself the fix is certain. In a spawned task the function may still
/// be spawning work when the task closes and waits, and `wait()` could then return
/// before that work is tracked: offered, but unsafe.
fn close_first(cx: &FileContext<'_>, wait: &std::ops::Range<usize>, thread: usize) -> Option<Fix> {
    let text = cx.source.text.get(wait.clone())?.trim_end();
    let call = text.strip_suffix(".await").unwrap_or(text).trim_end();
    let receiver = call.strip_suffix("()")?.trim_end().strip_suffix("wait")?;
    let receiver = receiver.trim_end().strip_suffix('.')?.trim();
    // Only a place (`tracker`, `self.tracker`): evaluating it again has no effect.
    // Written afresh, without the comments and line breaks the call may have.
    let receiver = place(&syn::parse_str::<syn::Expr>(receiver).ok()?)?;
    let scopes = site::scopes_at(cx.syntax, wait.start)?;
    if site::in_closure_inside_statement(&scopes) {
        return None;
    }
    let (block, index) = site::innermost(&scopes)?;
    let code = format!("{receiver}.close();");
    let applicability = if thread == 0 {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    Some(Fix::new(
        format!("close the tracker first: insert `{code}`"),
        applicability,
        vec![site::insert_before(cx.source, &block.stmts[index], &code)],
    ))
}

/// `tracker`, `self.tracker`, `state.inner.tracker`: a variable and its fields.
fn place(expr: &syn::Expr) -> Option<String> {
    match expr {
        syn::Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(ToString::to_string),
        syn::Expr::Field(f) => {
            let member = match &f.member {
                syn::Member::Named(n) => n.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            };
            Some(format!("{}.{member}", place(&f.base)?))
        }
        syn::Expr::Paren(p) => place(&p.expr),
        _ => None,
    }
}
