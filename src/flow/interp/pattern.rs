//! Patterns: what `let`, `match` arms, `if let`, closure parameters and `for` loops bind.
//! A value destructured in a way the engine does not follow is handed off.

use syn::visit::Visit;
use syn::{Expr, Pat};

use super::Interp;
use crate::catalog::{Catalog, prelude, runtime};
use crate::flow::track::{ABSENT, Val};
use crate::syntax::idents::collect_idents;
use crate::syntax::types::type_of;

impl Interp<'_, '_> {
    /// Binds `pat` to `value` in the current scope.
    pub(super) fn bind_pattern(&mut self, pat: &Pat, value: Val) {
        // `None => break` over what `ws.next()` returned: the stream ended, its closing
        // handshake is complete.
        if let Val::Derived(id) = value
            && !self.out.objects[id].resource.drained_by.is_empty()
            && mentions_none(pat)
        {
            self.settle(id, true);
            return;
        }
        match pat {
            Pat::Ident(p) if p.subpat.is_none() => {
                let value = match value {
                    Val::Obj { id, .. } if p.by_ref.is_some() => Val::Obj { id, owned: false },
                    v => v,
                };
                self.declare(p.ident.to_string(), value);
            }
            Pat::Type(p) => {
                // `let config: tokio_postgres::Config = url.parse()?;` is a builder.
                let value = match value {
                    Val::Untracked => type_of(&p.ty, &self.resolver)
                        .and_then(|ty| Catalog::builder(ty.path()?))
                        .map_or(Val::Untracked, |builder| Val::Builder {
                            builder,
                            config: 0,
                        }),
                    v => v,
                };
                self.bind_pattern(&p.pat, value)
            }
            Pat::Paren(p) => self.bind_pattern(&p.pat, value),
            Pat::Reference(p) => self.bind_pattern(&p.pat, value),
            Pat::Wild(_) => {}
            // `Some(msg)` over what a stream read: each binding carries its origin.
            _ if matches!(value, Val::Derived(_)) && !matches!(pat, Pat::Ident(_)) => {
                let mut idents = Vec::new();
                collect_idents(quote::ToTokens::to_token_stream(pat), &mut idents);
                for name in idents
                    .into_iter()
                    .filter(|n| n.chars().next().is_some_and(char::is_lowercase))
                {
                    self.declare(name, value.clone());
                }
            }
            Pat::Tuple(t) if matches!(&value, Val::Tuple(items) if items.len() == t.elems.len()) => {
                let Val::Tuple(items) = value else { return };
                for (p, v) in t.elems.iter().zip(items) {
                    self.bind_pattern(p, v);
                }
            }
            _ if matches!(value, Val::Polled(_) | Val::Status(_)) => self.bind_polled(pat, value),
            Pat::TupleStruct(_) | Pat::Struct(_) if matches!(value, Val::Untracked) => {
                self.bind_payload(pat)
            }
            Pat::TupleStruct(ts) => self.bind_variant(pat, ts, value),
            Pat::Ident(_) => {
                self.bind_idents(pat);
                if let Some(id) = value.object() {
                    self.settle(id, false);
                }
            }
            _ => self.bind_unfollowed(pat, &value),
        }
    }

