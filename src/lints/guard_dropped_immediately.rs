//! `guard_dropped_immediately`: a guard whose drop does the work, discarded as soon as it
//! is created.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Expr, Pat, Stmt};

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::{self, Catalog, Guard};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::fix::{Applicability, Edit, Fix};
use crate::syntax::types::{Ty, Typer};
use crate::syntax::walk::{StatementVisitor, walk_statements};

pub const LINT: Lint = Lint {
    id: "guard_dropped_immediately",
    family: Family::Cancel,
    default_level: Level::Deny,
    summary: "a guard whose drop cancels, aborts, unlocks or exits something is dropped as soon as it is created",
    docs: Docs {
        what_it_does: "
Finds guards that are discarded in the statement that creates them: a `DropGuard` or
`DropGuardRef` of a tokio-util `CancellationToken`, an `AbortOnDropHandle` or
`AbortOnDrop` of a tokio task, the `WorkerGuard` returned by tracing-appender's
`non_blocking`, a tracing span's `enter()`/`entered()` guard, tokio's `Mutex`/`RwLock`
guards (`lock().await`, `read().await`, `write().await`), `Semaphore` permits
(`try_acquire*`) and runtime `enter()` guards, smol's (async-task's) `Task`, tempfile's
`TempDir` and `NamedTempFile`, and the `RemoteHandle` of futures' `remote_handle()`. It
looks at `let _ = ...`, `_ = ...`, tuple patterns with `_` or `..` in the guard's place,
`let Ok(_) = ... else`, and expression statements such as `token.drop_guard();`. Two
uses of a temporary guard count as discarding it: a permit whose `try_acquire()` is
only tested (`if semaphore.try_acquire().is_ok() { .. }`), and a path copied out of a
temporary directory or file to somewhere that outlives the statement
(`let root = tempdir()?.path().join(\"db\")`, a struct field, an argument of
`Type::new(..)`): the directory is deleted at the end of the statement, and the path
points into nothing.
",
        why_is_this_bad: "
These guards act when they are dropped, and none of them is `#[must_use]` in a way that
catches `let _`. `let _ = x` does not bind: the value is dropped at the end of the
statement. A discarded `DropGuard` cancels its token at once, so every task waiting on it
stops immediately; a discarded `AbortOnDropHandle` aborts its task before it runs; a
discarded `WorkerGuard` stops tracing-appender's worker, and every log line written
afterwards is lost.
",
        example: "
use tokio_util::sync::CancellationToken;

fn serve(token: CancellationToken) {
    // Meant to cancel the workers when `serve` returns; cancels them now.
    let _ = token.drop_guard();
    run_workers();
}

fn init_logging() {
    let (writer, _) = tracing_appender::non_blocking(std::io::stdout());
    tracing_subscriber::fmt().with_writer(writer).init();
}
",
        use_instead: "
use tokio_util::sync::CancellationToken;

fn serve(token: CancellationToken) {
    let _guard = token.drop_guard();
    run_workers();
}

fn init_logging() -> tracing_appender::non_blocking::WorkerGuard {
    let (writer, guard) = tracing_appender::non_blocking(std::io::stdout());
    tracing_subscriber::fmt().with_writer(writer).init();
    guard
}
",
        known_limits: "
The receiver of `drop_guard()` must be known to be a `CancellationToken`: a local created
with `CancellationToken::new()`, `child_token()` or `clone()` of a token, a parameter or
`let` annotated with the type, or a field of a struct declared in the same file. A token
inside an `Arc`, `Rc` or `Box` counts as the token. A token obtained from a function
defined elsewhere is not recognised, so some discarded guards go unreported.

A lock awaited as a bare statement (`mutex.lock().await;`) waits for whoever holds it,
and a permit awaited and dropped (`let _ = semaphore.acquire().await`) waits for a free
one: neither is reported. std's lock guards are rustc's `let_underscore_lock`, and a lock's
future discarded without `.await` is clippy's `let_underscore_future`. A bare
`runtime.enter();` or `future.remote_handle();` statement is also rustc's
`unused_must_use` (both types are `#[must_use]`), which `let _ =` silences.

A path copied from a temporary directory is reported only where it is bound, assigned,
stored in a field, returned, or given to an associated function or variant
(`Registry::new(..)`, `Some(..)`); given to a free function (`fs::write(..)`) or a method
it may be used at once, while the directory still exists, and is not reported. A
`TempDir` tested with `tempdir().is_ok()` is a check that one can be made, and is not
reported.

Not reported, by design: `drop(guard)` and a bare `guard;` on an existing guard (explicit,
and equivalent to cancelling), `let _ = guard;` (does not move it), and
`let _ = &token.drop_guard();` (the borrowed temporary lives to the end of the block).
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    walk_statements(
        cx.syntax,
        cx.imports,
        cx.fields,
        &mut Guards {
            out,
            form: Form::Let,
            named: 0,
        },
    );
}

