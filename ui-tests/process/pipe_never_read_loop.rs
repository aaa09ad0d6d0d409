// child_pipe_never_read: one child per file, each with a piped stdout that is never read
// before its `wait()`.
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn format_all(files: &[PathBuf]) -> usize {
    let mut failed = 0;
    for file in files {
        let mut child = Command::new("rustfmt") //~ child_pipe_never_read
            .arg("--check")
            .arg(file)
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn rustfmt");
        if !child.wait().expect("wait for rustfmt").success() {
            failed += 1;
        }
    }
    failed
}
