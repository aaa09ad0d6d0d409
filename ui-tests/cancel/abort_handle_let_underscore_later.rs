// abort_handle_unused: `let _ = handle;` later in the function does nothing: no abort, no
// move, no escape.
use futures::future::{AbortHandle, Abortable};

pub async fn replicate(shard: u32) {
    let (handle, reg) = AbortHandle::new_pair(); //~ abort_handle_unused
    tokio::spawn(Abortable::new(stream_shard(shard), reg));
    announce(shard).await;
    let _ = handle;
}

async fn stream_shard(_s: u32) {}
async fn announce(_s: u32) {}
