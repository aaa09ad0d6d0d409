// child_pipes_read_sequentially: stderr is read to EOF first, then stdout; the first read
// blocks while the unread stdout pipe fills. The finding is on the stderr read.
use std::io::Read;
use std::process::{Command, Stdio};

fn convert(input: &str) -> (Vec<u8>, String) {
    let mut child = Command::new("convert") //~ child_pipes_read_sequentially
        .args([input, "png:-"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn convert");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let mut diagnostics = String::new();
    stderr.read_to_string(&mut diagnostics).expect("read stderr");
    let mut image = Vec::new();
    stdout.read_to_end(&mut image).expect("read image");
    child.wait().expect("wait for convert");
    (image, diagnostics)
}
