// child_stdin_not_closed and zombie_child, quiet: input written with `writeln!` through
// `child.stdin.as_mut()`, then stdin closed before stdout is read to its end (by
// `wait_with_output()`, or by dropping what `take()` gives); or a line protocol that reads
// one answer line per request and never reads to the end.
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

fn set_password(user: &str, password: &str) -> io::Result<bool> {
    let mut child = Command::new("passwd")
        .arg(user)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    writeln!(child.stdin.as_mut().unwrap(), "{password}\n{password}")?;
    let output = child.wait_with_output()?;
    Ok(output.status.success())
}

fn request(line: &str) -> io::Result<String> {
    let mut child = Command::new("server")
        .arg("--stdio")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    writeln!(child.stdin.as_mut().unwrap(), "{line}")?;
    drop(child.stdin.take());
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out)?;
    child.wait()?;
    Ok(out)
}

fn ask(questions: &[&str]) -> io::Result<Vec<String>> {
    let mut child = Command::new("oracle")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut answers = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut replies = Vec::new();
    for q in questions {
        writeln!(child.stdin.as_mut().unwrap(), "{q}")?;
        let mut reply = String::new();
        answers.read_line(&mut reply)?;
        replies.push(reply);
    }
    drop(child.stdin.take());
    child.wait()?;
    Ok(replies)
}
