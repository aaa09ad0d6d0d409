// abort_handle_unused (quiet): the handle is returned with the future (or the whole pair is
// returned) from thin wrappers; the caller decides when to abort.
use futures::future::{abortable, AbortHandle, Abortable};

pub fn cancellable_fetch(url: String) -> (Abortable<impl std::future::Future<Output = String>>, AbortHandle) {
    let (fut, handle) = abortable(async move { url });
    (fut, handle)
}

pub fn cancellable_pair() -> (AbortHandle, futures::future::AbortRegistration) {
    let pair = AbortHandle::new_pair();
    pair
}
