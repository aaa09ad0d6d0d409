// Children collected into a `Vec` that is returned, or pushed into a collection stored in
// a field: they escape to the caller / the owner, who is responsible for waiting. No report.
// (`expect` rather than `?` in the loop: a `?` on the second spawn would drop the first
// child with the local `Vec`.)
use std::io;
use std::process::{Child, Command};

pub fn start_workers(count: usize) -> Vec<Child> {
    let mut children = Vec::new();
    for i in 0..count {
        children.push(Command::new("worker").arg(i.to_string()).spawn().expect("spawn worker"));
    }
    children
}

pub struct Pool {
    children: Vec<Child>,
}

impl Pool {
    pub fn grow(&mut self, n: usize) -> io::Result<()> {
        for _ in 0..n {
            let child = Command::new("worker").spawn()?;
            self.children.push(child);
        }
        Ok(())
    }

    pub fn shutdown(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
