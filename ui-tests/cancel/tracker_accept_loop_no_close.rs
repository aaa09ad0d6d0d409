// task_tracker_not_closed: the usual graceful-shutdown server shape with the `close()`
// forgotten after the accept loop; shutdown hangs forever in `wait()`.
use tokio::net::{TcpListener, TcpStream};
use tokio_util::task::TaskTracker;

pub async fn serve(listener: TcpListener) {
    let tracker = TaskTracker::new();
    loop {
        tokio::select! {
            res = listener.accept() => {
                let Ok((socket, _)) = res else { break };
                tracker.spawn(handle(socket));
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    println!("waiting for {} connections", tracker.len());
    tracker.wait().await; //~ task_tracker_not_closed
}

async fn handle(_s: TcpStream) {}
