// Workers whose stdin is kept in a field of its own and closed before the wait: dropped
// out of an `Option` field, dropped from a struct taken by value, destructured; and a
// struct whose stdin field came from another child than the one it waits for.
use std::io::Write;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};

struct Optional {
    child: Child,
    stdin: Option<ChildStdin>,
}

impl Optional {
    fn spawn() -> std::io::Result<Self> {
        let mut child = Command::new("sort").stdin(Stdio::piped()).spawn()?;
        let stdin = child.stdin.take();
        Ok(Optional { child, stdin })
    }

    fn finish(&mut self) -> std::io::Result<ExitStatus> {
        drop(self.stdin.take());
        self.child.wait()
    }
}

struct ByValue {
    child: Child,
    stdin: ChildStdin,
}

impl ByValue {
    fn spawn() -> std::io::Result<Self> {
        let mut child = Command::new("cat").stdin(Stdio::piped()).spawn()?;
        let stdin = child.stdin.take().unwrap();
        Ok(ByValue { child, stdin })
    }

    fn feed(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.stdin.write_all(data)
    }

    fn finish(mut self) -> std::io::Result<ExitStatus> {
        drop(self.stdin);
        self.child.wait()
    }
}

struct Destructured {
    child: Child,
    stdin: ChildStdin,
}

impl Destructured {
    fn spawn() -> std::io::Result<Self> {
        let mut child = Command::new("gzip").stdin(Stdio::piped()).spawn()?;
        let stdin = child.stdin.take().unwrap();
        Ok(Destructured { child, stdin })
    }

    fn finish(self) -> std::io::Result<ExitStatus> {
        let Destructured { mut child, stdin } = self;
        drop(stdin);
        child.wait()
    }
}

struct Pipeline {
    last: Child,
    head: ChildStdin,
}

impl Pipeline {
    fn spawn() -> std::io::Result<Self> {
        let mut first = Command::new("tr").stdin(Stdio::piped()).spawn().expect("tr");
        let last = Command::new("wc").spawn().expect("wc");
        let head = first.stdin.take().unwrap();
        std::mem::forget(first);
        Ok(Pipeline { last, head })
    }

    fn finish(&mut self) -> std::io::Result<ExitStatus> {
        self.head.flush()?;
        self.last.wait()
    }
}

fn main() {
    Optional::spawn().unwrap().finish().unwrap();
    let mut b = ByValue::spawn().unwrap();
    b.feed(b"x").unwrap();
    b.finish().unwrap();
    Destructured::spawn().unwrap().finish().unwrap();
    Pipeline::spawn().unwrap().finish().unwrap();
}
