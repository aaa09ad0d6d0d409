// A statement macro of the file whose `let` binds a name the caller gives: the binding
// lives in the caller's block, to be waited there (or not). The macro's own `let`s are
// the macro's (hygiene): the caller's variable of the same name is another one.
use std::io;
use std::process::Command;

macro_rules! spawn_named {
    ($name:ident, $bin:expr) => {
        let mut $name = Command::new($bin).spawn()?;
    };
}

macro_rules! run_quietly {
    ($bin:expr) => {
        let mut child = Command::new($bin).spawn()?;
        child.wait()?;
    };
}

pub fn waited_by_the_caller() -> io::Result<()> {
    spawn_named!(server, "server");
    println!("server pid {}", server.id());
    server.wait()?;
    Ok(())
}

pub fn never_waited() -> io::Result<()> {
    spawn_named!(server, "server"); //~ zombie_child
    println!("server pid {}", server.id());
    Ok(())
}

pub fn own_binding(child: &mut std::process::Child) -> io::Result<()> {
    run_quietly!("true");
    child.wait()?;
    Ok(())
}
