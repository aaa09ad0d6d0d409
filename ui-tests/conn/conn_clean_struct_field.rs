// connection_not_driven (quiet): the connection is stored in a struct with the client;
// `run()` drives it later. Storing it is an escape.
use tokio_postgres::tls::NoTlsStream;
use tokio_postgres::{Client, Connection, Error, NoTls, Socket};

pub struct Db {
    pub client: Client,
    connection: Connection<Socket, NoTlsStream>,
}

impl Db {
    pub async fn connect(url: &str) -> Result<Db, Error> {
        let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
        Ok(Db { client, connection })
    }

    pub fn run(self) -> Client {
        tokio::spawn(self.connection);
        self.client
    }
}
