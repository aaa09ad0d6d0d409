// Children pushed into a local `Vec` that is dropped at the end of the function without
// any child being waited on: every one of them becomes a zombie. Reading `id()` through a
// shared borrow does not settle anything. The report starts at the `spawn()` whose child
// goes into the collection.
use std::process::Command;

pub fn start_workers(count: usize) {
    let mut children = Vec::new();
    for i in 0..count {
        children.push(Command::new("worker").arg(i.to_string()).spawn().expect("spawn worker")); //~ zombie_child
    }
    println!("started {} workers", children.len());
}

pub fn start_jobs(jobs: &[&str]) {
    let mut children = Vec::with_capacity(jobs.len());
    for job in jobs {
        let child = Command::new("sh").arg("-c").arg(job).spawn().expect("spawn job"); //~ zombie_child
        children.push(child);
    }
    for child in &children {
        println!("job pid {}", child.id());
    }
}
