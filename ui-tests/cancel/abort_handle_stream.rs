// abort_handle_unused: `Abortable` also wraps streams; the handle for the event stream is
// never used, so the consumer loop can never be stopped through it.
use futures::future::{AbortHandle, Abortable};
use futures::stream::{self, StreamExt};

pub async fn consume_events(events: Vec<String>) -> usize {
    let (stop, reg) = AbortHandle::new_pair(); //~ abort_handle_unused
    let mut stream = Abortable::new(stream::iter(events), reg);
    let mut n = 0;
    while let Some(ev) = stream.next().await {
        println!("{ev}");
        n += 1;
    }
    n
}
