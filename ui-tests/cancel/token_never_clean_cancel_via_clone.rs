// cancel_token_never_cancelled (quiet): `cancel()` is called on a clone, not on the
// original binding; all clones are one token.
use tokio_util::sync::CancellationToken;

pub async fn race(a: String, b: String) {
    let token = CancellationToken::new();
    let (ta, tb) = (token.clone(), token.clone());
    let first = tokio::spawn(async move {
        ta.run_until_cancelled(download(a)).await;
        ta.cancel();
    });
    let second = tokio::spawn(async move {
        tb.run_until_cancelled(download(b)).await;
        tb.cancel();
    });
    let _ = tokio::join!(first, second);
}

async fn download(_url: String) {}
