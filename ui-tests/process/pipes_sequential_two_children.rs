// child_pipes_read_sequentially, quiet: two reads to EOF one after the other, but of two
// different children (one pipes only stdout, the other only stderr). Neither child waits
// on the other's pipe, so the first read ends when its own child exits.
use std::io::Read;
use std::process::{Command, Stdio};

fn toolchain_versions() -> (String, String) {
    let mut rustc = Command::new("rustc")
        .arg("--version")
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn rustc");
    let mut java = Command::new("java")
        .arg("-version")
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn java");
    let mut rustc_version = String::new();
    rustc.stdout.take().unwrap().read_to_string(&mut rustc_version).expect("read rustc version");
    let mut java_version = String::new();
    java.stderr.take().unwrap().read_to_string(&mut java_version).expect("read java version");
    rustc.wait().expect("wait for rustc");
    java.wait().expect("wait for java");
    (rustc_version, java_version)
}
