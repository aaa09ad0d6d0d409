// Children collected into a local `Vec` and all waited on later, through `&mut`, by value,
// or with `iter_mut()`: no report. (Spawns use `expect` so that no `?` exit between the
// spawns would drop the children already collected.)
use std::process::{Command, ExitStatus};

pub fn run_workers(count: usize) {
    let mut children = Vec::new();
    for i in 0..count {
        children.push(Command::new("worker").arg(i.to_string()).spawn().expect("spawn worker"));
    }
    for c in &mut children {
        c.wait().expect("wait for worker");
    }
}

pub fn run_jobs(jobs: &[&str]) -> Vec<ExitStatus> {
    let mut children = Vec::with_capacity(jobs.len());
    for job in jobs {
        let child = Command::new("sh").arg("-c").arg(job).spawn().expect("spawn job");
        children.push(child);
    }
    let mut statuses = Vec::new();
    for mut child in children {
        statuses.push(child.wait().expect("wait for job"));
    }
    statuses
}

pub fn run_shards(shards: u32) {
    let mut children: Vec<_> = (0..shards)
        .map(|n| Command::new("indexer").arg(n.to_string()).spawn().expect("spawn indexer"))
        .collect();
    for child in children.iter_mut() {
        child.wait().expect("wait for indexer");
    }
}
