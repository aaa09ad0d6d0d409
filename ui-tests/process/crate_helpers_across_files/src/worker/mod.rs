use std::io;
use std::process::Child;

mod shutdown;

pub struct Worker {
    child: Child,
    name: String,
}

impl Worker {
    pub fn start(name: &str) -> io::Result<Worker> {
        let child = crate::proc_util::spawn_quiet(name)?;
        Ok(Worker {
            child,
            name: name.to_string(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

pub struct Supervised {
    child: Option<Child>,
}

impl Supervised {
    pub fn new(child: Child) -> Supervised {
        Supervised { child: Some(child) }
    }
}
