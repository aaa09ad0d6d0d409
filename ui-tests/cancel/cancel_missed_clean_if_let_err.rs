// cancel_missed_on_path (quiet): the early return is inside `if let Err` and cancels first.
use tokio_util::sync::CancellationToken;

pub async fn resize(images: Vec<String>) -> Result<(), String> {
    let token = CancellationToken::new();
    for img in images.iter().cloned() {
        let token = token.clone();
        tokio::spawn(async move {
            token.run_until_cancelled(resize_one(img)).await;
        });
    }
    if let Err(e) = write_index(&images).await {
        token.cancel();
        return Err(e);
    }
    wait_all().await;
    token.cancel();
    Ok(())
}

async fn resize_one(_img: String) {}

async fn write_index(_images: &[String]) -> Result<(), String> {
    Ok(())
}

async fn wait_all() {}
