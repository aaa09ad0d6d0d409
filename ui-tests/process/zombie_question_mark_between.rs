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

pub fn feed(input: &[u8]) -> io::Result<()> {
    let mut child = Command::new("lpr") //~ zombie_child
        .stdin(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(input)?;
    drop(stdin);
    child.wait()?;
    Ok(())
}
