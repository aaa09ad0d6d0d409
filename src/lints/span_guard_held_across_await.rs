//! `span_guard_held_across_await`: a tracing span entered with `enter()`/`entered()` in an
//! async body whose guard is still alive at a later `.await`.

use std::collections::HashSet;

use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Expr, Pat, Stmt};

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::spans::{ENTER, EXIT, SPAN, SPAN_FUNCTIONS};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::syntax::imports::Resolver;
use crate::syntax::types::is_span_macro;

pub const LINT: Lint = Lint {
    id: "span_guard_held_across_await",
    family: Family::Cancel,
    default_level: Level::Warn,
    summary: "a tracing span's `enter()` guard is still alive at an `.await`",
    docs: Docs {
        what_it_does: "
Finds `let guard = span.enter();` (or `span.entered()`) in an `async fn`, async block or
async closure, where the guard is still alive at a later `.await` of the same body. The
span is one made there by `info_span!` and its siblings, `span!`, `Span::current()`, or a
variable or parameter holding one.
",
        why_is_this_bad: "
Entering a span sets it as the current span of the thread until the guard is dropped. At
an `.await` the task may be suspended, and the thread runs other tasks while the span is
still entered: their events and spans are recorded inside it, and when the task resumes
on another thread, its own events are recorded outside it. tracing's documentation warns
that holding the guard of `Span::enter` across `.await` points results in incorrect
traces.
",
        example: "
use tracing::info_span;

async fn handle(request: Request) {
    let span = info_span!(\"request\", id = request.id);
    let _enter = span.enter();
    let user = load_user(request.user).await;
    tracing::info!(?user, \"loaded\");
}
",
        use_instead: "
use tracing::{Instrument, info_span};

async fn handle(request: Request) {
    let span = info_span!(\"request\", id = request.id);
    async move {
        let user = load_user(request.user).await;
        tracing::info!(?user, \"loaded\");
    }
    .instrument(span)
    .await
}
",
        known_limits: "
A span is recognised where it is made in the same function, or held by a parameter whose
type is named `Span`: one taken from a field or returned by a helper is not. A guard
dropped with `drop(guard)` or exited with `guard.exit()` before the `.await` is not
reported; one moved elsewhere is taken as still held. An `.await` inside a closure or an
async block within the body runs on its own and is not counted.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    // The guard comes from `.enter()` or `.entered()`, which no import renames.
    if !cx.source.text.contains(".enter") {
        return;
    }
    let mut bodies = Bodies {
        resolver: Resolver::new(cx.imports),
        out,
    };
    bodies.visit_file(cx.syntax);
}

/// Finds the async bodies of a file, each analysed on its own.
struct Bodies<'a, 'o> {
    resolver: Resolver<'a>,
    out: &'o mut Vec<Diagnostic>,
}

impl Bodies<'_, '_> {
    fn body(&mut self, inputs: impl Iterator<Item = (String, bool)>, block: &syn::Block) {
        let mut spans: HashSet<String> = inputs.filter(|(_, is)| *is).map(|(n, _)| n).collect();
        self.block(&block.stmts, &mut spans);
    }

    /// The statements of a block of the body: a guard made by one is held over the rest.
    fn block(&mut self, stmts: &[Stmt], spans: &mut HashSet<String>) {
        for (i, stmt) in stmts.iter().enumerate() {
            if let Stmt::Local(local) = stmt
                && let Some(init) = &local.init
                && let Some(name) = bound_name(&local.pat)
            {
                if self.is_span(&init.expr, spans) {
                    spans.insert(name.clone());
                } else if name != "_"
                    && let Expr::MethodCall(m) = &*init.expr
                    && m.args.is_empty()
                    && ENTER.contains(&m.method.to_string().as_str())
                    && self.is_span(&m.receiver, spans)
                    && let Some(at) = held_until_await(&stmts[i + 1..], &name)
                {
                    self.out.push(diagnostic(&name, &init.expr, at));
                }
            }
            // Blocks nested in the statement (branches, loops) have guards of their own.
            let mut nested = Nested {
                outer: self,
                spans: spans.clone(),
            };
            nested.visit_stmt(stmt);
        }
    }

    fn is_span(&self, expr: &Expr, spans: &HashSet<String>) -> bool {
        match expr {
            Expr::Paren(p) => self.is_span(&p.expr, spans),
            Expr::Reference(r) => self.is_span(&r.expr, spans),
            Expr::Path(p) => p
                .path
                .get_ident()
                .is_some_and(|i| spans.contains(&i.to_string())),
            Expr::MethodCall(m)
                if m.args.is_empty()
                    && matches!(m.method.to_string().as_str(), "clone" | "or_current") =>
            {
                self.is_span(&m.receiver, spans)
            }
            Expr::Macro(m) => is_span_macro(&self.resolver, &m.mac.path),
            Expr::Call(c) => {
                let Expr::Path(f) = &*c.func else {
                    return false;
                };
                let resolved = self.resolver.resolve(&f.path);
                resolved
                    .0
                    .iter()
                    .any(|p| SPAN_FUNCTIONS.contains(&p.as_str()))
            }
            _ => false,
        }
    }
}

impl<'ast> Visit<'ast> for Bodies<'_, '_> {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if f.sig.asyncness.is_some() {
            self.body(span_params(&f.sig), &f.block);
        }
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if f.sig.asyncness.is_some() {
            self.body(span_params(&f.sig), &f.block);
        }
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
        self.body(std::iter::empty(), &a.block);
        syn::visit::visit_expr_async(self, a);
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        if c.asyncness.is_some()
            && let Expr::Block(b) = &*c.body
        {
            self.body(std::iter::empty(), &b.block);
        }
        syn::visit::visit_expr_closure(self, c);
    }
}

/// The blocks nested in one statement of a body, not crossing into closures or async
/// blocks (bodies of their own).
struct Nested<'b, 'a, 'o> {
    outer: &'b mut Bodies<'a, 'o>,
    spans: HashSet<String>,
}

impl<'ast> Visit<'ast> for Nested<'_, '_, '_> {
    fn visit_block(&mut self, b: &'ast syn::Block) {
        let mut spans = self.spans.clone();
        self.outer.block(&b.stmts, &mut spans);
    }

    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}

    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// The parameters of a signature, each with whether its type is a span.
fn span_params(sig: &syn::Signature) -> impl Iterator<Item = (String, bool)> + '_ {
    let short = SPAN.rsplit("::").next().unwrap_or(SPAN);
    sig.inputs.iter().filter_map(move |arg| {
        let syn::FnArg::Typed(t) = arg else { return None };
        let Pat::Ident(p) = &*t.pat else { return None };
        let mut ty = &*t.ty;
        while let syn::Type::Reference(r) = ty {
            ty = &r.elem;
        }
        let is_span = matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == short));
        Some((p.ident.to_string(), is_span))
    })
}

