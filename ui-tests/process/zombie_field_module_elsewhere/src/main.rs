// The struct's private field is also seen by the module in `reap.rs`, which waits for it:
// the file alone cannot tell that nothing settles it.
mod reap;

use std::process::{Child, Command};

pub struct Job {
    child: Child,
}

impl Job {
    pub fn start() -> std::io::Result<Job> {
        Ok(Job { child: Command::new("job").spawn()? })
    }
}

fn main() {
    let job = Job::start().unwrap();
    reap::finish(job);
}
