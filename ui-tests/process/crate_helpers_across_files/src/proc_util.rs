use std::io;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};

pub fn spawn_quiet(program: &str) -> io::Result<Child> {
    Command::new(program)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
}

pub fn git_command(repo: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(repo);
    cmd
}

/// Waits for the child and says how it ended.
pub fn reap(child: &mut Child) -> io::Result<ExitStatus> {
    let status = child.wait()?;
    log::debug!("child exited with {status}");
    Ok(status)
}

/// Only looks at the child.
pub fn describe(child: &Child) -> String {
    format!("pid {}", child.id())
}
