//! `unflushed_async_writer`: an async `BufWriter` dropped with data still in its buffer.

use syn::spanned::Spanned;
use syn::{Expr, ReturnType, Stmt, Type};

use super::{Check, Docs, Family, FileContext, Lint, StoredReport, stored_field};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::fix::{Applicability, Edit, Fix, site};
use crate::flow::{Exit, Fate, Story};

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
A private field that holds one (`BufWriter<W>`, or an `Option` of it) is followed across the
whole file when no code outside the file can see it (the file declares no `mod x;` of
another file): where the file's code writes to it, and nothing flushes, shuts down or closes it or hands it out (a
`&mut` borrow passed on, a getter, a `clone()`, a move out, a pattern), it is reported at
the struct literal that stores it, naming the struct and the field.
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
    for field in &cx.flow().stored {
        if field.resource.id != "async_buf_writer" || !field.calls_any(field.resource.arm) {
            continue;
        }
        let place = field.place();
        out.extend(stored_field(
            field,
            StoredReport {
                message: format!(
                    "the async `BufWriter` in `{place}` is written to but never flushed: nothing that can reach the private field flushes it, so what is left in its buffer is lost when `{}` is dropped",
                    field.owner
                ),
                stored: "stored here; never flushed",
                calls: (field.resource.arm, "written here"),
                help: format!(
                    "call `self.{}.flush().await?` (or `shutdown().await?`) after the last write, for instance in a method that finishes the struct's work",
                    field.field
                ),
            },
        ));
    }
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
            fix: flush_first(cx, story),
            reported_as: None,
        });
    }
}

/// `writer.flush().await?;` where each path drops the writer: before the `return`, before
/// the `drop(writer)`, and at the end of the block that owns it (before its tail
/// expression). Offered when the writer is a plain `let` of an `async fn` returning a
/// `Result`, every losing path is one of those, and no closure comes between. Safe when
/// the error type surely takes an `io::Error` through `?` and `AsyncWriteExt` (which
/// gives `flush`) is imported; otherwise unsafe.
fn flush_first(cx: &FileContext<'_>, story: &Story) -> Option<Fix> {
    let bound = site::scopes_at(cx.syntax, story.created.start)?;
    let (block, let_index) = site::innermost(&bound)?;
    let (pat, init) = site::bound_name(&block.stmts[let_index])?;
    if init.span().byte_range() != story.created {
        return None;
    }
    let sig = site::enclosing_fn(&bound)?;
    sig.asyncness?;
    let certain_error = takes_io_error(&sig.output)?;
    let name = pat.ident.to_string();
    let code = format!("{name}.flush().await?;");
    let mut edits: Vec<Edit> = Vec::new();
    for loss in &story.losses {
        let edit = match loss.exit {
            Exit::EndOfScope
                if block.brace_token.span.close().byte_range().start == loss.span.start =>
            {
                match block.stmts.last()? {
                    tail @ Stmt::Expr(_, None) => site::insert_before(cx.source, tail, &code),
                    last => site::insert_after(cx.source, last, &code),
                }
            }
            Exit::Return | Exit::Dropped => {
                let scopes = site::scopes_at(cx.syntax, loss.span.start)?;
                // The same function, and the writer's name still in scope.
                if !std::ptr::eq(site::enclosing_fn(&scopes)?, sig)
                    || !scopes.iter().any(|s| matches!(s, site::Scope::Block(b, i) if std::ptr::eq(*b, block) && *i > let_index))
                {
                    return None;
                }
                let (inner, index) = site::innermost(&scopes)?;
                let stmt = &inner.stmts[index];
                let leaves = match stmt {
                    Stmt::Expr(Expr::Return(_), _) => loss.exit == Exit::Return,
                    Stmt::Expr(Expr::Call(c), Some(_)) => {
                        loss.exit == Exit::Dropped
                            && matches!(&*c.func, Expr::Path(f) if f.path.is_ident("drop"))
                    }
                    _ => false,
                };
                if !leaves
                    || inner.stmts[..index]
                        .iter()
                        .any(|s| !std::ptr::eq(inner, block) && site::rebinds(s, &name))
                {
                    return None;
                }
                site::insert_before(cx.source, stmt, &code)
            }
            _ => return None,
        };
        // The name must still hold the writer where the flush goes: not moved away
        // (`let other = out;`) nor bound again after the `let`.
        let after_let = block.stmts[let_index].span().byte_range().end..edit.span.start;
        if block.stmts[let_index + 1..].iter().any(|s| {
            site::moves(s, &name, after_let.clone())
                || (s.span().byte_range().start < edit.span.start && site::rebinds(s, &name))
        }) {
            return None;
        }
        if !edits.contains(&edit) {
            edits.push(edit);
        }
    }
    if edits.is_empty() {
        return None;
    }
    if pat.mutability.is_none() {
        edits.push(Edit::insert(pat.ident.span().byte_range().start, "mut "));
    }
    let applicability = if certain_error && cx.source.text.contains("AsyncWriteExt") {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    Some(Fix::new(
        format!("flush it before it is dropped: insert `{code}`"),
        applicability,
        edits,
    ))
}

/// For a function returning a `Result`: whether its error type surely converts from an
/// `io::Error` (`io::Result`, `anyhow::Result`, `Result<_, io::Error>`,
/// `Result<_, Box<dyn Error>>`...). `None` when it returns no `Result`.
fn takes_io_error(output: &ReturnType) -> Option<bool> {
    let ReturnType::Type(_, ty) = output else {
        return None;
    };
    let Type::Path(p) = &**ty else {
        return None;
    };
    let segments: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let last = p.path.segments.last()?;
    if last.ident != "Result" {
        return None;
    }
    if segments.iter().any(|s| s == "io")
        || matches!(
            segments.first().map(String::as_str),
            Some("anyhow" | "eyre" | "color_eyre")
        )
    {
        return Some(true);
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return Some(false);
    };
    let Some(syn::GenericArgument::Type(error)) = args.args.iter().nth(1) else {
        return Some(false);
    };
    let text = quote::ToTokens::to_token_stream(error)
        .to_string()
        .replace(' ', "");
    Some(
        text.ends_with("io::Error")
            || text == "anyhow::Error"
            || (text.starts_with("Box<dyn") && text.contains("Error")),
    )
}
