use tokio_util::sync::CancellationToken;

pub struct Server {
    token: CancellationToken,
    addr: std::net::SocketAddr,
}

impl Server {
    pub async fn run(&self) -> std::io::Result<()> {
        let listener = tokio::net::TcpListener::bind(self.addr).await?;
        self.token.clone().drop_guard(); //~ guard_dropped_immediately
        loop {
            let (stream, _) = listener.accept().await?;
            tokio::spawn(handle(stream, self.token.child_token()));
        }
    }
}

pub struct Pair(CancellationToken, CancellationToken);

pub fn stop_both(pair: Pair) {
    let _ = pair.0.drop_guard(); //~ guard_dropped_immediately
    let _ = pair.1.drop_guard(); //~ guard_dropped_immediately
}
