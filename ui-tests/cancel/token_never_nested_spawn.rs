// cancel_token_never_cancelled: clones travel through two levels of spawned tasks; every
// clone counts as the same token, and none of them is ever cancelled.
use tokio_util::sync::CancellationToken;

pub fn start_supervisor(workers: usize) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let supervisor_token = token.clone();
    tokio::spawn(async move {
        for id in 0..workers {
            let worker_token = supervisor_token.clone();
            tokio::spawn(async move {
                while !worker_token.is_cancelled() {
                    work(id).await;
                }
            });
        }
        supervisor_token.cancelled().await;
    });
}

async fn work(_id: usize) {}
