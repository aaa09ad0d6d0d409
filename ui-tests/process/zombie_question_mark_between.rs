// A `?` between the spawn and the wait returns early on error and drops the child on that
// path: reported "not on all paths", naming the `?`.
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::process::{Command, Stdio};

pub fn extract(archive: &Path, manifest: &Path) -> io::Result<String> {
    let mut child = Command::new("tar").arg("xf").arg(archive).spawn()?; //~ zombie_child
    let listing = fs::read_to_string(manifest)?;
    child.wait()?;
    Ok(listing)
}

// A failed write to the child's own stdin is not reported as the path that loses it,
// as for `kill()?`: the I/O of the child itself failed there.
pub fn feed(input: &[u8]) -> io::Result<()> {
    let mut child = Command::new("lpr")
        .stdin(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(input)?;
    drop(stdin);
    child.wait()?;
    Ok(())
}

// Error conversions do not change which call failed: still the child's own I/O.
pub fn feed_with_context(input: &[u8]) -> io::Result<()> {
    let mut child = Command::new("lpr").stdin(Stdio::piped()).spawn()?;
    child
        .stdin
        .as_mut()
        .ok_or_else(|| io::Error::other("no stdin"))?
        .write_all(input)
        .map_err(|e| io::Error::new(e.kind(), "writing to lpr"))?;
    child.wait()?;
    Ok(())
}
