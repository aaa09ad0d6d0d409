use tokio_util::sync::{CancellationToken, DropGuard};

pub async fn serve(token: CancellationToken) {
    // A name starting with `_` binds: the guard lives to the end of the scope.
    let _guard = token.clone().drop_guard();
    let _also: DropGuard = token.child_token().drop_guard();
    let _ref_guard = token.drop_guard_ref();
    run_workers().await;
}
