// A `match` after the spawn whose arms do not all wait: the arm that only logs drops the
// child. The report names that path ("not on all paths").
use std::io;
use std::process::Command;

pub enum Mode {
    Foreground,
    Background,
    Detached,
}

pub fn launch(mode: Mode) -> io::Result<()> {
    let mut child = Command::new("server").arg("--port=8080").spawn()?; //~ zombie_child
    match mode {
        Mode::Foreground => {
            child.wait()?;
        }
        Mode::Background => {
            std::thread::spawn(move || child.wait());
        }
        Mode::Detached => {
            println!("server running as {}", child.id());
        }
    }
    Ok(())
}
