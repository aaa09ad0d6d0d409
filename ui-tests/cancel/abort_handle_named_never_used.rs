// abort_handle_unused: a named `abort_handle` that is never mentioned again. The
// comment says it was meant for a shutdown path that was never written.
use futures::future::{AbortHandle, Abortable};

pub async fn start_sync(peer: String) {
    // keep the handle so we can stop syncing on shutdown
    let (abort_handle, registration) = AbortHandle::new_pair(); //~ abort_handle_unused
    let task = Abortable::new(sync_with(peer), registration);
    tokio::spawn(task);
}

async fn sync_with(_peer: String) {}
