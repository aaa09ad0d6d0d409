use tokio_util::task::{AbortOnDrop, AbortOnDropHandle};

pub fn start(config: Config) -> AbortOnDrop {
    // Detached: the task runs on without the handle.
    AbortOnDropHandle::new(tokio::spawn(metrics_exporter())).detach();
    let _reload = AbortOnDropHandle::new(tokio::spawn(reload_on_change(config.clone())));
    let watcher = AbortOnDrop::new(tokio::spawn(watch(config)));
    watcher
}
