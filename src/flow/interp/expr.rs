//! Expressions: the dispatch over syntax, paths (moves and borrows of variables) and the
//! expressions whose values are only looked at or handed off.

use syn::Expr;

use super::{Interp, Mode};
use crate::catalog::Catalog;
use crate::flow::track::Val;
use crate::syntax::idents::member_name;
use crate::syntax::span;

impl Interp<'_, '_> {
    /// What `expr` evaluates to, with its effects on the state. `mode`: whether its value
    /// is moved or only looked at.
    pub(super) fn eval(&mut self, expr: &Expr, mode: Mode) -> Val {
        if !self.state.is_reachable() {
            return Val::Untracked;
        }
        if self.depth >= super::MAX_DEPTH {
            self.approximate = true;
            return Val::Untracked;
        }
        self.depth += 1;
        let v = self.eval_nested(expr, mode);
        self.depth -= 1;
        v
    }

    fn eval_nested(&mut self, expr: &Expr, mode: Mode) -> Val {
        match expr {
            Expr::Path(p) => self.path(p, mode),
            Expr::Paren(p) => self.eval(&p.expr, mode),
            Expr::Group(g) => self.eval(&g.expr, mode),
            Expr::Reference(r) => match self.eval(&r.expr, Mode::Borrow) {
                Val::Obj { id, .. } => Val::Obj { id, owned: false },
                v => v,
            },
            Expr::Call(c) => self.call(c),
            Expr::MethodCall(m) => self.method_call(m),
            Expr::Try(t) => self.try_expr(t),
            Expr::Return(r) => self.return_expr(r),
            Expr::Break(b) => self.break_expr(b),
            Expr::Continue(c) => self.continue_expr(c),
            Expr::Block(b) => match &b.label {
                Some(label) => self.labeled_block(&label.name.ident.to_string(), &b.block),
                None => self.block(&b.block),
            },
            Expr::Unsafe(u) => self.block(&u.block),
            Expr::If(i) => self.if_expr(i),
            Expr::Match(m) => self.match_expr(m),
            Expr::Loop(l) => self.loop_expr(l),
            Expr::While(w) => self.while_expr(w),
            Expr::ForLoop(f) => self.for_expr(f),
            Expr::Assign(a) => self.assign(a),
            Expr::Closure(c) => self.closure(c),
            Expr::Async(a) => self.async_block(a),
            Expr::Await(a) => self.await_expr(a),
            Expr::Macro(m) => self.mac(&m.mac),
            Expr::Field(f) => self.field(f, mode),
            Expr::Struct(s) => {
                self.struct_literal(s);
                if let Some(rest) = &s.rest {
                    self.eval(rest, Mode::Borrow);
                }
                Val::Untracked
            }
            Expr::Tuple(t) => self.tuple(t),
            Expr::Array(a) => self.hand_off_all(&a.elems),
            Expr::Binary(b) => self.look_at([&*b.left, &*b.right]),
            Expr::Unary(u) => self.look_at([&*u.expr]),
            Expr::Index(i) => self.look_at([&*i.expr, &*i.index]),
            // `child.id() as i32` is the process id still.
            Expr::Cast(c) => match self.eval(&c.expr, Mode::Borrow) {
                v @ Val::Pid(_) => v,
                _ => Val::Untracked,
            },
            Expr::Range(r) => self.look_at(r.start.iter().chain(r.end.iter()).map(|e| &**e)),
            Expr::Let(l) => {
                // A `let` outside `if`/`while` conditions (rare): bind in the current scope.
                let v = self.eval(&l.expr, Mode::Move);
                self.bind_pattern(&l.pat, v);
                Val::Untracked
            }
            Expr::Repeat(r) => self.hand_off_all([&*r.expr]),
            Expr::Lit(_) | Expr::Infer(_) | Expr::Const(_) => Val::Untracked,
            other => {
                // Anything else (`yield`, `try` blocks, verbatim tokens): values it
                // mentions are handed off.
                self.settle_mentioned(quote::ToTokens::to_token_stream(other));
                Val::Untracked
            }
        }
    }

