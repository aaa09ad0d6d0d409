// Ported from clippy's tests/ui/zombie_processes.rs: the last cases of `main` and the
// regression tests after it. A wait inside a spawned thread counts; `return x.wait()` waits
// before returning; a `return` inside a closure is not an exit of the enclosing function
// (rust-clippy#14677); a `?` inside the builder chain runs before the child exists
// (rust-clippy#14911). All good.
use std::process::{Command, ExitStatus};

pub fn wait_in_a_spawned_thread() {
    let mut x = Command::new("").spawn().unwrap();
    std::thread::spawn(move || {
        x.wait().unwrap();
    });
}

pub fn return_wait() -> ExitStatus {
    let mut x = Command::new("").spawn().unwrap();
    return x.wait().unwrap();
}

mod issue14677 {
    use std::process::Command;

    fn do_something<F: Fn() -> Result<(), ()>>(f: F) {
        todo!()
    }

    pub fn foo() {
        let mut child = Command::new("true").spawn().unwrap();
        let some_condition = true;
        do_something(|| {
            if some_condition {
                return Err(());
            }
            Ok(())
        });
        child.kill().unwrap();
        child.wait().unwrap();
    }
}

pub fn issue14911() -> std::io::Result<String> {
    let (mut recv, send) = std::io::pipe()?;
    let mut command = Command::new("ls")
        .stdout(send.try_clone()?)
        .spawn()
        .expect("Could not spawn new process...");
    command.wait()?;
    Ok("".into())
}
