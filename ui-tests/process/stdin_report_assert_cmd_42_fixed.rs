// child_stdin_not_closed / child_pipe_never_read / child_pipes_read_sequentially, quiet:
// the fix that closed assert-rs/assert_cmd#42 (a `wait_with_input_output` in the manner
// of sccache's). stdin is taken and moved into a writer thread, stdout and stderr are
// taken and each read to EOF on a thread of its own, and the child is waited only after
// the writer has finished (its thread dropped stdin).
use std::io::{self, Read, Write};
use std::process::{self, Command, Stdio};
use std::thread;

fn read_all<R>(mut pipe: R) -> thread::JoinHandle<io::Result<Vec<u8>>>
where
    R: Read + Send + 'static,
{
    thread::spawn(move || {
        let mut buf = Vec::new();
        pipe.read_to_end(&mut buf).map(|_| buf)
    })
}

pub fn run_with_input(cmd: &mut Command, input: Vec<u8>) -> process::Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let writer = child
        .stdin
        .take()
        .map(|mut stdin| thread::spawn(move || stdin.write_all(&input)));
    let stdout = child.stdout.take().map(read_all);
    let stderr = child.stderr.take().map(read_all);

    if let Some(writer) = writer {
        writer.join().expect("writer thread").expect("write stdin");
    }
    let status = child.wait().expect("wait");
    let stdout = stdout.map(|t| t.join().expect("stdout thread").expect("read stdout"));
    let stderr = stderr.map(|t| t.join().expect("stderr thread").expect("read stderr"));
    process::Output {
        status,
        stdout: stdout.unwrap_or_default(),
        stderr: stderr.unwrap_or_default(),
    }
}
