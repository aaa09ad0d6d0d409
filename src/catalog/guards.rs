//! Guards whose drop does the work, beyond the cancellation family's: the values
//! `guard_dropped_immediately` finds discarded. Versions read: tracing 0.1.44, tokio
//! 1.54.1, tempfile 3.27, async-task 4.7 and async-executor 1.13 (which smol re-exports).
//!
//! std's lock guards are rustc's `let_underscore_lock` (deny by default), and clippy's
//! `let_underscore_future` catches a future discarded without being awaited; neither
//! knows these types.

use super::{Entries, Function, Guard, KnownType, Method, Output};

const SPAN: &str = "tracing::Span";
const ENTERED: &str = "tracing::span::Entered";
const ENTERED_SPAN: &str = "tracing::span::EnteredSpan";
const RUNTIME: &str = "tokio::runtime::Runtime";
const HANDLE: &str = "tokio::runtime::Handle";
const ENTER_GUARD: &str = "tokio::runtime::EnterGuard";
const MUTEX: &str = "tokio::sync::Mutex";
const MUTEX_GUARD: &str = "tokio::sync::MutexGuard";
const OWNED_MUTEX_GUARD: &str = "tokio::sync::OwnedMutexGuard";
const RW_LOCK: &str = "tokio::sync::RwLock";
const READ_GUARD: &str = "tokio::sync::RwLockReadGuard";
const WRITE_GUARD: &str = "tokio::sync::RwLockWriteGuard";
const SEMAPHORE: &str = "tokio::sync::Semaphore";
const PERMIT: &str = "tokio::sync::SemaphorePermit";
const OWNED_PERMIT: &str = "tokio::sync::OwnedSemaphorePermit";
const TEMP_DIR: &str = "tempfile::TempDir";
const NAMED_TEMP_FILE: &str = "tempfile::NamedTempFile";
const TEMP_BUILDER: &str = "tempfile::Builder";
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

pub const ENTRIES: Entries = Entries {
    types: &[
        ty(SPAN, &["tracing::span::Span"], "Span"),
        ty(ENTERED, &[], "Entered"),
        ty(ENTERED_SPAN, &[], "EnteredSpan"),
        ty(RUNTIME, &[], "Runtime"),
        ty(HANDLE, &[], "Handle"),
        ty(ENTER_GUARD, &[], "EnterGuard"),
        ty(MUTEX, &["tokio::sync::mutex::Mutex"], "Mutex"),
        ty(MUTEX_GUARD, &[], "MutexGuard"),
        ty(OWNED_MUTEX_GUARD, &[], "OwnedMutexGuard"),
        ty(RW_LOCK, &[], "RwLock"),
        ty(READ_GUARD, &[], "RwLockReadGuard"),
        ty(WRITE_GUARD, &[], "RwLockWriteGuard"),
        ty(SEMAPHORE, &[], "Semaphore"),
        ty(PERMIT, &[], "SemaphorePermit"),
        ty(OWNED_PERMIT, &[], "OwnedSemaphorePermit"),
        ty(TEMP_DIR, &[], "TempDir"),
        ty(NAMED_TEMP_FILE, &[], "NamedTempFile"),
        ty(TEMP_BUILDER, &[], "Builder"),
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
        function("tokio::runtime::Runtime::new", RUNTIME),
        function("tokio::runtime::Handle::current", HANDLE),
        function("tokio::sync::Mutex::new", MUTEX),
        function("tokio::sync::RwLock::new", RW_LOCK),
        function("tokio::sync::Semaphore::new", SEMAPHORE),
        // Results: dropping the `Result` drops what it holds alike.
        function("tempfile::tempdir", TEMP_DIR),
        function("tempfile::tempdir_in", TEMP_DIR),
        function("tempfile::TempDir::new", TEMP_DIR),
        function("tempfile::TempDir::new_in", TEMP_DIR),
        function("tempfile::TempDir::with_prefix", TEMP_DIR),
        function("tempfile::NamedTempFile::new", NAMED_TEMP_FILE),
        function("tempfile::NamedTempFile::new_in", NAMED_TEMP_FILE),
        function("tempfile::Builder::new", TEMP_BUILDER),
        function("smol::spawn", TASK),
        function("async_global_executor::spawn", TASK),
        function("async_executor::Executor::new", EXECUTOR),
        function("async_executor::LocalExecutor::new", LOCAL_EXECUTOR),
    ],
    methods: &[
        method(SPAN, "enter", ENTERED),
        method(SPAN, "entered", ENTERED_SPAN),
        method(RUNTIME, "enter", ENTER_GUARD),
        method(RUNTIME, "handle", HANDLE),
        method(HANDLE, "enter", ENTER_GUARD),
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
        method(TEMP_BUILDER, "prefix", TEMP_BUILDER),
        method(TEMP_BUILDER, "suffix", TEMP_BUILDER),
        method(TEMP_BUILDER, "rand_bytes", TEMP_BUILDER),
        method(TEMP_BUILDER, "tempdir", TEMP_DIR),
        method(TEMP_BUILDER, "tempdir_in", TEMP_DIR),
        method(TEMP_BUILDER, "tempfile", NAMED_TEMP_FILE),
        method(TEMP_BUILDER, "tempfile_in", NAMED_TEMP_FILE),
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
        // tokio, `runtime/handle.rs`: `enter` "Enters the runtime context... Dropping the
        // returned guard will exit the context."
        Guard {
            ty: ENTER_GUARD,
            on_drop: "leaves the runtime's context",
            consequence: "the runtime's context is left at once, and `tokio::spawn` after it panics outside a runtime",
            keep: "bind the guard to a named variable (`let _guard = runtime.enter();`) that lives while the context is needed",
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
        // tempfile, `dir/mod.rs`: "Once the `TempDir` value is dropped, the directory at
        // the path will be deleted, along with any files and directories it contains";
        // `file/mod.rs`: a `NamedTempFile` "will be deleted when dropped".
        Guard {
            ty: TEMP_DIR,
            on_drop: "deletes the directory and everything in it",
            consequence: "the temporary directory is deleted at once",
            keep: "bind it to a named variable (`let dir = tempfile::tempdir()?;`) that lives as long as the directory is used, or `keep()` it",
            awaited: false,
        },
        Guard {
            ty: NAMED_TEMP_FILE,
            on_drop: "deletes the file",
            consequence: "the temporary file is deleted at once",
            keep: "bind it to a named variable (`let file = NamedTempFile::new()?;`) that lives as long as the file is used, or `keep()` it",
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
