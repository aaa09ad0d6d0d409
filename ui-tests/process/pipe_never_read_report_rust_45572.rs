// child_pipe_never_read: the shape of rust-lang/rust#45572. A one-expression command with
// leading-`::` fully qualified paths pipes stdout and calls `status()`, which never reads
// it; the child blocks as soon as the pipe is full (4 KiB on that Windows report, 64 KiB
// on Linux). The finding is on the `status()` call, whose expression starts on the
// `Command::new` line.
fn main() {
    let _ = ::std::process::Command::new("sh") //~ child_pipe_never_read
        .args(["-c", "for i in $(seq 1 20000); do echo; done"])
        .stdout(::std::process::Stdio::piped())
        .status();
}
