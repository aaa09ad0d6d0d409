// cancel_token_never_cancelled (quiet): the waiter is cancelled when the work is done.
use tokio_util::sync::CancellationToken;

pub async fn with_progress(job: &str) {
    let token = CancellationToken::new();
    let progress = token.clone();
    let reporter = tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = progress.cancelled() => break,
                _ = tokio::time::sleep(std::time::Duration::from_secs(1)) => eprint!("."),
            }
        }
    });
    run_job(job).await;
    token.cancel();
    let _ = reporter.await;
}

async fn run_job(_job: &str) {}