    /// `Security::Tls(acceptor)`, `Launch::Command { cmd, .. }`: a payload the variant's
    /// (or struct's) definition in this file says is a builder is bound as one, with
    /// nothing known of its settings. Everything else is bound untracked.
    fn bind_payload(&mut self, pat: &Pat) {
        let (path, fields): (&syn::Path, Vec<(syn::Member, &Pat)>) = match pat {
            Pat::TupleStruct(ts) => (
                &ts.path,
                ts.elems
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (syn::Member::Unnamed(syn::Index::from(i)), p))
                    .collect(),
            ),
            Pat::Struct(s) => (
                &s.path,
                s.fields
                    .iter()
                    .map(|f| (f.member.clone(), &*f.pat))
                    .collect(),
            ),
            _ => return self.bind_idents(pat),
        };
        let owner = self.resolver.resolve(path).single().map(str::to_string);
        for (member, p) in fields {
            let builder = owner
                .as_deref()
                .and_then(|o| self.fields.field(o, &member))
                .and_then(|ty| Catalog::builder(ty.path()?));
            match (builder, p) {
                (Some(builder), Pat::Ident(i)) if i.subpat.is_none() => {
                    self.declare(i.ident.to_string(), Val::Builder { builder, config: 0 })
                }
                _ => self.bind_idents(p),
            }
        }
    }

    /// What a poll returned (`try_wait()`): where the pattern sees `Some`, it is done.
    fn bind_polled(&mut self, pat: &Pat, value: Val) {
        if let Val::Polled(id) | Val::Status(id) = value
            && mentions_some(pat)
        {
            self.settle(id, true);
        }
        match (pat, value) {
            (Pat::Ident(p), value) if p.subpat.is_none() => {
                self.declare(p.ident.to_string(), value)
            }
            // `Ok(status) => status` over a poll's `Result`: the `Option` inside.
            (Pat::TupleStruct(ts), Val::Polled(id))
                if ts.elems.len() == 1 && variant(ts).as_deref() == Some(prelude::OK) =>
            {
                if let Some(inner) = ts.elems.first() {
                    self.bind_pattern(inner, Val::Status(id));
                }
            }
            _ => self.bind_idents(pat),
        }
    }

    /// A variant pattern (`Ok(child)`, `Some(stdin)`, `Either::Left((msg, ticks))`).
    fn bind_variant(&mut self, pat: &Pat, ts: &syn::PatTupleStruct, value: Val) {
        let name = variant(ts);
        let present = name
            .as_deref()
            .is_some_and(|v| prelude::PRESENT.contains(&v))
            && ts.elems.len() == 1;
        let absent = name
            .as_deref()
            .is_some_and(|v| prelude::ABSENT.contains(&v));
        match value {
            // `if let Some(stdin) = child.stdin.as_mut()`: the view itself.
            Val::Obj { owned: false, .. } if present => {
                if let Some(inner) = ts.elems.first() {
                    self.bind_pattern(inner, value);
                }
            }
            Val::Selected(items) if items.len() == 2 => self.bind_either(pat, ts, &items),
            // `match connect(..).await { Ok(pair) => .., Err(e) => .. }`.
            Val::Tuple(_) if present => {
                if let Some(inner) = ts.elems.first() {
                    self.bind_pattern(inner, value);
                }
            }
            Val::Tuple(_) if absent => {
                for id in value.objects() {
                    self.state.set(id, 0);
                }
                self.bind_idents(pat);
            }
            Val::Tuple(_) => {
                for id in value.objects() {
                    self.settle(id, false);
                }
                self.bind_idents(pat);
            }
            Val::Wrapped(id) if present => {
                if let Some(inner) = ts.elems.first() {
                    self.bind_pattern(inner, Val::Obj { id, owned: true });
                }
            }
            // Where the `Result` or `Option` holds nothing, the value never existed.
            Val::Wrapped(id) if absent => {
                self.state.set(id, ABSENT);
                self.bind_idents(pat);
            }
            other => self.bind_unfollowed(pat, &other),
        }
    }

    /// `Either::Left((msg, ticks))` over `select(reads.next(), ticks.next()).await`: the
    /// first element is the output of the future that finished first, the second the
    /// other future.
    fn bind_either(&mut self, pat: &Pat, ts: &syn::PatTupleStruct, items: &[Val]) {
        let [left, right] = runtime::EITHER;
        let order = match variant(ts).as_deref() {
            Some(v) if v == left => Some([0, 1]),
            Some(v) if v == right => Some([1, 0]),
            _ => None,
        };
        match (order, ts.elems.first()) {
            (Some(order), Some(Pat::Tuple(t))) if ts.elems.len() == 1 && t.elems.len() == 2 => {
                for (p, i) in t.elems.iter().zip(order) {
                    self.bind_pattern(p, items[i].clone());
                }
            }
            _ => self.bind_idents(pat),
        }
    }

    /// A pattern the engine does not follow: the value is handed off.
    fn bind_unfollowed(&mut self, pat: &Pat, value: &Val) {
        for id in value.objects() {
            self.settle(id, false);
        }
        self.bind_idents(pat);
    }

    /// Declares every identifier of `pat` as untracked (it may shadow a tracked one).
    pub(super) fn bind_idents(&mut self, pat: &Pat) {
        struct Idents(Vec<String>);
        impl<'ast> Visit<'ast> for Idents {
            fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
                self.0.push(p.ident.to_string());
                syn::visit::visit_pat_ident(self, p);
            }
        }
        let mut idents = Idents(Vec::new());
        idents.visit_pat(pat);
        for name in idents.0 {
            self.declare(name, Val::Untracked);
        }
    }
}

/// Whether a failed `if let` pattern means the value was never created (`Ok(_)`,
/// `Some(_)` patterns over a fallible creation).
pub(super) fn refuted_by(cond: &Expr) -> bool {
    match cond {
        Expr::Let(l) => refutes_absent(&l.pat),
        Expr::Binary(b) => refuted_by(&b.left) || refuted_by(&b.right),
        _ => false,
    }
}

/// Whether a pattern is `None` (or `Ok(None)`).
pub(super) fn mentions_none(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(i) => i.ident == prelude::NONE && i.subpat.is_none(),
        Pat::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == prelude::NONE),
        Pat::TupleStruct(ts) => ts.elems.iter().any(mentions_none),
        Pat::Paren(p) => mentions_none(&p.pat),
        _ => false,
    }
}

/// Whether a pattern matches `Some(..)` somewhere (`Ok(Some(status))`).
pub(super) fn mentions_some(pat: &Pat) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_path(&mut self, p: &'ast syn::Path) {
            if p.segments.last().is_some_and(|s| s.ident == prelude::SOME) {
                self.0 = true;
            }
        }
    }
    let mut f = Finder(false);
    f.visit_pat(pat);
    f.0
}

/// `Err(..)` patterns.
pub(super) fn refutes_ok(pat: &Pat) -> bool {
    matches!(pat, Pat::TupleStruct(ts) if ts.path.segments.last().is_some_and(|s| s.ident == prelude::ERR))
}

/// The variant a tuple-struct pattern names: `Some`, `Ok`, `Left`.
fn variant(ts: &syn::PatTupleStruct) -> Option<String> {
    ts.path.segments.last().map(|s| s.ident.to_string())
}

/// Whether a pattern matches only a present value (`Ok(..)`, `Some(..)`).
pub(super) fn refutes_absent(pat: &Pat) -> bool {
    match pat {
        Pat::TupleStruct(ts) => variant(ts)
            .as_deref()
            .is_some_and(|v| prelude::PRESENT.contains(&v)),
        Pat::Paren(p) => refutes_absent(&p.pat),
        _ => false,
    }
}
