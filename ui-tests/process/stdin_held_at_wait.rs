// stdin taken out of the child and still held while the code blocks on the child's end.
use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

fn held_across_wait(input: &[u8]) -> io::Result<()> {
    let mut child = Command::new("cat").stdin(Stdio::piped()).spawn()?;
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    stdin.write_all(input)?;
    child.wait()?;
    Ok(())
}

fn held_across_read_of_stdout(input: &str) -> io::Result<String> {
    let mut child = Command::new("sort")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("piped"); //~ child_stdin_not_closed
    stdin.write_all(input.as_bytes())?;
    let mut out = String::new();
    child.stdout.take().expect("piped").read_to_string(&mut out)?;
    child.wait()?;
    Ok(out)
}

fn written_in_place_then_stdout_read(input: &str) -> io::Result<Vec<u8>> {
    let mut child = Command::new("gzip")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    child.stdin.as_mut().unwrap().write_all(input.as_bytes())?; //~ child_stdin_not_closed
    let mut out = Vec::new();
    child.stdout.as_mut().unwrap().read_to_end(&mut out)?;
    child.wait()?;
    Ok(out)
}

async fn tokio_held_across_wait(input: &[u8]) -> io::Result<()> {
    use tokio::io::AsyncWriteExt;
    let mut child = tokio::process::Command::new("cat").stdin(Stdio::piped()).spawn()?;
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    stdin.write_all(input).await?;
    child.wait().await?;
    Ok(())
}
