use std::time::Duration;

use tokio_util::sync::CancellationToken;

pub async fn run_with_deadline(token: CancellationToken, deadline: Duration) {
    // The guard of a clone still cancels the shared token when it is dropped, here at
    // the end of the statement.
    token.clone().drop_guard(); //~ guard_dropped_immediately
    tokio::time::sleep(deadline).await;
    token.cancelled().await;
}
