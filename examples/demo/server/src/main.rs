use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tokio_util::task::AbortOnDropHandle;

struct Server {
    shutdown: CancellationToken,
}

impl Server {
    /// Meant to stop the workers when this function returns; stops them at once.
    async fn serve(&self) {
        let _ = self.shutdown.clone().drop_guard();
        for id in 0..4 {
            let token = self.shutdown.child_token();
            tokio::spawn(async move {
                token.cancelled().await;
                tracing::info!(id, "worker stopped");
            });
        }
        tokio::time::sleep(Duration::from_secs(60)).await;
    }

    /// Correct: the guard lives until the end of the function.
    async fn serve_until_done(&self) {
        let _guard = self.shutdown.clone().drop_guard();
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}

async fn heartbeat() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        tracing::info!("alive");
    }
}

#[tokio::main]
async fn main() {
    // The heartbeat task is aborted as soon as it is spawned.
    AbortOnDropHandle::new(tokio::spawn(heartbeat()));

    let server = Server {
        shutdown: CancellationToken::new(),
    };
    server.serve().await;
    server.serve_until_done().await;
}
