//! Database transactions, which roll back what was written when dropped without
//! `commit()`: what `transaction_not_committed` follows. None of these types is
//! `#[must_use]`. Versions read:
//!
//! - sqlx-core 0.8.6, `transaction.rs`: `impl Drop for Transaction` "starts a rollback
//!   operation" while the transaction is open; `Pool::begin` in `pool/mod.rs`.
//! - tokio-postgres 0.7.18, `transaction.rs`: `impl Drop for Transaction` rolls back
//!   unless `commit` or `rollback` ran (`if self.done { return; }`).
//! - postgres 0.19.14, `transaction.rs`: `impl Drop for Transaction` blocks on
//!   `transaction.rollback()`.
//! - rusqlite's `Transaction` applies its `DropBehavior` when dropped, `Rollback` unless
//!   `set_drop_behavior` says otherwise (its docs: "Transactions will roll back by
//!   default").

use super::{Builder, Constructor, Entries, KnownType, Resource};

const SQLX_POOL: &str = "sqlx::Pool";
const SQLX_CONNECTION: &str = "sqlx::pool::PoolConnection";
const SQLX_PG_CONNECTION: &str = "sqlx::PgConnection";
const SQLX_TRANSACTION: &str = "sqlx::Transaction";
const SQLX_SQLITE_CONNECTION: &str = "sqlx::SqliteConnection";
const SQLX_MYSQL_CONNECTION: &str = "sqlx::MySqlConnection";
const SQLX_ANY_CONNECTION: &str = "sqlx::AnyConnection";
const PG_CLIENT: &str = "tokio_postgres::Client";
const PG_TRANSACTION: &str = "tokio_postgres::Transaction";
const SYNC_PG_CLIENT: &str = "postgres::Client";
const SYNC_PG_TRANSACTION: &str = "postgres::Transaction";
const SQLITE_CONNECTION: &str = "rusqlite::Connection";
const SQLITE_TRANSACTION: &str = "rusqlite::Transaction";

/// What ends a transaction on purpose: a commit, or a rollback that says so.
const ENDS: &[&str] = &["commit", "rollback"];

/// The executor methods that write through a sqlx transaction given as their argument
/// (`query(..).execute(&mut *tx)`).
const SQLX_WRITES: &[&str] = &["execute", "execute_many"];

/// The executor methods that may only read through it (`fetch_one(&mut *tx)`): neither a
/// write nor a hand-off. An `INSERT .. RETURNING` fetched this way is not counted as a
/// write.
const SQLX_READS: &[&str] = &[
    "fetch",
    "fetch_all",
    "fetch_one",
    "fetch_optional",
    "fetch_many",
];

/// tokio-postgres's and postgres's statements that write, called on the transaction.
const PG_WRITES: &[&str] = &["execute", "execute_raw", "batch_execute", "copy_in"];

/// Their statements that may only read, and statement preparation.
const PG_READS: &[&str] = &[
    "query",
    "query_one",
    "query_opt",
    "query_raw",
    "query_typed",
    "prepare",
    "prepare_typed",
];

const fn opener(ty: &'static str) -> Builder {
    Builder {
        ty,
        constructors: &[],
        settings: &[],
        completions: &[],
    }
}

const fn transaction(ty: &'static str, builder: &'static str, create: &'static str) -> Resource {
    Resource {
        id: "transaction",
        ty,
        builder,
        create,
        fallible: true,
        discharge: ENDS,
        rolls_back_on_error: true,
        ..Resource::BASE
    }
}

/// A sqlx transaction begun by `builder`: written through executor arguments.
const fn sqlx(builder: &'static str) -> Resource {
    Resource {
        armed_by_argument: SQLX_WRITES,
        neutral: SQLX_READS,
        ..transaction(SQLX_TRANSACTION, builder, "begin")
    }
}

/// A tokio-postgres or postgres transaction: written through its own methods.
const fn postgres(ty: &'static str, client: &'static str, create: &'static str) -> Resource {
    Resource {
        arm: PG_WRITES,
        neutral: PG_READS,
        ..transaction(ty, client, create)
    }
}

