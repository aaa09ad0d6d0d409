// Each pipe is drained by a helper of its own, called one after the other on the same
// thread: while `read_stdout` waits for stdout to end, the child can block on a full
// stderr pipe. `run_one_pipe` pipes stdout only, drained by the same helper: fine.
use std::io::{self, Read};
use std::process::{Child, Command, Stdio};

fn read_stdout(child: &mut Child) -> io::Result<String> {
    let mut out = String::new();
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_to_string(&mut out)?;
    }
    Ok(out)
}

fn read_stderr(child: &mut Child) -> io::Result<String> {
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut err)?;
    Ok(err)
}

pub fn run(bin: &str) -> io::Result<(String, String)> {
    let mut child = Command::new(bin) //~ child_pipes_read_sequentially
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let out = read_stdout(&mut child)?;
    let err = read_stderr(&mut child)?;
    child.wait()?;
    Ok((out, err))
}

pub fn run_one_pipe(bin: &str) -> io::Result<String> {
    let mut child = Command::new(bin).stdout(Stdio::piped()).spawn()?;
    let out = read_stdout(&mut child)?;
    child.wait()?;
    Ok(out)
}
