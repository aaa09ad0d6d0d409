// The `Command` is built in a separate binding (or received as `&mut Command`, std's by
// the `use`) and spawned later: the child is still std's and is never waited on.
use std::io;
use std::process::{Child, Command};

pub fn list(dir: &str) -> io::Result<()> {
    let mut cmd = Command::new("ls");
    cmd.arg("-l").arg(dir);
    let child = cmd.spawn()?; //~ zombie_child
    println!("ls running as {}", child.id());
    Ok(())
}

pub fn launch(cmd: &mut Command) -> io::Result<u32> {
    let child = cmd.spawn()?; //~ zombie_child
    Ok(child.id())
}

pub fn launch_and_keep(cmd: &mut Command) -> io::Result<Child> {
    // Returned: no report.
    cmd.spawn()
}
