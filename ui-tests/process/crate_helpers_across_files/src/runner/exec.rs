use std::io::{self, Read};

impl super::Runner {
    pub fn run(&mut self) -> io::Result<bool> {
        let mut child = self.cmd.spawn()?; //~ child_pipe_never_read
        Ok(child.wait()?.success())
    }

    pub fn capture(&mut self) -> io::Result<String> {
        let mut child = self.cmd.spawn()?;
        let mut out = String::new();
        if let Some(mut stdout) = child.stdout.take() {
            stdout.read_to_string(&mut out)?;
        }
        child.wait()?;
        Ok(out)
    }
}
