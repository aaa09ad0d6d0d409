//! `transaction_not_committed`: a database transaction written to, then dropped on a
//! path that returns normally: its writes are rolled back without a word.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::Fate;

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
receiver or, for sqlx, as the executor argument `&mut *tx`), a path that returns normally
drops it without `commit()` or `rollback()`. Reads (`fetch*`, `query*`) keep following it
but write nothing to lose.
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
field declared with it. A transaction passed by `&mut` to a function cargo-stray does not
see into counts as handed off. A write made inside a helper of the crate that the
transaction is lent to (`insert_user(&mut tx, ..)`) is not seen yet: if the function
itself writes nothing, its transaction is not reported. A `return` from inside a macro of the file is taken for an error exit.
A write made through `fetch_one` (`INSERT .. RETURNING`) is not counted as one. Where a
write itself fails (`if let Err(e) = query.execute(&mut *tx).await`), the transaction is
aborted, and returning from there is not reported.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for story in &cx.flow().stories {
        if story.resource.id != "transaction" {
            continue;
        }
        let Fate::Lost { always, witness } = &story.fate else {
            continue;
        };
        let path = witness.describe(cx.source);
        let message = if *always {
            format!(
                "this transaction is written to but never committed: {path} drops it, and its writes are rolled back"
            )
        } else {
            format!("{path} drops this transaction without `commit()`: its writes are rolled back")
        };
        out.push(Diagnostic {
            message,
            primary: Label {
                span: story.created.clone(),
                message: "the transaction begins here, and is written to".to_string(),
            },
            secondary: vec![Label {
                span: witness.span.clone(),
                message: "dropped here on a path that returns normally: everything written is rolled back".to_string(),
            }],
            help: Some(
                "call `tx.commit()` (and await it, for sqlx and tokio-postgres) before this path returns, or `tx.rollback()` if undoing the writes is what it means".to_string(),
            ),
            fix: None,
            reported_as: None,
        });
    }
}
