use tokio_util::sync::CancellationToken;

pub async fn run_batch(root: CancellationToken, jobs: Vec<Job>) {
    let batch = root.child_token();
    let _ = batch.clone().drop_guard(); //~ guard_dropped_immediately
    let per_job = batch.child_token();
    per_job.child_token().drop_guard(); //~ guard_dropped_immediately
    for job in jobs {
        job.run(per_job.clone()).await;
    }
}
