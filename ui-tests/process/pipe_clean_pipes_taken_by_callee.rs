// The pipes are taken by functions the caller hands `&mut child` to: one from another
// crate (not seen), one of this file that starts a reader thread per pipe with
// `.map(read_on_thread)`. The `wait` helper waits with nothing left in the child's fields.
use std::io::{self, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;

use pipes::attach_readers;

type Reader = JoinHandle<io::Result<Vec<u8>>>;

fn read_on_thread<R: Read + Send + 'static>(mut pipe: R) -> Reader {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        pipe.read_to_end(&mut buf)?;
        Ok(buf)
    })
}

fn split_io(child: &mut Child) -> (Option<Reader>, Option<Reader>) {
    let stdout = child.stdout.take().map(read_on_thread);
    let stderr = child.stderr.take().map(read_on_thread);
    (stdout, stderr)
}

fn wait(mut child: Child) -> io::Result<ExitStatus> {
    child.wait()
}

pub fn capture(bin: &str) -> io::Result<ExitStatus> {
    let mut child = Command::new(bin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let (_out, _err) = split_io(&mut child);
    wait(child)
}

pub fn capture_elsewhere(bin: &str) -> io::Result<ExitStatus> {
    let mut child = Command::new(bin).stdout(Stdio::piped()).spawn()?;
    attach_readers(&mut child);
    child.wait()
}
