// child_pipe_never_read: a separately built command with stderr piped (fully qualified
// `std::process::Stdio`) is run with std `status()`, which never reads stderr.
use std::process::Command;

fn lint_project(dir: &str) -> std::io::Result<bool> {
    let mut cmd = Command::new("cargo");
    cmd.arg("clippy").current_dir(dir);
    cmd.stderr(std::process::Stdio::piped());
    let status = cmd.status()?; //~ child_pipe_never_read
    Ok(status.success())
}
