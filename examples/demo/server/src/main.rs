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

/// The pollers wait for a cancellation that nothing ever sends.
pub async fn start_pollers() {
    let stop = CancellationToken::new();
    for id in 0..2 {
        let stop = stop.clone();
        tokio::spawn(async move {
            stop.cancelled().await;
            tracing::info!(id, "poller stopped");
        });
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
}

/// Cancels the uploader on success, but the `?` returns early without cancelling it.
pub async fn upload(path: &str) -> std::io::Result<()> {
    let stop = CancellationToken::new();
    let uploader = stop.clone();
    tokio::spawn(async move { uploader.cancelled().await });
    let data = tokio::fs::read(path).await?;
    tracing::info!(bytes = data.len(), "uploaded");
    stop.cancel();
    Ok(())
}

/// The handle is thrown away: the refresh loop can never be stopped.
pub fn start_refresh() {
    let (refresh, _handle) = futures::future::abortable(heartbeat());
    tokio::spawn(refresh);
}

/// `wait()` never returns: the tracker is never closed.
pub async fn run_jobs() {
    let tracker = tokio_util::task::TaskTracker::new();
    for i in 0..3 {
        tracker.spawn(async move { tracing::info!(i, "job done") });
    }
    tracker.wait().await;
}

/// Reads length-prefixed requests while replies are queued. A reply that wins the race
/// drops the half-read length: the next round reads a length from the middle of a frame.
pub async fn relay(
    mut socket: tokio::net::TcpStream,
    mut replies: tokio::sync::mpsc::Receiver<Vec<u8>>,
) -> std::io::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    loop {
        tokio::select! {
            len = socket.read_u32() => {
                let mut body = vec![0u8; len? as usize];
                socket.read_exact(&mut body).await?;
            }
            Some(reply) = replies.recv() => socket.write_all(&reply).await?,
        }
    }
}

/// The span stays entered while `sleep` is pending: whatever else runs on this thread
/// meanwhile is traced inside "refresh".
pub async fn refresh_traced() {
    let span = tracing::info_span!("refresh");
    let _enter = span.enter();
    tokio::time::sleep(Duration::from_secs(5)).await;
    tracing::info!("refreshed");
}

/// When the five seconds are up, `output()` is dropped and the probe keeps running.
pub async fn probe_disk() -> Option<std::process::Output> {
    let probe = tokio::process::Command::new("smartctl").arg("-a").output();
    tokio::time::timeout(Duration::from_secs(5), probe).await.ok()?.ok()
}
