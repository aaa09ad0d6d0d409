// scopeguard: the guard owns the child and runs its closure on it where the guard is
// dropped, at the end of its scope or at an early exit. A closure that only kills the
// child leaves it a zombie, since `kill()` does not reap; so does a guard whose closure
// runs only while unwinding, when nothing else waits.
use std::io;
use std::net::TcpStream;
use std::process::{Child, Command};

use scopeguard::ScopeGuard;

pub fn smoke_test(bin: &str, port: u16) -> io::Result<bool> {
    let child = Command::new(bin).arg("--port").arg(port.to_string()).spawn()?; //~ zombie_child
    let _server = scopeguard::guard(child, |mut c| {
        let _ = c.kill();
    });
    std::thread::sleep(std::time::Duration::from_millis(500));
    Ok(TcpStream::connect(("127.0.0.1", port)).is_ok())
}

pub struct Debugger {
    pub server: Child,
    pub stream: TcpStream,
}

// The guard is defused on success, and the child handed to the struct; the `?` drops
// the guard, whose closure only kills the child.
pub fn attach(bin: &str, port: u16) -> io::Result<Debugger> {
    let child = Command::new(bin).arg("-p").arg(port.to_string()).spawn()?; //~ zombie_child
    let kill_on_error = scopeguard::guard(child, |mut c| {
        let _ = c.kill();
    });
    let stream = TcpStream::connect(("127.0.0.1", port))?;
    Ok(Debugger {
        server: ScopeGuard::into_inner(kill_on_error),
        stream,
    })
}

pub fn render(bin: &str) -> io::Result<()> {
    let child = Command::new(bin).spawn()?; //~ zombie_child
    let _child = scopeguard::guard_on_unwind(child, |mut c| {
        let _ = c.kill();
        let _ = c.wait();
    });
    println!("rendering with {bin}");
    Ok(())
}
