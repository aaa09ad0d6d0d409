// abort_handle_unused: the handle is cloned, but neither the original nor the clone is
// ever aborted or handed anywhere; clones count as the same handle. See README (unsure
// whether `clone()` should count as a use).
use futures::future::abortable;

pub async fn prefetch(keys: Vec<String>) {
    let (fut, handle) = abortable(load(keys)); //~ abort_handle_unused
    let backup = handle.clone();
    tokio::spawn(fut);
    println!("prefetch started: {}", backup.is_aborted());
}

async fn load(_keys: Vec<String>) {}
