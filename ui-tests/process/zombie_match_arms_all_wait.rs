// Every arm of the `match` settles the child: a wait, a wait in a spawned thread, a
// kill followed by a wait, a diverging `unreachable!()`. No report.
use std::io;
use std::process::Command;

pub enum Mode {
    Foreground,
    Background,
    Cancel,
    Invalid,
}

pub fn launch(mode: Mode) -> io::Result<()> {
    let mut child = Command::new("server").arg("--port=8080").spawn()?;
    match mode {
        Mode::Foreground => {
            child.wait()?;
        }
        Mode::Background => {
            std::thread::spawn(move || child.wait());
        }
        Mode::Cancel => {
            let _ = child.kill();
            child.wait()?;
        }
        Mode::Invalid => unreachable!("mode checked by the caller"),
    }
    Ok(())
}
