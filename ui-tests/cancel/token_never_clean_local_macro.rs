// cancel_token_never_cancelled (quiet): the token is cancelled only inside a macro of the
// function, and every way out of the loop goes through it.
use tokio_util::sync::CancellationToken;

pub async fn watch(paths: Vec<String>, mut events: Events) {
    let token = CancellationToken::new();
    for path in &paths {
        let token = token.clone();
        let path = path.clone();
        tokio::spawn(async move {
            token.run_until_cancelled(tail(path)).await;
        });
    }
    macro_rules! bail_out {
        () => {{
            token.cancel();
            return;
        }};
    }
    loop {
        match events.recv().await {
            Some(Event::Stop) => bail_out!(),
            Some(Event::Reload) => continue,
            None => bail_out!(),
        }
    }
}

pub enum Event {
    Stop,
    Reload,
}

pub struct Events;

impl Events {
    async fn recv(&mut self) -> Option<Event> {
        None
    }
}

async fn tail(_path: String) {}
