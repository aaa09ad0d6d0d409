// Shapes of the fixes in mattsse/chromiumoxide#121 (wait after kill) and #131 (on a
// failure after the spawn, kill and wait the child before returning the error; on success
// the child is stored in the `Browser`, whose `wait` reaps it). No report.
use std::io::{self, BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStderr, Command, Stdio};

pub struct Browser {
    child: Option<Child>,
    debug_ws_url: String,
}

impl Browser {
    pub fn wait(&mut self) -> io::Result<Option<std::process::ExitStatus>> {
        if let Some(child) = self.child.as_mut() {
            Ok(Some(child.wait()?))
        } else {
            Ok(None)
        }
    }
}

#[derive(Debug)]
pub enum CdpError {
    Io(io::Error),
    NoStderr,
}

impl From<io::Error> for CdpError {
    fn from(e: io::Error) -> Self {
        CdpError::Io(e)
    }
}

pub fn screenshot_once(exe: &Path, url: &str) -> io::Result<String> {
    let mut child = Command::new(exe)
        .arg("--headless")
        .arg("--remote-debugging-port=0")
        .arg(url)
        .stderr(Stdio::piped())
        .spawn()?;
    let stderr = child.stderr.take().expect("no stderr");
    let ws = read_debug_url(stderr);
    child.kill().expect("!kill");
    child.wait().expect("!wait");
    Ok(ws)
}

pub fn launch(exe: &Path) -> Result<Browser, CdpError> {
    let mut child = Command::new(exe)
        .arg("--headless")
        .arg("--remote-debugging-port=0")
        .stderr(Stdio::piped())
        .spawn()?;
    match child.stderr.take().ok_or(CdpError::NoStderr) {
        Ok(stderr) => {
            let debug_ws_url = read_debug_url(stderr);
            Ok(Browser { child: Some(child), debug_ws_url })
        }
        Err(e) => {
            let _ = child.kill();
            let _ = child.wait();
            Err(e)
        }
    }
}

fn read_debug_url(stderr: ChildStderr) -> String {
    let mut buf = BufReader::new(stderr);
    let mut line = String::new();
    loop {
        line.clear();
        if buf.read_line(&mut line).is_ok() {
            if let Some(ws) = line.rsplit("listening on ").next() {
                if ws.starts_with("ws") && ws.contains("devtools/browser") {
                    return ws.trim().to_string();
                }
            }
        }
    }
}
