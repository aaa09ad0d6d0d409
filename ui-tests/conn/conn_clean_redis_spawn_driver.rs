// connection_not_driven (quiet): the redis driver future is spawned before the
// multiplexed connection is used.
use redis::aio::MultiplexedConnection;
use redis::{AsyncCommands, RedisConnectionInfo, RedisResult};
use tokio::net::TcpStream;

pub async fn bump(info: &RedisConnectionInfo, addr: &str, key: &str) -> RedisResult<i64> {
    let stream = TcpStream::connect(addr).await?;
    let (mut con, driver) = MultiplexedConnection::new(info, stream).await?;
    tokio::spawn(driver);
    let n: i64 = con.incr(key, 1).await?;
    Ok(n)
}
