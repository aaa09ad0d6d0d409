// cancel_missed_on_path: the body of a `tokio::select!` arm runs in this function, so a
// `?` there returns from `pump`. Exit: the `?` on `out.write(&chunk)?` inside the arm.
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

pub async fn pump(mut rx: mpsc::Receiver<Vec<u8>>, out: &mut Sink) -> std::io::Result<()> {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    let stats = token.clone();
    tokio::spawn(async move {
        stats.run_until_cancelled(report_stats_forever()).await;
    });
    loop {
        tokio::select! {
            chunk = rx.recv() => match chunk {
                Some(chunk) => {
                    out.write(&chunk)?;
                }
                None => break,
            },
        }
    }
    token.cancel();
    Ok(())
}

pub struct Sink;

impl Sink {
    fn write(&mut self, _b: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
}

async fn report_stats_forever() {}
