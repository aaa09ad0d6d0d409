// cancel_missed_on_path: a child of a LOCAL root; the root is cancelled at the end (which
// reaches the child) but the `?` exits first. Reported once, on the root's creation
// (the child is part of the same tree). Exit: `parse_plan(plan)?`.
use tokio_util::sync::CancellationToken;

pub async fn execute(plan: &str) -> Result<u32, String> {
    let root = CancellationToken::new(); //~ cancel_missed_on_path
    let step_token = root.child_token();
    tokio::spawn(async move {
        step_token.cancelled().await;
        println!("step watcher done");
    });
    let steps = parse_plan(plan)?;
    let n = run_steps(steps).await;
    root.cancel();
    Ok(n)
}

fn parse_plan(plan: &str) -> Result<Vec<String>, String> {
    Ok(plan.split(';').map(str::to_owned).collect())
}

async fn run_steps(steps: Vec<String>) -> u32 {
    steps.len() as u32
}
