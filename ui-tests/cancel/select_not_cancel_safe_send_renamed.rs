// select_branch_not_cancel_safe: a forwarder sends each item on a bounded channel while
// a heartbeat ticks, through a renamed import of the macro. When the tick wins, the item
// moved into `send` is dropped: it is never delivered, and the loop moves on to the next.
use std::time::Duration;

use tokio::select as race;
use tokio::sync::mpsc::Sender;

pub async fn forward(items: Vec<String>, out: Sender<String>) {
    let mut heartbeat = tokio::time::interval(Duration::from_secs(1));
    for item in items {
        race! {
            sent = out.send(item) => { //~ select_branch_not_cancel_safe
                if sent.is_err() {
                    return;
                }
            }
            _ = heartbeat.tick() => log_heartbeat(),
        }
    }
}

fn log_heartbeat() {}
