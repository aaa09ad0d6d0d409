// connection_not_driven (quiet): rust-postgres#1063 with the connection spawned onto the
// runtime, as tokio-postgres' docs show.
use tokio_postgres::NoTls;

pub struct PostgresConfig {
    pub username: String,
    pub password: String,
    pub host: String,
    pub database: String,
}

pub async fn seed_database(db: &PostgresConfig) {
    let without_db = format!("postgres://{}:{}@{}:5432/postgres", db.username, db.password, db.host);

    let (client, conn) = tokio_postgres::connect(&without_db, NoTls)
        .await
        .expect("Failed to connect to Postgres");
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            eprintln!("connection error: {e}");
        }
    });

    client
        .simple_query(&format!("CREATE DATABASE \"{}\"", db.database))
        .await
        .expect("Failed to create database");
}
