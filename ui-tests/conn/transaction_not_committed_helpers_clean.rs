// transaction_not_committed (quiet): helpers of the file lent the transaction write to it
// and the caller commits; a helper that only reads leaves nothing to lose; a helper given
// the transaction by value commits it.
use sqlx::{PgConnection, PgPool, Postgres, Transaction};

async fn insert_subscriber(transaction: &mut Transaction<'_, Postgres>, email: &str) -> Result<i64, sqlx::Error> {
    let row: (i64,) = sqlx::query_as("INSERT INTO subscriptions (email) VALUES ($1) RETURNING id")
        .bind(email)
        .fetch_one(&mut **transaction)
        .await?;
    sqlx::query("UPDATE stats SET subscribers = subscribers + 1")
        .execute(&mut **transaction)
        .await?;
    Ok(row.0)
}

async fn count(conn: &mut PgConnection) -> Result<i64, sqlx::Error> {
    let row: (i64,) = sqlx::query_as("SELECT count(*) FROM subscriptions")
        .fetch_one(conn)
        .await?;
    Ok(row.0)
}

async fn finish(transaction: Transaction<'_, Postgres>) -> Result<(), sqlx::Error> {
    transaction.commit().await
}

pub async fn subscribe(pool: &PgPool, email: &str) -> Result<i64, sqlx::Error> {
    let mut transaction = pool.begin().await?;
    let id = insert_subscriber(&mut transaction, email).await?;
    transaction.commit().await?;
    Ok(id)
}

pub async fn peek(pool: &PgPool) -> Result<i64, sqlx::Error> {
    let mut transaction = pool.begin().await?;
    let n = count(&mut *transaction).await?;
    Ok(n)
}

pub async fn subscribe_then_finish(pool: &PgPool, email: &str) -> Result<(), sqlx::Error> {
    let mut transaction = pool.begin().await?;
    insert_subscriber(&mut transaction, email).await?;
    finish(transaction).await
}

pub trait Task {
    async fn execute(&self, tx: Transaction<'_, Postgres>, input: String) -> Result<(), sqlx::Error>;
}

pub async fn run_task(task: &impl Task, pool: &PgPool, input: String) -> Result<(), sqlx::Error> {
    let tx = pool.begin().await?;
    task.execute(tx, input).await
}