    /// Evaluates expressions whose values are only looked at (operands, indices): their
    /// effects count, the result is nothing tracked.
    pub(super) fn look_at<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) -> Val {
        for e in exprs {
            self.eval(e, Mode::Borrow);
        }
        Val::Untracked
    }

    /// Evaluates expressions moved into something we do not follow (a struct, a tuple).
    fn hand_off_all<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) -> Val {
        for e in exprs {
            self.hand_off(e);
        }
        Val::Untracked
    }

    /// `(label, Command::new(bin))`: a tuple carries what its elements hold, to the
    /// pattern that destructures it.
    fn tuple(&mut self, t: &syn::ExprTuple) -> Val {
        let items: Vec<Val> = t.elems.iter().map(|e| self.eval(e, Mode::Move)).collect();
        if items.iter().all(|v| matches!(v, Val::Untracked)) {
            Val::Untracked
        } else {
            Val::Tuple(items)
        }
    }

    /// `child.stdout`: a field holding a part of a tracked value; `pair.1`: an element of
    /// a tuple; `self.cmd`: a builder the struct definition says a field holds.
    fn field(&mut self, f: &syn::ExprField, mode: Mode) -> Val {
        if let Some(place) = self.field_place(f) {
            // A field the body holds (`self.child` in `drop`) is a variable of its own.
            if let Some(at) = self.lookup(&place)
                && self.var(at).val.object().is_some()
            {
                return self.place(at, mode);
            }
            return self.builder_place(place, f);
        }
        let base = self.eval(&f.base, Mode::Borrow);
        if let (Val::Tuple(items), syn::Member::Unnamed(i)) = (&base, &f.member) {
            return items
                .get(i.index as usize)
                .cloned()
                .unwrap_or(Val::Untracked);
        }
        if let (Val::Obj { id, .. }, syn::Member::Named(name)) = (&base, &f.member)
            && self.out.objects[*id].part_of.is_none()
            && let Some(part) = self.out.objects[*id]
                .resource
                .parts
                .iter()
                .find(|p| name == p.field)
        {
            let pid = self.part(*id, part, span::field(f));
            return Val::Field(pid);
        }
        Val::Untracked
    }

    /// The variable standing for `self.field` when the field holds a builder
    /// (`self.cmd: Command`): settings made on it in this body are followed like a local
    /// builder's. Declared in the body's outermost scope the first time it is met.
    fn builder_place(&mut self, name: String, f: &syn::ExprField) -> Val {
        if let Some(at) = self.lookup(&name) {
            return self.var(at).val.clone();
        }
        let Some(owner) = self
            .resolver
            .resolve_segments(&["Self".to_string()])
            .single()
            .map(str::to_string)
        else {
            return Val::Untracked;
        };
        let Some(builder) = self
            .fields
            .field(&owner, &f.member)
            .and_then(|ty| Catalog::builder(ty.path()?))
        else {
            return Val::Untracked;
        };
        // What every constructor met put there (`Runner { cmd }` after `cmd.stdout(..)`).
        let key = format!("{owner}::{}", member_name(&f.member));
        let config = self.summaries.field_config(&key).unwrap_or(0);
        let value = Val::Builder { builder, config };
        let scope = self.frames.first().map_or(0, |f| f.scope_base);
        self.declare_in(scope, name, value.clone());
        value
    }

    /// `Runner { cmd, .. }`: what goes into the fields is handed off; the settings of a
    /// builder stored in a builder-typed field are remembered for the struct's methods.
    fn struct_literal(&mut self, s: &syn::ExprStruct) {
        let owner = self.resolver.resolve(&s.path).single().map(str::to_string);
        for f in &s.fields {
            let v = self.eval(&f.expr, Mode::Move);
            if let Some(owner) = &owner
                && let Some(ty) = self.fields.field(owner, &f.member)
                && ty.path().and_then(Catalog::builder).is_some()
            {
                let config = match v {
                    Val::Builder { config, .. } => config,
                    _ => 0,
                };
                let key = format!("{owner}::{}", member_name(&f.member));
                self.out
                    .field_configs
                    .entry(key)
                    .and_modify(|c| *c &= config)
                    .or_insert(config);
            }
            for id in v.objects() {
                self.settle(id, false);
            }
        }
    }

    /// Evaluates `e` as moved into something we do not follow (a struct, a tuple).
    pub(super) fn hand_off(&mut self, e: &Expr) {
        let v = self.eval(e, Mode::Move);
        for id in v.objects() {
            self.settle(id, false);
        }
    }

    pub(super) fn path(&mut self, p: &syn::ExprPath, mode: Mode) -> Val {
        let Some(ident) = p.path.get_ident() else {
            return Val::Untracked;
        };
        if ident == "self" {
            self.self_escapes();
        }
        let Some(at) = self.lookup(&ident.to_string()) else {
            return Val::Untracked;
        };
        self.place(at, mode)
    }

    /// What the variable at `at` gives when named: moved out or borrowed.
    fn place(&mut self, at: (usize, usize), mode: Mode) -> Val {
        let var = self.var(at).clone();
        if var.is_container && !var.owns.is_empty() {
            // The collection itself is used (iterated, returned, passed on): what it
            // holds is handed off with it.
            for id in var.owns {
                self.settle(id, false);
            }
            return Val::Untracked;
        }
        if let Val::Derived(id) = var.val {
            self.out.objects[id].companion_used = true;
        }
        match var.val {
            // Moved out: the variable keeps co-owning it. Ownership is not path-sensitive,
            // but losses are (a value lost once on a path is gone on it), so a move on one
            // branch must not hide the value from the others. Only moves into longer-lived
            // places (a block's value, an outer variable, a collection) release it.
            Val::Obj { id, .. } | Val::Wrapped(id)
                if mode == Mode::Move && var.owns.contains(&id) =>
            {
                match var.val {
                    Val::Wrapped(_) => Val::Wrapped(id),
                    _ => Val::Obj { id, owned: true },
                }
            }
            Val::Obj { id, .. } | Val::Wrapped(id) => Val::Obj { id, owned: false },
            other => other,
        }
    }
}
