// connection_not_driven: the shape of rust-postgres/rust-postgres#924 ("tokio_postgres
// client query awaits forever"), from an AWS Lambda over TLS. The `connect` result is kept
// whole, checked, then unwrapped into `(client, _connection)`; the connection is never
// polled and the query awaits until the Lambda times out.
use native_tls::{Certificate, TlsConnector};
use postgres_native_tls::MakeTlsConnector;
use serde_json::{json, Value};

pub async fn handler(pem: &[u8]) -> Result<Value, Box<dyn std::error::Error>> {
    let cert = Certificate::from_pem(pem)?;
    let connector = TlsConnector::builder().add_root_certificate(cert).build()?;
    let connector = MakeTlsConnector::new(connector);

    let params = "host=db.internal port=5432 user=app dbname=app connect_timeout=10";
    let connect_result = tokio_postgres::connect(params, connector).await; //~ connection_not_driven
    if connect_result.is_err() {
        let error_msg = connect_result.err().unwrap().to_string();
        return Ok(json!({ "error": error_msg }));
    }
    let (client, _connection) = connect_result.unwrap();
    println!("query sent");
    let rows = client.query("SELECT id FROM jobs", &[]).await?;
    Ok(json!({ "jobs": rows.len() }))
}
