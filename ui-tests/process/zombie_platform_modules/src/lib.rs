// zombie_child across platform modules: the Unix half leaves a child unwaited and is
// reported; the Windows half, a module compiled only there (`#[cfg(windows)] mod
// windows;`), does the same and is not: a Windows process leaves no zombie (rustup's
// self-update shape), nor is one that imports `std::os::windows` (uv-windows).
pub mod sys;
