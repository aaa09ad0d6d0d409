// child_pipe_never_read, quiet: rust-lang/rust#45572 without the hang. When only the exit
// status matters, stdout goes to `Stdio::null()` instead of a pipe nobody reads; when the
// output matters, `output()` drains it.
fn main() {
    let status = ::std::process::Command::new("sh")
        .args(["-c", "for i in $(seq 1 20000); do echo; done"])
        .stdout(::std::process::Stdio::null())
        .status()
        .expect("run sh");
    let output = ::std::process::Command::new("sh")
        .args(["-c", "for i in $(seq 1 20000); do echo; done"])
        .stdout(::std::process::Stdio::piped())
        .output()
        .expect("run sh");
    println!("{status} / {} bytes", output.stdout.len());
}
