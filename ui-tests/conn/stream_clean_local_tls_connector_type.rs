// stream_dropped_without_shutdown (quiet): `TlsConnector` here is a type defined in this
// file (a test double), not tokio-rustls' or tokio-native-tls'; its `connect` is unknown.
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

pub struct TlsConnector;

impl TlsConnector {
    pub fn from(_cfg: ()) -> Self {
        TlsConnector
    }

    pub async fn connect(&self, _domain: &str, tcp: TcpStream) -> std::io::Result<TcpStream> {
        Ok(tcp)
    }
}

pub async fn probe(addr: &str) -> std::io::Result<()> {
    let connector = TlsConnector::from(());
    let tcp = TcpStream::connect(addr).await?;
    let mut stream = connector.connect("localhost", tcp).await?;
    stream.write_all(b"PING\r\n").await?;
    Ok(())
}
