//! Pipes a struct keeps in a field of their own while a method waits for their child:
//! `Proc { child, stdin }` where `stdin` came from `child.stdin.take()`, and a method
//! calling `self.child.wait()`. The wait closes only the stdin the child still holds, not
//! the one in the other field: a child that reads its input to the end never exits.

use std::collections::HashMap;
use std::ops::Range;

use syn::visit::Visit;
use syn::{Expr, Pat};

use super::Candidate;
use crate::catalog::prelude;

/// A pipe held in a field while a method waits for the child it belongs to.
#[derive(Debug, Clone)]
pub struct HeldPipe {
    /// The struct, by name (`Proc`).
    pub owner: String,
    /// The field holding the child, and the one holding its pipe.
    pub child_field: String,
    pub field: String,
    /// The pipe (`stdin`).
    pub part: &'static str,
    /// Where the struct literal stores the pipe.
    pub store: Range<usize>,
    /// The waits on the child in the struct's methods.
    pub waits: Vec<Range<usize>>,
}

/// A private field of a struct that holds a child: it may hold one of its pipes.
#[derive(Debug)]
pub(super) struct Holder {
    pub(super) owner: String,
    pub(super) field: String,
    /// What a struct literal stores in it, when that is a pipe taken from the child the
    /// same literal stores.
    pub(super) pipe: Option<Source>,
    /// Where it is used other than to write to it, so that it may be closed there
    /// (`take()`, `drop`, a pattern): the function (numbered in the order met) and the
    /// variable before the dot, if that is one.
    pub(super) touched: Vec<(usize, Option<String>)>,
}

/// A pipe a struct literal stores, taken out of the child it also stores.
#[derive(Debug, Clone)]
pub(super) struct Source {
    /// The candidate holding the child.
    pub(super) child: usize,
    pub(super) part: &'static str,
    pub(super) store: Range<usize>,
    /// The function of the literal, and the variable holding the child there: taking the
    /// pipe out of that variable (`child.stdin.take()`) is where the pipe comes from.
    pub(super) function: usize,
    pub(super) variable: String,
}

impl Holder {
    /// Whether it may be closed: used other than to write to it, elsewhere than where a
    /// pipe was taken out of a child to be stored (`sources`: by function and variable).
    fn closable(&self, sources: &[(usize, &str)]) -> bool {
        self.touched.iter().any(|(function, variable)| {
            !sources
                .iter()
                .any(|(f, v)| f == function && variable.as_deref() == Some(*v))
        })
    }
}

/// The private fields of the structs that hold a child, other than the children.
pub(super) fn holders(candidates: &[Candidate], others: Vec<(String, String)>) -> Vec<Holder> {
    let tracked = candidates
        .iter()
        .filter(|c| c.resource.parts.is_empty())
        .map(|c| (c.owner.clone(), c.field.clone()));
    others
        .into_iter()
        .chain(tracked)
        .filter(|(owner, _)| {
            candidates
                .iter()
                .any(|c| c.owner == *owner && !c.resource.parts.is_empty())
        })
        .map(|(owner, field)| Holder {
            owner,
            field,
            pipe: None,
            touched: Vec::new(),
        })
        .collect()
}

/// The pipes a wait closes (`wait()` closes stdin), of the children the candidates hold.
pub(super) fn closed_by_waits(candidates: &[Candidate]) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = candidates
        .iter()
        .flat_map(|c| c.resource.blocking)
        .flat_map(|(_, b)| b.closes())
        .copied()
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The pipes held while a wait that would close them, were they still in the child,
/// waits for the child.
pub(super) fn held(holders: &[Holder], candidates: &[Candidate]) -> Vec<HeldPipe> {
    let sources: Vec<(usize, &str)> = holders
        .iter()
        .filter_map(|h| h.pipe.as_ref())
        .map(|s| (s.function, s.variable.as_str()))
        .collect();
    holders
        .iter()
        .filter(|h| !h.closable(&sources))
        .filter_map(|h| {
            let Source {
                child, part, store, ..
            } = h.pipe.clone()?;
            let c = &candidates[child];
            let waits: Vec<Range<usize>> = c
                .waits
                .iter()
                .filter(|(_, closes)| closes.contains(&part))
                .map(|(span, _)| span.clone())
                .collect();
            (!waits.is_empty()).then(|| HeldPipe {
                owner: h.owner.clone(),
                child_field: c.field.clone(),
                field: h.field.clone(),
                part,
                store,
                waits,
            })
        })
        .collect()
}

/// Where a value comes from, when that is a pipe taken out of a variable's child:
/// `child.stdin.take()` (with whatever unwraps or wraps it), or a local bound to one.
pub(super) type Lets = HashMap<String, (String, &'static str)>;

/// The locals of a function body bound to a pipe taken out of a child.
pub(super) fn lets_of(block: &syn::Block, parts: &[&'static str]) -> Lets {
    let mut finder = LetFinder {
        parts,
        lets: Lets::new(),
    };
    finder.visit_block(block);
    finder.lets
}

struct LetFinder<'p> {
    parts: &'p [&'static str],
    lets: Lets,
}

impl<'ast> Visit<'ast> for LetFinder<'_> {
    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let (Pat::Ident(name), Some(init)) = (&local.pat, &local.init)
            && let Some(source) = pipe_source(&init.expr, &self.lets, self.parts)
        {
            self.lets.insert(name.ident.to_string(), source);
        }
        syn::visit::visit_local(self, local);
    }

    // A closure's or nested function's locals are its own.
    fn visit_item_fn(&mut self, _: &'ast syn::ItemFn) {}
}

/// The variable and pipe `expr` takes a pipe out of, directly or through a local.
pub(super) fn pipe_source(
    expr: &Expr,
    lets: &Lets,
    parts: &[&'static str],
) -> Option<(String, &'static str)> {
    let mut finder = SourceFinder {
        lets,
        parts,
        found: None,
    };
    finder.visit_expr(expr);
    finder.found
}

struct SourceFinder<'a> {
    lets: &'a Lets,
    parts: &'a [&'static str],
    found: Option<(String, &'static str)>,
}

impl<'ast> Visit<'ast> for SourceFinder<'_> {
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if call.method == prelude::TAKE
            && let Expr::Field(f) = &*call.receiver
            && let Expr::Path(base) = &*f.base
            && let Some(var) = base.path.get_ident()
        {
            let member = crate::syntax::idents::member_name(&f.member);
            if let Some(part) = self.parts.iter().find(|p| **p == member) {
                self.found.get_or_insert((var.to_string(), part));
                return;
            }
        }
        syn::visit::visit_expr_method_call(self, call);
    }

    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if let Some(name) = p.path.get_ident()
            && let Some(source) = self.lets.get(&name.to_string())
        {
            self.found.get_or_insert(source.clone());
        }
    }

    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
}
