// connection_not_driven (quiet): the connection future is handed straight to
// `tokio::spawn`.
use tokio_postgres::{Error, NoTls};

pub async fn count_users(url: &str) -> Result<i64, Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(connection);
    let row = client.query_one("SELECT count(*) FROM users", &[]).await?;
    Ok(row.get(0))
}
