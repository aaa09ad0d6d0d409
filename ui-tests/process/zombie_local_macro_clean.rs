// The child is waited inside macros of the file. A macro simple enough (one rule, plain
// fragments) is expanded where it is invoked; one with several rules is not, but the
// child it names is taken as settled where it is invoked.
use std::io;
use std::process::Command;

macro_rules! reap {
    ($child:expr) => {
        if let Err(e) = $child.wait() {
            eprintln!("wait failed: {e}");
        }
    };
}

pub fn run(bin: &str) -> io::Result<()> {
    let mut child = Command::new(bin).spawn()?;
    reap!(child);
    Ok(())
}

pub fn work(inputs: &[&str]) -> io::Result<()> {
    let mut worker = Command::new("worker").spawn()?;
    macro_rules! finish {
        () => {
            let _ = worker.wait();
        };
        ($why:expr) => {{
            eprintln!("giving up: {}", $why);
            let _ = worker.wait();
        }};
    }
    for input in inputs {
        if input.is_empty() {
            finish!("empty input");
            return Ok(());
        }
    }
    finish!();
    Ok(())
}
