use tokio_util::sync::CancellationToken;

type Shutdown = CancellationToken;

mod types {
    pub type Token = tokio_util::sync::CancellationToken;
}

pub struct Listener {
    token: types::Token,
}

pub async fn serve(shutdown: Shutdown) {
    let _ = shutdown.child_token().drop_guard(); //~ guard_dropped_immediately
    accept_loop().await;
}

impl Listener {
    pub fn close_on_return(&self) {
        self.token.clone().drop_guard(); //~ guard_dropped_immediately
    }
}
