// connection_not_driven: the connection comes from one of two `connect` calls chosen by
// a `match` (a retry in the `Err` arm), and nobody spawns it: still reported, where the
// connection the `match` gives is made.
use tokio_postgres::NoTls;

pub async fn maintenance_client(
    conf: &tokio_postgres::Config,
    fallback: &tokio_postgres::Config,
) -> Result<tokio_postgres::Client, tokio_postgres::Error> {
    let (client, _conn) = match conf.connect(NoTls).await {
        Err(_) => fallback.connect(NoTls).await?, //~ connection_not_driven
        Ok((client, conn)) => (client, conn),
    };
    Ok(client)
}
