use tokio_util::task::AbortOnDrop;

pub fn watch(config: Config) {
    let handle = tokio::spawn(reload_on_change(config));
    AbortOnDrop::new(handle); //~ guard_dropped_immediately
}
