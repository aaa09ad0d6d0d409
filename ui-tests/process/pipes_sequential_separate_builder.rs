// child_pipes_read_sequentially: the builder is configured statement by statement with
// fully qualified `std::process::Stdio`, then the two pipes are read one after the other.
use std::io::Read;
use std::process::Command;

fn run_linter(path: &str) -> (String, String) {
    let mut cmd = Command::new("eslint");
    cmd.arg(path);
    cmd.stdout(std::process::Stdio::piped());
    cmd.stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn eslint"); //~ child_pipes_read_sequentially
    let mut report = String::new();
    let mut errors = String::new();
    child.stdout.take().unwrap().read_to_string(&mut report).expect("read report");
    child.stderr.take().unwrap().read_to_string(&mut errors).expect("read errors");
    child.wait().expect("wait for eslint");
    (report, errors)
}
