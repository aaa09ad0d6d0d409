use tokio_util::sync::CancellationToken;

pub fn cancel_now(token: &CancellationToken) {
    // Explicit, so taken as intended (though `token.cancel()` says it better).
    drop(token.clone().drop_guard());
    std::mem::drop(token.drop_guard_ref());
}
