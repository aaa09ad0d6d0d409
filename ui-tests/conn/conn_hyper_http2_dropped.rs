// connection_not_driven: hyper 1.x `http2::handshake(exec, io)`; the connection is
// explicitly dropped, which closes it before any request is sent.
use http_body_util::Empty;
use hyper::body::Bytes;
use hyper::client::conn::http2;
use hyper::Request;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::net::TcpStream;

pub async fn probe(addr: &str) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    let io = TokioIo::new(TcpStream::connect(addr).await?);
    let (mut sender, conn) = http2::handshake(TokioExecutor::new(), io).await?; //~ connection_not_driven
    drop(conn);
    let res = sender.send_request(Request::get("/health").body(Empty::<Bytes>::new())?).await?;
    Ok(res.status().is_success())
}
