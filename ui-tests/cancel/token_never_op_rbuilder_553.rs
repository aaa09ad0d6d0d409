// cancel_token_never_cancelled: reduced from flashbots/op-rbuilder#553 ("p2p cancellation
// token was never cancelled"). The service builder creates a token for the p2p node, the
// node task waits on it, and nothing ever cancels it: when the executor drops the node's
// future nobody signals the token. The real code passed the token into an external
// builder (`with_cancellation_token`, see token_never_clean_external_builder.rs); here the
// node's run loop is a free function in this file (`run_node`) that only waits on the
// token, so the tool can see that no one cancels it. The fix (a guard held inside the
// spawned task) is in token_never_clean_op_rbuilder_553_fixed.rs.
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
    // this is effectively unused right now
    let cancel = CancellationToken::new(); //~ cancel_token_never_cancelled
    let (tx, rx) = mpsc::channel(16);
    if p2p_enabled {
        let node = P2pNode { port };
        let node_cancel = cancel.clone();
        tokio::spawn(async move {
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
