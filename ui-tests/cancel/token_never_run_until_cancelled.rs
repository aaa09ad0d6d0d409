// cancel_token_never_cancelled: `run_until_cancelled` only waits for the token; it never
// cancels it. The spawned poller runs until its token is cancelled, which never happens.
use tokio_util::sync::CancellationToken;

pub async fn spawn_poller(urls: Vec<String>) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let poller_token = token.clone();
    tokio::spawn(async move {
        let finished = poller_token.run_until_cancelled(poll_forever(urls)).await;
        if finished.is_none() {
            println!("poller stopped");
        }
    });
    println!("poller started, cancelled = {}", token.is_cancelled());
}

async fn poll_forever(urls: Vec<String>) {
    loop {
        for url in &urls {
            let _ = url.len();
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
