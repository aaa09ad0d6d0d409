// connection_not_driven (quiet): the client is moved into a spawned task that runs the
// update and drops it; meanwhile this task awaits the connection, which drives the update
// and then finishes cleanly once the client is gone (the order advised in
// rust-postgres#1034). The await comes after this function's last use of the client.
use tokio_postgres::{Error, NoTls};

pub async fn drain_after(url: &str) -> Result<(), Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    let handle = tokio::spawn(async move {
        let n = client.execute("UPDATE jobs SET state = 'queued'", &[]).await;
        drop(client);
        n
    });
    connection.await?;
    handle.await.expect("task panicked")?;
    Ok(())
}
