//! `select_branch_not_cancel_safe`: a branch of a `select!` in a loop whose future loses
//! data when another branch wins and the loop goes on.

use syn::Expr;
use syn::spanned::Spanned;

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::cancel_safety::{self, CANCEL_SAFE, Loss, NotCancelSafe};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::syntax::select_loops::{self, LoopedSelect, Wrapped};

pub const LINT: Lint = Lint {
    id: "select_branch_not_cancel_safe",
    family: Family::Cancel,
    default_level: Level::Warn,
    summary: "a `select!` in a loop races a future that loses data when another branch wins",
    docs: Docs {
        what_it_does: "
Finds a branch of `tokio::select!` or `futures::select!` (and `select_biased!`) inside a
`loop`, `while` or `for` whose future is created in the branch and is not cancel safe:
`read_exact`, `read_line`, `read_to_string`, the `read_u16` .. `read_f64` family and
their `_le` forms, `write_all`, tokio-util's `write_all_vectored`, a channel's or sink's
`send(message)`, or an `async fn` of the same file that awaits one of those on what it is
given. It reports only when another branch can complete without leaving the loop.
",
        why_is_this_bad: "
When one branch of a `select!` completes, the futures of the others are dropped. A future
that had already done part of its work loses it: `read_exact` has read some of the bytes
into its buffer, `read_line` empties its string, `write_all` has written part of its
buffer and starts again from the beginning next time, `send` drops its message. In a loop
the next round creates a fresh future, and the stream is out of step from then on: a
frame is read from its middle, a message is never delivered, bytes are written twice.
tokio documents each of these as not cancel safe.
",
        example: "
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio::sync::mpsc::Receiver;

async fn serve(mut socket: TcpStream, mut outgoing: Receiver<Vec<u8>>) -> std::io::Result<()> {
    let mut header = [0u8; 8];
    loop {
        tokio::select! {
            read = socket.read_exact(&mut header) => {
                read?;
                handle(&header);
            }
            Some(reply) = outgoing.recv() => send(&reply),
        }
    }
}
",
        use_instead: "
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio::sync::mpsc::{self, Receiver};

async fn serve(socket: TcpStream, mut outgoing: Receiver<Vec<u8>>) -> std::io::Result<()> {
    let (mut reader, _writer) = socket.into_split();
    let (frames, mut incoming) = mpsc::channel(16);
    // The reads run to completion in their own task; the loop races only `recv`s.
    tokio::spawn(async move {
        let mut header = [0u8; 8];
        while reader.read_exact(&mut header).await.is_ok() {
            if frames.send(header).await.is_err() {
                break;
            }
        }
    });
    loop {
        tokio::select! {
            Some(header) = incoming.recv() => handle(&header),
            Some(reply) = outgoing.recv() => send(&reply),
        }
    }
}
",
        known_limits: "
Calls are recognised by name and argument count, with no types: `read_exact(buf)` of any
receiver is taken as tokio's (a `select!` branch can only be a future). `read_to_end`, not
documented either way, is not reported: it appends what it read to the caller's buffer. A
branch is not reported when every other branch always `break`s or `return`s (the loss
happens only on the way out), when its future is a variable made before the loop
(`&mut read`, the fix), or when the `select!` runs once. Wrappers are followed one level
deep, within the file. Futures that only lose their place in a fair queue (`Mutex::lock`,
`Semaphore::acquire`, `Sender::reserve`) are not reported.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    // Every way to invoke one writes `select` (a renamed import names it too).
    if !cx.source.text.contains("select") {
        return;
    }
    let renames =
        cx.source.text.contains("select as ") || cx.source.text.contains("select_biased as ");
    let selects = select_loops::selects_in_loops(cx.syntax, cx.imports, renames);
    if selects.is_empty() {
        return;
    }
    let wrappers = select_loops::unsafe_wrappers(cx.syntax);
    for looped in &selects {
        judge(looped, &wrappers, out);
    }
}

/// What makes a branch's future not cancel safe.
struct Culprit {
    /// The call written in the branch (`read_exact`, `read_frame`).
    call: String,
    /// The primitive that loses, and (for a wrapper) the call inside it.
    primitive: &'static NotCancelSafe,
    inner: Option<String>,
    /// The arguments of the call written in the branch.
    args: Vec<Expr>,
}

fn judge(
    looped: &LoopedSelect,
    wrappers: &std::collections::HashMap<String, Wrapped>,
    out: &mut Vec<Diagnostic>,
) {
    let branches = &looped.select.branches;
    for (i, branch) in branches.iter().enumerate() {
        let Some(culprit) = culprit(&branch.future, wrappers) else {
            continue;
        };
        // Another branch that can complete and stay in the loop.
        let Some(rival) = branches
            .iter()
            .enumerate()
            .find(|(j, b)| *j != i && !select_loops::always_leaves(&b.handler))
            .map(|(_, b)| b)
        else {
            continue;
        };
        out.push(diagnostic(&culprit, &branch.future, &rival.future));
    }
}

/// The call of a branch's future that is not cancel safe, seen through `.fuse()`,
/// `Box::pin(..)` and `.boxed()`; `None` for a future made elsewhere (`&mut read`).
fn culprit(
    future: &Expr,
    wrappers: &std::collections::HashMap<String, Wrapped>,
) -> Option<Culprit> {
    match future {
        Expr::Paren(p) => culprit(&p.expr, wrappers),
        Expr::Group(g) => culprit(&g.expr, wrappers),
        Expr::MethodCall(m)
            if m.args.is_empty() && matches!(m.method.to_string().as_str(), "fuse" | "boxed") =>
        {
            culprit(&m.receiver, wrappers)
        }
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            let args: Vec<Expr> = m.args.iter().cloned().collect();
            if let Some(primitive) = cancel_safety::not_cancel_safe(&name, args.len(), false) {
                return Some(Culprit {
                    call: name,
                    primitive,
                    inner: None,
                    args,
                });
            }
            // A method of the file, by a name no cancel-safe library method has.
            let w = wrappers.get(&name).filter(|w| w.method)?;
            (!CANCEL_SAFE.contains(&name.as_str())).then(|| Culprit {
                call: name,
                primitive: w.primitive,
                inner: Some(w.call.clone()),
                args,
            })
        }
        Expr::Call(c) => {
            let Expr::Path(p) = &*c.func else { return None };
            let name = p.path.segments.last()?.ident.to_string();
            let args: Vec<Expr> = c.args.iter().cloned().collect();
            if name == "pin" && args.len() == 1 {
                return culprit(&args[0], wrappers);
            }
            if let Some(primitive) = cancel_safety::not_cancel_safe(&name, args.len(), true) {
                return Some(Culprit {
                    call: name,
                    primitive,
                    inner: None,
                    args,
                });
            }
            let w = wrappers.get(&name)?;
            Some(Culprit {
                call: name,
                primitive: w.primitive,
                inner: Some(w.call.clone()),
                args,
            })
        }
        _ => None,
    }
}

