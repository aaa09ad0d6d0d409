// Tokens and trackers in private fields that the struct settles or shares: a `stop` that
// cancels, a token handed out by `clone()` (its holder may cancel it), a token given by the
// caller (who keeps a handle), a `Drop` that cancels, a pool that closes before waiting,
// and a tracker never waited for.
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub struct Stoppable {
    token: CancellationToken,
}

impl Stoppable {
    pub fn new() -> Self {
        Stoppable { token: CancellationToken::new() }
    }

    pub async fn run(&self) {
        self.token.cancelled().await;
    }

    pub fn stop(&self) {
        self.token.cancel();
    }
}

pub struct Shared {
    token: CancellationToken,
}

impl Shared {
    pub fn new() -> Self {
        Shared { token: CancellationToken::new() }
    }

    pub async fn run(&self) {
        self.token.cancelled().await;
    }

    pub fn handle(&self) -> CancellationToken {
        self.token.clone()
    }
}

pub struct Given {
    token: CancellationToken,
}

impl Given {
    pub fn new(token: CancellationToken) -> Self {
        Given { token }
    }

    pub async fn run(&self) {
        self.token.cancelled().await;
    }
}

pub struct Guarded {
    token: CancellationToken,
}

impl Guarded {
    pub fn new() -> Self {
        Guarded { token: CancellationToken::new() }
    }

    pub async fn run(&self) {
        self.token.cancelled().await;
    }
}

impl Drop for Guarded {
    fn drop(&mut self) {
        self.token.cancel();
    }
}

pub struct Pool {
    tracker: TaskTracker,
}

impl Pool {
    pub fn new() -> Self {
        Pool { tracker: TaskTracker::new() }
    }

    pub async fn shutdown(&self) {
        self.tracker.close();
        self.tracker.wait().await;
    }
}

pub struct Spawner {
    tracker: TaskTracker,
}

impl Spawner {
    pub fn new() -> Self {
        Spawner { tracker: TaskTracker::new() }
    }

    pub fn spawn(&self) {
        self.tracker.spawn(async {});
    }
}
