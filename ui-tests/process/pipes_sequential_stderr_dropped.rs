// child_pipes_read_sequentially, quiet: stderr is piped but taken and dropped at once
// (its read end closed), so only stdout is left to read; nothing can fill while stdout is
// read to EOF.
use std::io::Read;
use std::process::{Command, Stdio};

fn find_files(root: &str) -> String {
    let mut child = Command::new("find")
        .args([root, "-type", "f"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn find");
    drop(child.stderr.take());
    let mut files = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut files)
        .expect("read file list");
    child.wait().expect("wait for find");
    files
}
