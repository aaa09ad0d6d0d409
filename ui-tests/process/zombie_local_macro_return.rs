// A `macro_rules!` of the file is expanded where it is invoked: a `return` in its body is
// an exit at the invocation. This one turns an error into an early return, so the child
// spawned before its second use is left behind on that path.
use std::io::Read;
use std::process::Command;

macro_rules! try_or_report {
    ($res:expr) => {
        match $res {
            Ok(value) => value,
            Err(e) => {
                eprintln!("capture failed: {e}");
                return None;
            }
        }
    };
}

pub fn capture(bin: &str, input: &mut impl Read) -> Option<String> {
    let mut child = try_or_report!(Command::new(bin).arg("--batch").spawn()); //~ zombie_child
    let mut text = String::new();
    try_or_report!(input.read_to_string(&mut text));
    child.wait().ok()?;
    Some(text)
}
