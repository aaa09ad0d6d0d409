// connection_not_driven (quiet): the LISTEN/NOTIFY pattern from tokio-postgres' docs: the
// connection is moved into a `poll_fn` closure that polls `poll_message`, and the
// resulting stream is forwarded in a spawned task.
use futures::channel::mpsc;
use futures::{stream, StreamExt};
use tokio_postgres::{AsyncMessage, Error, NoTls};

pub async fn listen(url: &str) -> Result<mpsc::UnboundedReceiver<AsyncMessage>, Error> {
    let (client, mut connection) = tokio_postgres::connect(url, NoTls).await?;
    let (tx, rx) = mpsc::unbounded();
    let messages = stream::poll_fn(move |cx| connection.poll_message(cx)).map(|m| match m {
        Ok(msg) => Ok(msg),
        Err(e) => panic!("connection error: {e}"),
    });
    tokio::spawn(messages.forward(tx).map(|r| r.unwrap()));
    client.batch_execute("LISTEN jobs").await?;
    Ok(rx)
}
