use std::process::{Command, Stdio};

mod exec;

pub struct Runner {
    cmd: Command,
}

impl Runner {
    pub fn new(program: &str) -> Runner {
        let mut cmd = Command::new(program);
        cmd.stdout(Stdio::piped());
        Runner { cmd }
    }
}
