use tokio_util::sync::CancellationToken;

pub async fn try_start(token: CancellationToken) -> Result<(), StartError> {
    let guard = token.drop_guard();
    start_services().await?;
    // Started: keep the services running past this function.
    let _token = guard.disarm();
    Ok(())
}

pub fn disarm_in_place(token: &CancellationToken) {
    token.child_token().drop_guard().disarm();
}
