//! `task_tracker_not_closed`: waiting on a `TaskTracker` that is not closed.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::Blocking;
use crate::diagnostic::{Diagnostic, Label, Level};

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
        });
    }
}
