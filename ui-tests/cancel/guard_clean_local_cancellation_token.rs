use std::sync::atomic::{AtomicBool, Ordering};

/// This crate's own token, not tokio-util's.
pub struct CancellationToken {
    cancelled: AtomicBool,
}

pub struct DropGuard<'a>(&'a CancellationToken);

impl CancellationToken {
    pub fn new() -> Self {
        CancellationToken { cancelled: AtomicBool::new(false) }
    }

    pub fn drop_guard(&self) -> DropGuard<'_> {
        DropGuard(self)
    }
}

impl Drop for DropGuard<'_> {
    fn drop(&mut self) {
        self.0.cancelled.store(true, Ordering::SeqCst);
    }
}

pub fn reset(token: &CancellationToken) {
    let _ = token.drop_guard();
    let fresh = CancellationToken::new();
    fresh.drop_guard();
}

mod inner {
    use super::*;

    pub fn also_local(token: CancellationToken) {
        let _ = token.drop_guard();
    }
}