/// A rusqlite transaction. `set_drop_behavior(DropBehavior::Commit)` makes the drop commit,
/// and `finish()` applies the drop behavior on purpose.
const fn sqlite(create: &'static str) -> Resource {
    Resource {
        arm: SQLITE_ARMS,
        neutral: SQLITE_READS,
        closing_argument: Some("Commit"),
        discharge: &["commit", "rollback", "finish"],
        ..transaction(SQLITE_TRANSACTION, SQLITE_CONNECTION, create)
    }
}

pub static ENTRIES: Entries = Entries {
    types: &[
        KnownType::new(
            SQLX_POOL,
            &[
                "sqlx::pool::Pool",
                "sqlx::PgPool",
                "sqlx::postgres::PgPool",
                "sqlx::MySqlPool",
                "sqlx::mysql::MySqlPool",
                "sqlx::SqlitePool",
                "sqlx::sqlite::SqlitePool",
                "sqlx::AnyPool",
            ],
            "Pool",
        ),
        KnownType::new(SQLX_CONNECTION, &[], "PoolConnection"),
        KnownType::new(
            SQLX_PG_CONNECTION,
            &["sqlx::postgres::PgConnection"],
            "PgConnection",
        ),
        KnownType::new(
            SQLX_SQLITE_CONNECTION,
            &["sqlx::sqlite::SqliteConnection"],
            "SqliteConnection",
        ),
        KnownType::new(
            SQLX_MYSQL_CONNECTION,
            &["sqlx::mysql::MySqlConnection"],
            "MySqlConnection",
        ),
        KnownType::new(
            SQLX_ANY_CONNECTION,
            &["sqlx::any::AnyConnection"],
            "AnyConnection",
        ),
        KnownType::new(
            SQLX_TRANSACTION,
            &["sqlx::transaction::Transaction"],
            "Transaction",
        ),
        KnownType::new(PG_CLIENT, &[], "Client"),
        KnownType::new(PG_TRANSACTION, &[], "Transaction"),
        KnownType::new(SYNC_PG_CLIENT, &[], "Client"),
        KnownType::new(SYNC_PG_TRANSACTION, &[], "Transaction"),
        KnownType::new(SQLITE_CONNECTION, &[], "Connection"),
        KnownType::new(SQLITE_TRANSACTION, &[], "Transaction"),
    ],
    functions: &[],
    methods: &[],
    guards: &[],
    builders: &[
        opener(SQLX_POOL),
        opener(SQLX_CONNECTION),
        opener(SQLX_PG_CONNECTION),
        opener(PG_CLIENT),
        opener(SYNC_PG_CLIENT),
        opener(SQLITE_CONNECTION),
    ],
    resources: &[
        Resource {
            constructors: &[Constructor {
                path: "sqlx::Transaction::begin",
                tuple: None,
                companion: None,
            }],
            ..sqlx(SQLX_POOL)
        },
        sqlx(SQLX_CONNECTION),
        sqlx(SQLX_PG_CONNECTION),
        // `client.build_transaction().isolation_level(..).start()`: the builder's
        // settings keep the client's value, so `start` is read as the client's.
        postgres(PG_TRANSACTION, PG_CLIENT, "transaction"),
        postgres(PG_TRANSACTION, PG_CLIENT, "start"),
        postgres(SYNC_PG_TRANSACTION, SYNC_PG_CLIENT, "transaction"),
        postgres(SYNC_PG_TRANSACTION, SYNC_PG_CLIENT, "start"),
        sqlite("transaction"),
        sqlite("unchecked_transaction"),
    ],
};

/// Methods that begin a transaction whatever they are called on, where the receiver's type
/// is not known (`db.get_connection()?.unchecked_transaction()`): the name is rusqlite's
/// alone (`Connection::unchecked_transaction`, rusqlite 0.32: "Begin a new transaction
/// with the default behavior (DEFERRED)", taking `&self`). Wrappers that copy it
/// (application-services' `ConnExt::unchecked_transaction`) also roll back on drop.
pub(super) const ANY_RECEIVER: &[(&str, &str)] = &[("unchecked_transaction", SQLITE_CONNECTION)];

