// guard_dropped_immediately (quiet): the same guards kept, or discarded on purpose.
// - a lock awaited as a statement waits for whoever holds it, and a permit acquired and
//   dropped at once waits for a free one: both are ways to wait;
// - a lock's future that is never awaited is another bug (clippy's
//   `let_underscore_future`);
// - guards bound to names, tasks detached or awaited.
use std::sync::Arc;

use tokio::sync::{Mutex, Semaphore};
use tracing::info_span;

pub async fn wait_for_holder(state: Arc<Mutex<u32>>, slots: Arc<Semaphore>) {
    state.lock().await;
    let _ = slots.acquire().await;
    let _ = state.lock();
    let _guard = state.lock().await;
    let _permit = slots.try_acquire();
}

pub fn kept() -> std::io::Result<()> {
    let span = info_span!("kept");
    let _enter = span.enter();
    let _span = info_span!("also").entered();
    Ok(())
}

pub async fn tasks() {
    smol::spawn(async {}).detach();
    let task = smol::spawn(async { 1 });
    let one = task.await;
    assert_eq!(one, 1);
}
