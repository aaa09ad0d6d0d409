// connection_not_driven (quiet): `tokio::join!` polls the connection together with the
// work; the client is moved into the work block and dropped when it ends, which lets the
// connection finish.
use tokio_postgres::{Error, NoTls};

pub async fn export_ids(url: &str) -> Result<Vec<i64>, Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    let work = async move {
        let rows = client.query("SELECT id FROM items ORDER BY id", &[]).await?;
        Ok::<_, Error>(rows.iter().map(|r| r.get(0)).collect::<Vec<i64>>())
    };
    let (conn_res, ids) = tokio::join!(connection, work);
    conn_res?;
    ids
}
