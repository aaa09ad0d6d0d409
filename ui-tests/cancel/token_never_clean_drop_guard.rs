// cancel_token_never_cancelled (quiet): a named drop guard cancels the token when `_guard`
// goes out of scope at the end of `run`, on every path.
use tokio_util::sync::CancellationToken;

pub async fn run(input: &str) -> Result<(), String> {
    let token = CancellationToken::new();
    let _guard = token.clone().drop_guard();
    let logger = token.clone();
    tokio::spawn(async move {
        logger.cancelled().await;
        println!("run finished");
    });
    parse(input)?;
    Ok(())
}

fn parse(_input: &str) -> Result<(), String> {
    Ok(())
}
