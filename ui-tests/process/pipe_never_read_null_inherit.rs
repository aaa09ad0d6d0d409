// child_pipe_never_read, quiet: stdout and stderr are `Stdio::null()` or
// `Stdio::inherit()`, never a pipe this process has to drain.
use std::process::{Command, ExitStatus, Stdio};

fn warm_cache() -> ExitStatus {
    let mut child = Command::new("cargo")
        .arg("fetch")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn cargo fetch");
    child.wait().expect("wait for cargo fetch")
}

fn quiet_status() -> bool {
    Command::new("cargo")
        .arg("check")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}
