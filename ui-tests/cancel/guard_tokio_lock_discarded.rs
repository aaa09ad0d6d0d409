// guard_dropped_immediately: tokio lock guards and a semaphore permit bound to `_`. The
// update below was meant to run under the lock, and the job under the permit; both run
// without them.
use std::sync::Arc;

use tokio::sync::{Mutex, RwLock, Semaphore};

pub struct Registry {
    entries: Arc<Mutex<Vec<String>>>,
    index: RwLock<Vec<usize>>,
    slots: Arc<Semaphore>,
}

impl Registry {
    pub async fn add(&self, name: String) {
        let _ = self.entries.lock().await; //~ guard_dropped_immediately
        self.index.write().await.push(0);
        drop(name);
    }

    pub async fn reindex(&self) {
        _ = self.index.write().await; //~ guard_dropped_immediately
        rebuild();
    }

    pub fn try_run(&self) -> bool {
        let _ = self.slots.try_acquire(); //~ guard_dropped_immediately
        run_job();
        true
    }
}

fn rebuild() {}
fn run_job() {}