/// An argument as the message names it: `&mut header` is `header`.
fn named(args: &[Expr], at: usize) -> Option<String> {
    let mut e = args.get(at)?;
    while let Expr::Reference(r) = e {
        e = &r.expr;
    }
    let text = quote::ToTokens::to_token_stream(e).to_string();
    (text.len() <= 40).then(|| text.replace(" . ", ".").replace(" :: ", "::"))
}

fn diagnostic(culprit: &Culprit, future: &Expr, rival: &Expr) -> Diagnostic {
    let arg = |at: usize| named(&culprit.args, at);
    let lost = match (&culprit.inner, culprit.primitive.loses) {
        (Some(inner), Loss::Rewritten(_)) => {
            format!("what `{inner}` already wrote is written again in the next round")
        }
        (Some(inner), Loss::Message(_)) => format!("the message given to `{inner}` is dropped"),
        (Some(inner), _) => format!("what `{inner}` already read is lost"),
        (None, Loss::ReadInto(at)) => match arg(at) {
            Some(buf) => format!("the bytes it already read into `{buf}` are lost"),
            None => "the bytes it already read are lost".to_string(),
        },
        (None, Loss::TextEmptied(at)) => match arg(at) {
            Some(s) => format!("what it already read is lost, and `{s}` is left empty"),
            None => "what it already read is lost".to_string(),
        },
        (None, Loss::Number) => "the bytes of the number it already read are lost".to_string(),
        (None, Loss::Rewritten(at)) => match arg(at) {
            Some(buf) => format!(
                "part of `{buf}` may be written already, and the next round writes it all again"
            ),
            None => {
                "part of the buffer may be written already, and the next round writes it all again"
                    .to_string()
            }
        },
        (None, Loss::Message(at)) => match arg(at) {
            Some(msg) => format!("the message `{msg}` is dropped, never sent"),
            None => "the message is dropped, never sent".to_string(),
        },
    };
    let what = match &culprit.inner {
        None => format!("`{}` is not cancel safe", culprit.call),
        Some(inner) => format!(
            "`{}` awaits `{inner}` on what it is given, so it is not cancel safe",
            culprit.call
        ),
    };
    let help = match culprit.primitive.loses {
        Loss::Message(_) => {
            "reserve capacity in the branch (`permit = tx.reserve()`) and send with the permit in its handler, or send from a task of its own; or create the send future once before the loop and poll `&mut send` in each round"
        }
        Loss::Rewritten(_) => {
            "write from a task of its own fed by a channel, or create the write future once before the loop (`let write = w.write_all(..); tokio::pin!(write);`) and poll `&mut write` in each round"
        }
        _ => {
            "read in a task of its own that feeds a channel, read with a cancel-safe method (`read`/`read_buf` into a buffer kept across rounds, `Lines::next_line`, a `FramedRead` codec), or create the future once before the loop (`tokio::pin!`) and poll `&mut fut` in each round"
        }
    };
    Diagnostic {
        message: format!(
            "{what}: when another branch of this `select!` completes first, {lost}"
        ),
        primary: Label {
            span: future.span().byte_range(),
            message: "created anew in each round of the loop, and dropped half-done when another branch wins".to_string(),
        },
        secondary: vec![Label {
            span: rival.span().byte_range(),
            message: "this branch can complete first, and the loop goes on".to_string(),
        }],
        help: Some(help.to_string()),
        fix: None,
        reported_as: None,
    }
}
