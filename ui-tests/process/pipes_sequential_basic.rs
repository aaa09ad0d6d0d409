// stdout and stderr both piped and read to their end one after the other.
use std::io::{self, BufRead, BufReader, Read};
use std::process::{Command, Stdio};

fn stdout_then_stderr() -> io::Result<(String, String)> {
    let mut child = Command::new("make") //~ child_pipes_read_sequentially
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let (mut out, mut err) = (String::new(), String::new());
    child.stdout.take().unwrap().read_to_string(&mut out)?;
    child.stderr.take().unwrap().read_to_string(&mut err)?;
    child.wait()?;
    Ok((out, err))
}

fn lines_then_stderr() -> io::Result<Vec<String>> {
    let mut child = Command::new("cargo") //~ child_pipes_read_sequentially
        .arg("test")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let mut lines = Vec::new();
    for line in BufReader::new(stdout).lines() {
        lines.push(line?);
    }
    let mut err = String::new();
    stderr.read_to_string(&mut err)?;
    child.wait()?;
    Ok(lines)
}

fn stderr_on_a_thread() -> io::Result<(String, String)> {
    let mut child = Command::new("make")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut err = String::new();
        stderr.read_to_string(&mut err).map(|_| err)
    });
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out)?;
    let err = errors.join().expect("stderr thread");
    child.wait()?;
    Ok((out, err?))
}

fn wait_with_output_reads_both() -> io::Result<Vec<u8>> {
    let child = Command::new("make")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    Ok(child.wait_with_output()?.stdout)
}

fn only_stdout_piped() -> io::Result<String> {
    let mut child = Command::new("ls").stdout(Stdio::piped()).spawn()?;
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out)?;
    child.wait()?;
    Ok(out)
}
