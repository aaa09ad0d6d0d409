use tokio_util::sync::CancellationToken;

pub mod worker {
    use super::*;

    pub async fn run(token: CancellationToken) {
        let _ = token.drop_guard(); //~ guard_dropped_immediately
        poll_jobs().await;
    }

    pub mod nested {
        use super::super::CancellationToken;

        pub fn stop_later(token: &CancellationToken) {
            token.clone().drop_guard(); //~ guard_dropped_immediately
        }
    }
}
