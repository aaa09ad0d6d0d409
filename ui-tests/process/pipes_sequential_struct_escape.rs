// child_pipes_read_sequentially / child_pipe_never_read, quiet: the child and both taken
// pipes are stored in a struct and returned; reading them is the owner's business.
use std::io;
use std::process::{Child, ChildStderr, ChildStdout, Command, Stdio};

pub struct Worker {
    pub child: Child,
    pub stdout: ChildStdout,
    pub stderr: ChildStderr,
}

pub fn start_worker(id: u32) -> io::Result<Worker> {
    let mut child = Command::new("./worker")
        .arg(id.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");
    Ok(Worker { child, stdout, stderr })
}
