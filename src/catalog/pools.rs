//! Clients and pools that hold connections for reuse: what `client_built_per_iteration`
//! finds built again on every iteration of a loop. Versions read: reqwest 0.12.28,
//! sqlx-core 0.8.6, bb8 0.9.1, deadpool-postgres 0.14.2 and deadpool-redis 0.23.1,
//! hyper-util 0.1.21, tonic 0.14.9, redis 1.8.1.

/// One way of building a client or a pool.
#[derive(Debug)]
pub struct PoolBuild {
    /// The function that builds it, or starts a builder of it, by resolved path.
    pub path: &'static str,
    /// The methods that finish the builder `path` starts (`build`, `connect`); empty when
    /// the call builds it itself.
    pub completions: &'static [&'static str],
    /// What is built, for messages: "a `reqwest::Client`".
    pub what: &'static str,
    /// What each pass pays for it, as a label under the call: `{pass}` is what repeats
    /// ("iteration", "request").
    pub pays: &'static str,
    /// How to share one instead: `{before}` says where to build it once, `{into}` how each
    /// pass gets it.
    pub share: &'static str,
    /// The call builds a client of its own and drops it when it returns (`reqwest::get`):
    /// nothing of it can be kept.
    pub internal: bool,
    /// Its arguments name what it connects to (a database's URL, a server's address): one
    /// built per iteration for a different target each time (`for shard in shards`) is a
    /// pool per target, not one pool defeated.
    pub per_target: bool,
}

/// A method, on whatever receiver, that opens a connection of its own each call: known by
/// its name in a file that writes its crate's.
#[derive(Debug)]
pub struct ConnectMethod {
    pub krate: &'static str,
    pub name: &'static str,
    pub what: &'static str,
    pub pays: &'static str,
    pub share: &'static str,
}

// reqwest, `async_impl/client.rs`: "The `Client` holds a connection pool internally to
// improve performance by reusing connections and avoiding setup overhead, so it is advised
// that you create one and **reuse** it. You do **not** have to wrap the `Client` in an
// `Rc` or `Arc` to **reuse** it, because it already uses an `Arc` internally."
const REQWEST_PAYS: &str = "each {pass} builds a client with a connection pool of its own: no connection is kept alive from one {pass} to the next, and every request pays a new TCP and TLS handshake";
const REQWEST_SHARE: &str = "build the client once, {before}, and clone it {into}: a `reqwest::Client` is an `Arc` inside, so a clone shares its pool";
// reqwest, `blocking/client.rs`: the blocking client runs its own runtime on a thread it
// spawns (`thread::Builder::new().spawn(..)` in `ClientHandle::new`).
const BLOCKING_PAYS: &str = "each {pass} builds a client with a connection pool and an OS thread of its own: no connection is reused, and every {pass} starts and stops a thread";
// reqwest, `lib.rs` and `blocking/mod.rs`: "This function creates a new internal `Client`
// on each call, and so should not be used if making many requests."
const GET_PAYS: &str = "this builds a new internal `Client` on each call (reqwest's docs: \"should not be used if making many requests\"): no connection is reused, and every request pays a new TCP and TLS handshake";
const GET_SHARE: &str =
    "build one `reqwest::Client` {before} and call `client.get(url).send()` with it";
// sqlx-core, `pool/mod.rs`: "Cloning `Pool` is cheap as it is simply a reference-counted
// handle to the inner pool state"; "Opening a database connection is not exactly a cheap
// operation."
const SQLX_PAYS: &str = "each {pass} connects a pool of its own: it opens new database connections (TCP, TLS, authentication) every time, and the old pool's stay open until it is dropped";
const SQLX_SHARE: &str = "connect the pool once, {before}, and clone it {into}: cloning a sqlx `Pool` is cheap (a reference-counted handle)";
// bb8, `api.rs`: `impl Clone for Pool` (an `Arc` of its inner state).
const BB8_PAYS: &str =
    "each {pass} builds a pool of its own: it opens new connections every time, and none is reused";
const BB8_SHARE: &str =
    "build the pool once, {before}, and clone it {into}: a bb8 `Pool` is an `Arc` inside";
// deadpool 0.12.3, `managed/pool.rs`: `impl Clone for Pool`, which shares one inner `Arc`.
const DEADPOOL_PAYS: &str = "each {pass} creates a pool of its own: it opens new connections every time, and none is reused";
const DEADPOOL_SHARE: &str =
    "create the pool once, {before}, and clone it {into}: a deadpool `Pool` is an `Arc` inside";
