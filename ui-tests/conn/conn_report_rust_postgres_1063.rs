// connection_not_driven: the shape of rust-postgres/rust-postgres#1063 ("Tokio Postgres
// hangs"). The connection half is bound to `_conn` and never spawned, so the query is
// queued and never sent: `simple_query(..).await` never returns. Maintainer: "Don't
// ignore `conn`."
use tokio_postgres::NoTls;

pub struct PostgresConfig {
    pub username: String,
    pub password: String,
    pub host: String,
    pub database: String,
}

pub async fn seed_database(db: &PostgresConfig) {
    let without_db = format!("postgres://{}:{}@{}:5432/postgres", db.username, db.password, db.host);

    let (client, _conn) = tokio_postgres::connect(&without_db, NoTls) //~ connection_not_driven
        .await
        .expect("Failed to connect to Postgres");

    client
        .simple_query(&format!("CREATE DATABASE \"{}\"", db.database))
        .await
        .expect("Failed to create database");
}
