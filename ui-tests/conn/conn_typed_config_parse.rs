// connection_not_driven: a local `tokio_postgres::Config` parsed from a URL (its type given
// on the `let`), then `config.connect(NoTls)`; the connection is never driven.
use tokio_postgres::NoTls;

pub async fn vacuum(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let config: tokio_postgres::Config = url.parse()?;
    let (client, _connection) = config.connect(NoTls).await?; //~ connection_not_driven
    client.batch_execute("VACUUM ANALYZE").await?;
    Ok(())
}
