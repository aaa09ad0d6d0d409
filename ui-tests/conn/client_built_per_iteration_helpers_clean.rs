// client_built_per_iteration (quiet): helpers that are given the client, that return the
// one they build, that connect to the target they are given, or that are called once.
use std::time::Duration;

async fn fetch(client: &reqwest::Client, url: &str) -> reqwest::Result<String> {
    client.get(url).send().await?.text().await
}

fn make_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client")
}

async fn count_rows(url: &str) -> Result<i64, sqlx::Error> {
    let pool = sqlx::PgPool::connect(url).await?;
    let (n,): (i64,) = sqlx::query_as("SELECT count(*) FROM events")
        .fetch_one(&pool)
        .await?;
    Ok(n)
}

async fn latest(url: &str) -> reqwest::Result<String> {
    let client = reqwest::Client::new();
    client.get(url).send().await?.text().await
}

pub async fn crawl(urls: &[String], shards: &[String]) -> Result<i64, Box<dyn std::error::Error>> {
    let client = make_client();
    for url in urls {
        let _ = fetch(&client, url).await?;
    }
    let mut total = 0;
    for shard in shards {
        total += count_rows(shard).await?;
    }
    let _ = latest("https://example.com/latest").await?;
    Ok(total)
}
