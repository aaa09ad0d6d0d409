// child_pipes_read_sequentially: a `for line in BufReader::new(stdout).lines()` loop runs
// stdout to EOF, then stderr is read to a string. The finding is on the loop.
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

fn search(pattern: &str, root: &str) -> (Vec<String>, String) {
    let mut child = Command::new("grep") //~ child_pipes_read_sequentially
        .args(["-rn", pattern, root])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn grep");
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let mut hits = Vec::new();
    for line in BufReader::new(stdout).lines() {
        hits.push(line.expect("read grep output"));
    }
    let mut errors = String::new();
    stderr.read_to_string(&mut errors).expect("read grep errors");
    child.wait().expect("wait for grep");
    (hits, errors)
}
