// A worker driven over its stdin and stdout, as test harnesses and protocol clients keep
// it: the struct holds the child and, in a field of its own, the stdin taken out of it.
// `shutdown` sends a quit request and waits, but the stdin field is still open: a worker
// that reads requests until end of input never exits. The same with a tokio child, whose
// `wait()` closes only the stdin the child still holds.
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};

struct WorkerProcess {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl WorkerProcess {
    fn spawn(program: &str) -> Self {
        let mut child = Command::new(program)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn worker");
        let stdin = child.stdin.take().expect("worker stdin");
        let stdout = BufReader::new(child.stdout.take().expect("worker stdout"));
        Self { child, stdin, stdout }
    }

    fn request(&mut self, frame: &str) -> String {
        writeln!(self.stdin, "{frame}").expect("write request");
        self.stdin.flush().expect("flush");
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("read reply");
        line
    }

    fn shutdown(&mut self) -> ExitStatus {
        self.stdin.write_all(b"{\"quit\":true}\n").expect("send quit");
        self.child.wait().expect("wait worker") //~ child_stdin_not_closed
    }
}

mod tokio_client {
    use tokio::io::{AsyncWriteExt, BufWriter};
    use tokio::process::{Child, ChildStdin, Command};

    pub struct Server {
        child: Child,
        input: BufWriter<ChildStdin>,
    }

    impl Server {
        pub async fn start(mut command: Command) -> std::io::Result<Server> {
            command.stdin(std::process::Stdio::piped()).kill_on_drop(true);
            let mut child = command.spawn()?;
            let input = BufWriter::new(child.stdin.take().unwrap());
            Ok(Server { child, input })
        }

        pub async fn send(&mut self, line: &str) -> std::io::Result<()> {
            self.input.write_all(line.as_bytes()).await?;
            self.input.flush().await
        }

        pub async fn finish(&mut self) -> std::io::Result<std::process::ExitStatus> {
            self.child.wait().await //~ child_stdin_not_closed
        }
    }
}

fn main() {
    let mut worker = WorkerProcess::spawn("worker");
    println!("{}", worker.request("{\"ping\":1}"));
    println!("{:?}", worker.shutdown());
}
