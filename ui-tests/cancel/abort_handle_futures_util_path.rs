// abort_handle_unused: the same API reached through `futures_util` instead of `futures`.
use futures_util::future::{abortable, AbortHandle, Abortable};

pub fn spawn_both() {
    let (fut, _unused) = abortable(background()); //~ abort_handle_unused
    tokio::spawn(fut);

    let (_, reg) = AbortHandle::new_pair(); //~ abort_handle_unused
    tokio::spawn(Abortable::new(background(), reg));
}

async fn background() {}
