//! `abort_handle_unused`: a futures `AbortHandle` that can never abort anything.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::Fate;

pub const LINT: Lint = Lint {
    id: "abort_handle_unused",
    family: Family::Cancel,
    default_level: Level::Warn,
    summary: "a futures `AbortHandle` is discarded or never used to abort its future",
    docs: Docs {
        what_it_does: "
Finds the `AbortHandle` made by `AbortHandle::new_pair()` or `abortable(..)` (futures and
futures-util) when it is discarded (`_`), never used, or only asked `is_aborted()`, and is
not handed to other code (returned, stored, passed on, moved into a task).
",
        why_is_this_bad: "
An `Abortable` future stops only when `abort()` is called on its handle, and the handle
has no `Drop` that aborts. Without a live handle the future can never be stopped: the
`abortable` wrapper is dead weight that suggests a way to stop the work which does not
exist.
",
        example: "
use futures::future::abortable;

async fn start(work: impl std::future::Future<Output = ()> + Send + 'static) {
    let (task, _handle) = abortable(work);
    tokio::spawn(task);
}
",
        use_instead: "
use futures::future::{AbortHandle, abortable};

async fn start(work: impl std::future::Future<Output = ()> + Send + 'static) -> AbortHandle {
    let (task, handle) = abortable(work);
    tokio::spawn(task);
    handle
}
",
        known_limits: "
A handle used in a macro other than the formatting, assertion, logging, `select!` and
`join!` macros is taken as used.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for story in &cx.flow().stories {
        if story.resource.id != "abort_handle" || story.settled_somewhere {
            continue;
        }
        let Fate::Lost { witness, .. } = &story.fate else {
            continue;
        };
        out.push(Diagnostic {
            message: "this `AbortHandle` is never used to abort: its future can never be stopped".to_string(),
            primary: Label {
                span: story.created.clone(),
                message: "the handle is created here".to_string(),
            },
            secondary: vec![Label {
                span: witness.span.clone(),
                message: "and dropped here without `abort()` being called or the handle handed on".to_string(),
            }],
            help: Some(
                "keep the handle where the code that should stop the future can reach it, and call `handle.abort()` there; or drop `abortable` if the future never needs stopping"
                    .to_string(),
            ),
            fix: None,
            reported_as: None,
        });
    }
}
