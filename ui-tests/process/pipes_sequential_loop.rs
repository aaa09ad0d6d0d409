// child_pipes_read_sequentially: one child per package, each with both pipes read to EOF
// one after the other.
use std::io::Read;
use std::process::{Command, Stdio};

fn audit_all(packages: &[&str]) -> Vec<(String, String)> {
    let mut reports = Vec::new();
    for package in packages {
        let mut child = Command::new("cargo") //~ child_pipes_read_sequentially
            .args(["audit", "-p", package])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn cargo audit");
        let mut out = String::new();
        let mut err = String::new();
        child.stdout.take().unwrap().read_to_string(&mut out).expect("read stdout");
        child.stderr.take().unwrap().read_to_string(&mut err).expect("read stderr");
        child.wait().expect("wait for cargo audit");
        reports.push((out, err));
    }
    reports
}
