// stream_dropped_without_shutdown with `futures::future::select` (the function, not the
// macro), in the shape of async-tungstenite's interval-server example. What the read
// future yields keeps its origin through `Either::Left((msg, other))`: a failed read
// (`msg?`) means the connection is broken, and a Close message or the end of the stream
// completes the closing handshake, so `echo_with_ticks` is clean. `stop_on_tick` greets
// the peer, then leaves on the tick side with the connection still open: reported.
use std::time::Duration;

use async_tungstenite::accept_async;
use async_tungstenite::tungstenite::{Message, Result};
use futures::future::{select, Either};
use futures::prelude::*;
use smol::net::TcpStream;

pub async fn echo_with_ticks(stream: TcpStream) -> Result<()> {
    let ws_stream = accept_async(stream).await.expect("Failed to accept");
    let (mut ws_sender, mut ws_receiver) = ws_stream.split();
    let mut interval = smol::Timer::interval(Duration::from_millis(1000));
    let mut msg_fut = ws_receiver.next();
    let mut tick_fut = interval.next();
    loop {
        match select(msg_fut, tick_fut).await {
            Either::Left((msg, tick_fut_continue)) => {
                match msg {
                    Some(msg) => {
                        let msg = msg?;
                        if msg.is_text() || msg.is_binary() {
                            ws_sender.send(msg).await?;
                        } else if msg.is_close() {
                            break;
                        }
                        tick_fut = tick_fut_continue;
                        msg_fut = ws_receiver.next();
                    }
                    None => break,
                };
            }
            Either::Right((_, msg_fut_continue)) => {
                ws_sender.send(Message::text("tick")).await?;
                msg_fut = msg_fut_continue;
                tick_fut = interval.next();
            }
        }
    }
    Ok(())
}

pub async fn stop_on_tick(stream: TcpStream) -> Result<()> {
    let ws_stream = accept_async(stream).await.expect("Failed to accept"); //~ stream_dropped_without_shutdown
    let (mut ws_sender, mut ws_receiver) = ws_stream.split();
    let mut interval = smol::Timer::interval(Duration::from_millis(1000));
    ws_sender.send(Message::text("hello")).await?;
    let msg_fut = ws_receiver.next();
    let tick_fut = interval.next();
    match select(msg_fut, tick_fut).await {
        Either::Left((msg, _)) => {
            if let Some(msg) = msg {
                ws_sender.send(msg?).await?;
            }
        }
        Either::Right(_) => return Ok(()),
    }
    ws_sender.close().await?;
    Ok(())
}
