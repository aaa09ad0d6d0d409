// cancel_missed_on_path: the loop also ends when the queue runs dry, and then the
// function returns without cancelling the token its worker waits on.
use std::collections::VecDeque;

use tokio_util::sync::CancellationToken;

pub async fn run(mut queue: VecDeque<u32>) {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    while !token.is_cancelled() && !queue.is_empty() {
        if queue.pop_front() == Some(0) {
            token.cancel();
        }
    }
}
