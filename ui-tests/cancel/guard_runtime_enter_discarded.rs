// guard_dropped_immediately: a tokio runtime entered with the guard bound to `_`: the
// context is left at once, so the `tokio::spawn` after it panics with "there is no
// reactor running".
use tokio::runtime::{Builder, Handle, Runtime};

pub fn start_background(rt: &Runtime) {
    let _ = rt.enter(); //~ guard_dropped_immediately
    tokio::spawn(async {});
}

pub fn build_and_enter() -> std::io::Result<Runtime> {
    let rt = Builder::new_multi_thread().enable_all().build()?;
    let _ = rt.enter(); //~ guard_dropped_immediately
    tokio::spawn(async {});
    Ok(rt)
}

pub fn from_a_handle(handle: Handle) {
    _ = handle.enter(); //~ guard_dropped_immediately
    tokio::spawn(async {});
}

pub fn kept(rt: &Runtime) {
    let _guard = rt.enter();
    tokio::spawn(async {});
    let _current = Handle::current().enter();
}
