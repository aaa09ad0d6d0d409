// abort_handle_unused (quiet): the pair's handle is discarded, but `reg.handle()`
// (futures 0.3: `AbortRegistration::handle`) makes a new handle for the same registration
// before it is consumed, and that handle is aborted. See README (unsure: the tool has to
// know that `reg.handle()` recovers a handle).
use futures::future::{AbortHandle, Abortable};

pub async fn run_for(secs: u64) {
    let (_, reg) = AbortHandle::new_pair();
    let handle = reg.handle();
    let task = tokio::spawn(Abortable::new(spin(), reg));
    tokio::time::sleep(std::time::Duration::from_secs(secs)).await;
    handle.abort();
    let _ = task.await;
}

async fn spin() {}
