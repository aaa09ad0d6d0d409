// The child only appears inside formatting macros (`println!`, `eprintln!`, `format!`,
// `assert!` on its id): those are neutral uses, the child is still never waited on.
use std::io;
use std::process::Command;

pub fn start_and_log() -> io::Result<()> {
    let child = Command::new("collector").spawn()?; //~ zombie_child
    println!("{:?}", child.id());
    Ok(())
}

pub fn start_and_describe() -> io::Result<String> {
    let child = Command::new("collector").spawn()?; //~ zombie_child
    let msg = format!("collector running as pid {}", child.id());
    eprintln!("{msg}");
    assert!(child.id() > 0);
    Ok(msg)
}
