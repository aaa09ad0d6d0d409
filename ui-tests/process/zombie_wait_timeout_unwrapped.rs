// Tests that wait with a timeout and unwrap both levels of what `wait_timeout` gives
// (`io::Result<Option<ExitStatus>>`), directly or through a local `t!` macro: past the
// second `unwrap`/`expect`, the child exited (it panics otherwise). `not_waited` unwraps
// the `Result` only: on a timeout the child is never waited.
use std::process::{Child, Command};
use std::time::Duration;

use wait_timeout::ChildExt;

macro_rules! t {
    ($e:expr) => {
        match $e {
            Ok(e) => e,
            Err(e) => panic!("{} failed with {}", stringify!($e), e),
        }
    };
}

fn sleeper(ms: u32) -> Child {
    Command::new("sleep").arg(ms.to_string()).spawn().unwrap()
}

#[test]
fn through_a_macro() {
    let mut child = sleeper(0);
    let status = t!(child.wait_timeout(Duration::from_secs(1))).expect("exited");
    assert!(status.success());
}

#[test]
fn directly() {
    let mut child = sleeper(0);
    let status = child.wait_timeout(Duration::from_secs(1)).unwrap().unwrap();
    assert!(status.success());
}

#[test]
fn not_waited() {
    let mut child = sleeper(0); //~ zombie_child
    let status = child.wait_timeout(Duration::from_secs(1)).unwrap();
    println!("{status:?}");
}
