// cancel_token_never_cancelled (quiet): `cancel()` is called inside a `tokio::select!` arm
// when the main loop ends or fails.
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

pub async fn run(mut commands: mpsc::Receiver<String>) {
    let token = CancellationToken::new();
    let bg = token.clone();
    tokio::spawn(async move {
        bg.cancelled().await;
        println!("background stopped");
    });
    loop {
        tokio::select! {
            cmd = commands.recv() => match cmd {
                Some(c) if c == "quit" => {
                    token.cancel();
                    break;
                }
                Some(c) => println!("command: {c}"),
                None => {
                    token.cancel();
                    break;
                }
            },
            _ = tokio::signal::ctrl_c() => {
                token.cancel();
                break;
            }
        }
    }
}
