// cancel_missed_on_path: the token is cancelled only inside `if verbose`; when `verbose`
// is false the function falls off its end with the token uncancelled and the ticker
// leaks. There is no `?`/`return`/`break` here: the exit is the normal end of the
// function. See README: unsure whether a normal end on one branch belongs to this lint.
use tokio_util::sync::CancellationToken;

pub async fn build(verbose: bool) {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    let ticker = token.clone();
    tokio::spawn(async move {
        ticker.run_until_cancelled(tick_forever()).await;
    });
    compile().await;
    if verbose {
        println!("build finished");
        token.cancel();
    }
}

async fn tick_forever() {}
async fn compile() {}
