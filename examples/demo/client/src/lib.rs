pub mod session;

use tokio::io::{AsyncWriteExt, BufWriter};
use tokio_rustls::TlsConnector;

/// The last lines of the report stay in the buffer and are lost.
pub async fn write_report(path: &str, rows: &[String]) -> std::io::Result<()> {
    let file = tokio::fs::File::create(path).await?;
    let mut out = BufWriter::new(file);
    for row in rows {
        out.write_all(row.as_bytes()).await?;
        out.write_all(b"\n").await?;
    }
    Ok(())
}

/// The peer never gets `close_notify` and cannot tell the upload from a truncated one.
pub async fn upload(connector: &TlsConnector, tcp: tokio::net::TcpStream, body: &[u8]) -> std::io::Result<()> {
    let domain = "uploads.example.com".try_into().expect("valid name");
    let mut tls = connector.connect(domain, tcp).await?;
    tls.write_all(body).await?;
    Ok(())
}

/// Nobody polls the connection: the first query hangs.
pub async fn count_users(url: &str) -> Result<i64, tokio_postgres::Error> {
    let (client, _connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await?;
    let row = client.query_one("SELECT count(*) FROM users", &[]).await?;
    Ok(row.get(0))
}

/// Every URL pays a new connection pool, and with it a TCP and TLS handshake: no
/// connection is ever kept alive.
pub async fn check_links(urls: &[String]) -> reqwest::Result<usize> {
    let mut broken = 0;
    for url in urls {
        let client = reqwest::Client::new();
        if !client.head(url).send().await?.status().is_success() {
            broken += 1;
        }
    }
    Ok(broken)
}

/// Returns `Ok` with the rename rolled back: the transaction is dropped without `commit()`.
pub async fn rename_user(client: &mut tokio_postgres::Client, id: i64, name: &str) -> Result<(), tokio_postgres::Error> {
    let tx = client.transaction().await?;
    tx.execute("UPDATE users SET name = $1 WHERE id = $2", &[&name, &id])
        .await?;
    Ok(())
}
