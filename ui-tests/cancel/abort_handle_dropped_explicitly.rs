// abort_handle_unused: `drop(handle)` does not abort (AbortHandle has no `Drop`); after
// it, the spawned future can never be aborted. `std::mem::drop` is not an escape.
use futures::future::abortable;

pub fn fire_and_forget(url: String) {
    let (request, handle) = abortable(post(url)); //~ abort_handle_unused
    tokio::spawn(request);
    drop(handle);
}

async fn post(_url: String) {}
