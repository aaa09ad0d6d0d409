// abort_handle_unused (quiet): `tokio::task::AbortHandle` from `JoinHandle::abort_handle()`
// is a different type, and `new_pair`/`abortable` are not involved; not this lint.
use tokio::task::AbortHandle;

pub fn spawn_detached() -> usize {
    let join = tokio::spawn(async {});
    let _: AbortHandle = join.abort_handle();
    let handle = tokio::spawn(async {}).abort_handle();
    drop(handle);
    0
}
