// cancel_token_never_cancelled: `let _ = token;` neither moves nor drops the token (a
// place expression bound to `_` is left alone), and even dropping it would not cancel.
// The author seems to have meant "release the token so the task stops": it does not.
use tokio_util::sync::CancellationToken;

pub async fn run_once(job: Job) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let progress_token = token.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = progress_token.cancelled() => break,
                _ = tokio::time::sleep(std::time::Duration::from_millis(500)) => print_progress(),
            }
        }
    });
    job.run().await;
    let _ = token;
}

pub struct Job;

impl Job {
    async fn run(&self) {}
}

fn print_progress() {}
