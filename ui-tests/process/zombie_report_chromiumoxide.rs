// Shapes of mattsse/chromiumoxide#121 and #131 (std `Child` of the chromium process).
// #121: `Browser`'s `Drop` killed chromium (`child.kill().expect("!kill")`) and never
// waited: the `Drop` kills the child the struct holds in a field and never waits for it;
// `screenshot_once` has the same kill-without-wait in the function that spawns. #131: `launch` spawned chromium and then
// used `?` (timeout reading the websocket URL) before the child was stored in the
// `Browser`: lost on those `?` paths, "not on all paths".
use std::io::{self, BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStderr, Command, Stdio};

pub struct Browser {
    child: Option<Child>,
    debug_ws_url: String,
}

#[derive(Debug)]
pub enum CdpError {
    Io(io::Error),
    NoStderr,
    Timeout,
}

impl From<io::Error> for CdpError {
    fn from(e: io::Error) -> Self {
        CdpError::Io(e)
    }
}

pub fn screenshot_once(exe: &Path, url: &str) -> io::Result<String> {
    let mut child = Command::new(exe) //~ zombie_child
        .arg("--headless")
        .arg("--remote-debugging-port=0")
        .arg(url)
        .stderr(Stdio::piped())
        .spawn()?;
    let stderr = child.stderr.take().expect("no stderr");
    let ws = read_debug_url(stderr);
    child.kill().expect("!kill");
    Ok(ws)
}

pub fn launch(exe: &Path) -> Result<Browser, CdpError> {
    let mut child = Command::new(exe) //~ zombie_child
        .arg("--headless")
        .arg("--remote-debugging-port=0")
        .stderr(Stdio::piped())
        .spawn()?;
    let stderr = child.stderr.take().ok_or(CdpError::NoStderr)?;
    let debug_ws_url = read_debug_url_with_timeout(stderr, 20)?;
    Ok(Browser { child: Some(child), debug_ws_url })
}

impl Drop for Browser {
    fn drop(&mut self) {
        // The #121 bug itself.
        if let Some(child) = self.child.as_mut() {
            child.kill().expect("!kill"); //~ zombie_child
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

fn read_debug_url_with_timeout(stderr: ChildStderr, secs: u64) -> Result<String, CdpError> {
    let _ = secs;
    Ok(read_debug_url(stderr))
}
