// The binding holding the child is shadowed or reassigned before any wait: the first
// child is unreachable (shadowing) or dropped on the spot (assignment), never waited on.
// The second child in the restart case is waited: only the first spawn is reported.
use std::io;
use std::process::Command;

pub fn shadowed() -> io::Result<i32> {
    let child = Command::new("indexer").spawn()?; //~ zombie_child
    println!("indexer {}", child.id());
    let child = 5;
    Ok(child)
}

pub fn restart() -> io::Result<()> {
    let mut child = Command::new("server").spawn()?; //~ zombie_child
    let _ = child.kill();
    child = Command::new("server").arg("--safe-mode").spawn()?;
    child.wait()?;
    Ok(())
}
