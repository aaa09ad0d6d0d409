// child_pipe_never_read, quiet: the piped stdout is read to EOF in place through
// `child.stdout.as_mut()` before `wait()`.
use std::io::Read;
use std::process::{Command, Stdio};

fn list_packages() -> String {
    let mut child = Command::new("dpkg")
        .arg("-l")
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn dpkg");
    let mut listing = String::new();
    child
        .stdout
        .as_mut()
        .expect("stdout is piped")
        .read_to_string(&mut listing)
        .expect("read listing");
    child.wait().expect("wait for dpkg");
    listing
}
