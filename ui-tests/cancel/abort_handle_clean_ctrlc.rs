// abort_handle_unused (quiet): the handle is moved into a closure registered with
// `ctrlc::set_handler`, which aborts it.
use futures::future::abortable;

fn main() {
    let (server, handle) = abortable(serve());
    ctrlc::set_handler(move || handle.abort()).expect("set ctrl-c handler");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let _ = rt.block_on(server);
}

async fn serve() {}
