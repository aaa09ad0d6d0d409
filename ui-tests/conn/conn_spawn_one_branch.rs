// connection_not_driven (unsure): the connection is spawned only when `background` is
// set; on the other path it is dropped and the client is still used.
use tokio_postgres::{Error, NoTls};

pub async fn load(url: &str, background: bool) -> Result<Vec<String>, Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?; //~ connection_not_driven
    if background {
        tokio::spawn(connection);
    }
    let rows = client.query("SELECT name FROM plugins", &[]).await?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}
