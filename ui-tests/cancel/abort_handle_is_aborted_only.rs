// abort_handle_unused: the handle is only asked `is_aborted()`, which is neutral; nothing
// ever calls `abort()`, so the answer is always `false`.
use futures::future::{AbortHandle, Abortable, Aborted};

pub async fn compute(input: Vec<u64>) -> Result<u64, Aborted> {
    let (handle, reg) = AbortHandle::new_pair(); //~ abort_handle_unused
    let result = Abortable::new(async move { input.iter().sum::<u64>() }, reg).await;
    if handle.is_aborted() {
        eprintln!("computation aborted");
    }
    result
}