// hyper-util, `client/legacy/client.rs`: "`Client` is cheap to clone and cloning is the
// recommended way to share a `Client`. The underlying connection pool will be reused."
const HYPER_PAYS: &str = "each {pass} builds a client with a connection pool of its own: no connection is kept alive from one {pass} to the next, and every request pays a new connection";
const HYPER_SHARE: &str = "build the client once, {before}, and clone it {into}: hyper-util's docs call a clone \"the recommended way to share a `Client`\"";
// tonic, `transport/channel/mod.rs`: "cloning the `Channel` type is cheap and encouraged".
const TONIC_PAYS: &str = "each {pass} connects a new channel: it pays a TCP (and TLS) handshake every time, and no request shares an HTTP/2 connection";
const TONIC_SHARE: &str = "connect the channel once, {before}, and clone it {into}: tonic's docs call cloning a `Channel` \"cheap and encouraged\"";
// redis, `aio/multiplexed_connection.rs`: "A connection object which can be cloned,
// allowing requests to be be sent concurrently"; `client.rs`: "A connection manager can be
// cloned".
const REDIS_PAYS: &str = "each {pass} opens a new connection to the server: it pays a TCP handshake every time, and the sockets pile up";
const REDIS_SHARE: &str = "open the multiplexed connection (or connection manager) once, {before}, and clone it {into}: it is made to be cloned and shared";

/// A builder that `path` starts and one of `completions` finishes; no completions: the
/// call builds it itself.
const fn builder(
    path: &'static str,
    completions: &'static [&'static str],
    what: &'static str,
    pays: &'static str,
    share: &'static str,
) -> PoolBuild {
    PoolBuild {
        path,
        completions,
        what,
        pays,
        share,
        internal: false,
        per_target: false,
    }
}

const fn build(
    path: &'static str,
    what: &'static str,
    pays: &'static str,
    share: &'static str,
) -> PoolBuild {
    builder(path, &[], what, pays, share)
}

/// A builder of a pool or channel that connects to a target its arguments name.
const fn pool_builder(
    path: &'static str,
    completions: &'static [&'static str],
    what: &'static str,
    pays: &'static str,
    share: &'static str,
) -> PoolBuild {
    PoolBuild {
        per_target: true,
        ..builder(path, completions, what, pays, share)
    }
}

/// A pool connected by one call, to the target its arguments name.
const fn pool_connect(
    path: &'static str,
    what: &'static str,
    pays: &'static str,
    share: &'static str,
) -> PoolBuild {
    pool_builder(path, &[], what, pays, share)
}

const SQLX_CONNECTS: &[&str] = &[
    "connect",
    "connect_with",
    "connect_lazy",
    "connect_lazy_with",
];

