// unflushed_async_writer (quiet, unsure): a task that cannot use `?` leaves with `return`
// when a write fails (`is_err()`); that exit is the failed write's own, like `?` on it,
// and the normal path flushes after the loop.
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;
use tokio::sync::mpsc;

pub fn spawn_sender(sock: TcpStream, mut rx: mpsc::Receiver<Vec<u8>>) {
    tokio::spawn(async move {
        let mut w = BufWriter::new(sock);
        while let Some(frame) = rx.recv().await {
            if w.write_all(&frame).await.is_err() {
                eprintln!("peer went away");
                return;
            }
        }
        let _ = w.flush().await;
    });
}
