// Inside a loop, `continue` and `break` leave the iteration's scope: a child spawned in
// the iteration and waited only further down is lost on that path ("not on all paths",
// the `continue`/`break` path). The third function waits before `continue`: no report.
use std::io;
use std::path::PathBuf;
use std::process::Command;

pub fn convert_all(images: &[PathBuf]) -> io::Result<()> {
    for image in images {
        let mut child = Command::new("convert").arg(image).arg("-resize").arg("50%").spawn()?; //~ zombie_child
        if image.extension().is_some_and(|e| e == "svg") {
            continue;
        }
        child.wait()?;
    }
    Ok(())
}

pub fn ping_until_reachable(hosts: &[String]) -> io::Result<Option<String>> {
    let mut found = None;
    for host in hosts {
        let mut child = Command::new("ping").arg("-c1").arg(host).spawn()?; //~ zombie_child
        if host.ends_with(".local") {
            found = Some(host.clone());
            break;
        }
        child.wait()?;
    }
    Ok(found)
}

pub fn convert_all_waiting_first(images: &[PathBuf]) -> io::Result<()> {
    for image in images {
        let mut child = Command::new("convert").arg(image).arg("-resize").arg("50%").spawn()?;
        if image.extension().is_some_and(|e| e == "svg") {
            child.wait()?;
            continue;
        }
        child.wait()?;
    }
    Ok(())
}
