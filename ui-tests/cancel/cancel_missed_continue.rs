// cancel_missed_on_path: `continue` ends this iteration, and with it the scope that owns
// `lease`, without cancelling it; the renewal task for that iteration leaks. Exit: the
// `continue;` for invalid records. (See README: unsure whether `continue` is an exit for
// this lint; the brief lists `?`, `return` and `break`.)
use tokio_util::sync::CancellationToken;

pub async fn import(records: Vec<Record>) {
    for record in records {
        let lease = CancellationToken::new(); //~ cancel_missed_on_path
        let renew = lease.clone();
        tokio::spawn(async move {
            renew.run_until_cancelled(renew_lease_forever()).await;
        });
        if !record.valid {
            continue;
        }
        store(record).await;
        lease.cancel();
    }
}

pub struct Record {
    valid: bool,
}

async fn renew_lease_forever() {}
async fn store(_r: Record) {}
