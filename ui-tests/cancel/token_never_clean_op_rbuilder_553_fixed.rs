// cancel_token_never_cancelled (quiet): the fix from flashbots/op-rbuilder#553 ("hold a
// DropGuard inside the spawned task so the token cancels when the task ends"). The guard
// is created from a clone and moved into the spawned task, where it is bound to a named
// variable; the token is guarded.
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

pub struct P2pNode {
    port: u16,
}

async fn run_node(node: P2pNode, cancel: CancellationToken, out: mpsc::Sender<Vec<u8>>) -> Result<(), String> {
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return Ok(()),
            msg = next_message(node.port) => {
                out.send(msg).await.map_err(|e| e.to_string())?;
            }
        }
    }
}

pub fn spawn_payload_builder_service(p2p_enabled: bool, port: u16) -> mpsc::Receiver<Vec<u8>> {
    let cancel = CancellationToken::new();
    let (tx, rx) = mpsc::channel(16);
    if p2p_enabled {
        let node = P2pNode { port };
        let node_cancel = cancel.clone();
        let guard = cancel.drop_guard();
        tokio::spawn(async move {
            let _guard = guard;
            if let Err(e) = run_node(node, node_cancel, tx).await {
                eprintln!("p2p node exited: {e}");
            }
        });
    }
    rx
}

async fn next_message(_port: u16) -> Vec<u8> {
    Vec::new()
}
