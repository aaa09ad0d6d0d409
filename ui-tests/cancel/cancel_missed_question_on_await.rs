// cancel_missed_on_path: `?` after an `.await` is an exit like any other. The typing
// indicator task is cancelled only when `send` succeeds. Exit: the `?` on
// `client.send(&msg).await?`.
use tokio_util::sync::CancellationToken;

pub async fn reply(client: &Client, msg: String) -> Result<(), std::io::Error> {
    let typing = CancellationToken::new(); //~ cancel_missed_on_path
    let indicator = typing.clone();
    let c = client.clone();
    tokio::spawn(async move {
        while !indicator.is_cancelled() {
            c.typing().await;
            tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        }
    });
    let msg = render(msg).await;
    client.send(&msg).await?;
    typing.cancel();
    Ok(())
}

#[derive(Clone)]
pub struct Client;

impl Client {
    async fn typing(&self) {}
    async fn send(&self, _msg: &str) -> Result<(), std::io::Error> {
        Ok(())
    }
}

async fn render(m: String) -> String {
    m
}
