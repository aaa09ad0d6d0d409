//! Bodies whose shape once made the engine's time grow faster than their size: loops
//! nested a dozen deep (exponential), and long chains or deep nests of `.await`, `?`,
//! blocks and macros (quadratic). Each must scan well within a time limit that the old
//! engine overran by far, and report nothing it cannot stand behind.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use stray::config::Config;
use stray::scan::{self, Input};

/// The old engine took 10 s to a minute on each of these (debug build, loaded machine);
/// the new one takes under a second. The limit is loose so that load does not fail it.
const LIMIT: Duration = Duration::from_secs(6);

fn scan_in_time(name: &str, text: String) -> usize {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("lib.rs");
    std::fs::write(&path, text).expect("write the file");
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let input = Input {
                path: path.clone(),
                display: "lib.rs".into(),
            };
            let config = Config {
                jobs: Some(1),
                ..Config::default()
            };
            let report = scan::scan(vec![input], Vec::new(), &config);
            let _ = tx.send((report.findings.len(), report.problems.len()));
        })
        .expect("spawn the scan");
    match rx.recv_timeout(LIMIT) {
        Ok((findings, problems)) => {
            assert_eq!(problems, 0, "{name}: not analysed");
            findings
        }
        Err(_) => panic!("{name}: the scan did not end within {LIMIT:?}"),
    }
}

fn nest(depth: usize, open: &str, close: &str, inner: &str) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn loops_nested_deep_with_a_token_in_each() {
    let open = "loop { let t = CancellationToken::new(); if q() { ";
    let body = nest(17, open, "} }\n", "break;");
    let text = format!(
        "use tokio_util::sync::CancellationToken;\nfn q() -> bool {{ true }}\nfn f() {{\n{body}}}\n"
    );
    scan_in_time("nested loops", text);
}

#[test]
fn a_long_await_chain() {
    let chain = ".await".repeat(5000);
    let text = format!(
        "use tokio_util::sync::CancellationToken;\nasync fn f() {{\n    let t = CancellationToken::new();\n    let x = t.cancelled(){chain};\n}}\n"
    );
    scan_in_time("await chain", text);
}

#[test]
fn a_long_question_mark_chain() {
    let chain = "?".repeat(15000);
    let text = format!(
        "use std::process::Command;\nfn f() -> Option<()> {{\n    let c = Command::new(\"x\").spawn().ok(){chain};\n    None\n}}\n"
    );
    scan_in_time("? chain", text);
}

#[test]
fn blocks_nested_deep() {
    let body = nest(3000, "{ let v = ", "; v }", "Command::new(\"x\").spawn()");
    let text = format!("use std::process::Command;\nfn f() {{\n    let _c = {body};\n}}\n");
    scan_in_time("nested blocks", text);
}

#[test]
fn select_macros_nested_deep() {
    let body = nest(2000, "tokio::select! { v = ", " => v }", "t.cancelled()");
    let text = format!(
        "use tokio_util::sync::CancellationToken;\nasync fn f(t: CancellationToken) {{\n    {body};\n}}\n"
    );
    scan_in_time("nested select!", text);
}

#[test]
fn format_macros_nested_deep() {
    let body = nest(3500, "format!(\"{}\", ", ")", "child.id()");
    let text = format!(
        "use std::process::Command;\nfn f() {{\n    let child = Command::new(\"x\").spawn().unwrap();\n    let _s = {body};\n}}\n"
    );
    scan_in_time("nested format!", text);
}
