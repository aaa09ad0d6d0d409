// select_branch_not_cancel_safe: the read is hidden in helpers of the file. `read_frame`
// awaits `read_u32` and then `read_exact` on the stream it is given, and the method
// `next_frame` does the same on its field: racing either against another branch loses
// the part of the frame already read.
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio::sync::watch;

pub async fn read_frame(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let len = stream.read_u32().await? as usize;
    let mut frame = vec![0u8; len];
    stream.read_exact(&mut frame).await?;
    Ok(frame)
}

pub struct Conn {
    stream: TcpStream,
}

impl Conn {
    pub async fn next_frame(&mut self) -> std::io::Result<Vec<u8>> {
        let len = self.stream.read_u32().await? as usize;
        let mut frame = vec![0u8; len];
        self.stream.read_exact(&mut frame).await?;
        Ok(frame)
    }
}

pub async fn pump(mut stream: TcpStream, mut config: watch::Receiver<u32>) {
    while let Ok(()) = config.changed().await {
        tokio::select! {
            frame = read_frame(&mut stream) => { //~ select_branch_not_cancel_safe
                if frame.is_err() {
                    break;
                }
            }
            _ = config.changed() => continue,
        }
    }
}

pub async fn run(mut conn: Conn, mut config: watch::Receiver<u32>) {
    loop {
        tokio::select! {
            _ = config.changed() => {}
            frame = conn.next_frame() => { //~ select_branch_not_cancel_safe
                if frame.is_err() {
                    return;
                }
            }
        }
    }
}
