// A helper returns a configured `Command` (and another one a `Result` of it); the
// callers spawn what it returns. `fetch` never waits for the child; `status` does.
use std::io;
use std::path::Path;
use std::process::Command;

fn git(repo: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(repo).args(args);
    cmd
}

fn tool(name: &str) -> io::Result<Command> {
    let path = which(name).ok_or_else(|| io::Error::other(format!("{name} not found")))?;
    Ok(Command::new(path))
}

fn which(_name: &str) -> Option<String> {
    None
}

pub fn fetch(repo: &Path) -> io::Result<()> {
    let _child = git(repo, &["fetch", "--all"]).spawn()?; //~ zombie_child
    Ok(())
}

pub fn status(repo: &Path) -> io::Result<bool> {
    let mut child = git(repo, &["status", "--porcelain"]).spawn()?;
    Ok(child.wait()?.success())
}

pub fn format(file: &Path) -> io::Result<()> {
    let mut cmd = tool("rustfmt")?;
    cmd.arg(file);
    let child = cmd.spawn()?; //~ zombie_child
    drop(child);
    Ok(())
}
