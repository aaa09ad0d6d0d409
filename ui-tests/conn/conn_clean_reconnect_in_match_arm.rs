// connection_not_driven (quiet): the connection comes from one of two `connect` calls,
// chosen by a `match` (or an `if`) whose arms give the pair, and is spawned after it
// (neon's compute_ctl retries with another user when the first login is refused).
use tokio_postgres::error::SqlState;
use tokio_postgres::NoTls;

pub async fn maintenance_client(
    conf: &tokio_postgres::Config,
    fallback: &tokio_postgres::Config,
) -> Result<tokio_postgres::Client, tokio_postgres::Error> {
    let (client, conn) = match conf.connect(NoTls).await {
        Err(e) => match e.code() {
            Some(&SqlState::INVALID_PASSWORD) => fallback.connect(NoTls).await?,
            _ => return Err(e),
        },
        Ok((client, conn)) => (client, conn),
    };
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            eprintln!("maintenance client connection error: {e}");
        }
    });
    Ok(client)
}

pub async fn either(
    conf: &tokio_postgres::Config,
    replica: &tokio_postgres::Config,
    read_only: bool,
) -> Result<tokio_postgres::Client, tokio_postgres::Error> {
    let (client, conn) = if read_only {
        replica.connect(NoTls).await?
    } else {
        let (client, conn) = conf.connect(NoTls).await?;
        (client, conn)
    };
    tokio::spawn(conn);
    Ok(client)
}
