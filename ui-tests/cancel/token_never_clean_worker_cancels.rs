// cancel_token_never_cancelled (quiet): the worker function in this file calls `cancel()`
// on a fatal error, which stops its siblings; the token is cancelled on that path.
use tokio_util::sync::CancellationToken;

pub async fn start(n: usize) {
    let token = CancellationToken::new();
    for id in 0..n {
        tokio::spawn(worker(id, token.clone()));
    }
}

async fn worker(id: usize, token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => return,
            res = fetch(id) => {
                if res.is_err() {
                    // a fatal error takes the whole group down
                    token.cancel();
                    return;
                }
            }
        }
    }
}

async fn fetch(_id: usize) -> Result<(), ()> {
    Ok(())
}