pub const BUILDS: &[PoolBuild] = &[
    build(
        "reqwest::Client::new",
        "a `reqwest::Client`",
        REQWEST_PAYS,
        REQWEST_SHARE,
    ),
    builder(
        "reqwest::Client::builder",
        &["build"],
        "a `reqwest::Client`",
        REQWEST_PAYS,
        REQWEST_SHARE,
    ),
    builder(
        "reqwest::ClientBuilder::new",
        &["build"],
        "a `reqwest::Client`",
        REQWEST_PAYS,
        REQWEST_SHARE,
    ),
    build(
        "reqwest::blocking::Client::new",
        "a blocking `reqwest::Client`",
        BLOCKING_PAYS,
        REQWEST_SHARE,
    ),
    builder(
        "reqwest::blocking::Client::builder",
        &["build"],
        "a blocking `reqwest::Client`",
        BLOCKING_PAYS,
        REQWEST_SHARE,
    ),
    builder(
        "reqwest::blocking::ClientBuilder::new",
        &["build"],
        "a blocking `reqwest::Client`",
        BLOCKING_PAYS,
        REQWEST_SHARE,
    ),
    PoolBuild {
        path: "reqwest::get",
        completions: &[],
        what: "a `reqwest::Client`",
        pays: GET_PAYS,
        share: GET_SHARE,
        internal: true,
        per_target: false,
    },
    PoolBuild {
        path: "reqwest::blocking::get",
        completions: &[],
        what: "a blocking `reqwest::Client`",
        pays: GET_PAYS,
        share: GET_SHARE,
        internal: true,
        per_target: false,
    },
    // sqlx re-exports `Pool` and one alias per database (`sqlx::PgPool` is
    // `Pool<Postgres>`) at its root and under each driver's module.
    pool_connect(
        "sqlx::Pool::connect",
        "a sqlx `Pool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::Pool::connect_with",
        "a sqlx `Pool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::Pool::connect_lazy",
        "a sqlx `Pool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::Pool::connect_lazy_with",
        "a sqlx `Pool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::PgPool::connect",
        "a sqlx `PgPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::PgPool::connect_with",
        "a sqlx `PgPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::PgPool::connect_lazy",
        "a sqlx `PgPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::postgres::PgPool::connect",
        "a sqlx `PgPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::postgres::PgPool::connect_with",
        "a sqlx `PgPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::MySqlPool::connect",
        "a sqlx `MySqlPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::mysql::MySqlPool::connect",
        "a sqlx `MySqlPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::SqlitePool::connect",
        "a sqlx `SqlitePool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::sqlite::SqlitePool::connect",
        "a sqlx `SqlitePool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_connect(
        "sqlx::AnyPool::connect",
        "a sqlx `AnyPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_builder(
        "sqlx::pool::PoolOptions::new",
        SQLX_CONNECTS,
        "a sqlx `Pool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_builder(
        "sqlx::postgres::PgPoolOptions::new",
        SQLX_CONNECTS,
        "a sqlx `PgPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_builder(
        "sqlx::PgPoolOptions::new",
        SQLX_CONNECTS,
        "a sqlx `PgPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_builder(
        "sqlx::mysql::MySqlPoolOptions::new",
        SQLX_CONNECTS,
        "a sqlx `MySqlPool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_builder(
        "sqlx::sqlite::SqlitePoolOptions::new",
        SQLX_CONNECTS,
        "a sqlx `SqlitePool`",
        SQLX_PAYS,
        SQLX_SHARE,
    ),
    pool_builder(
        "bb8::Pool::builder",
        &["build", "build_unchecked"],
        "a bb8 `Pool`",
        BB8_PAYS,
        BB8_SHARE,
    ),
    pool_builder(
        "deadpool_postgres::Pool::builder",
        &["build"],
        "a deadpool `Pool`",
        DEADPOOL_PAYS,
        DEADPOOL_SHARE,
    ),
    pool_builder(
        "deadpool_redis::Pool::builder",
        &["build"],
        "a deadpool `Pool`",
        DEADPOOL_PAYS,
        DEADPOOL_SHARE,
    ),
    pool_builder(
        "deadpool_redis::Config::from_url",
        &["create_pool"],
        "a deadpool `Pool`",
        DEADPOOL_PAYS,
        DEADPOOL_SHARE,
    ),
    builder(
        "hyper_util::client::legacy::Client::builder",
        &["build", "build_http"],
        "a hyper-util `Client`",
        HYPER_PAYS,
        HYPER_SHARE,
    ),
    pool_builder(
        "tonic::transport::Channel::from_static",
        &["connect", "connect_lazy"],
        "a tonic `Channel`",
        TONIC_PAYS,
        TONIC_SHARE,
    ),
    pool_builder(
        "tonic::transport::Channel::from_shared",
        &["connect", "connect_lazy"],
        "a tonic `Channel`",
        TONIC_PAYS,
        TONIC_SHARE,
    ),
    pool_builder(
        "tonic::transport::Endpoint::from_static",
        &["connect", "connect_lazy"],
        "a tonic `Channel`",
        TONIC_PAYS,
        TONIC_SHARE,
    ),
    pool_builder(
        "tonic::transport::Endpoint::from_shared",
        &["connect", "connect_lazy"],
        "a tonic `Channel`",
        TONIC_PAYS,
        TONIC_SHARE,
    ),
    pool_builder(
        "tonic::transport::Endpoint::new",
        &["connect", "connect_lazy"],
        "a tonic `Channel`",
        TONIC_PAYS,
        TONIC_SHARE,
    ),
];

