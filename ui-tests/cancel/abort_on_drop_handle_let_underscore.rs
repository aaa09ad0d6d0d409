use std::time::Duration;

use tokio_util::task::AbortOnDropHandle;

pub fn start_heartbeat(client: Client) {
    let _ = AbortOnDropHandle::new(tokio::spawn(async move { //~ guard_dropped_immediately
        loop {
            client.ping().await;
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    }));
}
