// cancel_token_never_cancelled (quiet): only child tokens reach the workers, but the root
// is cancelled after the deadline; cancelling an ancestor cancels every child.
use tokio_util::sync::CancellationToken;

pub async fn crawl(seeds: Vec<String>) {
    let root = CancellationToken::new();
    for seed in seeds {
        let child = root.child_token();
        tokio::spawn(async move {
            child.run_until_cancelled(fetch_all(seed)).await;
        });
    }
    tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    root.cancel();
}

async fn fetch_all(_seed: String) {}
