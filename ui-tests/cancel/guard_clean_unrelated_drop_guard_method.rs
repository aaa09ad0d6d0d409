pub struct Lease {
    id: u64,
}

pub struct ReleaseOnDrop<'a>(&'a Lease);

impl Lease {
    pub fn drop_guard(&self) -> ReleaseOnDrop<'_> {
        ReleaseOnDrop(self)
    }
}

pub fn touch(lease: &Lease, pool: &Pool) {
    // Same method name, but the receiver is not known to be a `CancellationToken`.
    let _ = lease.drop_guard();
    lease.drop_guard();
    let _ = pool.current().drop_guard();
}
