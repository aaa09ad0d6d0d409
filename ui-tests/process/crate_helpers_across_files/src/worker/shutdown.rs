// The `Drop` impls live apart from the structs they drop.
use super::{Supervised, Worker};

impl Drop for Worker {
    fn drop(&mut self) {
        eprintln!("stopping {}", self.name);
        let _ = self.child.kill(); //~ zombie_child
    }
}

impl Drop for Supervised {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
