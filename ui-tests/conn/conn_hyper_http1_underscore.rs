// connection_not_driven: hyper 1.x `http1::handshake`, with the connection bound to
// `_conn` and dropped; `send_request` fails because nothing drives the connection.
use http_body_util::Full;
use hyper::body::Bytes;
use hyper::client::conn::http1;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

pub async fn post_json(addr: &str, body: String) -> Result<u16, Box<dyn std::error::Error + Send + Sync>> {
    let io = TokioIo::new(TcpStream::connect(addr).await?);
    let (mut sender, _conn) = http1::handshake(io).await?; //~ connection_not_driven
    let req = Request::post("/events")
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body)))?;
    let res = sender.send_request(req).await?;
    Ok(res.status().as_u16())
}
