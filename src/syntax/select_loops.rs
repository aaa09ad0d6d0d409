//! `select!` invocations polled in a loop, where a branch that loses is dropped and made
//! anew in the next round; whether a branch's handler always leaves the loop; and the
//! file's `async fn`s that await, on what they are given, a call that is not cancel safe.

use std::collections::HashMap;
use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Expr, Stmt};

use crate::catalog::cancel_safety::{self, NotCancelSafe, SELECT_MACROS};
use crate::catalog::runtime::DIVERGING;
use crate::syntax::imports::{FileImports, Resolver};
use crate::syntax::macros::{self, Select};

/// A `select!` in the body of a loop of the same function or async block.
pub struct LoopedSelect {
    pub select: Select,
    /// The macro's span.
    pub span: Range<usize>,
}

/// Every `select!` of the file that runs in a loop, including those inside the handlers
/// of another one. `renames_select`: the file may import one under another name.
pub fn selects_in_loops(
    file: &syn::File,
    imports: &FileImports,
    renames_select: bool,
) -> Vec<LoopedSelect> {
    let mut finder = Finder {
        resolver: Resolver::new(imports),
        local_selects: local_macro_names(file),
        renames_select,
        loops: vec![0],
        out: Vec::new(),
    };
    finder.visit_file(file);
    finder.out
}

struct Finder<'a> {
    resolver: Resolver<'a>,
    /// `macro_rules!` of the file named like a select macro: those are not it.
    local_selects: Vec<String>,
    /// Whether the file imports a select macro under another name (`select as race`):
    /// only then are macros of other names resolved.
    renames_select: bool,
    /// Per body being walked (a function, a closure, an async block), the loops around.
    loops: Vec<usize>,
    out: Vec<LoopedSelect>,
}

fn local_macro_names(file: &syn::File) -> Vec<String> {
    crate::syntax::macro_rules::FileMacros::of_file(file)
        .names()
        .map(|(n, _)| n.to_string())
        .collect()
}

impl Finder<'_> {
    fn in_body(&mut self, f: impl FnOnce(&mut Self)) {
        self.loops.push(0);
        f(self);
        self.loops.pop();
    }

    fn in_loop(&mut self, f: impl FnOnce(&mut Self)) {
        if let Some(n) = self.loops.last_mut() {
            *n += 1;
        }
        f(self);
        if let Some(n) = self.loops.last_mut() {
            *n -= 1;
        }
    }

    fn is_select(&self, path: &syn::Path) -> bool {
        let last = path.segments.last().map(|s| s.ident.to_string());
        let named = last
            .as_deref()
            .is_some_and(|n| n == "select" || n == "select_biased");
        if !named && !self.renames_select {
            return false;
        }
        if path.segments.len() == 1
            && let Some(name) = &last
            && self.local_selects.contains(name)
        {
            return false;
        }
        let resolved = self.resolver.resolve(path);
        if resolved
            .0
            .iter()
            .any(|c| SELECT_MACROS.contains(&c.as_str()))
        {
            return true;
        }
        // `select!` brought in by a glob or `#[macro_use]`, which paths cannot follow.
        path.segments.len() == 1 && last.is_some_and(|n| n == "select" || n == "select_biased")
    }

    fn mac(&mut self, mac: &syn::Macro) {
        if !self.is_select(&mac.path) {
            return;
        }
        let Ok(select) = macros::parse_select(mac) else {
            return;
        };
        // The handlers run in the loop around the macro; the futures are polled there.
        for branch in &select.branches {
            self.visit_expr(&branch.future);
            self.visit_expr(&branch.handler);
        }
        if let Some(otherwise) = &select.otherwise {
            self.visit_expr(otherwise);
        }
        if self.loops.last().is_some_and(|&n| n > 0) {
            self.out.push(LoopedSelect {
                select,
                span: mac.span().byte_range(),
            });
        }
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.in_body(|s| syn::visit::visit_item_fn(s, f));
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.in_body(|s| syn::visit::visit_impl_item_fn(s, f));
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        self.in_body(|s| syn::visit::visit_trait_item_fn(s, f));
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        self.in_body(|s| syn::visit::visit_expr_closure(s, c));
    }

    fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
        self.in_body(|s| syn::visit::visit_expr_async(s, a));
    }

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.in_loop(|s| syn::visit::visit_expr_loop(s, l));
    }

    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        self.in_loop(|s| syn::visit::visit_expr_while(s, w));
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        self.in_loop(|s| s.visit_block(&f.body));
    }

    fn visit_expr_macro(&mut self, m: &'ast syn::ExprMacro) {
        self.mac(&m.mac);
    }

    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        self.mac(&m.mac);
    }
}

/// Whether evaluating `expr` always leaves the loop around it, or the function: a
/// `break` or `return` (or a diverging macro) on every path, before it can complete.
/// `continue` stays in the loop.
pub fn always_leaves(expr: &Expr) -> bool {
    match expr {
        Expr::Break(_) | Expr::Return(_) => true,
        Expr::Paren(p) => always_leaves(&p.expr),
        Expr::Group(g) => always_leaves(&g.expr),
        Expr::Macro(m) => is_diverging(&m.mac),
        Expr::Block(b) if b.label.is_none() => block_leaves(&b.block.stmts),
        Expr::Unsafe(u) => block_leaves(&u.block.stmts),
        Expr::If(i) => {
            always_leaves(&i.cond)
                || (block_leaves(&i.then_branch.stmts)
                    && i.else_branch
                        .as_ref()
                        .is_some_and(|(_, e)| always_leaves(e)))
        }
        Expr::Match(m) => {
            always_leaves(&m.expr)
                || (!m.arms.is_empty() && m.arms.iter().all(|a| always_leaves(&a.body)))
        }
        _ => false,
    }
}

