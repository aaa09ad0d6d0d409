//! Guards whose drop does the work, beyond the cancellation family's: the values
//! `guard_dropped_immediately` finds discarded. Versions read: tracing 0.1.44, tokio
//! 1.54.1, async-task 4.7 and async-executor 1.13 (which smol re-exports), tempfile
//! 3.27.0, futures-util 0.3.34.
//!
//! std's lock guards are rustc's `let_underscore_lock` (deny by default), and clippy's
//! `let_underscore_future` catches a future discarded without being awaited; neither
//! knows these types. tokio's `EnterGuard` and futures' `RemoteHandle` are `#[must_use]`,
//! so rustc's `unused_must_use` reports them discarded as a bare statement, never bound
//! to `_`.

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
const TEMP_DIR: &str = "tempfile::TempDir";
const NAMED_TEMP_FILE: &str = "tempfile::NamedTempFile";
const TEMP_PATH: &str = "tempfile::TempPath";
const TEMP_BUILDER: &str = "tempfile::Builder";
const RUNTIME: &str = "tokio::runtime::Runtime";
const RUNTIME_HANDLE: &str = "tokio::runtime::Handle";
const RUNTIME_BUILDER: &str = "tokio::runtime::Builder";
const ENTER_GUARD: &str = "tokio::runtime::EnterGuard";
const REMOTE: &str = "futures_util::future::Remote";
const REMOTE_HANDLE: &str = "futures_util::future::RemoteHandle";

/// Guards that lend a path to what their drop deletes (`TempDir::path`): a copy of it
/// made from a temporary guard points at something already gone.
pub const PATH_OWNERS: &[&str] = &[TEMP_DIR, NAMED_TEMP_FILE];

/// Guards whose creation is a question (`try_acquire`: is a permit free?) that code may
/// answer with `is_ok()` alone, giving the permit back at once and doing the work it
/// limits without it. A `TempDir` tested so is a check that one can be made.
pub const TRIED: &[&str] = &[PERMIT, OWNED_PERMIT];

/// Methods that copy a borrowed path (or its text) into an owned value, which can
/// outlive the guard it was borrowed from.
pub const PATH_COPIES: &[&str] = &[
    "to_path_buf",
    "to_owned",
    "join",
    "with_file_name",
    "with_extension",
    "into",
    "into_os_string",
    "canonicalize",
    "to_string",
    "into_owned",
];

