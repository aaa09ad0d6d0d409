mod state {
    use tokio_util::sync::CancellationToken;

    pub struct App {
        pub shutdown: CancellationToken,
    }
}

mod server {
    use super::state::App;

    impl App {
        pub async fn run(&self) {
            let _ = self.shutdown.child_token().drop_guard(); //~ guard_dropped_immediately
            serve_forever().await;
        }
    }

    pub fn stop(app: &App) {
        app.shutdown.clone().drop_guard(); //~ guard_dropped_immediately
    }
}
