// A runner configures its `Command` in `new()` (stdout and stderr piped) and spawns it in
// other methods: `run` waits without reading either pipe, `output` reads both through
// `wait_with_output`. `Quiet` has a second constructor that pipes nothing, so what its
// field holds is not known to be piped, and its `run` is not reported.
use std::io;
use std::process::{Command, Output, Stdio};

pub struct Runner {
    cmd: Command,
}

impl Runner {
    pub fn new(program: &str) -> Runner {
        let mut cmd = Command::new(program);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        Runner { cmd }
    }

    pub fn run(&mut self) -> io::Result<bool> {
        let mut child = self.cmd.spawn()?; //~ child_pipe_never_read
        Ok(child.wait()?.success())
    }

    pub fn output(&mut self) -> io::Result<Output> {
        self.cmd.spawn()?.wait_with_output()
    }
}

pub struct Quiet {
    cmd: Command,
}

impl Quiet {
    pub fn new(program: &str) -> Quiet {
        let mut cmd = Command::new(program);
        cmd.stdout(Stdio::piped());
        Quiet { cmd }
    }

    pub fn inherited(program: &str) -> Quiet {
        Quiet {
            cmd: Command::new(program),
        }
    }

    pub fn run(&mut self) -> io::Result<bool> {
        let mut child = self.cmd.spawn()?;
        Ok(child.wait()?.success())
    }
}
