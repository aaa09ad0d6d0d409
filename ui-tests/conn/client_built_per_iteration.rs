// client_built_per_iteration: clients and pools built again on every iteration. The
// shapes are those of public code: a task spawned per URL that calls `reqwest::get`, a
// client made inside the loop that uses it, a stream adapter building one per item, a
// worker loop connecting a pool per job, and a redis connection opened per key.
use std::collections::HashMap;

use futures::{stream, StreamExt};
use reqwest::Client as Http;
use sqlx::postgres::PgPoolOptions;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

pub async fn fetch_all(paths: Vec<String>) {
    let mut tasks: Vec<JoinHandle<Result<String, reqwest::Error>>> = vec![];
    for path in paths {
        tasks.push(tokio::spawn(async move {
            let resp = reqwest::get(&path).await?; //~ client_built_per_iteration
            resp.text().await
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
}

pub async fn bodies(urls: &[String]) -> reqwest::Result<Vec<String>> {
    let mut bodies = Vec::new();
    for url in urls {
        let client = reqwest::Client::new(); //~ client_built_per_iteration
        bodies.push(client.get(url).send().await?.text().await?);
    }
    Ok(bodies)
}

pub async fn statuses(ids: Vec<u32>) {
    stream::iter(ids)
        .for_each(|id| async move {
            let client = Http::builder() //~ client_built_per_iteration
                .timeout(std::time::Duration::from_secs(5))
                .build()
                .unwrap();
            let url = format!("https://example.com/items/{id}");
            if let Ok(resp) = client.get(url).send().await {
                println!("{}", resp.status());
            }
        })
        .await;
}

pub fn lines(urls: &[&str]) -> reqwest::Result<usize> {
    let mut total = 0;
    for url in urls {
        total += reqwest::blocking::get(*url)?.text()?.lines().count(); //~ client_built_per_iteration
    }
    Ok(total)
}

pub async fn worker(mut jobs: mpsc::Receiver<String>, url: String) -> Result<(), sqlx::Error> {
    while let Some(job) = jobs.recv().await {
        let pool = PgPoolOptions::new() //~ client_built_per_iteration
            .max_connections(1)
            .connect(&url)
            .await?;
        sqlx::query("INSERT INTO jobs (name) VALUES ($1)")
            .bind(job)
            .execute(&pool)
            .await?;
    }
    Ok(())
}

pub async fn counters(client: redis::Client, keys: HashMap<String, i64>) -> redis::RedisResult<()> {
    use redis::AsyncCommands;
    for (key, value) in keys {
        let mut con = client.get_multiplexed_async_connection().await?; //~ client_built_per_iteration
        let _: () = con.set(key, value).await?;
    }
    Ok(())
}
