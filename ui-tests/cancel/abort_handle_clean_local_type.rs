// abort_handle_unused (quiet): `AbortHandle` and `abortable` here are this crate's own,
// not futures'; nothing ties them to the futures API.
pub struct AbortHandle;
pub struct Registration;

impl AbortHandle {
    pub fn new_pair() -> (AbortHandle, Registration) {
        (AbortHandle, Registration)
    }
}

pub fn abortable<F>(f: F) -> (F, AbortHandle) {
    (f, AbortHandle)
}

pub fn setup() {
    let (_, _reg) = AbortHandle::new_pair();
    let (_f, _) = abortable(async {});
}
