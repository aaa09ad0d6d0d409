// cancel_missed_on_path: the token is owned by one iteration of the loop. `break` leaves
// the loop with this iteration's token uncancelled while its heartbeat task waits.
// Exit: the `break;` after `if reply.is_empty()`.
use tokio_util::sync::CancellationToken;

pub async fn poll_jobs(queue: &Queue) {
    loop {
        let job_token = CancellationToken::new(); //~ cancel_missed_on_path
        let heartbeat = job_token.clone();
        tokio::spawn(async move {
            heartbeat
                .run_until_cancelled(async {
                    loop {
                        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                    }
                })
                .await;
        });
        let reply = queue.next().await;
        if reply.is_empty() {
            break;
        }
        process(reply).await;
        job_token.cancel();
    }
}

pub struct Queue;

impl Queue {
    async fn next(&self) -> Vec<u8> {
        Vec::new()
    }
}

async fn process(_reply: Vec<u8>) {}
