// cancel_token_never_cancelled (quiet): a clone moved into another spawned task cancels the
// token after a deadline. Any handle's `cancel()` counts.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub fn run_with_deadline(deadline: Duration) {
    let token = CancellationToken::new();
    let waiter = token.clone();
    tokio::spawn(async move {
        tokio::select! {
            _ = waiter.cancelled() => println!("deadline reached"),
            _ = crunch() => println!("done in time"),
        }
    });
    let canceller = token.clone();
    tokio::spawn(async move {
        tokio::time::sleep(deadline).await;
        canceller.cancel();
    });
}

async fn crunch() {}
