// child_stdin_not_closed, quiet: the taken stdin is handed by value to a function, which
// owns it and drops it when it returns; the binding is moved out before the wait.
use std::io::{self, Write};
use std::process::{ChildStdin, Command, ExitStatus, Stdio};

fn feed(mut stdin: ChildStdin, records: &[String]) -> io::Result<()> {
    for record in records {
        writeln!(stdin, "{record}")?;
    }
    Ok(())
}

fn load(records: &[String]) -> ExitStatus {
    let mut child = Command::new("psql")
        .args(["-c", "COPY items FROM STDIN"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("spawn psql");
    let stdin = child.stdin.take().expect("stdin is piped");
    feed(stdin, records).expect("write records");
    child.wait().expect("wait for psql")
}
