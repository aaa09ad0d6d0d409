// child_pipe_never_read, quiet: the child with its piped stdout is stored in a struct
// field; it escapes, and whoever owns the struct reads the pipe.
use std::io::{self, BufRead, BufReader};
use std::process::{Child, Command, Stdio};

pub struct Tail {
    child: Child,
}

impl Tail {
    pub fn start(path: &str) -> io::Result<Tail> {
        let child = Command::new("tail")
            .args(["-F", path])
            .stdout(Stdio::piped())
            .spawn()?;
        Ok(Tail { child })
    }

    pub fn restart(&mut self, path: &str) -> io::Result<()> {
        self.child.kill()?;
        self.child.wait()?;
        self.child = Command::new("tail")
            .args(["-F", path])
            .stdout(Stdio::piped())
            .spawn()?;
        Ok(())
    }

    pub fn next_line(&mut self) -> io::Result<Option<String>> {
        let Some(stdout) = self.child.stdout.as_mut() else {
            return Ok(None);
        };
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        Ok(Some(line))
    }
}
