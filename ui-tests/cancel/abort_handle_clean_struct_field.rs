// abort_handle_unused (quiet): the handle is stored in a struct with a `stop()` method.
use futures::future::{AbortHandle, Abortable};

pub struct Poller {
    abort: AbortHandle,
}

impl Poller {
    pub fn start(url: String) -> Self {
        let (abort, reg) = AbortHandle::new_pair();
        tokio::spawn(Abortable::new(poll(url), reg));
        Poller { abort }
    }

    pub fn stop(&self) {
        self.abort.abort();
    }
}

async fn poll(_url: String) {}