struct Guards<'o> {
    out: &'o mut Vec<Diagnostic>,
    /// How the statement being looked at discards its value, for the fix.
    form: Form,
    /// Names the fixes of this statement already gave (`_guard`, `_guard2`, ...).
    named: usize,
}

/// The statement shape a discarded guard comes from: what binding it means a change to.
#[derive(Clone, Copy)]
enum Form {
    /// `let _ = ...`, `let (a, _) = ...`: the `_` becomes a name.
    Let,
    /// `_ = ...;`: becomes `let name = ...;`.
    Assign,
    /// `expr;`: becomes `let name = expr;`.
    Statement,
}

impl StatementVisitor for Guards<'_> {
    fn statement(&mut self, stmt: &Stmt, typer: &Typer<'_, '_>) {
        self.named = 0;
        match stmt {
            Stmt::Local(local) => {
                // A pattern that binds every part keeps every guard: no type to infer.
                if let Some(init) = &local.init
                    && discards(&local.pat)
                    && !is_extending_borrow(&init.expr)
                    && !is_place(&init.expr)
                    && let Some(ty) = typer.infer(&init.expr)
                {
                    self.form = Form::Let;
                    self.pattern(&local.pat, &ty, &init.expr);
                }
            }
            Stmt::Expr(Expr::Assign(a), _) if matches!(*a.left, Expr::Infer(_)) => {
                if !is_place(&a.right)
                    && let Some(ty) = typer.infer(&a.right)
                {
                    self.form = Form::Assign;
                    self.discarded(&ty, &a.right, Some((a.left.span(), "_")));
                }
            }
            Stmt::Expr(expr, Some(_)) => {
                if !is_place(expr)
                    && let Some(ty) = typer.infer(expr)
                {
                    self.form = Form::Statement;
                    self.discarded(&ty, expr, None);
                }
            }
            _ => {}
        }
        let mut temporaries = Temporaries {
            typer,
            out: self.out,
        };
        match stmt {
            Stmt::Local(local) => {
                if let Some(init) = &local.init {
                    temporaries.stored(&init.expr);
                    temporaries.visit_expr(&init.expr);
                }
            }
            Stmt::Expr(expr, semi) => {
                if semi.is_none() {
                    temporaries.stored(expr);
                }
                temporaries.visit_expr(expr);
            }
            Stmt::Item(_) | Stmt::Macro(_) => {}
        }
    }
}

/// Guards used only through a temporary that the statement drops: a path borrowed from a
/// temporary directory and copied to where it outlives the statement
/// (`let root = tempdir()?.path().join("x")`), or a result only tested
/// (`semaphore.try_acquire().is_ok()`). Blocks inside the statement are left to their
/// own statements.
struct Temporaries<'t, 'a, 'b, 'o> {
    typer: &'t Typer<'a, 'b>,
    out: &'o mut Vec<Diagnostic>,
}

impl<'ast> Visit<'ast> for Temporaries<'_, '_, '_, '_> {
    fn visit_block(&mut self, _: &'ast syn::Block) {}

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let method = m.method.to_string();
        if TESTS.contains(&method.as_str()) && self.tested(m, &method) {
            return;
        }
        syn::visit::visit_expr_method_call(self, m);
    }

