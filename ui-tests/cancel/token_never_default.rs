// cancel_token_never_cancelled: `CancellationToken::default()` creates a token exactly like
// `new()`. Its clone is handed to a spawned task that only waits; nothing cancels it.
use tokio_util::sync::CancellationToken;

pub async fn run_metrics_exporter() {
    let shutdown = CancellationToken::default(); //~ cancel_token_never_cancelled
    let exporter_shutdown = shutdown.clone();
    let exporter = tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = exporter_shutdown.cancelled() => return,
                _ = tokio::time::sleep(std::time::Duration::from_secs(10)) => export().await,
            }
        }
    });
    do_main_work().await;
    // Awaiting the exporter hangs: its token is never cancelled.
    let _ = exporter.await;
}

async fn export() {}
async fn do_main_work() {}
