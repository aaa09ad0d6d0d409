// cancel_token_never_cancelled (quiet): `CancellationToken` here is this crate's own type,
// not tokio-util's; without an import tying it to tokio-util, nothing is reported.
use std::sync::Arc;
use tokio::sync::Notify;

#[derive(Clone, Default)]
pub struct CancellationToken {
    notify: Arc<Notify>,
}

impl CancellationToken {
    pub fn new() -> Self {
        Self::default()
    }

    pub async fn cancelled(&self) {
        self.notify.notified().await
    }
}

pub fn start() {
    let token = CancellationToken::new();
    let waiter = token.clone();
    tokio::spawn(async move { waiter.cancelled().await });
}
