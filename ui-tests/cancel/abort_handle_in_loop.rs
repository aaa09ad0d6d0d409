// abort_handle_unused: one abortable per connection, each handle discarded at once; none
// of the connection tasks can be aborted on shutdown.
use futures::future::abortable;
use tokio::net::{TcpListener, TcpStream};

pub async fn accept(listener: TcpListener) -> std::io::Result<()> {
    loop {
        let (socket, _) = listener.accept().await?;
        let (conn, _) = abortable(serve(socket)); //~ abort_handle_unused
        tokio::spawn(conn);
    }
}

async fn serve(_s: TcpStream) {}
