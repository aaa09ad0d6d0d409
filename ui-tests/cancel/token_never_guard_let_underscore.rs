// cancel_token_never_cancelled (quiet) / guard_dropped_immediately: `let _ =
// token.drop_guard();` drops the guard at once, which CANCELS the token immediately. That
// is guard_dropped_immediately (the workers stop right away); the token is not "never
// cancelled", so cancel_token_never_cancelled must not fire on the creation line.
use tokio_util::sync::CancellationToken;

pub async fn run_workers(n: usize) {
    let token = CancellationToken::new();
    for i in 0..n {
        let token = token.clone();
        tokio::spawn(async move {
            token.run_until_cancelled(work(i)).await;
        });
    }
    // meant: cancel the workers when `run_workers` returns
    let _ = token.drop_guard(); //~ guard_dropped_immediately
    supervise().await;
}

async fn work(_i: usize) {}
async fn supervise() {}
