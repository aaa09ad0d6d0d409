// Helpers of the same file take the child by `&mut` or by value. What each does is
// followed into the caller: `finish` and `Supervisor::reap` wait (the caller's child is
// settled there), `describe` only looks (the caller still owns an unwaited child), and
// `adopt` waits on a child it is given by value.
use std::io;
use std::process::{Child, Command, ExitStatus};

fn finish(child: &mut Child) -> io::Result<ExitStatus> {
    let status = child.wait()?;
    Ok(status)
}

fn describe(child: &mut Child) -> String {
    format!("pid {}", child.id())
}

fn adopt(mut child: Child) -> io::Result<()> {
    child.wait()?;
    Ok(())
}

pub struct Supervisor {
    grace: u64,
}

impl Supervisor {
    fn reap(&self, child: &mut Child) -> io::Result<()> {
        if self.grace == 0 {
            child.kill()?;
        }
        child.wait()?;
        Ok(())
    }

    pub fn run(&self, bin: &str) -> io::Result<()> {
        let mut child = Command::new(bin).spawn()?;
        println!("{}", describe(&mut child));
        self.reap(&mut child)
    }
}

pub fn build(target: &str) -> io::Result<bool> {
    let mut child = Command::new("make").arg(target).spawn()?;
    Ok(finish(&mut child)?.success())
}

pub fn watch(target: &str) -> io::Result<()> {
    let mut child = Command::new("watchexec").arg(target).spawn()?; //~ zombie_child
    eprintln!("watching: {}", describe(&mut child));
    Ok(())
}

pub fn handoff(target: &str) -> io::Result<()> {
    let child = Command::new("serve").arg(target).spawn()?;
    adopt(child)
}
