// connection_not_driven (quiet): hyper's client example: the connection is spawned and
// its error logged, then requests go through `sender`.
use http_body_util::Empty;
use hyper::body::Bytes;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

pub async fn get_hello(addr: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let stream = TcpStream::connect(addr).await?;
    let io = TokioIo::new(stream);
    let (mut sender, conn) = hyper::client::conn::http1::handshake(io).await?;
    tokio::task::spawn(async move {
        if let Err(err) = conn.await {
            eprintln!("Connection failed: {err:?}");
        }
    });
    let req = Request::get("/").header("Host", addr).body(Empty::<Bytes>::new())?;
    let res = sender.send_request(req).await?;
    Ok(res.status().to_string())
}
