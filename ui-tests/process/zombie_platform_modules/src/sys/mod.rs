#[cfg(unix)]
mod unix;
#[cfg(windows)]
mod windows;

#[cfg(unix)]
pub use unix::run_update;
#[cfg(windows)]
pub use windows::run_update;

// Windows-only by what it imports (uv-windows's spawn.rs): `std::os::windows` exists only
// there.
#[cfg(windows)]
mod job;
