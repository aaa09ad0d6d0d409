use tokio_util::sync::CancellationToken;

pub fn on_shutdown(token: CancellationToken, hooks: &mut Vec<Box<dyn FnMut()>>) {
    let cloned = token.clone();
    hooks.push(Box::new(move || {
        let _ = cloned.drop_guard_ref(); //~ guard_dropped_immediately
    }));
    let typed = |t: &CancellationToken| {
        t.child_token().drop_guard(); //~ guard_dropped_immediately
    };
    typed(&token);
}
