// child_pipe_never_read: stderr is piped "to keep the terminal clean" but never read;
// ffmpeg's progress output fills the pipe and `wait()` hangs.
use std::path::Path;
use std::process::{Command, Stdio};

fn transcode(input: &Path, output: &Path) -> bool {
    let mut child = Command::new("ffmpeg").arg("-i").arg(input).arg(output).stderr(Stdio::piped()).spawn().expect("spawn ffmpeg"); //~ child_pipe_never_read
    let status = child.wait().expect("wait for ffmpeg");
    status.success()
}
