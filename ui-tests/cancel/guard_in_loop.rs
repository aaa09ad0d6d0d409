use tokio_util::sync::CancellationToken;

pub async fn accept_loop(listener: Listener, token: CancellationToken) {
    loop {
        let conn = listener.accept().await;
        let per_conn = token.child_token();
        let _ = per_conn.clone().drop_guard(); //~ guard_dropped_immediately
        tokio::spawn(handle(conn, per_conn));
    }
}

pub async fn retry(token: &CancellationToken, attempts: usize) {
    for _ in 0..attempts {
        let _ = token.child_token().drop_guard(); //~ guard_dropped_immediately
    }
    while !token.is_cancelled() {
        token.child_token().drop_guard(); //~ guard_dropped_immediately
    }
}
