// cancel_token_never_cancelled: the clone goes to a worker function defined in this file.
// The worker only waits on the token (`cancelled()`, `is_cancelled()`); it never calls
// `cancel()` and never lets the token escape, so the token is never cancelled.
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

pub async fn start_pipeline(rx: mpsc::Receiver<Vec<u8>>) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(worker(rx, token.clone()));
    println!("pipeline started");
}

async fn worker(mut rx: mpsc::Receiver<Vec<u8>>, token: CancellationToken) {
    while !token.is_cancelled() {
        tokio::select! {
            _ = token.cancelled() => break,
            msg = rx.recv() => match msg {
                Some(bytes) => process(bytes).await,
                None => continue,
            },
        }
    }
}

async fn process(_bytes: Vec<u8>) {}
