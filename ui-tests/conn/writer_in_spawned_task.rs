// unflushed_async_writer: the writer is created, written and dropped inside a spawned
// task; the greeting sits in the buffer when the task ends.
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::net::TcpListener;

pub async fn serve(listener: TcpListener) -> std::io::Result<()> {
    loop {
        let (sock, _) = listener.accept().await?;
        tokio::spawn(async move {
            let mut w = BufWriter::new(sock); //~ unflushed_async_writer
            if w.write_all(b"220 ready\r\n").await.is_err() {
                return;
            }
        });
    }
}
