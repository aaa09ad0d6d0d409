pub async fn serve() {
    use tokio_util::sync::CancellationToken;

    let token = CancellationToken::new();
    let _ = token.clone().drop_guard(); //~ guard_dropped_immediately
    accept_loop(token).await;
}

pub fn outside_the_body(token: CancellationToken) {
    // The `use` above is scoped to `serve`: here `CancellationToken` is unknown.
    let _ = token.drop_guard();
}
