// A job keeps its `Command` in a field and configures it in the same method that spawns
// it (`self.cmd.stdout(Stdio::piped())`, then `self.cmd.spawn()?`). `run` waits without
// ever reading the piped stdout; `detach` spawns and forgets; `capture` reads it all.
use std::io::{self, Read};
use std::process::{Command, Stdio};

pub struct Job {
    name: String,
    cmd: Command,
}

impl Job {
    pub fn new(name: &str, program: &str) -> Job {
        Job {
            name: name.to_string(),
            cmd: Command::new(program),
        }
    }

    pub fn run(&mut self) -> io::Result<bool> {
        self.cmd.stdout(Stdio::piped());
        let mut child = self.cmd.spawn()?; //~ child_pipe_never_read
        let status = child.wait()?;
        println!("{}: {status}", self.name);
        Ok(status.success())
    }

    pub fn detach(&mut self) -> io::Result<()> {
        self.cmd.stdin(Stdio::null()).spawn()?; //~ zombie_child
        Ok(())
    }

    pub fn capture(&mut self) -> io::Result<String> {
        self.cmd.stdout(Stdio::piped());
        let mut child = self.cmd.spawn()?;
        let mut out = String::new();
        if let Some(mut stdout) = child.stdout.take() {
            stdout.read_to_string(&mut out)?;
        }
        child.wait()?;
        Ok(out)
    }
}
