// connection_not_driven (quiet): `Config::connect` on a local config; the connection is
// spawned inside an `async move` block that logs its error.
use tokio_postgres::{Config, Error, NoTls};

pub async fn migrate(host: &str, password: &str) -> Result<(), Error> {
    let mut config = Config::new();
    config.host(host).user("migrator").password(password).dbname("app");
    let (client, connection) = config.connect(NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("postgres connection error: {e}");
        }
    });
    client.batch_execute("CREATE TABLE IF NOT EXISTS seen (id bigint primary key)").await?;
    Ok(())
}
