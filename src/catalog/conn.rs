//! Family `conn`: connections and streams (versions read: tokio 1.54, futures-util 0.3.34,
//! tokio-rustls 0.26, tokio-native-tls 0.3, tungstenite 0.29, tokio-postgres 0.7.13,
//! hyper 1.x, redis). Async `BufWriter`s discard their buffer on drop; TLS streams send
//! `close_notify` only from `shutdown()`; websockets send a Close frame only from
//! `close()`; connection futures do all the I/O and must be polled.

use super::{Builder, Constructor, Entries, KnownType, Resource};

const BUF_WRITER: &str = "tokio::io::BufWriter";
const TLS_STREAM: &str = "tokio_rustls::TlsStream";
const WEBSOCKET: &str = "tokio_tungstenite::WebSocketStream";
const CONNECTION: &str = "tokio_postgres::Connection";

/// Writing methods of `AsyncWriteExt` (tokio, futures) and `SinkExt`.
const WRITES: &[&str] = &[
    "write",
    "write_all",
    "write_buf",
    "write_all_buf",
    "write_vectored",
    "write_fmt",
    "write_u8",
    "write_u16",
    "write_u32",
    "write_u64",
    "write_i8",
    "write_i16",
    "write_i32",
    "write_i64",
    "write_f32",
    "write_f64",
    "send",
    "feed",
    "send_all",
];

/// Reading, inspecting and flushing without closing.
const STREAM_NEUTRAL: &[&str] = &[
    "read",
    "read_exact",
    "read_to_end",
    "read_to_string",
    "read_buf",
    "read_line",
    "next",
    "try_next",
    "flush",
    "get_ref",
    "get_mut",
    "peer_addr",
    "local_addr",
];

/// Every function of tokio-tungstenite 0.30 and async-tungstenite 0.35 that opens a
/// websocket: the clients return `(WebSocketStream, Response)`, the servers and the raw
/// constructors the stream itself.
const WEBSOCKET_CONSTRUCTORS: &[Constructor] = &[
    pair("tokio_tungstenite::connect_async", 0),
    pair("tokio_tungstenite::connect_async_with_config", 0),
    pair("tokio_tungstenite::connect_async_tls_with_config", 0),
    pair("tokio_tungstenite::client_async", 0),
    pair("tokio_tungstenite::client_async_with_config", 0),
    pair("tokio_tungstenite::client_async_tls", 0),
    pair("tokio_tungstenite::client_async_tls_with_config", 0),
    ctor("tokio_tungstenite::accept_async"),
    ctor("tokio_tungstenite::accept_async_with_config"),
    ctor("tokio_tungstenite::accept_hdr_async"),
    ctor("tokio_tungstenite::accept_hdr_async_with_config"),
    ctor("tokio_tungstenite::WebSocketStream::from_raw_socket"),
    ctor("tokio_tungstenite::WebSocketStream::from_partially_read"),
    pair("async_tungstenite::client_async", 0),
    pair("async_tungstenite::client_async_with_config", 0),
    ctor("async_tungstenite::accept_async"),
    ctor("async_tungstenite::accept_async_with_config"),
    ctor("async_tungstenite::accept_hdr_async"),
    ctor("async_tungstenite::accept_hdr_async_with_config"),
    ctor("async_tungstenite::WebSocketStream::from_raw_socket"),
    ctor("async_tungstenite::WebSocketStream::from_partially_read"),
    pair("async_tungstenite::tokio::connect_async", 0),
    pair("async_tungstenite::tokio::connect_async_with_config", 0),
    pair(
        "async_tungstenite::tokio::connect_async_with_tls_connector",
        0,
    ),
    pair(
        "async_tungstenite::tokio::connect_async_with_tls_connector_and_config",
        0,
    ),
    pair("async_tungstenite::tokio::client_async", 0),
    pair("async_tungstenite::tokio::client_async_with_config", 0),
    pair("async_tungstenite::tokio::client_async_tls", 0),
    pair("async_tungstenite::tokio::client_async_tls_with_config", 0),
    pair(
        "async_tungstenite::tokio::client_async_tls_with_connector",
        0,
    ),
    ctor("async_tungstenite::tokio::accept_async"),
    ctor("async_tungstenite::tokio::accept_async_with_config"),
    ctor("async_tungstenite::tokio::accept_hdr_async"),
    ctor("async_tungstenite::tokio::accept_hdr_async_with_config"),
    pair("async_tungstenite::async_std::connect_async", 0),
    pair("async_tungstenite::async_std::connect_async_with_config", 0),
    pair(
        "async_tungstenite::async_std::connect_async_with_tls_connector",
        0,
    ),
    pair(
        "async_tungstenite::async_std::connect_async_with_tls_connector_and_config",
        0,
    ),
    pair("async_tungstenite::async_std::client_async_tls", 0),
    pair(
        "async_tungstenite::async_std::client_async_tls_with_config",
        0,
    ),
    pair(
        "async_tungstenite::async_std::client_async_tls_with_connector",
        0,
    ),
    pair("async_tungstenite::smol::connect_async", 0),
    pair("async_tungstenite::smol::connect_async_with_config", 0),
    pair(
        "async_tungstenite::smol::connect_async_with_tls_connector",
        0,
    ),
    pair(
        "async_tungstenite::smol::connect_async_with_tls_connector_and_config",
        0,
    ),
    pair("async_tungstenite::smol::client_async_tls", 0),
    pair("async_tungstenite::smol::client_async_tls_with_config", 0),
    pair(
        "async_tungstenite::smol::client_async_tls_with_connector",
        0,
    ),
];

const fn ctor(path: &'static str) -> Constructor {
    Constructor {
        path,
        tuple: None,
        companion: None,
    }
}

