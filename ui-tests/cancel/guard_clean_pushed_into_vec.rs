use tokio_util::sync::{CancellationToken, DropGuard};
use tokio_util::task::AbortOnDropHandle;

pub fn start_all(root: &CancellationToken, jobs: Vec<Job>) -> (Vec<DropGuard>, Vec<AbortOnDropHandle<()>>) {
    let mut guards = Vec::new();
    let mut tasks = Vec::with_capacity(jobs.len());
    for job in jobs {
        let token = root.child_token();
        guards.push(token.clone().drop_guard());
        tasks.push(AbortOnDropHandle::new(tokio::spawn(job.run(token))));
    }
    (guards, tasks)
}
