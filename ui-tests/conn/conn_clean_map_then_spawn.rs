// connection_not_driven (quiet, unsure): the older tokio-postgres docs' shape: the
// connection is turned into a logging future with `FutureExt::map` and that future is
// spawned. The connection is consumed by a by-value method and still driven.
use futures::FutureExt;
use tokio_postgres::{Error, NoTls};

pub async fn greet(url: &str) -> Result<String, Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    let connection = connection.map(|r| {
        if let Err(e) = r {
            eprintln!("connection error: {e}");
        }
    });
    tokio::spawn(connection);
    let row = client.query_one("SELECT 'hello world'", &[]).await?;
    Ok(row.get(0))
}
