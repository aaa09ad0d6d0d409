// cancel_missed_on_path (quiet): both branches of the `if` cancel, and the `return` in
// the first branch comes after its cancel.
use tokio_util::sync::CancellationToken;

pub async fn finish(ok: bool) -> u8 {
    let token = CancellationToken::new();
    let w = token.clone();
    tokio::spawn(async move {
        w.cancelled().await;
    });
    work().await;
    if ok {
        token.cancel();
        return 0;
    } else {
        token.cancel();
    }
    1
}

async fn work() {}
