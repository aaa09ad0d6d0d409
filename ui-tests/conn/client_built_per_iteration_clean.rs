// client_built_per_iteration (quiet): one client or pool for the whole loop, clients
// that leave the iteration (pushed, stored in a map, collected), a retry loop that wants
// a fresh client per attempt, a reconnect loop that reuses its connection in an inner
// loop, a build in a helper the loop calls (not followed), and builds for a new server
// or database each pass.
use std::collections::HashMap;

use futures::{stream, StreamExt};
use reqwest::Client;

// The pool of a program, built once in `main` and lent to every job.
#[tokio::main]
async fn main() -> Result<(), sqlx::Error> {
    let pool = sqlx::PgPool::connect("postgres://localhost/jobs").await?;
    for id in 0..10_i64 {
        sqlx::query("UPDATE jobs SET done = true WHERE id = $1")
            .bind(id)
            .execute(&pool)
            .await?;
    }
    Ok(())
}

pub async fn shared(n: u32) {
    let client = Client::new();
    stream::iter(0..n)
        .map(|i| {
            let client = client.clone();
            async move {
                let resp = client.get("http://localhost:8080").send().await;
                println!("task {i}: {}", resp.is_ok());
            }
        })
        .buffer_unordered(8)
        .collect::<Vec<_>>()
        .await;
}

pub fn one_per_upstream(upstreams: &[(String, String)]) -> HashMap<String, Client> {
    let mut clients = HashMap::new();
    let mut all = Vec::new();
    for (name, _url) in upstreams {
        let client = Client::new();
        clients.insert(name.clone(), client);
        all.push(Client::new());
    }
    drop(all);
    clients
}

pub fn a_pool_of_clients(n: usize) -> Vec<Client> {
    (0..n).map(|_| Client::new()).collect()
}

// A rotation of clients, built in a block with attributes (spider's test).
pub fn a_rotation() -> Vec<Client> {
    (0..3)
        .map(|_| {
            #[cfg(not(feature = "cache_request"))]
            {
                unsafe { reqwest::ClientBuilder::new().build().unwrap_unchecked() }
            }
        })
        .collect()
}

pub async fn with_retries(url: &str) -> reqwest::Result<reqwest::Response> {
    for _attempt in 0..3 {
        let client = Client::builder().build()?;
        if let Ok(resp) = client.get(url).send().await {
            return Ok(resp);
        }
    }
    reqwest::get(url).await
}

pub async fn publisher(
    client: redis::Client,
    mut rx: tokio::sync::mpsc::Receiver<String>,
) -> redis::RedisResult<()> {
    use redis::AsyncCommands;
    let mut open = true;
    while open {
        let mut con = client.get_multiplexed_async_connection().await?;
        while let Some(msg) = rx.recv().await {
            let _: () = con.publish("events", msg).await?;
        }
        open = false;
    }
    Ok(())
}

fn fetcher() -> Client {
    Client::new()
}

pub async fn via_helper(urls: &[String]) {
    for url in urls {
        let _ = fetcher().get(url).send().await;
    }
}

// A connection per server, and a pool per shard: a new target each pass, so nothing a
// shared client or pool could have reused.
pub async fn add_user_on_all_nodes(servers: &[String]) {
    for server in servers {
        let client = redis::Client::open(server.as_str()).unwrap();
        let mut con = client.get_multiplexed_async_connection().await.unwrap();
        redis::cmd("ACL")
            .arg("SETUSER")
            .exec_async(&mut con)
            .await
            .unwrap();
    }
}

pub async fn replicas(replicas: Vec<redis::Client>) {
    for replica in replicas {
        let _con = replica.get_multiplexed_async_connection().await;
    }
}

pub async fn migrate_shards(shards: &[String]) -> Result<(), sqlx::Error> {
    for url in shards {
        let pool = sqlx::PgPool::connect(url).await?;
        sqlx::query("SELECT 1").execute(&pool).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    // A client per test case, each against its own mock server (uv's redirect tests).
    #[tokio::test]
    async fn redirects_keep_the_header() {
        for status in [301, 302, 307] {
            let server = format!("http://127.0.0.1:{}", 8000 + status);
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let _ = client.get(&server).send().await;
        }
    }
}

#[test]
fn each_case_builds_its_own_blocking_client() {
    for url in ["http://a.test", "http://b.test"] {
        let client = reqwest::blocking::Client::new();
        let _ = client.get(url).send();
    }
}