pub const CONNECT_METHODS: &[ConnectMethod] = &[
    // redis, `client.rs`: `get_multiplexed_async_connection` and `get_connection_manager`
    // open a connection each call (`get_multiplexed_tokio_connection` is their name before
    // redis 0.27).
    ConnectMethod {
        krate: "redis",
        name: "get_multiplexed_async_connection",
        what: "a redis `MultiplexedConnection`",
        pays: REDIS_PAYS,
        share: REDIS_SHARE,
    },
    ConnectMethod {
        krate: "redis",
        name: "get_multiplexed_tokio_connection",
        what: "a redis `MultiplexedConnection`",
        pays: REDIS_PAYS,
        share: REDIS_SHARE,
    },
    ConnectMethod {
        krate: "redis",
        name: "get_connection_manager",
        what: "a redis `ConnectionManager`",
        pays: REDIS_PAYS,
        share: REDIS_SHARE,
    },
    // deadpool-postgres and deadpool-redis, `config.rs`: `Config::create_pool` builds a
    // new pool.
    ConnectMethod {
        krate: "deadpool_postgres",
        name: "create_pool",
        what: "a deadpool `Pool`",
        pays: DEADPOOL_PAYS,
        share: DEADPOOL_SHARE,
    },
    ConnectMethod {
        krate: "deadpool_redis",
        name: "create_pool",
        what: "a deadpool `Pool`",
        pays: DEADPOOL_PAYS,
        share: DEADPOOL_SHARE,
    },
];

/// Attributes that make a function a request handler, run once per request: actix-web's
/// and rocket's routing macros (`#[get("/")]`, `#[post(..)]`, `#[route(..)]`), poem's and
/// salvo's `#[handler]`, axum's `#[debug_handler]`, poem-openapi's `#[oai(..)]`.
pub const HANDLER_ATTRIBUTES: &[&str] = &[
    "get",
    "post",
    "put",
    "delete",
    "patch",
    "head",
    "options",
    "route",
    "handler",
    "debug_handler",
    "oai",
];

/// Extractors: parameter types that only a web framework passes, once per request (axum
/// 0.8's `extract::{State, Path, Query, Json, Form, Extension, ConnectInfo}`, actix-web 4's
/// `web::{Data, Path, Query, Json, Form}`). Taken by value with type arguments, so that
/// `&Path` (std's) is not one.
pub const EXTRACTORS: &[&str] = &[
    "State",
    "Path",
    "Query",
    "Json",
    "Form",
    "Extension",
    "ConnectInfo",
    "Data",
];

/// Of those, the ones that hand every request the same application state (and rocket's
/// `&State<T>`): a client or pool built from it is built from the same target each time.
pub const SHARED_STATE: &[&str] = &["State", "Data", "Extension"];

/// Calls whose closure runs once, whatever calls them: a client built in one is shared
/// (`LazyLock::new(|| Client::new())`, `CLIENT.get_or_init(..)`).
pub const RUN_ONCE: &[&str] = &[
    "get_or_init",
    "get_or_try_init",
    "call_once",
    "call_once_force",
];

/// Types whose `new(..)` takes a closure run once, on first use.
pub const LAZY_TYPES: &[&str] = &["LazyLock", "LazyCell", "Lazy"];

/// Methods that run their closure once per item of what they are called on
/// (iterators' and streams' adapters): a closure passed to one is a loop body.
pub const PER_ITEM: &[&str] = &[
    "map",
    "for_each",
    "try_for_each",
    "for_each_concurrent",
    "try_for_each_concurrent",
    "filter_map",
    "flat_map",
    "then",
    "and_then",
    "map_ok",
    "fold",
    "try_fold",
    "scan",
    "inspect",
];

/// The build a resolved function path starts, if any.
pub fn build_of(path: &str) -> Option<&'static PoolBuild> {
    BUILDS.iter().find(|b| b.path == path)
}

#[cfg(test)]
mod tests {
    use super::{BUILDS, CONNECT_METHODS};

    /// The messages name what repeats through `{pass}` and say where to build once
    /// through `{before}`: a loop and a request handler read them differently.
    #[test]
    fn messages_leave_the_pass_to_the_lint() {
        let texts = BUILDS
            .iter()
            .map(|b| (b.pays, b.share))
            .chain(CONNECT_METHODS.iter().map(|m| (m.pays, m.share)));
        for (pays, share) in texts {
            for text in [pays, share] {
                assert!(
                    !text.contains("iteration") && !text.contains("loop"),
                    "{text}"
                );
            }
            assert!(share.contains("{before}"), "{share}");
        }
    }
}
