// connection_not_driven (quiet): the connection is polled in a `select!` alongside the
// work; if the connection ends first its error is reported, otherwise the work's result is.
use tokio_postgres::{Error, NoTls};

pub async fn one_shot(url: &str) -> Result<u64, Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::select! {
        res = connection => {
            res?;
            Ok(0)
        }
        n = client.execute("DELETE FROM sessions WHERE expires < now()", &[]) => n,
    }
}
