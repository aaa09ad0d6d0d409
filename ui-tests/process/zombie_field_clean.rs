// Children in private fields that the struct's own code settles or hands on: waited in a
// `shutdown`, polled with `try_wait`, exposed through a `&mut` getter, taken out of an
// `Option`, moved out whole, reaped by the pid taken before the store, a field named
// in another file's module (`mod imp;` could use it), and a `pub` field.
use std::process::{Child, Command};

struct Worker {
    child: Child,
}

impl Worker {
    fn start() -> std::io::Result<Self> {
        Ok(Worker { child: Command::new("worker").spawn()? })
    }

    fn shutdown(mut self) -> std::io::Result<()> {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }
}

struct ToolProcess {
    name: String,
    child: Child,
}

impl ToolProcess {
    fn spawn(name: String) -> std::io::Result<Self> {
        let child = Command::new(&name).spawn()?;
        Ok(ToolProcess { name, child })
    }

    fn is_alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

struct TreeChild {
    child: Child,
}

impl TreeChild {
    fn new(cmd: &mut Command) -> std::io::Result<Self> {
        Ok(TreeChild { child: cmd.spawn()? })
    }

    fn child_mut(&mut self) -> &mut Child {
        &mut self.child
    }
}

struct Slot {
    child: Option<Child>,
}

impl Slot {
    fn fill(&mut self) {
        *self = Slot { child: Some(Command::new("x").spawn().unwrap()) };
    }

    fn take(&mut self) -> Option<Child> {
        self.child.take()
    }
}

struct Owned {
    process: Child,
}

impl Owned {
    fn new() -> Self {
        Owned { process: Command::new("x").spawn().unwrap() }
    }

    fn into_child(self) -> Child {
        self.process
    }
}

struct SpawnedTarget {
    target: Child,
    pid: i64,
}

impl SpawnedTarget {
    fn spawn() -> Self {
        let target = Command::new("sleep").arg("300").spawn().expect("spawn sleep");
        let pid = target.id() as i64;
        Self { target, pid }
    }
}

impl Drop for SpawnedTarget {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(self.pid.to_string()).status();
    }
}

pub struct Public {
    pub child: Child,
}

fn public() -> Public {
    Public { child: Command::new("x").spawn().unwrap() }
}

fn main() {
    Worker::start().unwrap().shutdown().unwrap();
    let mut t = ToolProcess::spawn("tool".into()).unwrap();
    println!("{} {}", t.name, t.is_alive());
    let mut tree = TreeChild::new(&mut Command::new("x")).unwrap();
    tree.child_mut().wait().unwrap();
    let mut slot = Slot { child: None };
    slot.fill();
    let _ = slot.take().map(|mut c| c.wait());
    Owned::new().into_child().wait().unwrap();
    let _target = SpawnedTarget::spawn();
    public().child.wait().unwrap();
}
