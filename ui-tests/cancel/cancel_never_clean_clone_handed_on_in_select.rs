// The shape of rmcp 3.11's `serve_server`: a token created for a server is passed to a
// function that races the startup against `ct.cancelled()` in a `select!`, and hands a
// clone of the token to the startup, which keeps it in the running service it returns
// (whose `cancel()` cancels it). The clone handed on makes the function more than a
// waiter: no report.
use tokio_util::sync::CancellationToken;

pub struct RunningService {
    cancellation_token: CancellationToken,
}

impl RunningService {
    pub fn cancel(&self) {
        self.cancellation_token.cancel();
    }
}

pub async fn serve_server(name: &str) -> Result<RunningService, String> {
    serve_server_with_ct(name, CancellationToken::new()).await
}

pub async fn serve_server_with_ct(name: &str, ct: CancellationToken) -> Result<RunningService, String> {
    tokio::select! {
        result = serve_inner(name, ct.clone()) => { result }
        _ = ct.cancelled() => {
            Err(format!("{name}: cancelled during startup"))
        }
    }
}

async fn serve_inner(_name: &str, ct: CancellationToken) -> Result<RunningService, String> {
    Ok(RunningService { cancellation_token: ct })
}
