// select_branch_not_cancel_safe: a connection loop reads a fixed-size header with
// `read_exact` while replies wait on a channel. When a reply wins, the header read so far
// is lost, and the next round reads a header from the middle of a frame.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::mpsc::Receiver;

pub async fn serve(mut socket: TcpStream, mut replies: Receiver<Vec<u8>>) -> std::io::Result<()> {
    let mut header = [0u8; 8];
    loop {
        tokio::select! {
            read = socket.read_exact(&mut header) => { //~ select_branch_not_cancel_safe
                if read? == 0 {
                    return Ok(());
                }
                let len = u64::from_be_bytes(header) as usize;
                let mut body = vec![0u8; len];
                socket.read_exact(&mut body).await?;
            }
            Some(reply) = replies.recv() => {
                socket.write_all(&reply).await?;
            }
        }
    }
}
