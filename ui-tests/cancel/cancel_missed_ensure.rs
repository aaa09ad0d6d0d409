// cancel_missed_on_path: a failed `ensure!` returns early like `?`. The workers already
// wait on the token, and the early return skips the `cancel()` at the end.
use anyhow::{ensure, Result};
use tokio_util::sync::CancellationToken;

pub async fn run_batch(jobs: Vec<Job>, limit: usize) -> Result<()> {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    let mut handles = Vec::new();
    for job in jobs {
        let token = token.clone();
        handles.push(tokio::spawn(async move {
            tokio::select! {
                _ = token.cancelled() => {}
                _ = job.run() => {}
            }
        }));
    }
    ensure!(handles.len() <= limit, "{} jobs, over the limit of {limit}", handles.len());
    tokio::time::sleep(std::time::Duration::from_secs(30)).await;
    token.cancel();
    for handle in handles {
        handle.await?;
    }
    Ok(())
}

pub struct Job;

impl Job {
    async fn run(self) {}
}
