// task_tracker_not_closed (quiet): every arm of the `select!` that leaves the loop closes
// the tracker first.
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
                Err(_) => {
                    tracker.close();
                    break;
                }
            },
            _ = tokio::signal::ctrl_c() => {
                tracker.close();
                break;
            }
        }
    }
    tracker.wait().await;
}