    // Where a value outlives the statement: assigned, a field of a value built here, given
    // to a constructor (`Registry::new(..)`, `Some(..)`), returned.
    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        self.stored(&a.right);
        syn::visit::visit_expr_assign(self, a);
    }

    fn visit_field_value(&mut self, f: &'ast syn::FieldValue) {
        self.stored(&f.expr);
        syn::visit::visit_field_value(self, f);
    }

    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if constructs(&c.func) {
            for arg in &c.args {
                self.stored(arg);
            }
        }
        syn::visit::visit_expr_call(self, c);
    }

    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        if let Some(e) = &r.expr {
            self.stored(e);
        }
        syn::visit::visit_expr_return(self, r);
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        self.stored(&c.body);
        syn::visit::visit_expr_closure(self, c);
    }
}

/// Whether a call's function makes a value that keeps its arguments: an associated
/// function of a type (`Registry::new`), or a variant (`Some`, `Ok`). A free function
/// (`fs::write`) uses a path at once, while its directory still exists.
fn constructs(func: &Expr) -> bool {
    let Expr::Path(p) = func else {
        return false;
    };
    let mut segments = p.path.segments.iter().rev();
    let upper = |s: &syn::PathSegment| s.ident.to_string().starts_with(char::is_uppercase);
    match (segments.next(), segments.next()) {
        (Some(last), _) if upper(last) => true,
        (Some(_), Some(owner)) => upper(owner),
        _ => false,
    }
}

/// Methods that only look at a `Result` or `Option` and give a `bool`.
const TESTS: &[&str] = &["is_ok", "is_err", "is_some", "is_none"];

impl Temporaries<'_, '_, '_, '_> {
    /// `try_acquire().is_ok()`: the guard inside the result is dropped once tested.
    fn tested(&mut self, m: &syn::ExprMethodCall, method: &str) -> bool {
        let Some(guard) = self.created_guard(&m.receiver) else {
            return false;
        };
        if !catalog::guards::TRIED.contains(&guard.ty) {
            return false;
        }
        let mut d = diagnostic(guard, &m.receiver, None);
        d.primary.message = format!(
            "this `{}` is dropped as soon as `{method}()` has looked at it, which {}",
            short(guard),
            guard.on_drop
        );
        self.out.push(d);
        true
    }

    /// A value that outlives the statement: reported if it is a path copied out of a
    /// temporary directory or file (`tempdir()?.path().join("x")`), which the statement
    /// deletes.
    fn stored(&mut self, expr: &Expr) {
        let mut expr = expr;
        while let Expr::Paren(p) = expr {
            expr = &p.expr;
        }
        if let Expr::MethodCall(m) = expr
            && catalog::guards::PATH_COPIES.contains(&m.method.to_string().as_str())
        {
            self.path_copied(m);
        }
    }

    fn path_copied(&mut self, m: &syn::ExprMethodCall) -> bool {
        let mut receiver = &*m.receiver;
        let borrowed = loop {
            match receiver {
                Expr::MethodCall(inner) if inner.method == "path" && inner.args.is_empty() => {
                    break &*inner.receiver;
                }
                Expr::MethodCall(inner) => receiver = &inner.receiver,
                Expr::Try(t) => receiver = &t.expr,
                Expr::Paren(p) => receiver = &p.expr,
                _ => return false,
            }
        };
        let Some(guard) = self.created_guard(borrowed) else {
            return false;
        };
        if !catalog::guards::PATH_OWNERS.contains(&guard.ty) {
            return false;
        }
        let name = short(guard);
        let mut d = diagnostic(guard, borrowed, None);
        d.message = format!(
            "`{name}` is dropped at the end of the statement: {}, and only a path to it survives",
            guard.consequence
        );
        d.secondary.push(Label {
            span: m.span().byte_range(),
            message: format!("this path outlives the `{name}`, and points into what it deleted"),
        });
        self.out.push(d);
        true
    }

    /// The guard an expression creates (not one that already exists in a place).
    fn created_guard(&self, expr: &Expr) -> Option<&'static Guard> {
        if is_place(peel(expr)) {
            return None;
        }
        match self.typer.infer(expr)? {
            Ty::Path(p) => Catalog::guard(&p),
            Ty::Tuple(_) => None,
        }
    }
}

