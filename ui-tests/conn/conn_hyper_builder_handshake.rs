// connection_not_driven: hyper 1.x `http1::Builder::handshake`, the configurable form of
// `http1::handshake`; the connection is discarded with `_`.
use http_body_util::Empty;
use hyper::body::Bytes;
use hyper::client::conn::http1;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

pub async fn head(addr: &str) -> Result<u16, Box<dyn std::error::Error + Send + Sync>> {
    let io = TokioIo::new(TcpStream::connect(addr).await?);
    let (mut sender, _) = http1::Builder::new().title_case_headers(true).handshake(io).await?; //~ connection_not_driven
    let res = sender.send_request(Request::head("/").body(Empty::<Bytes>::new())?).await?;
    Ok(res.status().as_u16())
}