fn block_leaves(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::Expr(e, _) => always_leaves(e),
        Stmt::Macro(m) => is_diverging(&m.mac),
        Stmt::Local(l) => l.init.as_ref().is_some_and(|i| always_leaves(&i.expr)),
        Stmt::Item(_) => false,
    })
}

fn is_diverging(mac: &syn::Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|s| DIVERGING.macros.contains(&s.ident.to_string().as_str()))
}

/// The file's `async fn`s (free, or methods taking `self`) that await a call that is not
/// cancel safe on one of their parameters (`reader.read_exact(..)`, `self.stream
/// .read_u32()`): by name, the call's name and what it loses.
pub fn unsafe_wrappers(file: &syn::File) -> HashMap<String, Wrapped> {
    let mut found = Wrappers::default();
    found.visit_file(file);
    // A name defined twice (two types' methods) is no one function.
    found
        .out
        .into_iter()
        .filter(|(name, _)| found.defined.get(name) == Some(&1))
        .collect()
}

/// An `async fn` of the file that is not cancel safe, and why.
#[derive(Debug, Clone)]
pub struct Wrapped {
    /// The call it awaits that is not cancel safe, and what it loses.
    pub call: String,
    pub primitive: &'static NotCancelSafe,
    /// Whether it takes `self` (called as a method).
    pub method: bool,
}

#[derive(Default)]
struct Wrappers {
    out: HashMap<String, Wrapped>,
    /// How many functions of the file have each name.
    defined: HashMap<String, usize>,
}

impl Wrappers {
    fn function(&mut self, sig: &syn::Signature, body: &syn::Block) {
        let name = sig.ident.to_string();
        *self.defined.entry(name.clone()).or_default() += 1;
        if sig.asyncness.is_none() {
            return;
        }
        let mut params: Vec<String> = Vec::new();
        let mut method = false;
        for input in &sig.inputs {
            match input {
                syn::FnArg::Receiver(_) => {
                    method = true;
                    params.push("self".to_string());
                }
                syn::FnArg::Typed(t) => {
                    if let syn::Pat::Ident(p) = &*t.pat {
                        params.push(p.ident.to_string());
                    }
                }
            }
        }
        let mut awaits = Awaits {
            params: &params,
            found: None,
        };
        awaits.visit_block(body);
        if let Some((call, primitive)) = awaits.found {
            self.out.insert(
                name,
                Wrapped {
                    call,
                    primitive,
                    method,
                },
            );
        }
    }
}

impl<'ast> Visit<'ast> for Wrappers {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.function(&f.sig, &f.block);
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.function(&f.sig, &f.block);
        syn::visit::visit_impl_item_fn(self, f);
    }
}

/// The first `.await` in a body of a call that is not cancel safe on a parameter.
struct Awaits<'p> {
    params: &'p [String],
    found: Option<(String, &'static NotCancelSafe)>,
}

impl<'ast> Visit<'ast> for Awaits<'_> {
    fn visit_expr_await(&mut self, a: &'ast syn::ExprAwait) {
        if self.found.is_none() {
            match &*a.base {
                Expr::MethodCall(m) if rooted_in(&m.receiver, self.params) => {
                    let name = m.method.to_string();
                    if let Some(c) = cancel_safety::not_cancel_safe(&name, m.args.len(), false) {
                        self.found = Some((name, c));
                    }
                }
                Expr::Call(c) => {
                    if let Expr::Path(p) = &*c.func
                        && let Some(last) = p.path.segments.last()
                        && let Some(first) = c.args.first()
                        && rooted_in(first, self.params)
                    {
                        let name = last.ident.to_string();
                        if let Some(n) = cancel_safety::not_cancel_safe(&name, c.args.len(), true) {
                            self.found = Some((name, n));
                        }
                    }
                }
                _ => {}
            }
        }
        syn::visit::visit_expr_await(self, a);
    }

    // Closures and async blocks inside run on their own.
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}

    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
}

/// Whether `expr` is one of `params`, a field of one, or a borrow or deref of those.
fn rooted_in(expr: &Expr, params: &[String]) -> bool {
    match expr {
        Expr::Path(p) => p
            .path
            .get_ident()
            .is_some_and(|i| params.iter().any(|n| i == n)),
        Expr::Field(f) => rooted_in(&f.base, params),
        Expr::Reference(r) => rooted_in(&r.expr, params),
        Expr::Unary(u) => rooted_in(&u.expr, params),
        Expr::Paren(p) => rooted_in(&p.expr, params),
        Expr::MethodCall(m)
            if m.args.is_empty()
                && matches!(
                    m.method.to_string().as_str(),
                    "as_mut" | "get_mut" | "borrow_mut"
                ) =>
        {
            rooted_in(&m.receiver, params)
        }
        _ => false,
    }
}
