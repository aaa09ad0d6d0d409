// The spawn result is matched directly, but the arm holding the child only logs it: the
// child is dropped at the end of the arm without a wait. The report starts at the spawn
// inside the scrutinee.
use std::process::Command;

pub fn open_url(url: &str) {
    match Command::new("xdg-open").arg(url).spawn() { //~ zombie_child
        Ok(child) => println!("opened {url} in {}", child.id()),
        Err(e) => eprintln!("cannot open {url}: {e}"),
    }
}

pub fn open_file(path: &str) {
    if let Ok(child) = Command::new("xdg-open").arg(path).spawn() { //~ zombie_child
        eprintln!("xdg-open pid {}", child.id());
    }
}
