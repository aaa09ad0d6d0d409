// connection_not_driven: `Config::connect` on a local `tokio_postgres::Config`; the
// connection is bound and never used.
use std::time::Duration;
use tokio_postgres::{Config, Error, NoTls};

pub async fn migrate(host: &str, password: &str) -> Result<(), Error> {
    let mut config = Config::new();
    config.host(host).user("migrator").password(password).dbname("app");
    config.connect_timeout(Duration::from_secs(5));
    let (client, connection) = config.connect(NoTls).await?; //~ connection_not_driven
    client.batch_execute("CREATE TABLE IF NOT EXISTS seen (id bigint primary key)").await?;
    Ok(())
}
