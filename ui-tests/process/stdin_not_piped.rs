// child_stdin_not_closed, quiet: stdin is `Stdio::null()` or `Stdio::inherit()`, never a
// pipe this process holds; reading stdout to EOF cannot wait on it.
use std::io::Read;
use std::process::{Command, Stdio};

fn list_dir(path: &str) -> String {
    let mut child = Command::new("ls")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn ls");
    let mut listing = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut listing)
        .expect("read listing");
    child.wait().expect("wait for ls");
    listing
}

fn ask_user() -> String {
    let mut child = Command::new("fzf")
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn fzf");
    let mut choice = String::new();
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_to_string(&mut choice)
        .expect("read choice");
    child.wait().expect("wait for fzf");
    choice
}
