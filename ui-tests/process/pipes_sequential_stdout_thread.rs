// child_pipes_read_sequentially, quiet: the mirror image; stdout is drained on a thread
// while this thread reads stderr line by line.
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::thread;

fn run_and_log(program: &str) -> Vec<u8> {
    let mut child = Command::new(program)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");
    let out_thread = thread::spawn(move || {
        let mut buf = Vec::new();
        stdout.read_to_end(&mut buf).map(|_| buf)
    });
    for line in BufReader::new(stderr).lines() {
        eprintln!("{program}: {}", line.expect("read stderr"));
    }
    let out = out_thread.join().expect("stdout thread").expect("read stdout");
    child.wait().expect("wait");
    out
}
