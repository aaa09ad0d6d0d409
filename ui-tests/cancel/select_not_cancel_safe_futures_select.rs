// select_branch_not_cancel_safe: `futures::select!` with fused futures, in a `while`
// loop: an update written with `write_all` races incoming messages. When a message wins,
// part of the update may be on the wire already, and the next round writes it all again.
use futures::{FutureExt, StreamExt, select};
use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;

pub async fn sync(mut writer: OwnedWriteHalf, mut incoming: futures::channel::mpsc::Receiver<u8>) {
    let update = vec![0u8; 4096];
    let mut open = true;
    while open {
        select! {
            written = writer.write_all(&update).fuse() => { //~ select_branch_not_cancel_safe
                open = written.is_ok();
            }
            msg = incoming.next() => {
                open = msg.is_some();
            }
        }
    }
}
