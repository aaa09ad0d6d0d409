// A runner builds its command in a method that returns the label it logs together with
// the `Command` (`-> (String, Command)`); the caller destructures the pair and spawns.
// The child of `start` is dropped at the end of the statement; `run` waits for its own.
use std::io;
use std::process::{Command, Stdio};

pub struct Runner {
    program: String,
    args: Vec<String>,
}

impl Runner {
    fn create_command(&self) -> (String, Command) {
        let mut cmd = Command::new(&self.program);
        cmd.args(&self.args).stdin(Stdio::null());
        (format!("{} {}", self.program, self.args.join(" ")), cmd)
    }

    pub fn start(&self) -> io::Result<()> {
        let (label, mut cmd) = self.create_command();
        eprintln!("starting {label}");
        cmd.spawn()?; //~ zombie_child
        Ok(())
    }

    pub fn run(&self) -> io::Result<bool> {
        let (label, mut cmd) = self.create_command();
        let mut child = cmd.spawn()?;
        let status = child.wait()?;
        eprintln!("{label}: {status}");
        Ok(status.success())
    }
}
