// Connections in private fields that the struct finishes or hands on: mini-redis's
// `Connection`, which flushes after every frame; a TLS client with a `close` method; a
// websocket whose half is handed to a split; a writer reached through `get_mut()` as a
// `&mut` borrow; one only read from; a `pub` field; a websocket that sends its close frame;
// and one read until the peer ends it.
use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub struct Connection {
    stream: BufWriter<TcpStream>,
}

impl Connection {
    pub fn new(socket: TcpStream) -> Connection {
        Connection { stream: BufWriter::new(socket) }
    }

    pub async fn write_frame(&mut self, frame: &[u8]) -> std::io::Result<()> {
        self.stream.write_all(frame).await?;
        self.stream.flush().await
    }
}

pub struct TlsClient {
    stream: TlsStream<TcpStream>,
}

impl TlsClient {
    pub fn new(stream: TlsStream<TcpStream>) -> Self {
        TlsClient { stream }
    }

    pub async fn send(&mut self, body: &[u8]) -> std::io::Result<()> {
        self.stream.write_all(body).await
    }

    pub async fn close(mut self) -> std::io::Result<()> {
        self.stream.shutdown().await
    }
}

pub struct Session {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Session {
    pub fn open(socket: WebSocketStream<MaybeTlsStream<TcpStream>>) -> Self {
        Session { socket }
    }

    pub async fn greet(&mut self) -> Result<(), tokio_tungstenite::tungstenite::Error> {
        self.socket.send(Message::Text("hello".into())).await
    }

    pub fn into_parts(self) -> (impl SinkExt<Message>, impl StreamExt) {
        self.socket.split()
    }
}

pub struct Raw {
    writer: BufWriter<TcpStream>,
}

impl Raw {
    pub fn new(socket: TcpStream) -> Self {
        Raw { writer: BufWriter::new(socket) }
    }

    pub async fn put(&mut self, b: &[u8]) -> std::io::Result<()> {
        self.writer.write_all(b).await
    }

    pub fn writer(&mut self) -> &mut BufWriter<TcpStream> {
        &mut self.writer
    }
}

pub struct Reader {
    stream: TlsStream<TcpStream>,
}

impl Reader {
    pub fn new(stream: TlsStream<TcpStream>) -> Self {
        Reader { stream }
    }

    pub async fn next(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.stream.read(buf).await
    }
}

pub struct Open {
    pub stream: TlsStream<TcpStream>,
}

impl Open {
    pub async fn send(&mut self, body: &[u8]) -> std::io::Result<()> {
        self.stream.write_all(body).await
    }
}

pub fn open(stream: TlsStream<TcpStream>) -> Open {
    Open { stream }
}

pub struct Polite {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Polite {
    pub fn open(socket: WebSocketStream<MaybeTlsStream<TcpStream>>) -> Self {
        Polite { socket }
    }

    pub async fn say(&mut self, text: &str) -> Result<(), tokio_tungstenite::tungstenite::Error> {
        self.socket.send(Message::Text(text.into())).await
    }

    pub async fn bye(&mut self) -> Result<(), tokio_tungstenite::tungstenite::Error> {
        self.socket.send(Message::Close(None)).await
    }
}

pub struct Echo {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Echo {
    pub fn open(socket: WebSocketStream<MaybeTlsStream<TcpStream>>) -> Self {
        Echo { socket }
    }

    pub async fn serve(&mut self) {
        while let Some(Ok(msg)) = self.socket.next().await {
            let _ = self.socket.send(msg).await;
        }
    }
}
