// cancel_token_never_cancelled (quiet): a spawned task waits for ctrl-c and then cancels
// the token; the workers' waits are satisfied on shutdown.
use tokio_util::sync::CancellationToken;

#[tokio::main]
async fn main() {
    let token = CancellationToken::new();

    let signal_token = token.clone();
    tokio::spawn(async move {
        tokio::signal::ctrl_c().await.expect("install ctrl-c handler");
        signal_token.cancel();
    });

    let mut workers = Vec::new();
    for id in 0..4 {
        let token = token.clone();
        workers.push(tokio::spawn(async move {
            token.run_until_cancelled(work(id)).await;
        }));
    }
    for w in workers {
        let _ = w.await;
    }
}

async fn work(_id: u32) {
    std::future::pending::<()>().await
}
