// A local `struct Command` with its own `spawn` method is not `std::process::Command`:
// nothing here is a std child, no report. (Also: a `use` of std elsewhere in the file does
// not make this `Command` std's.)
use std::process::Stdio;

pub struct Command {
    name: String,
    args: Vec<String>,
}

pub struct Job {
    id: u64,
}

impl Command {
    pub fn new(name: &str) -> Self {
        Command { name: name.to_string(), args: Vec::new() }
    }

    pub fn arg(&mut self, a: &str) -> &mut Self {
        self.args.push(a.to_string());
        self
    }

    pub fn spawn(&self) -> Result<Job, String> {
        Ok(Job { id: self.args.len() as u64 })
    }
}

pub fn enqueue() -> Result<u64, String> {
    Command::new("backup").arg("--full").spawn()?;
    let _ = Command::new("vacuum").spawn();
    let job = Command::new("reindex").spawn()?;
    let _null = Stdio::null();
    Ok(job.id)
}
