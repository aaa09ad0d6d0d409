// abort_handle_unused (quiet): the handle is aborted on one path (an error); that is a
// use. Whether every path aborts is not this lint's question.
use futures::future::{AbortHandle, Abortable};

pub async fn mirror(src: String, dst: String) -> Result<(), String> {
    let (upload_handle, reg) = AbortHandle::new_pair();
    let upload = tokio::spawn(Abortable::new(upload(dst), reg));
    if let Err(e) = download(src).await {
        upload_handle.abort();
        return Err(e);
    }
    let _ = upload.await;
    Ok(())
}

async fn upload(_d: String) {}

async fn download(_s: String) -> Result<(), String> {
    Ok(())
}
