//! Blocks, statements and scopes: what a scope's variables own is dropped at its end,
//! what a statement created and nobody took is dropped at the statement's end, and an
//! assignment drops what the variable held.

use std::ops::Range;
use std::rc::Rc;

use syn::{Block, Expr, Pat, Stmt};

use super::pattern::refutes_absent;
use super::{Interp, Mode};
use crate::catalog::prelude;
use crate::flow::Exit;
use crate::flow::bodies::windows_only;
use crate::flow::track::{ABSENT, Scope, Val};
use crate::syntax::macro_rules::definition;
use crate::syntax::span;

impl Interp<'_, '_> {
    pub(super) fn block(&mut self, block: &Block) -> Val {
        self.resolver.enter_block(block);
        self.scopes.push(Scope::default());
        let macros = self.local_macros.len();
        let mut value = Val::Untracked;
        let n = block.stmts.len();
        for (i, stmt) in block.stmts.iter().enumerate() {
            if !self.state.is_reachable() {
                break;
            }
            match stmt {
                // The block's value, unless compiled only for the skipped target.
                Stmt::Expr(e, None) if i + 1 == n => {
                    if !windows_only(stmt_attrs(stmt)) {
                        value = self.eval(e, Mode::Move);
                    }
                }
                _ => self.stmt(stmt),
            }
        }
        let close = block.brace_token.span.close().byte_range();
        // A value the block evaluates to is moved out, not dropped with the scope.
        for id in value.owned() {
            self.release(id);
            if let Some(t) = self.temps.last_mut() {
                t.push(id);
            }
        }
        self.end_scope(close);
        self.local_macros.truncate(macros);
        self.resolver.leave_block();
        value
    }

    /// Ends the innermost scope: its variables are dropped in reverse order, each with
    /// what it still owns and the guard it holds (whose closure runs there).
    pub(super) fn end_scope(&mut self, at: Range<usize>) {
        let Some(si) = self.scopes.len().checked_sub(1) else {
            return;
        };
        for vi in (0..self.scopes[si].vars.len()).rev() {
            if !self.scopes[si].deferred.is_empty() {
                self.run_deferred_of(si, vi);
            }
            for id in self.take_owned((si, vi)) {
                self.lose(id, at.clone(), Exit::EndOfScope, true);
            }
            let name = self.scopes[si].vars[vi].name.clone();
            if let Some(stack) = self.names.get_mut(&name) {
                stack.pop();
            }
        }
        self.scopes.pop();
    }

    pub(super) fn stmt(&mut self, stmt: &Stmt) {
        if windows_only(stmt_attrs(stmt)) {
            return;
        }
        self.temps.push(Vec::new());
        let guards = self.pending_guards.len();
        match stmt {
            Stmt::Local(local) => {
                let collection = local
                    .init
                    .as_ref()
                    .is_some_and(|i| is_new_collection(&i.expr));
                let value = match &local.init {
                    Some(init) => {
                        let v = self.eval(&init.expr, Mode::Move);
                        if let Some((_, diverge)) = &init.diverge {
                            self.let_else(&local.pat, &v, diverge);
                        }
                        v
                    }
                    None => Val::Untracked,
                };
                self.bind_pattern(&local.pat, value);
                if collection
                    && let Some(scope) = self.scopes.last_mut()
                    && let Some(var) = scope.vars.last_mut()
                {
                    var.is_collection = true;
                }
            }
            Stmt::Expr(e, _) => {
                self.eval(e, Mode::Move);
            }
            Stmt::Macro(m) => {
                self.mac_at(&m.mac, true);
            }
            Stmt::Item(syn::Item::Macro(m)) => {
                // A `macro_rules!` in a body is visible from here to the block's end.
                if let Some((name, rules)) = definition(m) {
                    self.local_macros.push((name, Rc::new(rules)));
                }
            }
            Stmt::Item(_) => {}
        }
        self.claim_guards(guards, stmt);
        if self.state.is_reachable() {
            let span = span::stmt(stmt);
            self.drop_temps(span);
        } else {
            self.temps.pop();
        }
    }

    /// What the statement created or moved and nobody took is dropped at its end.
    pub(super) fn drop_temps(&mut self, span: Range<usize>) {
        let temps = self.temps.pop().unwrap_or_default();
        for id in temps {
            if !self.owned_by_var(id) {
                self.lose(id, span.clone(), Exit::Discarded, true);
            }
        }
    }

    /// `let PAT = value else { diverge };`: the `else` runs when the pattern fails.
    pub(super) fn let_else(&mut self, pat: &Pat, value: &Val, diverge: &Expr) {
        let matched = self.state.clone();
        if let Val::Wrapped(id) = *value
            && refutes_absent(pat)
        {
            self.state.set(id, ABSENT);
        }
        // The `else` must diverge; the code after it runs only where the pattern matched.
        self.eval(diverge, Mode::Move);
        self.state = matched;
    }

    pub(super) fn assign(&mut self, a: &syn::ExprAssign) -> Val {
        let v = self.eval(&a.right, Mode::Move);
        match &*a.left {
            Expr::Path(p) if p.path.get_ident().is_some() => {
                let name = p
                    .path
                    .get_ident()
                    .map(|i| i.to_string())
                    .unwrap_or_default();
                if let Some(at) = self.lookup(&name) {
                    let old = self.take_owned(at);
                    for id in old {
                        self.lose(id, span::assign(a), Exit::Overwritten, true);
                    }
                    let var = self.var(at);
                    var.val = v.clone();
                    var.is_container = false;
                    if let Val::Obj { id, owned: true } | Val::Wrapped(id) = v {
                        self.release(id);
                        self.add_owner(at, id);
                    }
                } else {
                    // A static or a variable we did not see declared.
                    for id in v.objects() {
                        self.settle(id, false);
                    }
                }
            }
            // `_ = value;` drops it at the end of the statement.
            Expr::Infer(_) => {}
            other => {
                // Stored in a field, an element, through a reference: handed off.
                self.eval(other, Mode::Borrow);
                for id in v.objects() {
                    self.settle(id, false);
                }
            }
        }
        Val::Untracked
    }
}

/// `Vec::new()`, `Vec::with_capacity(n)`, `vec![]`, `VecDeque::new()`, `HashMap::new()`...:
/// a local collection that can own what is pushed into it.
fn is_new_collection(expr: &Expr) -> bool {
    match expr {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => {
                let segs: Vec<String> = p
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                segs.len() >= 2
                    && prelude::COLLECTIONS.contains(&segs[segs.len() - 2].as_str())
                    && prelude::COLLECTION_CONSTRUCTORS.contains(&segs[segs.len() - 1].as_str())
            }
            _ => false,
        },
        Expr::Macro(m) => m.mac.path.is_ident(prelude::VEC_MACRO),
        _ => false,
    }
}

/// The outer attributes of a statement, where a `#[cfg]` on it would be.
fn stmt_attrs(stmt: &Stmt) -> &[syn::Attribute] {
    match stmt {
        Stmt::Local(l) => l.attrs.as_slice(),
        Stmt::Macro(m) => m.attrs.as_slice(),
        Stmt::Expr(Expr::Block(b), _) => b.attrs.as_slice(),
        Stmt::Expr(Expr::Call(c), _) => c.attrs.as_slice(),
        Stmt::Expr(Expr::MethodCall(c), _) => c.attrs.as_slice(),
        _ => &[],
    }
}
