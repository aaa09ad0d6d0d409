// Known limit: awaiting the connection counts as driving it, even when it is awaited
// before the request that needs it (the hang of hyperium/hyper#3611): not reported.
// connection_not_driven (unsure): the client shape of hyperium/hyper#3611. The connection
// future is awaited inline before the request is sent; it only completes when the
// connection closes, so the task waits there forever ("You're awaiting the client
// connection, and trying to send a request after that. You usually want to `spawn` the
// connection").
use http_body_util::Empty;
use hyper::body::Bytes;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

pub async fn get_hello(addr: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let stream = TcpStream::connect(addr).await?;
    let io = TokioIo::new(stream);
    let (mut sender, conn) = hyper::client::conn::http1::handshake(io).await?;
    if let Err(err) = conn.await {
        eprintln!("Connection failed: {err:?}");
    }
    let req = Request::get("/").header("Host", addr).body(Empty::<Bytes>::new())?;
    let res = sender.send_request(req).await?;
    Ok(res.status().to_string())
}