/// An expression without the `?`, `.unwrap()`, `.expect(..)` and `.ok()` that open its
/// result.
fn peel(expr: &Expr) -> &Expr {
    match expr {
        Expr::Try(t) => peel(&t.expr),
        Expr::Paren(p) => peel(&p.expr),
        Expr::MethodCall(m) if m.method == "unwrap" || m.method == "expect" || m.method == "ok" => {
            peel(&m.receiver)
        }
        _ => expr,
    }
}

fn short(guard: &Guard) -> &'static str {
    Catalog::known_type(guard.ty).map_or(guard.ty, |t| t.short)
}

impl Guards<'_> {
    /// Reports the guards in `ty` that `pat` does not bind.
    fn pattern(&mut self, pat: &Pat, ty: &Ty, init: &Expr) {
        match (pat, ty) {
            (Pat::Wild(w), _) => self.discarded(ty, init, Some((w.span(), "_"))),
            (Pat::Type(p), _) => self.pattern(&p.pat, ty, init),
            (Pat::Paren(p), _) => self.pattern(&p.pat, ty, init),
            // `let Ok(_) = semaphore.try_acquire() else { .. }`: the type already stands
            // for what the `Result` holds.
            (Pat::TupleStruct(t), _) if opens(t) => {
                if let Some(inner) = t.elems.first() {
                    self.pattern(inner, ty, init);
                }
            }
            (Pat::Tuple(t), Ty::Tuple(elems)) => {
                let rest = t.elems.iter().position(|p| matches!(p, Pat::Rest(_)));
                let fixed = t.elems.len() - usize::from(rest.is_some());
                if fixed > elems.len() || (rest.is_none() && fixed != elems.len()) {
                    // The pattern does not fit the tuple (the code does not compile):
                    // which element each sub-pattern takes is anyone's guess.
                    return;
                }
                let after_rest = rest.map_or(0, |r| t.elems.len() - r - 1);
                for (i, elem) in elems.iter().enumerate() {
                    let Some(elem) = elem else { continue };
                    let bound_by = match rest {
                        None => t.elems.iter().nth(i),
                        Some(r) if i < r => t.elems.iter().nth(i),
                        Some(r) if i >= elems.len() - after_rest => {
                            t.elems.iter().nth(r + 1 + i - (elems.len() - after_rest))
                        }
                        Some(r) => {
                            // Covered by `..`: not bound, dropped with the tuple.
                            let rest_pat = t.elems.iter().nth(r).map(|p| (p.span(), ".."));
                            self.discarded(elem, init, rest_pat);
                            continue;
                        }
                    };
                    if let Some(p) = bound_by {
                        self.pattern(p, elem, init);
                    }
                }
            }
            _ => {}
        }
    }

    /// Reports every guard in a value of type `ty` that is dropped at once. `dropped_at`,
    /// with how it is written (`_` or `..`),
    /// is the pattern that fails to bind it, if any.
    fn discarded(&mut self, ty: &Ty, init: &Expr, dropped_at: Option<(Span, &'static str)>) {
        match ty {
            Ty::Path(p) => {
                if let Some(guard) = Catalog::guard(p)
                    && (!guard.awaited || (awaits(init) && !matches!(self.form, Form::Statement)))
                {
                    let fix = self.fix(init, dropped_at, guard);
                    let mut d = diagnostic(guard, init, dropped_at);
                    d.fix = fix;
                    self.out.push(d);
                }
            }
            Ty::Tuple(elems) => {
                for elem in elems.iter().flatten() {
                    self.discarded(elem, init, dropped_at);
                }
            }
        }
    }

    /// Binds the guard to a name that starts with `_` (no unused-variable warning), so it
    /// lives to the end of the block, as the code meant. Certain: a new binding changes
    /// nothing but when the guard drops. A guard covered by `..` has no place for a name.
    /// Except a lock's: held to the end of the block, it may deadlock with a later lock
    /// of the same mutex there, so that fix is offered as unsafe.
    fn fix(
        &mut self,
        init: &Expr,
        dropped_at: Option<(Span, &'static str)>,
        guard: &Guard,
    ) -> Option<Fix> {
        let name = match self.named {
            0 => "_guard".to_string(),
            n => format!("_guard{}", n + 1),
        };
        let edit = match (self.form, dropped_at) {
            (Form::Let, Some((span, "_"))) => Edit::replace(span.byte_range(), name.clone()),
            (Form::Assign, Some((span, "_"))) => {
                Edit::replace(span.byte_range(), format!("let {name}"))
            }
            (Form::Statement, None) => {
                Edit::insert(init.span().byte_range().start, format!("let {name} = "))
            }
            _ => return None,
        };
        // Each `_` of one pattern gets its own name; the other forms bind the whole
        // value once, whatever number of guards it holds.
        if matches!(self.form, Form::Let) {
            self.named += 1;
        }
        Some(Fix::new(
            format!("bind it to `{name}` so that it lives to the end of the block"),
            if guard.awaited {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            },
            vec![edit],
        ))
    }
}

fn diagnostic(guard: &Guard, init: &Expr, dropped_at: Option<(Span, &'static str)>) -> Diagnostic {
    let name = Catalog::known_type(guard.ty).map_or(guard.ty, |t| t.short);
    let primary = Label {
        span: init.span().byte_range(),
        message: match dropped_at {
            Some(_) => format!("this `{name}` is created here"),
            None => format!(
                "this `{name}` is dropped at the end of the statement, which {}",
                guard.on_drop
            ),
        },
    };
    let secondary = dropped_at
        .map(|(span, written)| Label {
            span: span.byte_range(),
            message: format!(
                "`{written}` does not bind: the `{name}` is dropped here, which {}",
                guard.on_drop
            ),
        })
        .into_iter()
        .collect();
    Diagnostic {
        message: format!("`{name}` is dropped immediately: {}", guard.consequence),
        primary,
        secondary,
        help: Some(guard.keep.to_string()),
        fix: None,
        reported_as: None,
    }
}

/// Whether `expr` awaits (`mutex.lock().await`, `sem.acquire().await?`): a guard made by
/// a future is the guard only then.
fn awaits(expr: &Expr) -> bool {
    match expr {
        Expr::Await(_) => true,
        Expr::Try(t) => awaits(&t.expr),
        Expr::Paren(p) => awaits(&p.expr),
        Expr::Group(g) => awaits(&g.expr),
        Expr::MethodCall(m) => awaits(&m.receiver),
        _ => false,
    }
}

/// Whether a `let` pattern leaves some part of its value unbound (`_`, `..`), which
/// `pattern` may then report.
fn discards(pat: &Pat) -> bool {
    match pat {
        Pat::Wild(_) | Pat::Rest(_) => true,
        Pat::Type(p) => discards(&p.pat),
        Pat::Paren(p) => discards(&p.pat),
        Pat::Tuple(t) => t.elems.iter().any(discards),
        Pat::TupleStruct(t) => opens(t) && t.elems.iter().any(discards),
        _ => false,
    }
}

/// `Ok(x)` or `Some(x)`: the pattern of the value a `Result` or `Option` holds.
fn opens(t: &syn::PatTupleStruct) -> bool {
    t.qself.is_none()
        && t.elems.len() == 1
        && t.path
            .segments
            .last()
            .is_some_and(|s| s.ident == "Ok" || s.ident == "Some")
}

/// `let _ = &guard()` keeps the guard: temporary lifetime extension makes the borrowed
/// temporary live to the end of the enclosing block, whatever the pattern.
fn is_extending_borrow(expr: &Expr) -> bool {
    match expr {
        Expr::Reference(_) => true,
        Expr::Paren(p) => is_extending_borrow(&p.expr),
        Expr::Group(g) => is_extending_borrow(&g.expr),
        _ => false,
    }
}

/// A place expression names a guard that already exists, not one created here:
/// `let _ = guard;` and `_ = guard;` do not even move it, and `guard;` drops it as
/// explicitly as `drop(guard)` (rustc's `path_statements` lint already points at it).
fn is_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) => true,
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)),
        Expr::Field(f) => is_place(&f.base),
        Expr::Index(i) => is_place(&i.expr),
        Expr::Paren(p) => is_place(&p.expr),
        Expr::Group(g) => is_place(&g.expr),
        _ => false,
    }
}
