use tokio_util::sync::CancellationToken;

pub fn start(shutdown: CancellationToken) -> std::io::Result<()> {
    // A destructuring assignment to `_` drops the value at once, like `let _ =`.
    _ = shutdown.drop_guard(); //~ guard_dropped_immediately
    listen()?;
    Ok(())
}
