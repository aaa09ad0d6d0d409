// cancel_token_never_cancelled: a child token of a token that is itself created here; the
// child is handed to a task, and neither the child nor its parent is ever cancelled. The
// finding is on the outermost local creation (`CancellationToken::new()`): see README.
use tokio_util::sync::CancellationToken;

pub async fn start_session(user: String) {
    let session = CancellationToken::new(); //~ cancel_token_never_cancelled
    let uploads = session.child_token();
    let upload_waiter = uploads.clone();
    tokio::spawn(async move {
        upload_waiter.cancelled().await;
        println!("uploads for {user} stopped");
    });
    println!("session started: {}", session.is_cancelled());
}
