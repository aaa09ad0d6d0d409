// Every process lint, quiet: the canonical way to feed a child and read its output. Stdin
// is taken and kept here, stdout is read to its end on another thread or task, and this
// side writes the input, closes stdin, then joins the reader and waits for the child. The
// read blocks only the reader until stdin is closed; the `?` on what the reader gives back
// is the failure of the child's own pipe, not a path that loses the child.
use std::io::{self, Read, Write};
use std::process::{Command, Stdio};
use std::thread;

fn gzip(input: &[u8]) -> io::Result<Vec<u8>> {
    let mut child = Command::new("gzip")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = thread::spawn(move || {
        let mut packed = Vec::new();
        stdout.read_to_end(&mut packed)?;
        Ok::<_, io::Error>(packed)
    });
    stdin.write_all(input)?;
    drop(stdin);
    let packed = reader.join().expect("reader thread")?;
    child.wait()?;
    Ok(packed)
}

// A named reader thread: `Builder::spawn` gives the handle inside an `io::Result`.
fn sort_lines(lines: &[String]) -> io::Result<String> {
    let mut child = Command::new("sort")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = thread::Builder::new()
        .name("sort-stdout".into())
        .spawn(move || {
            let mut sorted = String::new();
            stdout.read_to_string(&mut sorted).map(|_| sorted)
        })?;
    for line in lines {
        writeln!(stdin, "{line}")?;
    }
    drop(stdin);
    let sorted = reader.join().expect("reader thread")?;
    child.wait()?;
    Ok(sorted)
}

// Scoped threads borrow the pipes instead of taking them.
fn scoped(input: &[u8]) -> io::Result<Vec<u8>> {
    let mut child = Command::new("xz")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let packed = thread::scope(|s| {
        let reader = s.spawn(|| {
            let mut packed = Vec::new();
            stdout.read_to_end(&mut packed).map(|_| packed)
        });
        stdin.write_all(input)?;
        drop(stdin);
        reader.join().expect("reader thread")
    })?;
    child.wait()?;
    Ok(packed)
}

// tokio: the reader is a task; awaiting its handle joins it.
async fn jq(filter: &str, document: String) -> io::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut child = tokio::process::Command::new("jq")
        .arg(filter)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = tokio::spawn(async move {
        let mut out = String::new();
        stdout.read_to_string(&mut out).await?;
        Ok::<_, io::Error>(out)
    });
    stdin.write_all(document.as_bytes()).await?;
    drop(stdin);
    let out = reader.await.expect("reader task")?;
    child.wait().await?;
    Ok(out)
}

// tokio: `join!` polls the read and the write together and returns once both ended; the
// write closes stdin when it is done.
async fn tr(text: String) -> io::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut child = tokio::process::Command::new("tr")
        .args(["a-z", "A-Z"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut out = String::new();
    let (read, write) = tokio::join!(stdout.read_to_string(&mut out), async move {
        stdin.write_all(text.as_bytes()).await?;
        drop(stdin);
        Ok::<_, io::Error>(())
    });
    read?;
    write?;
    child.wait().await?;
    Ok(out)
}
