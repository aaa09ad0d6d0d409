// task_tracker_not_closed: only the ctrl-c arm of the `select!` closes the tracker; when
// the listener fails the loop breaks without closing, and the wait hangs.
use tokio::net::TcpListener;
use tokio_util::task::TaskTracker;

pub async fn serve(listener: TcpListener) {
    let tracker = TaskTracker::new();
    loop {
        tokio::select! {
            res = listener.accept() => match res {
                Ok((socket, _)) => {
                    tracker.spawn(async move { drop(socket) });
                }
                Err(_) => break,
            },
            _ = tokio::signal::ctrl_c() => {
                tracker.close();
                break;
            }
        }
    }
    tracker.wait().await; //~ task_tracker_not_closed
}
