// The child is stored in a struct field (a struct literal, a field assignment, an
// `Option` field): its owner is responsible for waiting. It escapes, no report.
use std::io;
use std::process::{Child, Command};

pub struct Server {
    child: Child,
    port: u16,
}

pub struct Supervisor {
    current: Option<Child>,
}

impl Server {
    pub fn start(port: u16) -> io::Result<Server> {
        let child = Command::new("server").arg(port.to_string()).spawn()?;
        Ok(Server { child, port })
    }

    pub fn stop(mut self) -> io::Result<()> {
        let _ = self.child.kill();
        self.child.wait()?;
        Ok(())
    }
}

impl Supervisor {
    pub fn restart(&mut self) -> io::Result<()> {
        if let Some(mut old) = self.current.take() {
            let _ = old.kill();
            old.wait()?;
        }
        self.current = Some(Command::new("server").spawn()?);
        Ok(())
    }
}
