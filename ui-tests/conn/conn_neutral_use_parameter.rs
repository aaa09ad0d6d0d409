// connection_not_driven: the connection is only asked for a server parameter, a neutral
// use; it is never spawned or awaited, so the query hangs.
use tokio_postgres::{Error, NoTls};

pub async fn server_info(url: &str) -> Result<String, Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?; //~ connection_not_driven
    let version = connection.parameter("server_version").unwrap_or("?").to_owned();
    let row = client.query_one("SELECT current_database()", &[]).await?;
    let db: String = row.get(0);
    Ok(format!("{db} on {version}"))
}
