// child_pipes_read_sequentially, quiet: each pipe is read on its own scoped thread
// (`std::thread::scope` + `s.spawn`), so the reads run concurrently.
use std::io::{self, Read};
use std::process::{Command, Stdio};
use std::thread;

fn read_pipe<R: Read>(pipe: &mut R) -> io::Result<String> {
    let mut s = String::new();
    pipe.read_to_string(&mut s).map(|_| s)
}

fn run_checks() -> (String, String) {
    let mut child = Command::new("make")
        .arg("check")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn make");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let (out, err) = thread::scope(|s| {
        let out = s.spawn(|| read_pipe(&mut stdout));
        let err = s.spawn(|| read_pipe(&mut stderr));
        (out.join().expect("stdout thread"), err.join().expect("stderr thread"))
    });
    child.wait().expect("wait for make");
    (out.expect("read stdout"), err.expect("read stderr"))
}
