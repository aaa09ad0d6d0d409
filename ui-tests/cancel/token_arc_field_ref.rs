use std::sync::Arc;

use tokio_util::sync::CancellationToken;

pub struct Shared {
    shutdown: Arc<CancellationToken>,
}

impl Shared {
    pub async fn drain(&self) {
        let _ = self.shutdown.drop_guard_ref(); //~ guard_dropped_immediately
        self.flush().await;
    }
}

pub async fn serve() {
    let token = Arc::new(CancellationToken::new());
    let shared = Shared { shutdown: Arc::clone(&token) };
    let _ = token.drop_guard_ref(); //~ guard_dropped_immediately
    let again = Arc::clone(&shared.shutdown);
    let _ = again.drop_guard_ref(); //~ guard_dropped_immediately
    shared.drain().await;
}
