// cancel_missed_on_path: `break 'outer` leaves both loops, including the outer iteration
// that owns `batch_token`, without cancelling it. Exit: `break 'outer;`.
use tokio_util::sync::CancellationToken;

pub async fn drain(batches: Vec<Vec<u32>>) {
    'outer: for batch in batches {
        let batch_token = CancellationToken::new(); //~ cancel_missed_on_path
        let watchdog = batch_token.clone();
        tokio::spawn(async move { watchdog.cancelled().await });
        for item in batch {
            if item == 0 {
                break 'outer;
            }
            handle(item).await;
        }
        batch_token.cancel();
    }
}

async fn handle(_item: u32) {}
