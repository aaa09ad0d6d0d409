// transaction_not_committed: the writes are made by helpers of the file the transaction
// is lent to (`&mut tx`, `&mut *tx`, `&tx`), as handlers built from small query functions
// do; and a transaction set to commit on drop on one path only.
use rusqlite::{Connection, DropBehavior};
use sqlx::{PgConnection, PgPool, Postgres, Transaction};

pub struct NewSubscriber {
    pub email: String,
    pub name: String,
}

async fn insert_subscriber(
    transaction: &mut Transaction<'_, Postgres>,
    new: &NewSubscriber,
) -> Result<i64, sqlx::Error> {
    let row: (i64,) = sqlx::query_as("SELECT nextval('subscriber_ids')")
        .fetch_one(&mut **transaction)
        .await?;
    sqlx::query("INSERT INTO subscriptions (id, email, name) VALUES ($1, $2, $3)")
        .bind(row.0)
        .bind(&new.email)
        .bind(&new.name)
        .execute(&mut **transaction)
        .await?;
    Ok(row.0)
}

async fn store_token(conn: &mut PgConnection, id: i64, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO subscription_tokens (token, subscriber_id) VALUES ($1, $2)")
        .bind(token)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn subscribe(pool: &PgPool, new: NewSubscriber, token: &str) -> Result<(), sqlx::Error> {
    let mut transaction = pool.begin().await?; //~ transaction_not_committed
    let id = insert_subscriber(&mut transaction, &new).await?;
    store_token(&mut *transaction, id, token).await?;
    Ok(())
}

struct Ledger;

impl Ledger {
    async fn post(&self, tx: &tokio_postgres::Transaction<'_>, amount: i64) -> Result<(), tokio_postgres::Error> {
        tx.execute("INSERT INTO ledger (amount) VALUES ($1)", &[&amount]).await?;
        Ok(())
    }

    pub async fn transfer(&self, client: &mut tokio_postgres::Client, amount: i64) -> Result<bool, tokio_postgres::Error> {
        let tx = client.transaction().await?; //~ transaction_not_committed
        self.post(&tx, -amount).await?;
        if amount > 1_000 {
            return Ok(false);
        }
        self.post(&tx, amount).await?;
        tx.commit().await?;
        Ok(true)
    }
}

pub fn import(conn: &mut Connection, rows: &[&str], fast: bool) -> rusqlite::Result<()> {
    let mut tx = conn.transaction()?; //~ transaction_not_committed
    if fast {
        tx.set_drop_behavior(DropBehavior::Commit);
        for row in rows {
            tx.execute("INSERT INTO rows (body) VALUES (?1)", [row])?;
        }
        return Ok(());
    }
    for row in rows {
        tx.execute("INSERT INTO rows (body) VALUES (?1)", [row])?;
    }
    Ok(())
}
