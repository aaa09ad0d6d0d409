// Accessors that return a reference to a child owned by a struct create nothing: the
// caller's `kill()` or `id()` is on a child that its owner waits for elsewhere.
use std::collections::HashMap;
use std::process::Child;

pub struct Pool {
    workers: HashMap<u32, Child>,
    main: Option<Child>,
}

fn child_of(pool: &mut Pool, id: u32) -> Option<&mut Child> {
    pool.workers.get_mut(&id)
}

impl Pool {
    fn main_child(&mut self) -> &mut Child {
        self.main.as_mut().expect("started")
    }

    pub fn stop(&mut self, id: u32) {
        if let Some(child) = child_of(self, id) {
            let _ = child.kill();
        }
    }

    pub fn main_pid(&mut self) -> u32 {
        let child = self.main_child();
        child.id()
    }

    pub fn shutdown(&mut self) {
        let _ = self.main_child().kill();
        for (_, mut child) in self.workers.drain() {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(mut main) = self.main.take() {
            let _ = main.wait();
        }
    }
}
