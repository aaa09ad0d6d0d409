use std::sync::Arc;

use tokio_util::sync::{CancellationToken, DropGuard};

// Guards are not `Clone`: what is cloned here is the `Arc`, and dropping a clone only
// releases one reference, so the token is not cancelled.
#[derive(Clone)]
pub struct Handle {
    guard: Arc<DropGuard>,
}

impl Handle {
    pub fn new(token: CancellationToken) -> Self {
        Handle { guard: Arc::new(token.drop_guard()) }
    }

    pub fn ping(&self) {
        let _ = self.guard.clone();
        let _ = Arc::clone(&self.guard);
        Arc::clone(&self.guard);
    }
}
