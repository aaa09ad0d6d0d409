// abort_handle_unused: named by full path, no `use`. The primary span is the call
// expression; here it starts on the line with the path.
pub fn watch(dir: std::path::PathBuf) {
    let (handle, reg) = futures::future::AbortHandle::new_pair(); //~ abort_handle_unused
    let watcher = futures::future::Abortable::new(watch_dir(dir), reg);
    tokio::spawn(watcher);
    println!("watching ({:?})", handle.is_aborted());
}

pub fn watch_twice(dir: std::path::PathBuf) {
    let (fut, _) =
        futures::future::abortable(watch_dir(dir)); //~ abort_handle_unused
    tokio::spawn(fut);
}

async fn watch_dir(_dir: std::path::PathBuf) {}
