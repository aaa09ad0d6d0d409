// connection_not_driven (quiet, unsure): the hyper connection is converted with
// `with_upgrades()` (a by-value method returning the upgradeable connection future) and
// that future is spawned; the connection is driven.
use http_body_util::Empty;
use hyper::body::Bytes;
use hyper::client::conn::http1;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

pub async fn upgrade(addr: &str) -> Result<hyper::upgrade::Upgraded, Box<dyn std::error::Error + Send + Sync>> {
    let io = TokioIo::new(TcpStream::connect(addr).await?);
    let (mut sender, conn) = http1::handshake(io).await?;
    tokio::spawn(conn.with_upgrades());
    let req = Request::get("/ws")
        .header("connection", "upgrade")
        .header("upgrade", "websocket")
        .body(Empty::<Bytes>::new())?;
    let res = sender.send_request(req).await?;
    Ok(hyper::upgrade::on(res).await?)
}
