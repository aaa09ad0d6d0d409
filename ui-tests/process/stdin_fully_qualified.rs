// child_stdin_not_closed: fully qualified `std::process` paths, no `use` of Command or
// Stdio. The taken stdin is still held when `wait_with_output()` blocks.
use std::io::Write;

fn checksum(data: &[u8]) -> std::process::Output {
    let mut child = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn sha256sum");
    let mut stdin = child.stdin.take().expect("stdin is piped"); //~ child_stdin_not_closed
    stdin.write_all(data).expect("write data");
    child.wait_with_output().expect("wait for sha256sum")
}
