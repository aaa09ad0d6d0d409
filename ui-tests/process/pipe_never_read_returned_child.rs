// child_pipe_never_read, quiet: the child with piped stdout and stderr is returned to the
// caller, who reads the pipes.
use std::io;
use std::process::{Child, Command, Stdio};

pub fn spawn_language_server() -> io::Result<Child> {
    Command::new("rust-analyzer")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
}

pub fn spawn_logged(program: &str) -> io::Result<Child> {
    let child = Command::new(program).stdout(Stdio::piped()).spawn()?;
    Ok(child)
}
