// connection_not_driven (quiet): the connection is passed by value to
// `supervise_connection`, a function in another module; it escapes.
use tokio_postgres::{Client, Error, NoTls};

use crate::tasks::supervise_connection;

pub async fn connect_pool_member(url: &str, id: usize) -> Result<Client, Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    supervise_connection(id, connection);
    Ok(client)
}
