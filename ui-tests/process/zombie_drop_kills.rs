// Structs that own a child and kill it when they go away, without reaping it: a test
// server fixture, a guard around a tuple field, an optional child behind `as_mut()`, a
// `drop` that delegates to `stop()`, and a polite shutdown that kills when `try_wait()`
// says the child still runs.
use std::io;
use std::process::{Child, Command, Stdio};

pub struct TestServer {
    child: Child,
    port: u16,
}

impl TestServer {
    pub fn start(port: u16) -> io::Result<TestServer> {
        let child = Command::new("test-server")
            .arg(port.to_string())
            .stdout(Stdio::null())
            .spawn()?;
        Ok(TestServer { child, port })
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill(); //~ zombie_child
    }
}

pub struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Err(e) = self.0.kill() { //~ zombie_child
            eprintln!("could not kill child: {e}");
        }
    }
}

pub struct Sidecar {
    name: String,
    process: Option<Child>,
}

impl Drop for Sidecar {
    fn drop(&mut self) {
        if let Some(process) = self.process.as_mut() {
            println!("stopping {}", self.name);
            process.kill().ok(); //~ zombie_child
        }
    }
}

pub struct Daemon {
    child: Child,
}

impl Daemon {
    fn stop(&mut self) {
        let _ = self.child.kill();
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        self.stop(); //~ zombie_child
    }
}

pub struct Polite {
    child: Child,
}

impl Drop for Polite {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill(); //~ zombie_child
        }
    }
}
