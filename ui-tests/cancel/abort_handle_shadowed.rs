// abort_handle_unused: the first `handle` is shadowed by a second pair before it is ever
// used; the `abort()` below reaches only the second. Only the first creation is reported.
use futures::future::{AbortHandle, Abortable};

pub async fn restart(name: &str) {
    let (handle, reg) = AbortHandle::new_pair(); //~ abort_handle_unused
    tokio::spawn(Abortable::new(worker(name.to_owned()), reg));

    let (handle, reg) = AbortHandle::new_pair();
    tokio::spawn(Abortable::new(worker(format!("{name}-2")), reg));
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    handle.abort();
}

async fn worker(_name: String) {}
