use tokio_util::sync::CancellationToken;
use tokio_util::task::AbortOnDropHandle;

pub async fn serve(token: CancellationToken, registry: &mut Registry) {
    registry.hold(token.child_token().drop_guard());
    keep_until_shutdown(token.clone().drop_guard()).await;
    supervise(AbortOnDropHandle::new(tokio::spawn(heartbeat())));
}
