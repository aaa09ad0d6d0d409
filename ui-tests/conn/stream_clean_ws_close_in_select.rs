// stream_dropped_without_shutdown (quiet): the client streams ticks until Ctrl-C or until
// the server's side ends or errors; every way out of the loop reaches the close after it.
use futures::{SinkExt, StreamExt};
use tokio::time::{interval, Duration};
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::{Error, Message};

pub async fn ticker(url: &str) -> Result<(), Error> {
    let (mut ws, _) = connect_async(url).await?;
    let mut tick = interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            _ = tick.tick() => {
                ws.send(Message::Text("tick".into())).await?;
            }
            incoming = ws.next() => {
                match incoming {
                    Some(Ok(_)) => {}
                    _ => break,
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    let _ = ws.close(None).await;
    Ok(())
}
