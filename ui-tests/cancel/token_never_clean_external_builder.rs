// cancel_token_never_cancelled (quiet): the literal shape of flashbots/op-rbuilder#553
// before the fix. The token is passed by value to `with_cancellation_token`, a method of
// a builder type that is not in this file, so the token escapes and the tool must stay
// quiet, although in the real code nobody cancelled it. A known miss, accepted: the tool
// cannot see into `p2p::NodeBuilder`. See README (unsure).
use tokio_util::sync::CancellationToken;

pub fn spawn_p2p(port: u16) -> eyre::Result<()> {
    // TODO: is there a different global token?
    let cancel = CancellationToken::new();
    let node = p2p::NodeBuilder::new()
        .with_port(port)
        .with_cancellation_token(cancel)
        .try_build()?;
    tokio::spawn(async move {
        if let Err(e) = node.run().await {
            eprintln!("p2p node exited: {e}");
        }
    });
    Ok(())
}
