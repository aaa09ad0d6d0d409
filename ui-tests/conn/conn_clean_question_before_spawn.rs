// connection_not_driven (quiet, unsure): the `?` on reading the schema file returns before
// the connection is spawned, but the client is dropped on that path too and never used, so
// nothing hangs. Every path that uses the client has the connection running.
use std::path::Path;
use tokio_postgres::NoTls;

pub async fn apply_schema(url: &str, path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    let schema = std::fs::read_to_string(path)?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("connection error: {e}");
        }
    });
    client.batch_execute(&schema).await?;
    Ok(())
}
