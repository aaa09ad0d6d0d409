//! Guards whose drop does the work, beyond the cancellation family's: the values
//! `guard_dropped_immediately` finds discarded. Versions read: tracing 0.1.44, tokio
//! 1.54.1, async-task 4.7 and async-executor 1.13 (which smol re-exports).
//!
//! std's lock guards are rustc's `let_underscore_lock` (deny by default), and clippy's
//! `let_underscore_future` catches a future discarded without being awaited; neither
//! knows these types.

use super::{Entries, Function, Guard, KnownType, Method, Output};

const SPAN: &str = "tracing::Span";
const ENTERED: &str = "tracing::span::Entered";
const ENTERED_SPAN: &str = "tracing::span::EnteredSpan";
const MUTEX: &str = "tokio::sync::Mutex";
const MUTEX_GUARD: &str = "tokio::sync::MutexGuard";
const OWNED_MUTEX_GUARD: &str = "tokio::sync::OwnedMutexGuard";
const RW_LOCK: &str = "tokio::sync::RwLock";
const READ_GUARD: &str = "tokio::sync::RwLockReadGuard";
const WRITE_GUARD: &str = "tokio::sync::RwLockWriteGuard";
const SEMAPHORE: &str = "tokio::sync::Semaphore";
const PERMIT: &str = "tokio::sync::SemaphorePermit";
const OWNED_PERMIT: &str = "tokio::sync::OwnedSemaphorePermit";
const TASK: &str = "async_task::Task";
const EXECUTOR: &str = "async_executor::Executor";
const LOCAL_EXECUTOR: &str = "async_executor::LocalExecutor";

const fn ty(
    canonical: &'static str,
    aliases: &'static [&'static str],
    short: &'static str,
) -> KnownType {
    KnownType {
        canonical,
        aliases,
        short,
    }
}

const fn function(path: &'static str, output: &'static str) -> Function {
    Function {
        path,
        output: Output::Type(output),
    }
}

const fn method(receiver: &'static str, name: &'static str, output: &'static str) -> Method {
    Method {
        receiver,
        name,
        output: Output::Type(output),
    }
}

