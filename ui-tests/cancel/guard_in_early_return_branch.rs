use tokio_util::sync::CancellationToken;

pub async fn maybe_serve(token: CancellationToken, config: &Config) -> Result<(), Error> {
    if !config.enabled {
        let _ = token.drop_guard(); //~ guard_dropped_immediately
        return Ok(());
    }
    let Some(addr) = config.addr else {
        token.clone().drop_guard(); //~ guard_dropped_immediately
        return Err(Error::NoAddress);
    };
    match config.mode {
        Mode::Dry => {
            _ = token.drop_guard(); //~ guard_dropped_immediately
            Ok(())
        }
        Mode::Live => serve(addr, token).await,
    }
}
