use tokio_util::sync::CancellationToken;

// A token from a function whose body is not known here is not recognised (see the
// lint's known limits), so these stay quiet even though they are probably mistakes.
pub async fn serve(app: &App) {
    let token = app.shutdown_token();
    let _ = token.drop_guard();
    let other = make_token();
    other.drop_guard();
    let maybe: Option<CancellationToken> = app.token();
    if let Some(token) = maybe {
        let _ = token.drop_guard();
    }
}
