// connection_not_driven: the connection half is discarded with `_` in the pattern.
use tokio_postgres::{Error, NoTls};

pub async fn count_users(url: &str) -> Result<i64, Error> {
    let (client, _) = tokio_postgres::connect(url, NoTls).await?; //~ connection_not_driven
    let row = client.query_one("SELECT count(*) FROM users", &[]).await?;
    Ok(row.get(0))
}
