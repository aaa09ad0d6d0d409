// cancel_token_never_cancelled (quiet): a clone is passed to `http::serve`, a function that
// is not in this file. It may cancel the token (for instance on a fatal error), so the
// token escapes and nothing is reported, even though the local waiter never cancels.
use tokio_util::sync::CancellationToken;

use crate::http;

pub async fn start(port: u16) {
    let token = CancellationToken::new();
    let watchdog = token.clone();
    tokio::spawn(async move {
        watchdog.cancelled().await;
        eprintln!("http server requested shutdown");
    });
    http::serve(port, token.clone()).await;
}
