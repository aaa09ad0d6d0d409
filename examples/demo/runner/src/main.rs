use std::io;
use std::process::Command;

/// Compresses every file; skipped files leave their `gzip` child unreaped.
fn compress_all(paths: &[&str]) -> io::Result<()> {
    for path in paths {
        let mut child = Command::new("gzip").arg("--keep").arg(path).spawn()?;
        if path.ends_with(".gz") {
            continue;
        }
        child.wait()?;
    }
    Ok(())
}

/// Correct: every path waits.
fn compress(path: &str) -> io::Result<bool> {
    let mut child = Command::new("gzip").arg(path).spawn()?;
    let status = child.wait()?;
    Ok(status.success())
}

fn main() -> io::Result<()> {
    compress_all(&["a.txt", "b.txt.gz"])?;
    compress("c.txt")?;
    // Fire and forget: the child is never reaped.
    Command::new("notify-send").arg("done").spawn()?;
    Ok(())
}

/// `sort` reads stdin to its end before writing anything: with stdin still held open,
/// reading its output never ends.
pub fn sort_lines(input: &str) -> io::Result<String> {
    use std::io::{Read, Write};
    use std::process::Stdio;
    let mut child = Command::new("sort")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(input.as_bytes())?;
    let mut sorted = String::new();
    child.stdout.take().expect("stdout is piped").read_to_string(&mut sorted)?;
    child.wait()?;
    Ok(sorted)
}

/// Waits without reading the piped output: hangs once the build prints 64 KiB.
pub fn build_quietly() -> io::Result<bool> {
    use std::process::Stdio;
    let mut child = Command::new("cargo").arg("build").stdout(Stdio::piped()).spawn()?;
    Ok(child.wait()?.success())
}

/// Reads stdout to its end before stderr: hangs once the compiler's warnings fill stderr.
pub fn compile(file: &str) -> io::Result<(String, String)> {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new("rustc")
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let (mut out, mut err) = (String::new(), String::new());
    child.stdout.take().expect("piped").read_to_string(&mut out)?;
    child.stderr.take().expect("piped").read_to_string(&mut err)?;
    child.wait()?;
    Ok((out, err))
}

/// A deliberate fire-and-forget, suppressed with its reason.
pub fn notify(message: &str) -> io::Result<()> {
    // stray: allow(zombie_child) -- the desktop notifier daemonizes at once
    Command::new("notify-send").arg(message).spawn()?;
    Ok(())
}

/// A suppression left behind after the code was fixed: reported, so it can go.
pub fn listing() -> io::Result<bool> {
    // stray: allow(zombie_child) -- TODO wait for it
    let mut child = Command::new("ls").spawn()?;
    Ok(child.wait()?.success())
}
