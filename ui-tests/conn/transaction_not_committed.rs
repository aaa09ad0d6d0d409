// transaction_not_committed: transactions written to, then dropped on a path that returns
// normally: the writes are rolled back while the function reports success.
use sqlx::PgPool;

pub async fn rename(pool: &PgPool, id: i64, name: &str) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?; //~ transaction_not_committed
    sqlx::query("UPDATE users SET name = $1 WHERE id = $2")
        .bind(name)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn archive(pool: &PgPool, id: i64, dry_run: bool) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?; //~ transaction_not_committed
    let moved = sqlx::query("INSERT INTO archive SELECT * FROM posts WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if dry_run {
        return Ok(moved);
    }
    sqlx::query("DELETE FROM posts WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(moved)
}

pub async fn transfer(client: &mut tokio_postgres::Client, from: i64, to: i64) -> Result<(), tokio_postgres::Error> {
    let tx = client.transaction().await?; //~ transaction_not_committed
    tx.execute("UPDATE accounts SET balance = balance - 1 WHERE id = $1", &[&from])
        .await?;
    tx.execute("UPDATE accounts SET balance = balance + 1 WHERE id = $1", &[&to])
        .await?;
    Ok(())
}

pub fn record(conn: &mut rusqlite::Connection, event: &str) -> rusqlite::Result<()> {
    let tx = conn.transaction()?; //~ transaction_not_committed
    tx.execute("INSERT INTO events (name) VALUES (?1)", [event])?;
    Ok(())
}

// A read first does not hand the transaction off: the write after it is still lost.
pub async fn bump(pool: &PgPool, id: i64) -> sqlx::Result<i64> {
    let mut tx = pool.begin().await?; //~ transaction_not_committed
    let count: i64 = sqlx::query_scalar("SELECT count FROM counters WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("UPDATE counters SET count = $1 WHERE id = $2")
        .bind(count + 1)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(count + 1)
}

pub async fn enqueue(pool: &PgPool, payload: &str) -> sqlx::Result<i64> {
    let mut tx = pool.begin().await?; //~ transaction_not_committed
    let (id,): (i64,) = sqlx::query_as("INSERT INTO jobs (payload) VALUES ($1) RETURNING id")
        .bind(payload)
        .fetch_one(&mut *tx)
        .await?;
    Ok(id)
}

pub async fn next_ticket(client: &mut tokio_postgres::Client) -> Result<i64, tokio_postgres::Error> {
    let tx = client.transaction().await?; //~ transaction_not_committed
    let row = tx
        .query_one("UPDATE counters SET n = n + 1 WHERE name = 'ticket' RETURNING n", &[])
        .await?;
    Ok(row.get(0))
}
