// transaction_not_committed (quiet): committed on every path that returns normally,
// rolled back on purpose, left by an error (the rollback the drop is for), returned before
// anything was written, set to commit on drop, or handed to the caller.
use rusqlite::{Connection, DropBehavior};
use sqlx::PgPool as Db;

pub async fn rename(pool: &Db, id: i64, name: &str) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE users SET name = $1 WHERE id = $2")
        .bind(name)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn settle(pool: &Db, id: i64, approve: bool) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE orders SET seen = true WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    match approve {
        true => tx.commit().await?,
        false => tx.rollback().await?,
    }
    Ok(())
}

pub async fn nothing_to_do(pool: &Db, ids: &[i64]) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    if ids.is_empty() {
        return Ok(());
    }
    for id in ids {
        sqlx::query("DELETE FROM posts WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

pub async fn checked(pool: &Db, id: i64) -> Result<(), String> {
    let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
    let done = sqlx::query("UPDATE jobs SET done = true WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
    if done.rows_affected() != 1 {
        return Err(format!("job {id} not found"));
    }
    tx.commit().await.map_err(|e| e.to_string())
}

pub async fn begun(pool: &Db) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Postgres>> {
    let mut tx = pool.begin().await?;
    sqlx::query("SET LOCAL lock_timeout = '1s'")
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

pub fn record(conn: &mut Connection, event: &str) -> rusqlite::Result<()> {
    let mut tx = conn.transaction()?;
    tx.set_drop_behavior(DropBehavior::Commit);
    tx.execute("INSERT INTO events (name) VALUES (?1)", [event])?;
    Ok(())
}

pub fn replay(conn: &mut Connection, events: &[&str]) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    for event in events {
        tx.execute("INSERT INTO events (name) VALUES (?1)", [event])?;
    }
    tx.commit()
}

// Only read before the early return (pgmq's `create`): nothing written is rolled back.
pub async fn create_queue(pool: &Db, name: &str) -> sqlx::Result<bool> {
    let mut tx = pool.begin().await?;
    let exists: bool = sqlx::query_scalar("SELECT EXISTS(SELECT 1 FROM queues WHERE name = $1)")
        .bind(name)
        .fetch_one(&mut *tx)
        .await?;
    if exists {
        return Ok(false);
    }
    sqlx::query("INSERT INTO queues (name) VALUES ($1)")
        .bind(name)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

// The write itself failed (tower-sessions' `migrate`): the transaction is aborted, and
// returning without a commit is right.
pub async fn migrate(pool: &Db) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    if let Err(err) = sqlx::query("CREATE SCHEMA IF NOT EXISTS sessions")
        .execute(&mut *tx)
        .await
    {
        if !err.to_string().contains("duplicate key") {
            return Err(err);
        }
        return Ok(());
    }
    sqlx::query("CREATE TABLE IF NOT EXISTS sessions.data (id text)")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

async fn finish(tx: sqlx::Transaction<'_, sqlx::Postgres>) -> sqlx::Result<()> {
    tx.commit().await
}

// Handed by value to a helper that commits it: the helper's to end.
pub async fn signup(pool: &Db, name: &str) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO users (name) VALUES ($1)")
        .bind(name)
        .execute(&mut *tx)
        .await?;
    finish(tx).await
}

pub async fn claim(pool: &Db) -> sqlx::Result<Option<i64>> {
    let mut tx = pool.begin().await?;
    let job: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM jobs WHERE state = 'new' FOR UPDATE SKIP LOCKED LIMIT 1")
            .fetch_optional(&mut *tx)
            .await?;
    let Some((id,)) = job else {
        return Ok(None);
    };
    sqlx::query("UPDATE jobs SET state = 'running' WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    // A test's transaction, rolled back on purpose so the database stays as it was.
    #[test]
    fn inserting_a_duplicate_fails() -> rusqlite::Result<()> {
        let mut conn = rusqlite::Connection::open_in_memory()?;
        let tx = conn.transaction()?;
        tx.execute("INSERT INTO events (name) VALUES ('a')", [])?;
        assert!(tx.execute("INSERT INTO events (name) VALUES ('a')", []).is_err());
        Ok(())
    }
}
