// child_stdin_not_closed: one child per document; in each iteration the taken stdin is
// alive until the end of the loop body, after `wait()`. `wc` counts until EOF, so the
// first iteration already hangs.
use std::io::Write;
use std::process::{Command, ExitStatus, Stdio};

fn word_counts(docs: &[String]) -> Vec<ExitStatus> {
    let mut statuses = Vec::new();
    for doc in docs {
        let mut child = Command::new("wc")
            .arg("-w")
            .stdin(Stdio::piped())
            .spawn()
            .expect("spawn wc");
        let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
        stdin.write_all(doc.as_bytes()).expect("write document");
        statuses.push(child.wait().expect("wait for wc"));
    }
    statuses
}
