// stream_dropped_without_shutdown (quiet): each accepted TLS stream is wrapped in `TokioIo`
// and handed to hyper's `serve_connection`; it escapes (and hyper shuts it down itself).
use std::convert::Infallible;
use std::sync::Arc;
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

async fn hello(_: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    Ok(Response::new(Full::new(Bytes::from("hello"))))
}

pub async fn serve(listener: TcpListener, config: Arc<rustls::ServerConfig>) -> std::io::Result<()> {
    let acceptor = TlsAcceptor::from(config);
    loop {
        let (tcp, _) = listener.accept().await?;
        let acceptor = acceptor.clone();
        tokio::spawn(async move {
            let Ok(tls) = acceptor.accept(tcp).await else { return };
            let io = TokioIo::new(tls);
            if let Err(e) = http1::Builder::new().serve_connection(io, service_fn(hello)).await {
                eprintln!("connection error: {e}");
            }
        });
    }
}
