// connection_not_driven: one connection per shard in a loop; the clients are kept, the
// connections are dropped at the end of each iteration.
use tokio_postgres::{Client, Error, NoTls};

pub async fn connect_shards(urls: &[String]) -> Result<Vec<Client>, Error> {
    let mut clients = Vec::with_capacity(urls.len());
    for url in urls {
        let (client, connection) = tokio_postgres::connect(url, NoTls).await?; //~ connection_not_driven
        let _ = &connection;
        clients.push(client);
    }
    Ok(clients)
}
