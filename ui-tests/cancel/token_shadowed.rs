use tokio_util::sync::CancellationToken;

pub fn shadowed(token: CancellationToken, registry: &Registry) {
    let _ = token.clone().drop_guard(); //~ guard_dropped_immediately
    // From here on `token` is something else: its `drop_guard` is not tokio-util's.
    let token = registry.lease();
    let _ = token.drop_guard();
}

pub fn shadowed_in_block(token: CancellationToken) {
    {
        let token = Lease;
        token.drop_guard();
    }
    // The shadowing ended with the block.
    token.drop_guard(); //~ guard_dropped_immediately
}

pub fn shadowed_by_closure_parameter(token: CancellationToken, leases: Vec<Lease>) {
    leases.into_iter().for_each(|token| {
        let _ = token.drop_guard();
    });
    let _ = token.drop_guard(); //~ guard_dropped_immediately
}

pub fn shadowed_by_match(token: CancellationToken, lease: Option<Lease>) {
    match lease {
        Some(token) => {
            token.drop_guard();
        }
        None => {
            token.drop_guard(); //~ guard_dropped_immediately
        }
    }
}
