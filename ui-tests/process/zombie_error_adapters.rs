// Error-reporting crates wrap `spawn()`'s `Result` before the `?`: miette's
// `into_diagnostic()`, error-chain's `chain_err`, error-stack's `change_context`, and a
// project's own extension trait (`report()`, `non_fatal()`). The child comes through
// them to the `?`; a "log and drop" adapter used as a statement drops it there.
use std::process::{Child, Command};

use error_chain::ChainedError;
use miette::IntoDiagnostic;

trait ReportExt<T> {
    fn report(self) -> Result<T, String>;
    fn non_fatal(self);
}

impl<T, E: std::fmt::Display> ReportExt<T> for Result<T, E> {
    fn report(self) -> Result<T, String> {
        self.map_err(|e| e.to_string())
    }
    fn non_fatal(self) {
        if let Err(e) = self {
            eprintln!("warning: {e}");
        }
    }
}

pub fn preview(file: &str) -> miette::Result<()> {
    let child = Command::new("less").arg(file).spawn().into_diagnostic()?; //~ zombie_child
    println!("previewing in {}", child.id());
    Ok(())
}

pub fn render(file: &str) -> Result<(), String> {
    let mut child = Command::new("dot").arg(file).spawn().report()?;
    child.wait().report()?;
    Ok(())
}

pub fn notify(message: &str) {
    Command::new("notify-send").arg(message).spawn().non_fatal(); //~ zombie_child
}

pub fn compile(file: &str) -> error_chain::Result<Child> {
    let child = Command::new("cc").arg(file).spawn().chain_err(|| "spawning cc")?;
    Ok(child)
}

pub fn lint(file: &str) -> error_stack::Result<(), std::io::Error> {
    let mut child = Command::new("clippy-driver").arg(file).spawn().change_context(std::io::ErrorKind::Other.into())?;
    child.wait().attach_printable("waiting for clippy")?;
    let _ = ChainedError::display_chain;
    Ok(())
}
