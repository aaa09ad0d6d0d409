// The std `Command` reached through a renamed import (`Command as Cmd`), a module import
// (`use std::process; process::Command`), or a glob import (`use std::process::*`; std's
// here because nothing else in the file provides a `Command`). All are std children.
mod renamed {
    use std::process::Command as Cmd;

    pub fn start() -> std::io::Result<()> {
        let child = Cmd::new("ssh-agent").spawn()?; //~ zombie_child
        println!("agent {}", child.id());
        Ok(())
    }
}

mod module_path {
    use std::process;

    pub fn start() -> std::io::Result<()> {
        process::Command::new("ssh-agent").spawn()?; //~ zombie_child
        Ok(())
    }
}

mod glob {
    use std::process::*;

    pub fn start() -> std::io::Result<()> {
        let _ = Command::new("ssh-agent").stdout(Stdio::null()).spawn(); //~ zombie_child
        Ok(())
    }
}
