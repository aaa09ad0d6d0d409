// abort_handle_unused (quiet): the handles are pushed into a `Vec` that is returned; the
// caller aborts them.
use futures::future::{abortable, AbortHandle};

pub fn spawn_all(jobs: Vec<String>) -> Vec<AbortHandle> {
    let mut handles = Vec::new();
    for job in jobs {
        let (fut, handle) = abortable(run(job));
        tokio::spawn(fut);
        handles.push(handle);
    }
    handles
}

async fn run(_job: String) {}
