// cancel_token_never_cancelled (quiet): the token is stored in a struct field and the
// struct has a `stop()` method; the token escapes the constructor, whoever owns the
// `Server` decides when to cancel.
use tokio_util::sync::CancellationToken;

pub struct Server {
    shutdown: CancellationToken,
}

impl Server {
    pub fn start() -> Server {
        let shutdown = CancellationToken::new();
        let listener_shutdown = shutdown.clone();
        tokio::spawn(async move {
            listener_shutdown.cancelled().await;
            println!("listener closed");
        });
        Server { shutdown }
    }

    pub fn stop(&self) {
        self.shutdown.cancel();
    }
}
