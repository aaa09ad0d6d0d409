// cancel_missed_on_path: the drop guard is created AFTER a `?`; if `open_db` fails the
// function returns before the guard exists, and the task spawned above waits forever.
// Exit: the `?` on `open_db(url)?`.
use tokio_util::sync::CancellationToken;

pub async fn migrate(url: &str) -> Result<(), String> {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    let watcher = token.clone();
    tokio::spawn(async move {
        watcher.cancelled().await;
        println!("migration finished");
    });
    let db = open_db(url)?;
    let _guard = token.drop_guard();
    db.apply().await
}

pub struct Db;

impl Db {
    async fn apply(&self) -> Result<(), String> {
        Ok(())
    }
}

fn open_db(_url: &str) -> Result<Db, String> {
    Ok(Db)
}
