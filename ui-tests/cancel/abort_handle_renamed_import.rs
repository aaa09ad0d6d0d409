// abort_handle_unused: `abortable` imported under another name.
use futures::future::abortable as make_abortable;

pub fn spawn_indexer(root: String) {
    let (indexer, _) = make_abortable(index(root)); //~ abort_handle_unused
    tokio::spawn(indexer);
}

async fn index(_root: String) {}