/// The methods of `futures`' `FutureExt`, which any future has: the receiver of
/// `remote_handle` is whatever future the code built.
pub const FUTURE_EXT: &str = "futures_util::future::FutureExt";

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
        KnownType::new(SPAN, &["tracing::span::Span"], "Span"),
        KnownType::new(ENTERED, &[], "Entered"),
        KnownType::new(ENTERED_SPAN, &[], "EnteredSpan"),
        KnownType::new(MUTEX, &["tokio::sync::mutex::Mutex"], "Mutex"),
        KnownType::new(MUTEX_GUARD, &[], "MutexGuard"),
        KnownType::new(OWNED_MUTEX_GUARD, &[], "OwnedMutexGuard"),
        KnownType::new(RW_LOCK, &[], "RwLock"),
        KnownType::new(READ_GUARD, &[], "RwLockReadGuard"),
        KnownType::new(WRITE_GUARD, &[], "RwLockWriteGuard"),
        KnownType::new(SEMAPHORE, &[], "Semaphore"),
        KnownType::new(PERMIT, &[], "SemaphorePermit"),
        KnownType::new(OWNED_PERMIT, &[], "OwnedSemaphorePermit"),
        KnownType::new(
            TASK,
            &[
                "smol::Task",
                "async_executor::Task",
                "async_global_executor::Task",
            ],
            "Task",
        ),
        KnownType::new(EXECUTOR, &["smol::Executor"], "Executor"),
        KnownType::new(LOCAL_EXECUTOR, &["smol::LocalExecutor"], "LocalExecutor"),
        KnownType::new(TEMP_DIR, &[], "TempDir"),
        KnownType::new(NAMED_TEMP_FILE, &[], "NamedTempFile"),
        KnownType::new(TEMP_PATH, &[], "TempPath"),
        KnownType::new(TEMP_BUILDER, &[], "Builder"),
        KnownType::new(RUNTIME, &[], "Runtime"),
        KnownType::new(RUNTIME_HANDLE, &[], "Handle"),
        KnownType::new(RUNTIME_BUILDER, &[], "Builder"),
        KnownType::new(ENTER_GUARD, &[], "EnterGuard"),
        KnownType::new(REMOTE, &["futures_util::future::future::Remote"], "Remote"),
        KnownType::new(
            REMOTE_HANDLE,
            &["futures_util::future::future::RemoteHandle"],
            "RemoteHandle",
        ),
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
        // tempfile, `lib.rs`: `pub use crate::dir::{tempdir, tempdir_in, TempDir}`; each
        // of these returns `io::Result<TempDir>` or `io::Result<NamedTempFile>`.
        function("tempfile::tempdir", TEMP_DIR),
        function("tempfile::tempdir_in", TEMP_DIR),
        function("tempfile::TempDir::new", TEMP_DIR),
        function("tempfile::TempDir::new_in", TEMP_DIR),
        function("tempfile::TempDir::with_prefix", TEMP_DIR),
        function("tempfile::TempDir::with_prefix_in", TEMP_DIR),
        function("tempfile::TempDir::with_suffix", TEMP_DIR),
        function("tempfile::TempDir::with_suffix_in", TEMP_DIR),
        function("tempfile::NamedTempFile::new", NAMED_TEMP_FILE),
        function("tempfile::NamedTempFile::new_in", NAMED_TEMP_FILE),
        function("tempfile::NamedTempFile::with_prefix", NAMED_TEMP_FILE),
        function("tempfile::NamedTempFile::with_prefix_in", NAMED_TEMP_FILE),
        function("tempfile::NamedTempFile::with_suffix", NAMED_TEMP_FILE),
        function("tempfile::NamedTempFile::with_suffix_in", NAMED_TEMP_FILE),
        function("tempfile::Builder::new", TEMP_BUILDER),
        function("tokio::runtime::Runtime::new", RUNTIME),
        function("tokio::runtime::Handle::current", RUNTIME_HANDLE),
        function("tokio::runtime::Builder::new_multi_thread", RUNTIME_BUILDER),
        function(
            "tokio::runtime::Builder::new_current_thread",
            RUNTIME_BUILDER,
        ),
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
        // tempfile, `lib.rs`: `Builder::tempdir`/`tempdir_in` make a `TempDir`,
        // `tempfile`/`tempfile_in` a `NamedTempFile`; its setters return the builder.
        method(TEMP_BUILDER, "prefix", TEMP_BUILDER),
        method(TEMP_BUILDER, "suffix", TEMP_BUILDER),
        method(TEMP_BUILDER, "rand_bytes", TEMP_BUILDER),
        method(TEMP_BUILDER, "permissions", TEMP_BUILDER),
        method(TEMP_BUILDER, "tempdir", TEMP_DIR),
        method(TEMP_BUILDER, "tempdir_in", TEMP_DIR),
        method(TEMP_BUILDER, "tempfile", NAMED_TEMP_FILE),
        method(TEMP_BUILDER, "tempfile_in", NAMED_TEMP_FILE),
        method(NAMED_TEMP_FILE, "into_temp_path", TEMP_PATH),
        // tokio, `runtime/runtime.rs` and `runtime/handle.rs`: `enter(&self) ->
        // EnterGuard<'_>` on both.
        method(RUNTIME, "enter", ENTER_GUARD),
        method(RUNTIME, "handle", RUNTIME_HANDLE),
        method(RUNTIME_HANDLE, "enter", ENTER_GUARD),
        method(RUNTIME_BUILDER, "enable_all", RUNTIME_BUILDER),
        method(RUNTIME_BUILDER, "enable_io", RUNTIME_BUILDER),
        method(RUNTIME_BUILDER, "enable_time", RUNTIME_BUILDER),
        method(RUNTIME_BUILDER, "worker_threads", RUNTIME_BUILDER),
        method(RUNTIME_BUILDER, "thread_name", RUNTIME_BUILDER),
        method(RUNTIME_BUILDER, "build", RUNTIME),
        // futures-util, `future/future/mod.rs`: `fn remote_handle(self) -> (Remote<Self>,
        // RemoteHandle<Self::Output>)`.
        Method {
            receiver: FUTURE_EXT,
            name: "remote_handle",
            output: Output::Tuple(&[Some(REMOTE), Some(REMOTE_HANDLE)]),
        },
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
        // tempfile, `dir/mod.rs`: "Once the `TempDir` value is dropped, the directory at
        // the path will be deleted, along with any files and directories it contains"
        // (`impl Drop for TempDir` calls `remove_dir_all`).
        Guard {
            ty: TEMP_DIR,
            on_drop: "deletes the directory and everything in it",
            consequence: "the directory is deleted at once",
            keep: "bind the `TempDir` to a named variable that lives as long as the directory is used (`let dir = tempdir()?;`), or call `.keep()` to keep the directory",
            awaited: false,
        },
        // tempfile, `file/mod.rs`: a `NamedTempFile`'s `TempPath` removes the file in
        // its `Drop` (`fs::remove_file`).
        Guard {
            ty: NAMED_TEMP_FILE,
            on_drop: "deletes the file",
            consequence: "the file is deleted at once",
            keep: "bind the `NamedTempFile` to a named variable that lives as long as the file is used, or call `.keep()` or `.persist(..)` to keep the file",
            awaited: false,
        },
        Guard {
            ty: TEMP_PATH,
            on_drop: "deletes the file",
            consequence: "the file is deleted at once",
            keep: "bind the `TempPath` to a named variable that lives as long as the file is used, or call `.keep()` to keep the file",
            awaited: false,
        },
        // tokio, `runtime/handle.rs`: "the context guard exits the runtime context on drop".
        Guard {
            ty: ENTER_GUARD,
            on_drop: "exits the runtime context",
            consequence: "the runtime context is exited at once: `tokio::spawn` and the I/O and timer types panic outside it",
            keep: "bind the guard to a named variable (`let _guard = runtime.enter();`) that lives as long as the code that needs the runtime",
            awaited: false,
        },
        // futures-util, `future/future/remote_handle.rs`: "When you drop this, the remote
        // future will be woken up to be dropped by the executor"; `forget()` "drops this
        // handle *without* canceling the underlying future".
        Guard {
            ty: REMOTE_HANDLE,
            on_drop: "cancels the remote future",
            consequence: "the remote future is cancelled at once, and its work is never done",
            keep: "bind the handle to a named variable and await it, or call `.forget()` on it to let the remote future run to completion",
            awaited: false,
        },
    ],
    builders: &[],
    resources: &[],
};
