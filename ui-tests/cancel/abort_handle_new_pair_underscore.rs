// abort_handle_unused: the handle half of `new_pair()` is discarded with `_`; the
// registration makes the spawned stream abortable, but no handle exists to abort it.
use futures::future::{AbortHandle, Abortable};
use futures::StreamExt;

pub fn spawn_ticker() {
    let (_, reg) = AbortHandle::new_pair(); //~ abort_handle_unused
    let ticks = futures::stream::repeat(()).then(|()| async {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    });
    tokio::spawn(async move {
        let mut ticks = Box::pin(Abortable::new(ticks, reg));
        while ticks.next().await.is_some() {
            println!("tick");
        }
    });
}
