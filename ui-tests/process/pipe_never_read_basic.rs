// Piped output nobody reads while waiting.
use std::io::{self, Read};
use std::process::{Command, Stdio};

fn waits_without_reading() -> io::Result<bool> {
    let mut child = Command::new("cargo") //~ child_pipe_never_read
        .arg("build")
        .stdout(Stdio::piped())
        .spawn()?;
    Ok(child.wait()?.success())
}

fn both_piped_neither_read() -> io::Result<()> {
    let mut cmd = Command::new("make");
    cmd.stdout(Stdio::piped());
    cmd.stderr(Stdio::piped());
    let mut child = cmd.spawn()?; //~ child_pipe_never_read
    child.wait()?;
    Ok(())
}

fn status_with_a_pipe() -> io::Result<bool> {
    let status = Command::new("ls").stdout(Stdio::piped()).status()?; //~ child_pipe_never_read
    Ok(status.success())
}

fn read_before_waiting() -> io::Result<String> {
    let mut child = Command::new("ls").stdout(Stdio::piped()).spawn()?;
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out)?;
    child.wait()?;
    Ok(out)
}

fn wait_with_output_reads_it() -> io::Result<Vec<u8>> {
    let child = Command::new("ls").stdout(Stdio::piped()).spawn()?;
    Ok(child.wait_with_output()?.stdout)
}

fn not_piped() -> io::Result<bool> {
    let mut child = Command::new("ls").stdout(Stdio::null()).spawn()?;
    Ok(child.wait()?.success())
}

fn status_inherits() -> io::Result<bool> {
    Ok(Command::new("ls").status()?.success())
}
