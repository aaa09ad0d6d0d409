// child_pipes_read_sequentially, quiet: `Command::output()` captures both streams
// concurrently; the results are then used one after the other from memory.
use std::process::Command;

fn check(dir: &str) -> bool {
    let output = Command::new("cargo")
        .arg("check")
        .current_dir(dir)
        .output()
        .expect("run cargo check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    output.status.success()
}
