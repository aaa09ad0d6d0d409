// The listener's settings say whether it speaks TLS: the acceptor is the payload of an
// enum variant (`Security::Tls(acceptor)`). `greet` writes a banner over TLS and drops the
// stream without `shutdown()`; `greet_and_close` shuts it down.
use std::sync::Arc;

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;

pub enum Security {
    Plain,
    Tls(TlsAcceptor),
}

pub struct Listener {
    security: Arc<Security>,
}

impl Listener {
    pub async fn greet(&self, stream: TcpStream) -> std::io::Result<()> {
        match &*self.security {
            Security::Plain => {
                let mut stream = stream;
                stream.write_all(b"hello\n").await?;
            }
            Security::Tls(acceptor) => {
                let mut tls = acceptor.accept(stream).await?; //~ stream_dropped_without_shutdown
                tls.write_all(b"hello\n").await?;
            }
        }
        Ok(())
    }

    pub async fn greet_and_close(&self, stream: TcpStream) -> std::io::Result<()> {
        if let Security::Tls(acceptor) = &*self.security {
            let mut tls = acceptor.accept(stream).await?;
            tls.write_all(b"hello\n").await?;
            tls.shutdown().await?;
        }
        Ok(())
    }
}
