// A resource declared in the case's settings (user_resource.toml) goes through the same
// engine as the built-in ones: never released, released on some paths only (the finding
// names the path), handed off, and released everywhere.
mod pool {
    pub struct Pool;
    pub struct Lease;
    impl Pool {
        pub fn lease(&self) -> Lease {
            Lease
        }
    }
    impl Lease {
        pub fn acquire() -> Result<Lease, String> {
            Ok(Lease)
        }
        pub fn id(&self) -> u32 {
            1
        }
        pub fn renew(&mut self) -> Result<(), String> {
            Ok(())
        }
        pub fn release(self) {}
    }
}

use pool::{Lease, Pool};

fn never_released() -> Result<u32, String> {
    let lease = Lease::acquire()?; //~ resource_not_released
    Ok(lease.id())
}

fn not_on_the_error_path(pool: &Pool) -> Result<(), String> {
    let mut lease = pool.lease(); //~ resource_not_released
    lease.renew()?;
    lease.release();
    Ok(())
}

fn released_everywhere(pool: &Pool, fast: bool) {
    let lease = pool.lease();
    if fast {
        lease.release();
    } else {
        println!("{}", lease.id());
        lease.release();
    }
}

fn handed_off(store: &mut Vec<Lease>) -> Result<(), String> {
    let lease = Lease::acquire()?;
    store.push(lease);
    Ok(())
}

fn returned() -> Result<Lease, String> {
    let lease = Lease::acquire()?;
    Ok(lease)
}
