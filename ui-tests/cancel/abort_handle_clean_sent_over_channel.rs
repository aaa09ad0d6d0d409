// abort_handle_unused (quiet): the handle is sent to a controller task over a channel;
// it escapes and the controller aborts it.
use futures::future::{abortable, AbortHandle};
use tokio::sync::mpsc;

pub fn start(jobs: Vec<String>) {
    let (tx, mut rx) = mpsc::unbounded_channel::<AbortHandle>();
    tokio::spawn(async move {
        tokio::signal::ctrl_c().await.ok();
        while let Ok(h) = rx.try_recv() {
            h.abort();
        }
    });
    for job in jobs {
        let (fut, handle) = abortable(run(job));
        tokio::spawn(fut);
        tx.send(handle).ok();
    }
}

async fn run(_job: String) {}
