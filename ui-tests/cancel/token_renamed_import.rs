use tokio_util::sync::CancellationToken as Tok;

pub async fn serve() {
    let root = Tok::new();
    let _ = root.drop_guard(); //~ guard_dropped_immediately
    accept_loop().await;
}