const fn pair(path: &'static str, at: usize) -> Constructor {
    Constructor {
        path,
        tuple: Some((at, 2)),
        companion: None,
    }
}

pub static ENTRIES: Entries = Entries {
    types: &[
        KnownType {
            canonical: BUF_WRITER,
            aliases: &[
                "tokio::io::util::buf_writer::BufWriter",
                "futures_util::io::BufWriter",
                "futures::io::BufWriter",
                "async_std::io::BufWriter",
            ],
            short: "BufWriter",
        },
        KnownType {
            canonical: "tokio_rustls::TlsConnector",
            aliases: &["tokio_native_tls::TlsConnector"],
            short: "TlsConnector",
        },
        KnownType {
            canonical: "tokio_rustls::TlsAcceptor",
            aliases: &["tokio_native_tls::TlsAcceptor"],
            short: "TlsAcceptor",
        },
        KnownType {
            canonical: TLS_STREAM,
            aliases: &[
                "tokio_native_tls::TlsStream",
                "tokio_rustls::client::TlsStream",
                "tokio_rustls::server::TlsStream",
            ],
            short: "TlsStream",
        },
        KnownType {
            canonical: WEBSOCKET,
            aliases: &["async_tungstenite::WebSocketStream"],
            short: "WebSocketStream",
        },
        KnownType {
            canonical: "tokio_postgres::Config",
            aliases: &["tokio_postgres::config::Config"],
            short: "Config",
        },
        KnownType {
            canonical: "hyper::client::conn::http1::Builder",
            aliases: &[],
            short: "Builder",
        },
        KnownType {
            canonical: "hyper::client::conn::http2::Builder",
            aliases: &[],
            short: "Builder",
        },
        KnownType {
            canonical: CONNECTION,
            aliases: &[],
            short: "Connection",
        },
    ],
    functions: &[],
    methods: &[],
    guards: &[],
    builders: &[
        Builder {
            ty: "tokio_rustls::TlsConnector",
            constructors: &["from", "new"],
            settings: &[],
            completions: &[],
        },
        Builder {
            ty: "tokio_rustls::TlsAcceptor",
            constructors: &["from", "new"],
            settings: &[],
            completions: &[],
        },
        Builder {
            ty: "tokio_postgres::Config",
            constructors: &["new"],
            settings: &[],
            completions: &[],
        },
        Builder {
            ty: "hyper::client::conn::http1::Builder",
            constructors: &["new"],
            settings: &[],
            completions: &[],
        },
        Builder {
            ty: "hyper::client::conn::http2::Builder",
            constructors: &["new"],
            settings: &[],
            completions: &[],
        },
    ],
    resources: &[
        Resource {
            id: "async_buf_writer",
            ty: BUF_WRITER,
            discharge: &["flush", "shutdown", "close"],
            neutral: &["get_ref", "get_mut", "buffer", "capacity"],
            reborrow: &["as_mut", "by_ref"],
            constructors: &[
                ctor("tokio::io::BufWriter::new"),
                ctor("tokio::io::BufWriter::with_capacity"),
            ],
            arm: WRITES,
            loses: &["into_inner"],
            ..Resource::BASE
        },
        Resource {
            id: "tls_stream",
            ty: TLS_STREAM,
            builder: "tokio_rustls::TlsConnector",
            create: "connect",
            fallible: true,
            // `close`: of a `Framed` or `FramedWrite` wrapping it, which shuts it down.
            discharge: &["shutdown", "close"],
            neutral: STREAM_NEUTRAL,
            reborrow: &["as_mut", "by_ref"],
            arm: WRITES,
            ..Resource::BASE
        },
        Resource {
            id: "tls_stream",
            ty: TLS_STREAM,
            builder: "tokio_rustls::TlsAcceptor",
            create: "accept",
            fallible: true,
            // `close`: of a `Framed` or `FramedWrite` wrapping it, which shuts it down.
            discharge: &["shutdown", "close"],
            neutral: STREAM_NEUTRAL,
            reborrow: &["as_mut", "by_ref"],
            arm: WRITES,
            ..Resource::BASE
        },
        Resource {
            id: "websocket",
            ty: WEBSOCKET,
            discharge: &["close"],
            neutral: STREAM_NEUTRAL,
            reborrow: &["as_mut", "by_ref"],
            constructors: WEBSOCKET_CONSTRUCTORS,
            arm: WRITES,
            drained_by: &["next", "try_next"],
            closing_argument: Some("Close"),
            closed_by_peer: &["is_close"],
            ..Resource::BASE
        },
        // The connection half does all the I/O of its client when polled.
        Resource {
            id: "connection",
            ty: CONNECTION,
            builder: "tokio_postgres::Config",
            create: "connect",
            neutral: &["parameter"],
            constructors: &[
                pair("tokio_postgres::connect", 1),
                pair("hyper::client::conn::http1::handshake", 1),
                pair("hyper::client::conn::http2::handshake", 1),
                pair("redis::aio::MultiplexedConnection::new", 1),
                pair(
                    "redis::aio::MultiplexedConnection::new_with_response_timeout",
                    1,
                ),
            ],
            driven_by_await: true,
            create_tuple: Some((1, 2)),
            ..Resource::BASE
        },
        Resource {
            id: "connection",
            ty: CONNECTION,
            builder: "hyper::client::conn::http1::Builder",
            create: "handshake",
            neutral: &["parameter"],
            driven_by_await: true,
            create_tuple: Some((1, 2)),
            ..Resource::BASE
        },
        Resource {
            id: "connection",
            ty: CONNECTION,
            builder: "hyper::client::conn::http2::Builder",
            create: "handshake",
            neutral: &["parameter"],
            driven_by_await: true,
            create_tuple: Some((1, 2)),
            ..Resource::BASE
        },
    ],
};
