// child_pipes_read_sequentially through a join: stdout is read on a thread, but the thread
// is joined before stderr is read. The join waits for stdout's end while nobody reads
// stderr. Reading stderr before the join is the fix.
use std::io::{self, Read};
use std::process::{Command, Stdio};
use std::thread;

fn joined_first(program: &str) -> io::Result<(String, String)> {
    let mut child = Command::new(program) //~ child_pipes_read_sequentially
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let reader = thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).map(|_| out)
    });
    let out = reader.join().expect("stdout thread")?;
    let mut err = String::new();
    stderr.read_to_string(&mut err)?;
    child.wait()?;
    Ok((out, err))
}

fn stderr_before_the_join(program: &str) -> io::Result<(String, String)> {
    let mut child = Command::new(program)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let reader = thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).map(|_| out)
    });
    let mut err = String::new();
    stderr.read_to_string(&mut err)?;
    let out = reader.join().expect("stdout thread")?;
    child.wait()?;
    Ok((out, err))
}
