// child_stdin_not_closed at the join: stdout is read to its end on another thread or task,
// but this side joins that reader before it closes stdin. The child waits for more input,
// the reader for the child's output, and the join for the reader: a hang, reported where
// the code joins, not where the reader reads.
use std::io::{self, Read, Write};
use std::process::{Command, Stdio};
use std::thread;

fn gzip(input: &[u8]) -> io::Result<Vec<u8>> {
    let mut child = Command::new("gzip")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped"); //~ child_stdin_not_closed
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = thread::spawn(move || {
        let mut packed = Vec::new();
        stdout.read_to_end(&mut packed).map(|_| packed)
    });
    stdin.write_all(input)?;
    let packed = reader.join().expect("reader thread")?;
    drop(stdin);
    child.wait()?;
    Ok(packed)
}

async fn jq(filter: &str, document: String) -> io::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut child = tokio::process::Command::new("jq")
        .arg(filter)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped"); //~ child_stdin_not_closed
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = tokio::spawn(async move {
        let mut out = String::new();
        stdout.read_to_string(&mut out).await?;
        Ok::<_, io::Error>(out)
    });
    stdin.write_all(document.as_bytes()).await?;
    stdin.flush().await?;
    let out = reader.await.expect("reader task")?;
    child.wait().await?;
    Ok(out)
}

// The reader thread itself holds stdin open while it reads: it blocks on its own read.
fn held_by_the_reader(input: Vec<u8>) -> io::Result<Vec<u8>> {
    let mut child = Command::new("gzip")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped"); //~ child_stdin_not_closed
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let worker = thread::spawn(move || {
        stdin.write_all(&input)?;
        let mut packed = Vec::new();
        stdout.read_to_end(&mut packed)?;
        Ok::<_, io::Error>(packed)
    });
    let packed = worker.join().expect("worker thread")?;
    child.wait()?;
    Ok(packed)
}

// A reader whose handle is never joined here blocks no one here: quiet.
fn detached_reader(input: &[u8], sink: std::sync::mpsc::Sender<Vec<u8>>) -> io::Result<()> {
    let mut child = Command::new("gzip")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    thread::spawn(move || {
        let mut packed = Vec::new();
        if stdout.read_to_end(&mut packed).is_ok() {
            let _ = sink.send(packed);
        }
    });
    stdin.write_all(input)?;
    drop(stdin);
    child.wait()?;
    Ok(())
}

// tokio: `join!` polls the read and the write together, but the write leaves stdin open,
// so the read never ends and neither does the `join!`.
async fn tr(text: String) -> io::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut child = tokio::process::Command::new("tr")
        .args(["a-z", "A-Z"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped"); //~ child_stdin_not_closed
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut out = String::new();
    let (read, write) = tokio::join!(
        stdout.read_to_string(&mut out),
        stdin.write_all(text.as_bytes())
    );
    read?;
    write?;
    child.wait().await?;
    Ok(out)
}