/// The name a `let` binds, `_` for a wildcard; `None` for other patterns.
fn bound_name(pat: &Pat) -> Option<String> {
    match pat {
        Pat::Ident(p) => Some(p.ident.to_string()),
        Pat::Wild(_) => Some("_".to_string()),
        Pat::Type(t) => bound_name(&t.pat),
        _ => None,
    }
}

/// The first `.await` among `rest` (the statements after the guard's) before the guard
/// is dropped (`drop(guard)`) or exited (`guard.exit()`).
fn held_until_await(rest: &[Stmt], guard: &str) -> Option<std::ops::Range<usize>> {
    for stmt in rest {
        if ends_guard(stmt, guard) {
            return None;
        }
        let mut finder = FirstAwait(None);
        finder.visit_stmt(stmt);
        if let Some(at) = finder.0 {
            return Some(at);
        }
    }
    None
}

fn ends_guard(stmt: &Stmt, guard: &str) -> bool {
    let Stmt::Expr(e, _) = stmt else { return false };
    let is_guard = |e: &Expr| matches!(e, Expr::Path(p) if p.path.is_ident(guard));
    match e {
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Path(f) if f.path.segments.last().is_some_and(|s| s.ident == "drop"))
                && c.args.len() == 1
                && c.args.first().is_some_and(is_guard)
        }
        Expr::MethodCall(m) => {
            EXIT.contains(&m.method.to_string().as_str()) && is_guard(&m.receiver)
        }
        _ => false,
    }
}

/// The first `.await` of a statement, outside closures and async blocks.
struct FirstAwait(Option<std::ops::Range<usize>>);

impl<'ast> Visit<'ast> for FirstAwait {
    fn visit_expr_await(&mut self, a: &'ast syn::ExprAwait) {
        if self.0.is_none() {
            syn::visit::visit_expr(self, &a.base);
        }
        if self.0.is_none() {
            self.0 = Some(a.await_token.span().byte_range());
        }
    }

    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}

    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

fn diagnostic(guard: &str, enter: &Expr, at: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic {
        message: format!(
            "the span guard `{guard}` is held across an `.await`: while the task is suspended the span stays entered on its thread, and the traces recorded meanwhile are attributed to the wrong span"
        ),
        primary: Label {
            span: enter.span().byte_range(),
            message: "the span is entered here".to_string(),
        },
        secondary: vec![Label {
            span: at,
            message: format!("`{guard}` is still alive at this `.await`"),
        }],
        help: Some(
            "instrument the future instead (`async { .. }.instrument(span).await`, with `tracing::Instrument`), enter the span only around synchronous code (`span.in_scope(|| ..)`), or `drop` the guard before the `.await`"
                .to_string(),
        ),
        fix: None,
        reported_as: None,
    }
}
