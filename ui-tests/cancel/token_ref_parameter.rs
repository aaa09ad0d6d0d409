use tokio_util::sync::CancellationToken;

pub fn spawn_worker(parent: &CancellationToken, id: usize) {
    let token = parent.child_token();
    tokio::spawn(async move {
        work(id, &token).await;
    });
    let _ = parent.drop_guard_ref(); //~ guard_dropped_immediately
}

pub fn stop_on_return(parent: &&CancellationToken) {
    let _ = parent.child_token().drop_guard(); //~ guard_dropped_immediately
}
