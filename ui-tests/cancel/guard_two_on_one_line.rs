use tokio_util::sync::CancellationToken;

pub fn stop_all(a: CancellationToken, b: CancellationToken) {
    let _ = a.drop_guard(); let _ = b.drop_guard(); //~ guard_dropped_immediately guard_dropped_immediately
}
