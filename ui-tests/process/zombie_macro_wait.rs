// The wait happens inside a macro whose arguments are expressions (`dbg!`, `assert!`,
// `println!`, `write!`): the macro arguments are analysed like code, the child is settled.
use std::fmt::Write as _;
use std::io;
use std::process::Command;

pub fn debug_status() {
    let mut child = Command::new("true").spawn().unwrap();
    dbg!(child.wait());
}

pub fn assert_success() -> io::Result<()> {
    let mut child = Command::new("true").spawn()?;
    assert!(child.wait()?.success(), "true failed");
    Ok(())
}

pub fn print_status() -> io::Result<()> {
    let mut child = Command::new("true").spawn()?;
    println!("exit: {}", child.wait()?);
    Ok(())
}

pub fn report(out: &mut String) -> io::Result<()> {
    let mut child = Command::new("true").spawn()?;
    write!(out, "exit: {:?}", child.wait()?).expect("write to String");
    Ok(())
}
