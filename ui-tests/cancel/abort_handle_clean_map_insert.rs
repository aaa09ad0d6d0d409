// abort_handle_unused (quiet): the handle is inserted into a map owned by the caller
// (`&mut HashMap` parameter); it escapes, and `cancel` aborts by id.
use std::collections::HashMap;

use futures::future::{abortable, AbortHandle};

pub fn submit(tasks: &mut HashMap<u64, AbortHandle>, id: u64) {
    let (fut, handle) = abortable(job(id));
    tokio::spawn(fut);
    tasks.insert(id, handle);
}

pub fn cancel(tasks: &mut HashMap<u64, AbortHandle>, id: u64) {
    if let Some(h) = tasks.remove(&id) {
        h.abort();
    }
}

async fn job(_id: u64) {}
