// select_branch_not_cancel_safe: a worker that drives a child process reads its stdout
// and stderr line by line in one `select!` with the command channel (the shape of a
// debugger front end). A command arriving mid-line empties the buffer: the line is lost.
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{ChildStderr, ChildStdout};
use tokio::sync::mpsc::Receiver;

pub struct State {
    stdout: BufReader<ChildStdout>,
    stderr: BufReader<ChildStderr>,
    stdout_buf: String,
    stderr_buf: String,
}

pub async fn worker(mut state: State, mut commands: Receiver<String>) {
    loop {
        tokio::select! {
            msg = commands.recv() => {
                if msg.is_none() {
                    break;
                }
            }
            result = state.stdout.read_line(&mut state.stdout_buf) => { //~ select_branch_not_cancel_safe
                if result.is_err() {
                    break;
                }
                state.stdout_buf.clear();
            }
            result = state.stderr.read_line(&mut state.stderr_buf) => { //~ select_branch_not_cancel_safe
                if result.is_err() {
                    break;
                }
                state.stderr_buf.clear();
            }
        }
    }
}
