// Connections kept in a private field, written to by the struct's methods, and never
// finished by any of them: a frame writer over a buffered socket whose `write_frame` never
// flushes (mini-redis's `Connection` with the flush left out), a TLS client whose `send`
// writes but which nothing shuts down, and a websocket session that only sends.
use futures_util::SinkExt;
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub struct Connection {
    stream: BufWriter<TcpStream>,
    buffer: Vec<u8>,
}

impl Connection {
    pub fn new(socket: TcpStream) -> Connection {
        Connection {
            stream: BufWriter::new(socket), //~ unflushed_async_writer
            buffer: Vec::with_capacity(4 * 1024),
        }
    }

    pub async fn write_frame(&mut self, frame: &[u8]) -> std::io::Result<()> {
        self.stream.write_u8(b'$').await?;
        self.stream.write_all(frame).await?;
        self.stream.write_all(b"\r\n").await?;
        self.buffer.clear();
        Ok(())
    }
}

pub struct TlsClient {
    stream: TlsStream<TcpStream>,
}

impl TlsClient {
    pub fn new(stream: TlsStream<TcpStream>) -> Self {
        TlsClient { stream } //~ stream_dropped_without_shutdown
    }

    pub async fn send(&mut self, body: &[u8]) -> std::io::Result<()> {
        self.stream.write_all(body).await
    }
}

pub struct Session {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    id: u64,
}

impl Session {
    pub fn open(socket: WebSocketStream<MaybeTlsStream<TcpStream>>, id: u64) -> Self {
        Session { socket, id } //~ stream_dropped_without_shutdown
    }

    pub async fn notify(&mut self, text: String) -> Result<(), tokio_tungstenite::tungstenite::Error> {
        self.socket.send(Message::Text(format!("{}: {text}", self.id).into())).await
    }
}
