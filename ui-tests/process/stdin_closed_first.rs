// stdin closed before the code blocks on the child: no finding.
use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

fn dropped_before_wait(input: &[u8]) -> io::Result<()> {
    let mut child = Command::new("cat").stdin(Stdio::piped()).spawn()?;
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input)?;
    drop(stdin);
    child.wait()?;
    Ok(())
}

fn inner_block(input: &str) -> io::Result<String> {
    let mut child = Command::new("sort")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    {
        let mut stdin = child.stdin.take().expect("piped");
        stdin.write_all(input.as_bytes())?;
    }
    let mut out = String::new();
    child.stdout.take().expect("piped").read_to_string(&mut out)?;
    child.wait()?;
    Ok(out)
}

fn writer_thread(input: Vec<u8>) -> io::Result<Vec<u8>> {
    let mut child = Command::new("gzip")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let mut out = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut out)?;
    writer.join().expect("writer thread").ok();
    child.wait()?;
    Ok(out)
}

fn left_in_the_child(input: &[u8]) -> io::Result<()> {
    let mut child = Command::new("cat").stdin(Stdio::piped()).spawn()?;
    child.stdin.as_mut().unwrap().write_all(input)?;
    // `wait` closes the stdin still inside the child.
    child.wait()?;
    Ok(())
}

fn wait_with_output_closes_it(input: &[u8]) -> io::Result<Vec<u8>> {
    let mut child = Command::new("cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    child.stdin.as_mut().unwrap().write_all(input)?;
    Ok(child.wait_with_output()?.stdout)
}
