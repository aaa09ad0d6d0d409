// connection_not_driven (quiet): the helper returns both halves; the caller decides where
// the connection runs.
use tokio_postgres::tls::NoTlsStream;
use tokio_postgres::{Client, Connection, Error, NoTls, Socket};

pub async fn open(url: &str) -> Result<(Client, Connection<Socket, NoTlsStream>), Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    client.batch_execute("SET application_name = 'stray'").await.ok();
    Ok((client, connection))
}