pub static ENTRIES: Entries = Entries {
    types: &[
        ty(SPAN, &["tracing::span::Span"], "Span"),
        ty(ENTERED, &[], "Entered"),
        ty(ENTERED_SPAN, &[], "EnteredSpan"),
        ty(MUTEX, &["tokio::sync::mutex::Mutex"], "Mutex"),
        ty(MUTEX_GUARD, &[], "MutexGuard"),
        ty(OWNED_MUTEX_GUARD, &[], "OwnedMutexGuard"),
        ty(RW_LOCK, &[], "RwLock"),
        ty(READ_GUARD, &[], "RwLockReadGuard"),
        ty(WRITE_GUARD, &[], "RwLockWriteGuard"),
        ty(SEMAPHORE, &[], "Semaphore"),
        ty(PERMIT, &[], "SemaphorePermit"),
        ty(OWNED_PERMIT, &[], "OwnedSemaphorePermit"),
        ty(
            TASK,
            &[
                "smol::Task",
                "async_executor::Task",
                "async_global_executor::Task",
            ],
            "Task",
        ),
        ty(EXECUTOR, &["smol::Executor"], "Executor"),
        ty(LOCAL_EXECUTOR, &["smol::LocalExecutor"], "LocalExecutor"),
    ],
    functions: &[
        function("tracing::Span::current", SPAN),
        function("tokio::sync::Mutex::new", MUTEX),
        function("tokio::sync::RwLock::new", RW_LOCK),
        function("tokio::sync::Semaphore::new", SEMAPHORE),
        function("smol::spawn", TASK),
        function("async_global_executor::spawn", TASK),
        function("async_executor::Executor::new", EXECUTOR),
        function("async_executor::LocalExecutor::new", LOCAL_EXECUTOR),
    ],
    methods: &[
        method(SPAN, "enter", ENTERED),
        method(SPAN, "entered", ENTERED_SPAN),
        // Futures of the guard: only `.await`ed are they the guard (see `Guard::awaited`).
        // A permit awaited and dropped at once (`let _ = sem.acquire().await`) is the way
        // to wait for a free one (moka's cache does): only `try_acquire*` is followed.
        method(MUTEX, "lock", MUTEX_GUARD),
        method(MUTEX, "lock_owned", OWNED_MUTEX_GUARD),
        method(RW_LOCK, "read", READ_GUARD),
        method(RW_LOCK, "write", WRITE_GUARD),
        method(SEMAPHORE, "try_acquire", PERMIT),
        method(SEMAPHORE, "try_acquire_many", PERMIT),
        method(SEMAPHORE, "try_acquire_owned", OWNED_PERMIT),
        method(SEMAPHORE, "try_acquire_many_owned", OWNED_PERMIT),
        method(EXECUTOR, "spawn", TASK),
        method(LOCAL_EXECUTOR, "spawn", TASK),
    ],
    guards: &[
        // tracing, `span.rs`: `Entered` is "A guard representing a span which has been
        // entered and is currently executing. When the guard is dropped, the span will be
        // exited."
        Guard {
            ty: ENTERED,
            on_drop: "exits the span",
            consequence: "the span is exited at once, and nothing after it is recorded in it",
            keep: "bind the guard to a named variable (`let _enter = span.enter();`), or run the code in `span.in_scope(|| ..)`",
            awaited: false,
        },
        Guard {
            ty: ENTERED_SPAN,
            on_drop: "exits the span",
            consequence: "the span is exited at once, and nothing after it is recorded in it",
            keep: "bind the guard to a named variable (`let _span = span.entered();`)",
            awaited: false,
        },
        // tokio, `sync/mutex.rs`: "The lock is automatically released whenever the guard
        // is dropped"; `sync/rwlock.rs` likewise for both guards.
        Guard {
            ty: MUTEX_GUARD,
            on_drop: "unlocks the mutex",
            consequence: "the mutex is unlocked at once: nothing after it holds the lock",
            keep: "bind the guard to a named variable (`let _guard = mutex.lock().await;`) that lives as long as the lock must be held",
            awaited: true,
        },
        Guard {
            ty: OWNED_MUTEX_GUARD,
            on_drop: "unlocks the mutex",
            consequence: "the mutex is unlocked at once: nothing after it holds the lock",
            keep: "bind the guard to a named variable that lives as long as the lock must be held",
            awaited: true,
        },
        Guard {
            ty: READ_GUARD,
            on_drop: "releases the read lock",
            consequence: "the read lock is released at once: nothing after it holds it",
            keep: "bind the guard to a named variable (`let _guard = lock.read().await;`) that lives as long as the lock must be held",
            awaited: true,
        },
        Guard {
            ty: WRITE_GUARD,
            on_drop: "releases the write lock",
            consequence: "the write lock is released at once: nothing after it holds it",
            keep: "bind the guard to a named variable (`let _guard = lock.write().await;`) that lives as long as the lock must be held",
            awaited: true,
        },
        // tokio, `sync/semaphore.rs`: a permit "is returned to the semaphore when the
        // permit is dropped" (so is one inside the `Result` that `try_acquire` gives).
        Guard {
            ty: PERMIT,
            on_drop: "gives the permit back",
            consequence: "the permit is given back at once: the work after it runs without one",
            keep: "bind the permit to a named variable (`let _permit = semaphore.try_acquire()?;`) that lives as long as the work it limits",
            awaited: false,
        },
        Guard {
            ty: OWNED_PERMIT,
            on_drop: "gives the permit back",
            consequence: "the permit is given back at once: the work after it runs without one",
            keep: "bind the permit to a named variable (or move it into the task it limits)",
            awaited: false,
        },
        // async-task, `task.rs`: "A spawned task... Dropping a `Task` cancels the task";
        // "use `detach()` to let it run in the background".
        Guard {
            ty: TASK,
            on_drop: "cancels the task",
            consequence: "the task is cancelled at once, before it runs",
            keep: "`.detach()` the task to let it run in the background, or keep the `Task` and await it",
            awaited: false,
        },
    ],
    builders: &[],
    resources: &[],
};
