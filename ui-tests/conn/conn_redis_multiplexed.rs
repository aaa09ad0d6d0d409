// connection_not_driven: redis `MultiplexedConnection::new` returns the connection and a
// driver future; the driver is bound to `_driver` and dropped, so every command hangs.
use redis::aio::MultiplexedConnection;
use redis::{AsyncCommands, RedisConnectionInfo, RedisResult};
use tokio::net::TcpStream;

pub async fn bump(info: &RedisConnectionInfo, addr: &str, key: &str) -> RedisResult<i64> {
    let stream = TcpStream::connect(addr).await?;
    let (mut con, _driver) = MultiplexedConnection::new(info, stream).await?; //~ connection_not_driven
    let n: i64 = con.incr(key, 1).await?;
    Ok(n)
}
