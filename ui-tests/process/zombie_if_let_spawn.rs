// The spawn result is matched directly (`if let Ok(..) = cmd.spawn()`, `match cmd.spawn()`)
// and the child is waited on in the arm that holds it. The `Err` arm has no child. No report.
use std::process::Command;

pub fn run_formatter(path: &str) {
    if let Ok(mut child) = Command::new("rustfmt").arg(path).spawn() {
        let _ = child.wait();
    }
}

pub fn run_linter(path: &str) -> bool {
    match Command::new("clippy-driver").arg(path).spawn() {
        Ok(mut child) => child.wait().map(|s| s.success()).unwrap_or(false),
        Err(e) => {
            eprintln!("cannot start clippy-driver: {e}");
            false
        }
    }
}
