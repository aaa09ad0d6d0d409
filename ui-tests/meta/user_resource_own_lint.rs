// Resources declared with their own lint ids (user_resource_own_lint.toml): findings are
// reported under `session_not_closed` (set to deny in the settings) and
// `worker_not_joined` (warn, the default of declared lints), suppressed by those ids, and
// path-sensitive like every built-in resource.
mod db {
    pub struct Session;
    pub struct Pool;
    impl Session {
        pub fn open(_url: &str) -> Result<Session, String> {
            Ok(Session)
        }
        pub fn query(&self, _sql: &str) -> Result<u64, String> {
            Ok(1)
        }
        pub fn close(self) {}
    }
    pub struct Worker;
    impl Worker {
        pub fn start() -> Worker {
            Worker
        }
        pub fn join(self) {}
    }
    impl Pool {
        pub fn worker(&self) -> Worker {
            Worker
        }
    }
}

use db::{Pool, Session, Worker};

fn count(url: &str) -> Result<u64, String> {
    let session = Session::open(url)?; //~ session_not_closed
    let n = session.query("select count(*) from t")?;
    session.close();
    Ok(n)
}

fn closed(url: &str) -> Result<u64, String> {
    let session = Session::open(url)?;
    let n = session.query("select 1");
    session.close();
    n
}

fn never_joined(pool: &Pool) {
    let _w = pool.worker(); //~ worker_not_joined
}

fn joined() {
    let w = Worker::start();
    w.join();
}

// stray: allow(worker_not_joined) -- lives as long as the process
fn background() {
    let _w = Worker::start();
}

fn main() {
    let _ = count("db");
    let _ = closed("db");
    never_joined(&Pool);
    joined();
    background();
}
