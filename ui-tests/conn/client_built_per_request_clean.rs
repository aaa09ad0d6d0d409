// client_built_per_iteration (quiet): handlers that use a client built once (in the
// application state, a `LazyLock`, a `OnceLock`), a client built in `main` or `new`, a
// helper that is no handler, and a pool connected to the database the request names.
use std::sync::{LazyLock, OnceLock};

use axum::extract::{Path, State};

static CLIENT: LazyLock<reqwest::Client> = LazyLock::new(reqwest::Client::new);

#[derive(Clone)]
pub struct AppState {
    pub http: reqwest::Client,
}

pub async fn forward(State(state): State<AppState>, Path(id): Path<u64>) -> Result<String, String> {
    let res = state
        .http
        .get(format!("https://api.example.com/items/{id}"))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    res.text().await.map_err(|e| e.to_string())
}

pub async fn status(Path(host): Path<String>) -> Result<String, String> {
    let res = CLIENT.get(format!("https://{host}/status")).send().await.map_err(|e| e.to_string())?;
    res.text().await.map_err(|e| e.to_string())
}

fn shared() -> &'static reqwest::Client {
    static SHARED: OnceLock<reqwest::Client> = OnceLock::new();
    SHARED.get_or_init(|| reqwest::Client::builder().build().expect("client"))
}

pub async fn ping(Path(host): Path<String>) -> bool {
    static LOCAL: LazyLock<reqwest::Client> = LazyLock::new(|| reqwest::Client::new());
    let first = LOCAL.head(format!("https://{host}")).send().await.is_ok();
    first && shared().head(format!("https://{host}/health")).send().await.is_ok()
}

pub async fn tenant_count(Path(database_url): Path<String>) -> Result<i64, String> {
    let pool = sqlx::PgPool::connect(&database_url).await.map_err(|e| e.to_string())?;
    let (n,): (i64,) = sqlx::query_as("SELECT count(*) FROM users")
        .fetch_one(&pool)
        .await
        .map_err(|e| e.to_string())?;
    Ok(n)
}

pub async fn latest_release(repo: &str) -> reqwest::Result<String> {
    let client = reqwest::Client::new();
    client.get(format!("https://api.github.com/repos/{repo}/releases/latest")).send().await?.text().await
}

pub struct Service {
    http: reqwest::Client,
}

impl Service {
    pub async fn new() -> Service {
        Service { http: reqwest::Client::new() }
    }
}

#[tokio::main]
async fn main() {
    let client = reqwest::Client::new();
    let _ = client.get("https://example.com").send().await;
    let _ = Service::new().await.http;
}
