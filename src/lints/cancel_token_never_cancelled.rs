//! `cancel_token_never_cancelled`: a token that tasks wait on, and that nothing cancels.

use super::{Check, Docs, Family, FileContext, Lint, StoredReport, stored_field};
use crate::catalog::Blocking;
use crate::diagnostic::{Diagnostic, Label, Level};

pub const LINT: Lint = Lint {
    id: "cancel_token_never_cancelled",
    family: Family::Cancel,
    default_level: Level::Warn,
    summary: "a cancellation token that tasks wait on is never cancelled, guarded or handed to code that could cancel it",
    docs: Docs {
        what_it_does: "
Finds a tokio-util `CancellationToken` created in a function (`CancellationToken::new()`
or `default()`), whose clones or child tokens are waited on (`cancelled().await` in a
spawned task or a `select!` arm, `run_until_cancelled`, a worker function of the same crate
that only waits on it), while no handle of the token is cancelled, held in a `DropGuard`,
or handed to code that could cancel it (returned, stored in a struct, passed to a function
that is not in the file or that does more than wait, captured by a closure that is not
run as a task). All clones are one token.
A private field that holds one (`CancellationToken`, or an `Option` of it) is followed across the
whole file when no code outside the file can see it (the file declares no `mod x;` of
another file): where the file's code waits on it (`self.token.cancelled()`) and the field was given a new token (`CancellationToken::new()` in the literal: a token passed in has other handles), and nothing cancels it or hands it out (a
`&mut` borrow passed on, a getter, a `clone()`, a move out, a pattern), it is reported at
the struct literal that stores it, naming the struct and the field.
",
        why_is_this_bad: "
Dropping every handle of a `CancellationToken` does not cancel it. The tasks waiting on
`cancelled()` are never woken: they keep running after the work they belong to is gone,
hold their resources, and a shutdown that waits for them hangs.
",
        example: "
use tokio_util::sync::CancellationToken;

async fn serve() {
    let token = CancellationToken::new();
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
        println!(\"worker stopped\");
    });
    run_server().await;
}
",
        use_instead: "
use tokio_util::sync::CancellationToken;

async fn serve() {
    let token = CancellationToken::new();
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
        println!(\"worker stopped\");
    });
    run_server().await;
    token.cancel();
}
",
        known_limits: "
A token obtained from elsewhere (a parameter, a field) is not followed: its owner may
cancel it. An async block stored in a variable and awaited or joined later is taken as
handing the token off. Only functions of the same crate are followed into, and only when all they do
with the token is wait on it; methods called on `self` are taken as handing it off.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let flow = cx.flow();
    for field in &flow.stored {
        let waits = field.resource.blocking_on(Blocking::Cancellation);
        if field.resource.id != "cancellation_token" || !field.calls_any(&waits) {
            continue;
        }
        let place = field.place();
        out.extend(stored_field(
            field,
            StoredReport {
                message: format!(
                    "the cancellation token in `{place}` is waited on but never cancelled: nothing that can reach the private field cancels it or hands it out, so its waiters are never woken"
                ),
                stored: "created and stored here; never cancelled",
                calls: (&waits, "waits for a cancellation that never comes"),
                help: format!(
                    "call `self.{}.cancel()` where `{}` should stop (a `shutdown` method or a `Drop` impl), or store a `drop_guard()` that cancels it when the struct is dropped",
                    field.field, field.owner
                ),
            },
        ));
    }
    let families = Families::new(flow);
    for (id, story) in flow.stories.iter().enumerate() {
        if story.resource.id != "cancellation_token" || story.parent.is_some() {
            continue;
        }
        if families.settled_anywhere(id) {
            continue;
        }
        let Some(wait) = families.first_waiter(id) else {
            continue;
        };
        out.push(Diagnostic {
            message: "this cancellation token is never cancelled: the tasks waiting on it are never woken".to_string(),
            primary: Label {
                span: story.created.clone(),
                message: "created here; no handle of it is ever cancelled".to_string(),
            },
            secondary: std::iter::once(Label {
                span: wait.clone(),
                message: "waits for a cancellation that never comes".to_string(),
            })
            .chain(last_handle_lost(story).map(|span| Label {
                span,
                message: "the last handle is dropped here without cancelling".to_string(),
            }))
            .collect(),
            help: Some(
                "call `token.cancel()` when the work should stop, or hold a guard that cancels when the scope ends: `let _guard = token.drop_guard();`"
                    .to_string(),
            ),
            fix: None,
            reported_as: None,
        });
    }
}

/// Where the function's last handle of the token goes (on the function's own path).
fn last_handle_lost(story: &crate::flow::Story) -> Option<std::ops::Range<usize>> {
    story
        .losses
        .iter()
        .filter(|l| l.thread == 0)
        .map(|l| l.span.clone())
        .max_by_key(|s| s.start)
}

/// Token trees: each root with every token made from it, and where each is waited on,
/// computed once per file.
pub(crate) struct Families {
    /// Roots of which some token was settled on some path.
    settled: std::collections::HashSet<usize>,
    first_wait: std::collections::HashMap<usize, std::ops::Range<usize>>,
}

impl Families {
    pub(crate) fn new(flow: &crate::flow::Flow) -> Self {
        let root_of: Vec<usize> = (0..flow.stories.len())
            .map(|mut id| {
                // Parents are created before their children: the chain is short and ends.
                while let Some(p) = flow.stories[id].parent {
                    id = p;
                }
                id
            })
            .collect();
        let mut first_wait: std::collections::HashMap<usize, std::ops::Range<usize>> =
            std::collections::HashMap::new();
        for e in flow
            .events
            .iter()
            .filter(|e| e.blocking == Blocking::Cancellation)
        {
            let Some(o) = e.object else { continue };
            let root = root_of[o];
            let entry = first_wait.entry(root).or_insert_with(|| e.span.clone());
            if e.span.start < entry.start {
                *entry = e.span.clone();
            }
        }
        let settled = (0..flow.stories.len())
            .filter(|&id| flow.stories[id].settled_somewhere)
            .map(|id| root_of[id])
            .collect();
        Families {
            settled,
            first_wait,
        }
    }

    /// Whether the token, or any token made from it, was settled on some path.
    pub(crate) fn settled_anywhere(&self, root: usize) -> bool {
        self.settled.contains(&root)
    }

    /// The first place a task waits on the token or on a token made from it.
    pub(crate) fn first_waiter(&self, root: usize) -> Option<std::ops::Range<usize>> {
        self.first_wait.get(&root).cloned()
    }
}
