// abort_handle_unused (quiet): the handle is aborted inside a `tokio::select!` arm.
use futures::future::{AbortHandle, Abortable};

pub async fn serve_until_ctrl_c() {
    let (handle, reg) = AbortHandle::new_pair();
    let server = tokio::spawn(Abortable::new(serve(), reg));
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {
            handle.abort();
        }
        _ = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {
            handle.abort();
        }
    }
    let _ = server.await;
}

async fn serve() {}
