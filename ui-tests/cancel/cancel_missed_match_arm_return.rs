// cancel_missed_on_path: the `Err` arm returns without cancelling the reader task's token;
// the `Ok` path cancels. Exit: `return Err(e)` in the `Err(e)` arm.
use tokio_util::sync::CancellationToken;

pub async fn handshake(conn: &mut Conn) -> Result<Session, String> {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    let reader = token.clone();
    tokio::spawn(async move {
        reader.cancelled().await;
    });
    let hello = match conn.read_hello().await {
        Ok(h) => h,
        Err(e) => return Err(e),
    };
    token.cancel();
    Ok(Session { hello })
}

pub struct Conn;
pub struct Session {
    hello: String,
}

impl Conn {
    async fn read_hello(&mut self) -> Result<String, String> {
        Ok(String::new())
    }
}
