// child_pipe_never_read: the child is spawned and waited inside a
// `std::thread::spawn(move || ..)` closure; its piped stdout is never read there either.
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};

fn fetch_in_background(url: String) -> JoinHandle<bool> {
    thread::spawn(move || {
        let mut child = Command::new("curl") //~ child_pipe_never_read
            .arg("-sS")
            .arg(&url)
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn curl");
        child.wait().map(|s| s.success()).unwrap_or(false)
    })
}
