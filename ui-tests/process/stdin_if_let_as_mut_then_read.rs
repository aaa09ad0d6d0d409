// child_stdin_not_closed: stdin is written in place through `child.stdin.as_mut()` and
// left in the child; stdout is then read to EOF. The interpreter reads its script until
// EOF before it exits, so `read_to_string` never returns. (The same shape as the
// runmat-org/runmat review thread, without its `drop(child.stdin.take())`.)
use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn run_script(script: &str) -> String {
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn python3");
    if let Some(stdin) = child.stdin.as_mut() { //~ child_stdin_not_closed
        stdin.write_all(script.as_bytes()).expect("write script");
    }
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .expect("read script output");
    child.wait().expect("wait for python3");
    out
}
