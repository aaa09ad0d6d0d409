// abort_handle_unused: `abortable(fut)` returns `(Abortable, AbortHandle)`; the handle is
// `_`, so the wrapped future can never be aborted and the wrapper is pointless.
use futures::future::abortable;

pub async fn download(url: String) -> Option<Vec<u8>> {
    let (fut, _) = abortable(fetch(url)); //~ abort_handle_unused
    fut.await.ok()
}

async fn fetch(_url: String) -> Vec<u8> {
    Vec::new()
}
