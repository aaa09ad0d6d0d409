// connection_not_driven (quiet): the blocking `postgres` crate. Its `Client::connect` and
// `Config::connect` return only a client (the connection runs inside it); there is no
// connection half to drive.
use postgres::{Client, Config, NoTls};

pub fn count(url: &str) -> Result<i64, postgres::Error> {
    let mut client = Client::connect(url, NoTls)?;
    let row = client.query_one("SELECT count(*) FROM users", &[])?;
    Ok(row.get(0))
}

pub fn count_with_config(host: &str) -> Result<i64, postgres::Error> {
    let mut config = Config::new();
    config.host(host).user("reader");
    let mut client = config.connect(NoTls)?;
    let row = client.query_one("SELECT count(*) FROM orders", &[])?;
    Ok(row.get(0))
}
