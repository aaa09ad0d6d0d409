//! `stream_dropped_without_shutdown`: a TLS or websocket stream dropped without its
//! closing handshake.

use super::{Check, Docs, Family, FileContext, Lint, StoredReport, stored_field};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::Fate;

pub const LINT: Lint = Lint {
    id: "stream_dropped_without_shutdown",
    family: Family::Conn,
    default_level: Level::Warn,
    summary: "a TLS or websocket stream that was written to is dropped without `shutdown()` or `close()`",
    docs: Docs {
        what_it_does: "
Follows each TLS stream (`TlsConnector::connect`, `TlsAcceptor::accept` of tokio-rustls and
tokio-native-tls) and websocket stream (`connect_async`, `accept_async`, `client_async`,
`WebSocketStream::from_raw_socket` of tokio-tungstenite and async-tungstenite) created in a
function, and reports it when, after a write, some path drops it without
`shutdown().await` (TLS) or `close(..).await` (websocket). After a split, closing the
write half counts. A stream returned, stored or handed to another function is not
reported.
A private field that holds one (`TlsStream<S>`, `WebSocketStream<S>`, or an `Option` of it) is followed across the
whole file when no code outside the file can see it (the file declares no `mod x;` of
another file): where the file's code writes to it, and nothing shuts down or closes (a `Message::Close` sent, or the stream read to its end, counts) it or hands it out (a
`&mut` borrow passed on, a getter, a `clone()`, a move out, a pattern), it is reported at
the struct literal that stores it, naming the struct and the field.
",
        why_is_this_bad: "
A TLS stream sends its `close_notify` alert only from `shutdown()`; without it the peer
cannot tell the end of the data from a truncation attack, and strict peers report an
error. A websocket sends its Close frame only from `close()`; dropped, the peer sees an
abnormal closure (code 1006).
",
        example: "
use tokio::io::AsyncWriteExt;
use tokio_rustls::TlsConnector;

async fn send(connector: &TlsConnector, tcp: tokio::net::TcpStream, body: &[u8]) -> std::io::Result<()> {
    let domain = \"example.com\".try_into().unwrap();
    let mut tls = connector.connect(domain, tcp).await?;
    tls.write_all(body).await?;
    Ok(())
}
",
        use_instead: "
use tokio::io::AsyncWriteExt;
use tokio_rustls::TlsConnector;

async fn send(connector: &TlsConnector, tcp: tokio::net::TcpStream, body: &[u8]) -> std::io::Result<()> {
    let domain = \"example.com\".try_into().unwrap();
    let mut tls = connector.connect(domain, tcp).await?;
    tls.write_all(body).await?;
    tls.shutdown().await?;
    Ok(())
}
",
        known_limits: "
A connector or acceptor is known from a local made with `TlsConnector::from(..)` or a
parameter of that type; one held in a struct field is not followed. The path where a
write itself fails is not reported.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for field in &cx.flow().stored {
        let (kind, fix) = match field.resource.id {
            "tls_stream" => ("TLS stream", "shutdown().await"),
            "websocket" => ("websocket stream", "close(None).await"),
            _ => continue,
        };
        if !field.calls_any(field.resource.arm) {
            continue;
        }
        let place = field.place();
        out.extend(stored_field(
            field,
            StoredReport {
                message: format!(
                    "the {kind} in `{place}` is written to but never closed: nothing that can reach the private field calls `{fix}`, so the peer sees a truncated connection when `{}` is dropped",
                    field.owner
                ),
                stored: "stored here; never closed",
                calls: (field.resource.arm, "written here"),
                help: format!(
                    "call `self.{}.{fix}` when the struct is done with the connection, after the last write",
                    field.field
                ),
            },
        ));
    }
    for story in &cx.flow().stories {
        let (kind, fix) = match story.resource.id {
            "tls_stream" => ("TLS stream", "`shutdown().await`"),
            "websocket" => ("websocket stream", "`close(None).await`"),
            _ => continue,
        };
        let Fate::Lost { always, witness } = &story.fate else {
            continue;
        };
        let message = if *always {
            format!("this {kind} is dropped without {fix}: the peer sees a truncated connection")
        } else {
            format!(
                "this {kind} is not closed with {fix} on the path through {}: the peer sees a truncated connection",
                witness.describe(cx.source)
            )
        };
        out.push(Diagnostic {
            message,
            primary: Label {
                span: story.created.clone(),
                message: format!("the {kind} is opened here and written to"),
            },
            secondary: vec![Label {
                span: witness.span.clone(),
                message: "dropped here without the closing handshake".to_string(),
            }],
            help: Some(format!("call {fix} after the last write, on every path")),
            fix: None,
            reported_as: None,
        });
    }
}
