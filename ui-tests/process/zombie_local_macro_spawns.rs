// A macro of the file that spawns a child: its invocation creates the child, followed
// like one spawned in place (the label is at the invocation). Killing it without a wait
// leaves a zombie; killing then waiting does not.
use std::process::{Command, Stdio};

macro_rules! start_sleeper {
    ($secs:literal) => {
        Command::new("sleep")
            .arg($secs)
            .stdout(Stdio::null())
            .spawn()
            .unwrap()
    };
}

pub fn kill_only() {
    let mut p = start_sleeper!("3"); //~ zombie_child
    println!("started {}", p.id());
    p.kill().expect("kill");
}

pub fn kill_and_wait() {
    let mut p = start_sleeper!("3");
    p.kill().expect("kill");
    let _ = p.wait();
}
