// child_pipes_read_sequentially: the early-return path uses `wait_with_output()` (fine),
// but the path after it reads stdout to EOF and then stderr, on this thread.
use std::io::Read;
use std::process::{Command, Stdio};

fn run_migration(name: &str, quiet: bool) -> (String, String) {
    let mut child = Command::new("diesel") //~ child_pipes_read_sequentially
        .args(["migration", "run"])
        .env("MIGRATION", name)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn diesel");
    if quiet {
        let output = child.wait_with_output().expect("wait for diesel");
        return (String::new(), String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let mut out = String::new();
    let mut err = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).expect("read stdout");
    child.stderr.take().unwrap().read_to_string(&mut err).expect("read stderr");
    child.wait().expect("wait for diesel");
    (out, err)
}
