// connection_not_driven: `tokio_postgres::connect` imported under another name; the
// connection is never driven.
use tokio_postgres::connect as pg_connect;
use tokio_postgres::{Error, NoTls};

pub async fn ping(url: &str) -> Result<(), Error> {
    let (client, _connection) = pg_connect(url, NoTls).await?; //~ connection_not_driven
    client.simple_query("SELECT 1").await?;
    Ok(())
}
