// connection_not_driven: the `(client, connection)` pair comes out of a `match` on the
// connect result; the connection is never used afterwards.
use tokio_postgres::NoTls;

pub async fn table_names(url: &str) -> Result<Vec<String>, String> {
    let (client, connection) = match tokio_postgres::connect(url, NoTls).await { //~ connection_not_driven
        Ok(pair) => pair,
        Err(e) => return Err(format!("connect failed: {e}")),
    };
    let rows = client
        .query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", &[])
        .await
        .map_err(|e| e.to_string())?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}
