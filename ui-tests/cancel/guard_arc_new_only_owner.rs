use std::sync::Arc;

use tokio_util::sync::CancellationToken;

pub fn share_shutdown(token: CancellationToken, registry: &Registry) {
    // Wrapped but never shared: the only reference goes at the end of the statement,
    // and the guard with it.
    let _ = Arc::new(token.clone().drop_guard()); //~ guard_dropped_immediately
    registry.register(token);
}
