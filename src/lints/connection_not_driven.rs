//! `connection_not_driven`: the connection half of a client that nobody polls.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::Fate;

pub const LINT: Lint = Lint {
    id: "connection_not_driven",
    family: Family::Conn,
    default_level: Level::Deny,
    summary: "the connection half of a tokio-postgres, hyper or redis client is never spawned, awaited or polled",
    docs: Docs {
        what_it_does: "
Finds the connection (or driver) half returned by tokio-postgres `connect` and
`Config::connect`, hyper's `client::conn::http1`/`http2` `handshake` (and their
builders), and redis `MultiplexedConnection::new`, when it is discarded (`_`), bound and
never used, dropped, or only looked at, instead of being spawned (`tokio::spawn(conn)`,
`tokio::spawn(async move { conn.await })`), awaited, joined or selected.
",
        why_is_this_bad: "
The connection future performs all of the client's I/O. Until it is polled, every
request made through the client waits forever (or fails once the connection is dropped):
the program hangs on its first query.
",
        example: "
async fn open(url: &str) -> Result<tokio_postgres::Client, tokio_postgres::Error> {
    let (client, _connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await?;
    Ok(client)
}
",
        use_instead: "
async fn open(url: &str) -> Result<tokio_postgres::Client, tokio_postgres::Error> {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!(\"connection error: {e}\");
        }
    });
    Ok(client)
}
",
        known_limits: "
A connection handed to any function, stored or returned is taken as driven there. When
the client half is never used either (a test that only checks that `connect` fails),
nothing can hang and nothing is reported.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for story in &cx.flow().stories {
        // A client that is never used sends nothing that could hang.
        if story.resource.id != "connection" || !story.companion_used {
            continue;
        }
        let Fate::Lost { witness, .. } = &story.fate else {
            continue;
        };
        // Never driven; or dropped at a scope's end on some path while its client is
        // used. (An early exit usually drops the client with it: nothing hangs.)
        let witness = if story.settled_somewhere {
            match story.losses.iter().find(|l| !l.exit.is_early()) {
                Some(l) => l,
                None => continue,
            }
        } else {
            witness
        };
        out.push(Diagnostic {
            message: "the connection half is never spawned or awaited: every request on its client hangs".to_string(),
            primary: Label {
                span: story.created.clone(),
                message: "the client and its connection are created here".to_string(),
            },
            secondary: vec![Label {
                span: witness.span.clone(),
                message: "the connection is dropped here without being polled".to_string(),
            }],
            help: Some(
                "spawn it: `tokio::spawn(async move { if let Err(e) = connection.await { eprintln!(\"connection error: {e}\") } })`"
                    .to_string(),
            ),
            fix: None,
            reported_as: None,
        });
    }
}
