// guard_dropped_immediately: a semaphore permit tested and dropped in one go: the work
// it was to limit runs without it. A `match` or `if let` on the result holds the permit
// for the arm (the scrutinee lives to the end of the `match`); a condition, a `let`
// statement and a `let .. else` drop it at once.
use std::sync::Arc;

use tokio::sync::Semaphore;

pub fn admit(slots: &Semaphore) -> bool {
    if slots.try_acquire().is_ok() { //~ guard_dropped_immediately
        handle_request();
        return true;
    }
    false
}

pub fn admit_owned(slots: Arc<Semaphore>) {
    let busy = slots.try_acquire_owned().is_err(); //~ guard_dropped_immediately
    if !busy {
        handle_request();
    }
}

pub fn admit_or_leave(slots: &Semaphore) {
    let Ok(_) = slots.try_acquire() else { //~ guard_dropped_immediately
        return;
    };
    handle_request();
}

pub fn held(slots: &Semaphore) {
    match slots.try_acquire() {
        Ok(_) => handle_request(),
        Err(_) => {}
    }
    if let Ok(_) = slots.try_acquire() {
        handle_request();
    }
    let Ok(_permit) = slots.try_acquire() else {
        return;
    };
    handle_request();
}

fn handle_request() {}
