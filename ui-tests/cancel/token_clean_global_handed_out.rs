// cancel_token_never_cancelled (quiet): a helper that hands out clones of the one
// application-wide token (a `static`, or a field) creates no token: it is cancelled by
// whoever starts the shutdown, elsewhere (svix-server's shape).
use std::sync::LazyLock;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

static SHUTTING_DOWN: LazyLock<CancellationToken> = LazyLock::new(CancellationToken::new);

pub fn shutting_down_token() -> CancellationToken {
    SHUTTING_DOWN.clone()
}

pub fn start_shut_down() {
    SHUTTING_DOWN.cancel();
}

pub struct App {
    shutdown: CancellationToken,
}

impl App {
    pub fn shutdown_token(&self) -> CancellationToken {
        self.shutdown.child_token()
    }
}

pub async fn clean_forever() {
    let shutdown = shutting_down_token();
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = shutdown.cancelled() => return,
        }
    }
}

pub async fn serve(app: &App) {
    let token = app.shutdown_token();
    token.cancelled().await;
}
