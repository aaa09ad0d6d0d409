use tokio_util::sync::CancellationToken;
use tokio_util::task::AbortOnDropHandle;

pub async fn connect(token: CancellationToken, addr: &str) -> std::io::Result<Conn> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    let _ = token.clone().drop_guard(); //~ guard_dropped_immediately
    let conn = Conn::handshake(stream).await?;
    let _ = AbortOnDropHandle::new(tokio::spawn(conn.keepalive())); //~ guard_dropped_immediately
    Ok(conn)
}