/// The connections a transaction derefs to, as a helper's parameter takes them
/// (`async fn insert(conn: &mut PgConnection, ..)` called with `&mut *tx`): what the
/// helper writes through one is written to the transaction it is given.
pub(super) const EXECUTORS: &[(&str, &str)] = &[
    (SQLX_PG_CONNECTION, SQLX_TRANSACTION),
    (SQLX_SQLITE_CONNECTION, SQLX_TRANSACTION),
    (SQLX_MYSQL_CONNECTION, SQLX_TRANSACTION),
    (SQLX_ANY_CONNECTION, SQLX_TRANSACTION),
];

/// rusqlite's statements that write, through the `Connection` a `Transaction` derefs to,
/// and `set_drop_behavior` (which closes it with `DropBehavior::Commit`).
const SQLITE_ARMS: &[&str] = &["execute", "execute_batch", "set_drop_behavior"];

/// Its statements that may only read, and statement preparation.
const SQLITE_READS: &[&str] = &[
    "query_row",
    "query_row_and_then",
    "prepare",
    "prepare_cached",
];

/// SQL statements that change data or schema, by their first keyword. A read method
/// (`fetch_one`, `query_one`) given one of these writes (`INSERT .. RETURNING id`).
const WRITING_STATEMENTS: &[&str] = &[
    "insert", "update", "delete", "merge", "upsert", "replace", "create", "drop", "alter",
    "truncate", "copy",
];

/// Whether `sql` writes: its first keyword is one of `WRITING_STATEMENTS`, or it is a
/// `WITH` whose statement after the common table expressions is (a writing CTE is also a
/// write, so any of them counts). `SELECT .. FOR UPDATE` only locks.
pub fn statement_writes(sql: &str) -> bool {
    let mut words = keywords(sql);
    match words.next() {
        Some(first) if first.eq_ignore_ascii_case("with") => words.any(|w| {
            ["insert", "update", "delete", "merge"]
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k))
        }),
        Some(first) => WRITING_STATEMENTS
            .iter()
            .any(|k| first.eq_ignore_ascii_case(k)),
        None => false,
    }
}

/// The words of `sql` outside comments and quotes, in order.
fn keywords(sql: &str) -> impl Iterator<Item = &str> {
    let b = sql.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    let skip_to = |from: usize, end: &str| {
        sql[from..]
            .find(end)
            .map_or(b.len(), |at| from + at + end.len())
    };
    while i < b.len() {
        match b[i] {
            b'-' if b.get(i + 1) == Some(&b'-') => i = skip_to(i + 2, "\n"),
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_to(i + 2, "*/"),
            b'\'' => i = skip_to(i + 1, "'"),
            b'"' => i = skip_to(i + 1, "\""),
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                words.push(&sql[start..i]);
            }
            _ => i += 1,
        }
    }
    words.into_iter()
}

#[cfg(test)]
mod tests {
    use super::statement_writes;

    #[test]
    fn a_statement_writes_by_its_first_keyword() {
        assert!(statement_writes(
            "INSERT INTO t (a) VALUES ($1) RETURNING id"
        ));
        assert!(statement_writes(
            "  -- move it\n update t set a = 1 returning a"
        ));
        assert!(statement_writes(
            "/* bulk */ DELETE FROM t WHERE id = ANY($1) RETURNING id"
        ));
        assert!(statement_writes(
            "WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved"
        ));
        assert!(!statement_writes(
            "SELECT id FROM jobs WHERE state = 'new' FOR UPDATE SKIP LOCKED"
        ));
        assert!(!statement_writes(
            "WITH recent AS (SELECT * FROM t) SELECT \"update\" FROM recent WHERE note = 'insert'"
        ));
        assert!(!statement_writes("select 1"));
        assert!(!statement_writes(""));
    }
}
