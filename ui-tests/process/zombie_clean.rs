// Children that are waited for on every path, or handed to someone else: no finding.
use std::io;
use std::process::{Child, Command};

fn both_branches(fast: bool) {
    let mut child = Command::new("ls").spawn().unwrap();
    if fast {
        child.wait().unwrap();
    } else {
        child.kill().unwrap();
        child.wait().unwrap();
    }
}

fn waited_in_a_thread() {
    let mut child = Command::new("ls").spawn().unwrap();
    std::thread::spawn(move || child.wait());
}

fn returned() -> Child {
    Command::new("ls").spawn().unwrap()
}

fn returned_in_ok() -> io::Result<Child> {
    let child = Command::new("ls").spawn()?;
    Ok(child)
}

struct Supervisor {
    child: Child,
}

fn stored(s: &mut Supervisor) {
    s.child = Command::new("ls").spawn().unwrap();
}

fn all_waited() {
    let mut children = Vec::new();
    for _ in 0..3 {
        children.push(Command::new("ls").spawn().unwrap());
    }
    for child in &mut children {
        child.wait().unwrap();
    }
}

fn if_let() {
    if let Ok(mut child) = Command::new("ls").spawn() {
        child.wait().unwrap();
    }
}

fn matched() -> io::Result<()> {
    let mut child = match Command::new("ls").spawn() {
        Ok(child) => child,
        Err(e) => return Err(e),
    };
    child.wait()?;
    Ok(())
}

fn let_else() -> io::Result<()> {
    let Ok(mut child) = Command::new("ls").spawn() else {
        return Ok(());
    };
    child.wait()?;
    Ok(())
}

fn exits_right_after() {
    let _child = Command::new("ls").spawn().unwrap();
    std::process::exit(0);
}

fn panics_on_the_other_path(ok: bool) {
    let mut child = Command::new("ls").spawn().unwrap();
    if !ok {
        panic!("bad state");
    }
    child.wait().unwrap();
}

fn aliased_and_borrowed() {
    let child = Command::new("ls").spawn().unwrap();
    let mut moved = child;
    let r = &mut moved;
    r.wait().unwrap();
}

fn handed_to_a_function() {
    let mut child = Command::new("ls").spawn().unwrap();
    supervise(&mut child);
}

fn wait_with_output() -> io::Result<()> {
    let child = Command::new("ls").spawn()?;
    let out = child.wait_with_output()?;
    println!("{}", out.status);
    Ok(())
}

fn waited_inside_dbg() {
    let mut child = Command::new("ls").spawn().unwrap();
    dbg!(child.wait().unwrap());
}

fn output_needs_no_wait() {
    let out = Command::new("ls").output().unwrap();
    println!("{}", out.status);
}

fn tokio_children_are_reaped_by_tokio() {
    let _child = tokio::process::Command::new("ls").spawn().unwrap();
}

fn try_wait_loop() {
    let mut child = Command::new("ls").spawn().unwrap();
    loop {
        if let Ok(Some(_status)) = child.try_wait() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
