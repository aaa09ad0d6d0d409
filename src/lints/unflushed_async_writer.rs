//! `unflushed_async_writer`: an async `BufWriter` dropped with data still in its buffer.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::Fate;

pub const LINT: Lint = Lint {
    id: "unflushed_async_writer",
    family: Family::Conn,
    default_level: Level::Deny,
    summary: "an async `BufWriter` that was written to is dropped on some path without being flushed",
    docs: Docs {
        what_it_does: "
Follows each async `BufWriter` (tokio's, futures', async-std's: resolved through the
file's imports) created in a function, and reports it when, after a write, some path
drops it without `flush().await`, `shutdown().await` or `close().await`: the end of its
scope, a `return`, or a `?` on other work. A writer wrapped in another writer, returned,
stored or handed to another function is someone else's and is not reported.
",
        why_is_this_bad: "
Unlike std's `BufWriter`, which flushes when dropped, the async ones cannot do I/O in
`Drop`: whatever is still in the buffer is silently discarded. The output is truncated
with no error anywhere, typically the last few kilobytes of a file or a response.
",
        example: "
use tokio::io::{AsyncWriteExt, BufWriter};

async fn save(path: &str, lines: &[String]) -> std::io::Result<()> {
    let file = tokio::fs::File::create(path).await?;
    let mut out = BufWriter::new(file);
    for line in lines {
        out.write_all(line.as_bytes()).await?;
    }
    Ok(())
}
",
        use_instead: "
use tokio::io::{AsyncWriteExt, BufWriter};

async fn save(path: &str, lines: &[String]) -> std::io::Result<()> {
    let file = tokio::fs::File::create(path).await?;
    let mut out = BufWriter::new(file);
    for line in lines {
        out.write_all(line.as_bytes()).await?;
    }
    out.flush().await?;
    Ok(())
}
",
        known_limits: "
The path where a write itself fails is not reported: the stream is broken there. A
`flush()` call counts even if its future is not awaited.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for story in &cx.flow().stories {
        if story.resource.id != "async_buf_writer" {
            continue;
        }
        let Fate::Lost { always, witness } = &story.fate else {
            continue;
        };
        let message = if *always {
            "this async `BufWriter` is dropped without being flushed: the data still in its buffer is lost".to_string()
        } else {
            format!(
                "this async `BufWriter` is not flushed on the path through {}: the data still in its buffer is lost",
                witness.describe(cx.source)
            )
        };
        out.push(Diagnostic {
            message,
            primary: Label {
                span: story.created.clone(),
                message: "the writer is created here and written to".to_string(),
            },
            secondary: vec![Label {
                span: witness.span.clone(),
                message: "dropped here with unflushed data".to_string(),
            }],
            help: Some("call `writer.flush().await?` (or `shutdown().await?`) after the last write, on every path".to_string()),
        });
    }
}
