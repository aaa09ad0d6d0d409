// child_pipes_read_sequentially, quiet: `wait_with_output()` reads stdout and stderr
// concurrently (std's `read2`), so neither pipe can fill while the other is drained.
use std::process::{Command, Stdio};

fn build(dir: &str) -> (String, String) {
    let child = Command::new("cargo")
        .arg("build")
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cargo build");
    let output = child.wait_with_output().expect("wait for cargo build");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
