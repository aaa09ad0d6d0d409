use tokio_util::sync::CancellationToken;

pub fn arm(token: &CancellationToken) {
    (token.child_token().drop_guard()); //~ guard_dropped_immediately
    &token.clone().drop_guard(); //~ guard_dropped_immediately
}
