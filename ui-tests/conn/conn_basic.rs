// Connection halves that nobody polls, and ones that are driven.
use tokio_postgres::NoTls;

async fn connection_discarded(url: &str) -> Result<i64, tokio_postgres::Error> {
    let (client, _) = tokio_postgres::connect(url, NoTls).await?; //~ connection_not_driven
    let row = client.query_one("SELECT 1::BIGINT", &[]).await?;
    Ok(row.get(0))
}

async fn client_returned_connection_dropped(url: &str) -> Result<tokio_postgres::Client, tokio_postgres::Error> {
    let (client, _connection) = tokio_postgres::connect(url, NoTls).await?; //~ connection_not_driven
    Ok(client)
}

async fn spawned_with_logging(url: &str) -> Result<tokio_postgres::Client, tokio_postgres::Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("connection error: {e}");
        }
    });
    Ok(client)
}

async fn spawned_directly(url: &str) -> Result<tokio_postgres::Client, tokio_postgres::Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(connection);
    Ok(client)
}

async fn selected_with_the_work(url: &str) -> Result<(), tokio_postgres::Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::select! {
        r = connection => r?,
        r = client.simple_query("SELECT 1") => { r?; }
    }
    Ok(())
}

async fn hyper_handshake(io: hyper_util::rt::TokioIo<tokio::net::TcpStream>) -> hyper::Result<()> {
    let (mut sender, _conn) = hyper::client::conn::http1::handshake(io).await?; //~ connection_not_driven
    let _ = sender.ready().await;
    Ok(())
}

async fn only_checks_that_connect_fails(url: &str) {
    tokio_postgres::connect(url, NoTls).await.err().unwrap();
}
