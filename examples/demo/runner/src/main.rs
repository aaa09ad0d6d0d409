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
