use tokio_util::sync::{CancellationToken, DropGuard};
use tokio_util::task::AbortOnDropHandle;

pub struct Service {
    _guard: DropGuard,
    task: AbortOnDropHandle<()>,
}

impl Service {
    pub fn start(token: CancellationToken) -> Self {
        let worker = token.child_token();
        Self {
            _guard: token.drop_guard(),
            task: AbortOnDropHandle::new(tokio::spawn(run(worker))),
        }
    }

    pub fn restart(&mut self, token: CancellationToken) {
        self._guard = token.drop_guard();
    }
}
