// Structs whose `drop` reaps what it kills, or leaves the child running on purpose: a
// wait after the kill, an `Option` taken out and waited, a `stop()` that waits, a child
// left to outlive its handle, and a shared child behind a mutex this analysis does not
// follow.
use std::process::{Child, Command};
use std::sync::Mutex;

pub struct Reaped {
    child: Child,
}

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Taken {
    child: Option<Child>,
}

impl Drop for Taken {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if child.kill().is_ok() {
                child.wait().expect("reap");
            }
        }
    }
}

pub struct Viewed {
    child: Option<Child>,
}

impl Drop for Viewed {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            child.kill().ok();
            child.wait().ok();
        }
    }
}

pub struct Stopper {
    child: Child,
}

impl Stopper {
    pub fn new() -> std::io::Result<Stopper> {
        Ok(Stopper {
            child: Command::new("worker").spawn()?,
        })
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Stopper {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Detached on purpose: the child keeps running after the handle goes.
pub struct Detached {
    child: Child,
}

impl Drop for Detached {
    fn drop(&mut self) {
        println!("leaving {} running", self.child.id());
    }
}

pub struct Shared {
    child: Mutex<Child>,
}

impl Drop for Shared {
    fn drop(&mut self) {
        if let Ok(mut child) = self.child.lock() {
            let _ = child.kill();
        }
    }
}

pub struct Polled {
    child: Child,
}

impl Drop for Polled {
    fn drop(&mut self) {
        match self.child.try_wait() {
            Ok(Some(_)) => {}
            _ => {
                let _ = self.child.kill();
                let _ = self.child.wait();
            }
        }
    }
}

/// The wait runs in a closure the kill's `Result` calls: not followed, so not reported.
pub struct Chained(Child, Option<std::path::PathBuf>);

impl Drop for Chained {
    fn drop(&mut self) {
        self.0.kill().and_then(|()| self.0.wait()).ok();
        if let Some(dir) = self.1.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}
