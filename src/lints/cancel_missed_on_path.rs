//! `cancel_missed_on_path`: a token cancelled on some paths, but an early exit leaves its
//! waiters running.

use super::cancel_token_never_cancelled::Families;
use super::{Check, Docs, Family, FileContext, Lint};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::Exit;

pub const LINT: Lint = Lint {
    id: "cancel_missed_on_path",
    family: Family::Cancel,
    default_level: Level::Warn,
    summary: "a cancellation token is cancelled on some paths, but an early exit after its waiters started leaves it uncancelled",
    docs: Docs {
        what_it_does: "
Finds a `CancellationToken` created in a function and cancelled (or guarded) on some
paths, where an exit (`?`, `return`, `break` or `continue` out of the loop it lives in,
or the end of its scope), reached after tasks started waiting on it, drops its last
handle without cancelling it. The finding names the exit, as `go vet`'s lostcancel does.
",
        why_is_this_bad: "
The error path is where cleanup is forgotten: the normal path cancels the workers, the
`?` three lines earlier returns without doing so, and the workers keep waiting forever.
A `DropGuard` cancels on every path, including the ones added later.
",
        example: "
use tokio_util::sync::CancellationToken;

async fn sync_all() -> std::io::Result<()> {
    let token = CancellationToken::new();
    let worker = token.clone();
    tokio::spawn(async move { worker.cancelled().await });
    fetch_manifest().await?;
    token.cancel();
    Ok(())
}
",
        use_instead: "
use tokio_util::sync::CancellationToken;

async fn sync_all() -> std::io::Result<()> {
    let token = CancellationToken::new();
    let _guard = token.clone().drop_guard();
    let worker = token.clone();
    tokio::spawn(async move { worker.cancelled().await });
    fetch_manifest().await?;
    Ok(())
}
",
        known_limits: "
Only exits after the first waiter are reported: an exit before any task waits on the token
loses nothing. A token that is never cancelled on any path is `cancel_token_never_cancelled`.
An exit where the token is known to be cancelled already is not one that loses it: the end
of `while !token.is_cancelled()`, the inside of `if token.is_cancelled()`, and what runs
after `token.cancelled()` completes (awaited, or as a `select!` branch).
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let flow = cx.flow();
    let families = Families::new(flow);
    for (id, story) in flow.stories.iter().enumerate() {
        if story.resource.id != "cancellation_token"
            || story.parent.is_some()
            || !story.discharged_somewhere
        {
            continue;
        }
        if families.first_waiter(id).is_none() {
            continue;
        }
        let crate::flow::Fate::Lost { .. } = &story.fate else {
            continue;
        };
        let Some(exit) = story
            .losses
            .iter()
            .filter(|l| l.thread == 0 && l.waited && l.exit != Exit::Discarded)
            .min_by_key(|l| l.span.start)
        else {
            continue;
        };
        let line = cx.source.position(exit.span.start).line;
        let created = cx.source.position(story.created.start).line;
        let what = match exit.exit {
            Exit::Try => "`?`".to_string(),
            Exit::Return => "`return`".to_string(),
            Exit::Break => "`break`".to_string(),
            Exit::Continue => "`continue`".to_string(),
            Exit::Dropped => "`drop`".to_string(),
            Exit::Overwritten => "assignment".to_string(),
            Exit::EndOfScope | Exit::Discarded => "end of scope".to_string(),
            Exit::Macro => exit
                .macro_name(cx.source)
                .map_or("macro".to_string(), |m| format!("`{m}!`")),
            Exit::Guard => "guard's closure".to_string(),
        };
        out.push(Diagnostic {
            message: format!(
                "this {what} at line {line} leaves without cancelling the token created at line {created}: its waiters are never woken"
            ),
            primary: Label {
                span: story.created.clone(),
                message: "cancelled on other paths, but not on the path through the exit".to_string(),
            },
            secondary: vec![Label {
                span: exit.span.clone(),
                message: format!("this {what} leaves without cancelling"),
            }],
            help: Some(
                "hold a guard that cancels on every path: `let _guard = token.clone().drop_guard();`, or call `token.cancel()` before this exit"
                    .to_string(),
            ),
            fix: None,
            reported_as: None,
        });
    }
}
