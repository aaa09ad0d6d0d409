//! `transaction_not_committed`: a database transaction written to, then dropped on a
//! path that returns normally: its writes are rolled back without a word.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::Fate;
use crate::syntax::test_code;

pub const LINT: Lint = Lint {
    id: "transaction_not_committed",
    family: Family::Conn,
    default_level: Level::Warn,
    summary: "a database transaction that was written to is dropped without `commit()` on a path that returns normally",
    docs: Docs {
        what_it_does: "
Follows each transaction a function begins (sqlx's `pool.begin()`, `conn.begin()` and
`Transaction::begin`; tokio-postgres's and postgres's `client.transaction()` and
`build_transaction()..start()`; rusqlite's `conn.transaction()` and
`unchecked_transaction()`), and reports it when, after a write (`execute`,
`execute_many`, `batch_execute`, `execute_batch`, `copy_in`, with the transaction as the
receiver or, for sqlx, as the executor argument `&mut *tx`; a `fetch*`/`query*` whose
literal statement writes, as `INSERT .. RETURNING`; or a helper of the crate the
transaction is lent to that writes), a path that returns normally drops it without
`commit()` or `rollback()`. The message names the path and the writes it rolls back.
Other reads (`fetch*`, `query*`) keep following it but write nothing to lose.
Paths that leave with an error (`?`, `return Err(..)`, `bail!`) are not reported: rolling
back there is what the drop is for. A transaction returned, stored or handed to another
function by value is theirs to commit.
",
        why_is_this_bad: "
sqlx, tokio-postgres, postgres and rusqlite all roll a transaction back when it is
dropped (sqlx's `Drop` \"starts a rollback operation\"; rusqlite's \"Transactions will roll
back by default\"), and none of their `Transaction` types is `#[must_use]`. A function that
writes and then returns `Ok(())` without `commit()` reports success, and its writes are
silently undone.
",
        example: "
async fn rename(pool: &sqlx::PgPool, id: i64, name: &str) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(\"UPDATE users SET name = $1 WHERE id = $2\")
        .bind(name)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
",
        use_instead: "
async fn rename(pool: &sqlx::PgPool, id: i64, name: &str) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(\"UPDATE users SET name = $1 WHERE id = $2\")
        .bind(name)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
",
        known_limits: "
The pool, client or connection must be known by its type: a parameter, a `let` or a struct
field declared with it. A helper of the same crate that the transaction is lent to
(`insert_user(&mut tx, ..)`, `store(&mut *tx)` with a `&mut PgConnection` parameter,
`post(&tx)` for tokio-postgres) is followed: its writes count as the caller's. A
transaction lent to a function cargo-stray does not see into (another crate's, or one
taking `impl Executor`) counts as handed off. A read method given a statement spelled out
as a literal that writes (`INSERT .. RETURNING id` run by `fetch_one`) is a write; a
statement built at run time is taken for a read. A `return` from inside a macro of the
file is taken for an error exit. Where a write itself fails
(`if let Err(e) = query.execute(&mut *tx).await`), the transaction is aborted, and
returning from there is not reported. Test code (`#[cfg(test)]` modules, `#[test]`
functions) is not checked: a test's transaction is often rolled back on purpose, to leave
the database as it was. rusqlite's `unchecked_transaction()` is known on any receiver, as
no other library has the name; `transaction()` needs the connection's type.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut tests = None;
    for story in &cx.flow().stories {
        if story.resource.id != "transaction" {
            continue;
        }
        // A test's transaction is rolled back on purpose: it leaves the database as it
        // found it.
        let tests = tests.get_or_insert_with(|| test_code::ranges(cx.syntax));
        if tests.iter().any(|t| t.contains(&story.created.start)) {
            continue;
        }
        let Fate::Lost { always, witness } = &story.fate else {
            continue;
        };
        let path = witness.describe(cx.source);
        let lost = what_is_lost(cx, &witness.writes);
        let message = if *always {
            format!(
                "this transaction is written to but never committed: {path} drops it, and {lost} rolled back"
            )
        } else {
            format!("{path} drops this transaction without `commit()`: {lost} rolled back")
        };
        let mut secondary: Vec<Label> = witness
            .writes
            .iter()
            .take(MAX_WRITE_LABELS)
            .map(|&at| Label {
                span: at..at + callee_len(&cx.source.text, at),
                message: "written here".to_string(),
            })
            .collect();
        secondary.push(Label {
            span: witness.span.clone(),
            message:
                "dropped here on a path that returns normally: everything written is rolled back"
                    .to_string(),
        });
        out.push(Diagnostic {
            message,
            primary: Label {
                span: story.created.clone(),
                message: "the transaction begins here".to_string(),
            },
            secondary,
            help: Some(
                "call `tx.commit()` (and await it, for sqlx and tokio-postgres) before this path returns, or `tx.rollback()` if undoing the writes is what it means".to_string(),
            ),
            fix: None,
            reported_as: None,
        });
    }
}

/// Labels beyond these would bury the snippet; the message still counts every write.
const MAX_WRITE_LABELS: usize = 3;

/// "its write at line 5 is", "its 2 writes (lines 5 and 9) are": what the path that drops
/// the transaction had written.
fn what_is_lost(cx: &FileContext<'_>, writes: &[usize]) -> String {
    let mut lines: Vec<usize> = writes
        .iter()
        .map(|&at| cx.source.position(at).line)
        .collect();
    lines.dedup();
    match (writes.len(), lines.as_slice()) {
        // Only a path the engine could not place: say what it knows.
        (0, _) => "its writes are".to_string(),
        (1, [line]) => format!("its write at line {line} is"),
        (n, [line]) => format!("its {n} writes at line {line} are"),
        (n, lines) => format!("its {n} writes (lines {}) are", list(lines)),
    }
}

/// "5", "5 and 9", "5, 9 and 12".
fn list(lines: &[usize]) -> String {
    match lines {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(usize::to_string).collect();
            format!("{} and {last}", init.join(", "))
        }
    }
}

/// The length of the callee named at `at`: a method's name (`execute`), or the helper a
/// call writes through (`db::insert_user`, `self.insert_user`).
fn callee_len(text: &str, at: usize) -> usize {
    text.get(at..).map_or(0, |rest| {
        rest.find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | ':' | '.')))
            .unwrap_or(rest.len())
    })
}
