// child_stdin_not_closed, quiet: the child and its taken stdin are stored in a struct
// and returned; the caller owns both and decides when to close stdin.
use std::io::{self, BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

pub struct Calculator {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Calculator {
    pub fn start() -> io::Result<Calculator> {
        let mut child = Command::new("bc")
            .arg("-q")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take().expect("stdin is piped");
        let stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        Ok(Calculator { child, stdin, stdout })
    }

    pub fn eval(&mut self, expr: &str) -> io::Result<String> {
        writeln!(self.stdin, "{expr}")?;
        let mut line = String::new();
        self.stdout.read_line(&mut line)?;
        Ok(line.trim().to_string())
    }

    pub fn finish(mut self) -> io::Result<()> {
        drop(self.stdin);
        self.child.wait()?;
        Ok(())
    }
}
