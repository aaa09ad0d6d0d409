#[cfg(unix)]
mod unix;
#[cfg(windows)]
mod windows;

#[cfg(unix)]
pub use unix::run_update;
#[cfg(windows)]
pub use windows::run_update;
