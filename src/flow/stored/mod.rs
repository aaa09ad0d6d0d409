//! Fields a struct stores a tracked value in and nothing ever settles. A private field is
//! seen only by its module and the modules inside it; in a file that declares no module
//! of another file, that is the file itself, so every use of the field is in sight. A
//! field whose value nothing in the file waits on, closes, cancels, flushes or shuts down,
//! and that nothing hands off (a borrow passed on, a move out, a getter, a pattern), is
//! never settled by anyone.
//!
//! Uses are matched by the field's name, whatever the expression before the dot: another
//! struct's field of the same name only adds uses, which can only keep this one quiet.

mod pipes;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Expr, Fields, Item, Type, Visibility};

use crate::catalog::{Catalog, Resource, prelude};
use crate::syntax::idents::{collect_idents, member_name};
use crate::syntax::imports::{FileImports, Resolver};

pub use pipes::HeldPipe;

/// A private field holding a tracked value that no code of the file settles or hands off.
#[derive(Debug, Clone)]
pub struct StoredField {
    /// The struct, by name (`Server`).
    pub owner: String,
    /// The field (`child`, or `0` for a tuple struct's).
    pub field: String,
    pub resource: &'static Resource,
    /// The struct literals' values stored in it (`Server { child }`), in source order.
    pub stores: Vec<Range<usize>>,
    /// The methods called on it that neither settle nor hand it off, in source order.
    pub calls: Vec<(&'static str, Range<usize>)>,
}

impl StoredField {
    /// `Server.child`, as messages name it.
    pub fn place(&self) -> String {
        format!("{}.{}", self.owner, self.field)
    }

    /// Whether one of `methods` is called on it.
    pub fn calls_any(&self, methods: &[&str]) -> bool {
        self.calls.iter().any(|(m, _)| methods.contains(m))
    }
}

/// What a file's structs keep in private fields and never settle.
#[derive(Debug, Default)]
pub struct Stored {
    pub fields: Vec<StoredField>,
    pub pipes: Vec<HeldPipe>,
}

/// The fields of `file` that store a tracked value nothing settles, and the pipes held in
/// a field while a method waits for the child they belong to.
pub fn stored_fields(file: &syn::File, imports: &FileImports) -> Stored {
    let mut resolver = Resolver::new(imports);
    let mut found = Fields_::default();
    if !collect(&file.items, &mut resolver, &mut found) || found.candidates.is_empty() {
        return Stored::default();
    }
    let Fields_ { candidates, others } = found;
    let holders = pipes::holders(&candidates, others);
    let pipe_parts = pipes::closed_by_waits(&candidates);
    let mut audit = Audit {
        by_name: HashMap::new(),
        candidates,
        holders,
        lets: HashMap::new(),
        pipe_parts,
        function: 0,
        functions: 0,
        resolver: Resolver::new(imports),
        impl_self: None,
        dropped: HashSet::new(),
        structs: HashSet::new(),
        in_format: false,
        pids: HashSet::new(),
        gave_up: false,
    };
    for (i, c) in audit.candidates.iter().enumerate() {
        audit.by_name.entry(c.field.clone()).or_default().push(i);
    }
    audit.visit_file(file);
    if audit.gave_up {
        return Stored::default();
    }
    let pipes = pipes::held(&audit.holders, &audit.candidates);

    let fields = audit
        .candidates
        .into_iter()
        .filter(|c| !c.settled && !c.handed_off && !c.stores.is_empty())
        // A struct whose `drop` may kill it (itself, or through a method it calls) is left
        // to the analysis of `drop`, which reports a kill without a wait where it is.
        .filter(|c| {
            !(audit.dropped.contains(&c.owner)
                && c.calls
                    .iter()
                    .any(|(m, _)| c.resource.terminate.contains(m)))
        })
        .map(|c| StoredField {
            owner: c.owner,
            field: c.field,
            resource: c.resource,
            stores: c.stores,
            calls: c.calls,
        })
        .collect();
    Stored { fields, pipes }
}

struct Candidate {
    owner: String,
    field: String,
    resource: &'static Resource,
    stores: Vec<Range<usize>>,
    calls: Vec<(&'static str, Range<usize>)>,
    settled: bool,
    handed_off: bool,
    /// Calls on `self.field` in the owner's methods that wait for it and close a part it
    /// holds (`wait()` closes stdin), with that part.
    waits: Vec<(Range<usize>, &'static [&'static str])>,
}

/// The private fields of a file's structs: of tracked types, and the others.
#[derive(Default)]
struct Fields_ {
    candidates: Vec<Candidate>,
    /// By owner and field.
    others: Vec<(String, String)>,
}

/// The private fields of tracked types, of every struct of `items`; `false` where some
/// module's items live in another file, which may use them.
fn collect(items: &[Item], resolver: &mut Resolver<'_>, out: &mut Fields_) -> bool {
    for item in items {
        match item {
            Item::Mod(m) => {
                let Some((_, inner)) = &m.content else {
                    return false;
                };
                let name = m.ident.to_string();
                resolver.enter_module(&name);
                let complete = collect(inner, resolver, out);
                resolver.leave_module();
                if !complete {
                    return false;
                }
            }
            Item::Struct(s) if s.attrs.iter().all(inert) => {
                let (Fields::Named(_) | Fields::Unnamed(_)) = &s.fields else {
                    continue;
                };
                for (i, f) in s.fields.iter().enumerate() {
                    if !matches!(f.vis, Visibility::Inherited) {
                        continue;
                    }
                    let field = f.ident.as_ref().map_or(i.to_string(), |id| id.to_string());
                    let Some(resource) = tracked(&f.ty, resolver) else {
                        out.others.push((s.ident.to_string(), field));
                        continue;
                    };
                    out.candidates.push(Candidate {
                        owner: s.ident.to_string(),
                        field,
                        resource,
                        stores: Vec::new(),
                        calls: Vec::new(),
                        settled: false,
                        handed_off: false,
                        waits: Vec::new(),
                    });
                }
            }
            _ => {}
        }
    }
    true
}

/// Whether an attribute of a struct leaves its fields alone.
fn inert(attr: &syn::Attribute) -> bool {
    let Some(name) = attr.path().get_ident().map(|i| i.to_string()) else {
        return false;
    };
    if name == prelude::DERIVE {
        let Ok(paths) =
            attr.parse_args_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated)
        else {
            return false;
        };
        return paths.iter().all(|p| {
            p.segments
                .last()
                .is_some_and(|s| prelude::PLAIN_DERIVES.contains(&s.ident.to_string().as_str()))
        });
    }
    prelude::INERT_ATTRIBUTES.contains(&name.as_str())
}

/// The resource a field's type holds, written as the type itself or an `Option` of it; a
/// shared pointer (`Arc<T>`) has other owners, and is not one.
fn tracked(ty: &Type, resolver: &Resolver<'_>) -> Option<&'static Resource> {
    let Type::Path(tp) = ty else { return None };
    if tp.qself.is_some() {
        return None;
    }
    let last = tp.path.segments.last()?;
    if last.ident == prelude::OPTION {
        let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
            return None;
        };
        let Some(syn::GenericArgument::Type(inner)) = args.args.first() else {
            return None;
        };
        return tracked(inner, resolver);
    }
    let resolved = resolver.resolve(&tp.path);
    let canonical = resolved.0.iter().find_map(|p| Catalog::canonical_type(p))?;
    Catalog::resource_of_type(canonical.canonical)
        .filter(|r| !r.discharge.is_empty() || !r.poll.is_empty())
}

/// What a method called on the field does to the obligation it holds.
enum Use {
    Settles,
    Neutral,
    HandsOff,
}

/// `args`: the identifiers of the call's arguments, where a closing message may be one
/// (`ws.send(Message::Close(None))`).
fn method_use(resource: &Resource, method: &str, args: &[String], in_format: bool) -> Use {
    let is = |list: &[&str]| list.contains(&method);
    let closes = resource
        .closing_argument
        .is_some_and(|close| args.iter().any(|a| a == close));
    // A stream read to its end was closed by the peer.
    if is(resource.discharge) || is(resource.poll) || is(resource.drained_by) || closes {
        Use::Settles
    } else if is(resource.reborrow) || (resource.shared && method == prelude::CLONE) {
        // A borrow or a handle goes where it may be settled.
        Use::HandsOff
    } else if is(resource.pid) {
        // A pid may be reaped by `waitpid`; one only printed is not.
        if in_format {
            Use::Neutral
        } else {
            Use::HandsOff
        }
    } else if is(resource.neutral)
        || is(resource.terminate)
        || is(resource.arm)
        || is(resource.children)
        || resource.blocking.iter().any(|(m, _)| *m == method)
    {
        Use::Neutral
    } else {
        Use::HandsOff
    }
}

struct Audit<'a> {
    candidates: Vec<Candidate>,
    /// Fields of structs holding a child that may hold one of its pipes.
    holders: Vec<pipes::Holder>,
    /// The current function's locals bound to a pipe taken out of a child.
    lets: pipes::Lets,
    /// The pipes a wait closes, of the children the candidates hold.
    pipe_parts: Vec<&'static str>,
    /// The current function, numbered in the order met (0: outside any).
    function: usize,
    functions: usize,
    by_name: HashMap<String, Vec<usize>>,
    resolver: Resolver<'a>,
    /// The type of the `impl` being read, by name: what `Self { .. }` builds.
    impl_self: Option<String>,
    /// The structs the file defines, by name.
    structs: HashSet<String>,
    /// The structs with an `impl Drop`, by name.
    dropped: HashSet<String>,
    /// Inside a formatting or logging macro's arguments.
    in_format: bool,
    /// The variables of the current function whose pid was taken (`child.id()`) other
    /// than to print it: stored, the value may be reaped by that pid.
    pids: HashSet<String>,
    /// Something brings code from elsewhere into the file (`include!`).
    gave_up: bool,
}

impl Audit<'_> {
    fn named(&self, field: &str) -> Vec<usize> {
        self.by_name.get(field).cloned().unwrap_or_default()
    }

    /// The fields `base.field` may be: inside `impl Owner` for a struct of the file,
    /// `self.field` is `Owner`'s; any other base may be any struct's.
    fn of(&self, base: &Expr, field: &str) -> Vec<usize> {
        let named = self.named(field);
        let is_self = matches!(base, Expr::Path(p) if p.path.is_ident("self"));
        match &self.impl_self {
            Some(owner) if is_self && self.structs.contains(owner) => named
                .into_iter()
                .filter(|&i| self.candidates[i].owner == *owner)
                .collect(),
            _ => named,
        }
    }

    fn hand_off(&mut self, targets: Vec<usize>) {
        for i in targets {
            self.candidates[i].handed_off = true;
        }
    }

    fn called(&mut self, targets: Vec<usize>, method: &str, args: &[String], span: Range<usize>) {
        for i in targets {
            let c = &mut self.candidates[i];
            match method_use(c.resource, method, args, self.in_format) {
                Use::Settles => c.settled = true,
                Use::HandsOff => c.handed_off = true,
                Use::Neutral => {
                    let known = [
                        c.resource.neutral,
                        c.resource.terminate,
                        c.resource.arm,
                        c.resource.children,
                        c.resource.pid,
                    ]
                    .into_iter()
                    .flatten()
                    .copied()
                    .chain(c.resource.blocking.iter().map(|(m, _)| *m))
                    .find(|m| *m == method);
                    if let Some(name) = known {
                        c.calls.push((name, span.clone()));
                    }
                }
            }
        }
    }

    /// `Owner { field: value }`: a store where the literal builds the field's struct.
    fn stored(&mut self, literal: &syn::Path, field: &str, value: &Expr) {
        let Some(name) = self.literal_owner(literal) else {
            return;
        };
        if is_none(value) {
            return;
        }
        for i in self.named(field) {
            if self.candidates[i].owner != name {
                continue;
            }
            let resource = self.candidates[i].resource;
            // A shared handle stored from elsewhere has other owners, which may settle it.
            if (resource.shared && !self.constructs(value)) || self.pid_taken(value) {
                self.candidates[i].handed_off = true;
                continue;
            }
            self.candidates[i].stores.push(value.span().byte_range());
        }
    }

    /// A function's body starts: what the enclosing one knew is set aside.
    fn enter_fn(&mut self, block: &syn::Block) -> (HashSet<String>, pipes::Lets, usize) {
        let lets = if self.holders.is_empty() {
            pipes::Lets::new()
        } else {
            pipes::lets_of(block, &self.pipe_parts)
        };
        self.functions += 1;
        (
            std::mem::take(&mut self.pids),
            std::mem::replace(&mut self.lets, lets),
            std::mem::replace(&mut self.function, self.functions),
        )
    }

    /// The struct a literal's path builds, by name (`Self` inside its `impl`).
    fn literal_owner(&self, literal: &syn::Path) -> Option<String> {
        let name = literal.segments.last()?.ident.to_string();
        Some(match (name.as_str(), &self.impl_self) {
            ("Self", Some(owner)) => owner.clone(),
            _ => name,
        })
    }

    /// `Owner { child, stdin }` where `stdin` was taken out of `child`: the holder of
    /// `stdin` holds that child's pipe.
    fn stores_pipe(&mut self, literal: &syn::ExprStruct) {
        let Some(owner) = self.literal_owner(&literal.path) else {
            return;
        };
        for fv in &literal.fields {
            let name = member_name(&fv.member);
            let Some(h) = self
                .holders
                .iter()
                .position(|h| h.owner == owner && h.field == name)
            else {
                continue;
            };
            let Some((var, part)) = pipes::pipe_source(&fv.expr, &self.lets, &self.pipe_parts)
            else {
                continue;
            };
            // The literal's field that stores `var`, if it holds a child.
            let child = literal.fields.iter().find_map(|other| {
                let Expr::Path(p) = &other.expr else {
                    return None;
                };
                if !p.path.is_ident(&var) {
                    return None;
                }
                let field = member_name(&other.member);
                self.candidates
                    .iter()
                    .position(|c| c.owner == owner && c.field == field)
            });
            if let Some(child) = child {
                self.holders[h].pipe = Some(pipes::Source {
                    child,
                    part,
                    store: fv.expr.span().byte_range(),
                    function: self.function,
                    variable: var,
                });
            }
        }
    }

    /// `self.child.wait()` in a method of the child's owner: a wait that closes the pipes
    /// the child still holds, not those held elsewhere.
    fn waited(&mut self, targets: &[usize], method: &str, span: Range<usize>) {
        let Some(owner) = self.impl_self.clone() else {
            return;
        };
        for &i in targets {
            let c = &mut self.candidates[i];
            if c.owner != owner {
                continue;
            }
            if let Some((_, blocking)) = c.resource.blocking.iter().find(|(m, _)| *m == method)
                && !blocking.closes().is_empty()
            {
                c.waits.push((span.clone(), blocking.closes()));
            }
        }
    }

    /// A holder field used other than by writing to it: it may be closed there. `base`:
    /// the expression before the dot.
    fn holder_used(&mut self, field: &str, base: Option<&Expr>, method: Option<&str>) {
        let writes = |m: &str| {
            self.candidates
                .iter()
                .flat_map(|c| c.resource.parts)
                .any(|p| p.writes.contains(&m))
                || crate::catalog::process::PIPE_NEUTRAL.contains(&m)
        };
        if method.is_some_and(writes) {
            return;
        }
        let variable = match base {
            Some(Expr::Path(p)) => p.path.get_ident().map(|i| i.to_string()),
            _ => None,
        };
        for h in &mut self.holders {
            if h.field == field {
                h.touched.push((self.function, variable.clone()));
            }
        }
    }

    fn is_holder(&self, field: &str) -> bool {
        self.holders.iter().any(|h| h.field == field)
    }

    /// Whether `value` is a variable whose pid the function took.
    fn pid_taken(&self, value: &Expr) -> bool {
        matches!(value, Expr::Path(p) if p.path.get_ident().is_some_and(|i| self.pids.contains(&i.to_string())))
    }

    /// Whether `value` is a call to a constructor of a tracked value.
    fn constructs(&self, value: &Expr) -> bool {
        let Expr::Call(call) = value else {
            return false;
        };
        let Expr::Path(p) = &*call.func else {
            return false;
        };
        self.resolver
            .resolve(&p.path)
            .0
            .iter()
            .any(|path| Catalog::constructed_by(path).is_some())
    }

    /// The tokens of a macro whose arguments are not parsed: a field named in them is used
    /// as the call after it says, or handed off.
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tt) in trees.iter().enumerate() {
            match tt {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Ident(id) => {
                    let field = id.to_string();
                    if self.is_holder(&field) {
                        let method = match (trees.get(i + 1), trees.get(i + 2)) {
                            (Some(dot), Some(TokenTree::Ident(m))) if is_punct(dot, '.') => {
                                Some(m.to_string())
                            }
                            _ => None,
                        };
                        self.holder_used(&field, None, method.as_deref());
                    }
                    if !self.by_name.contains_key(&field) {
                        continue;
                    }
                    let after_dot = i > 0 && is_punct(&trees[i - 1], '.');
                    let method = match (trees.get(i + 1), trees.get(i + 2), trees.get(i + 3)) {
                        (Some(dot), Some(TokenTree::Ident(m)), Some(TokenTree::Group(g)))
                            if is_punct(dot, '.') && g.delimiter() == Delimiter::Parenthesis =>
                        {
                            Some((m.to_string(), g.stream()))
                        }
                        _ => None,
                    };
                    match method {
                        Some((m, args)) if after_dot => {
                            let span = id.span().byte_range();
                            let mut idents = Vec::new();
                            collect_idents(args, &mut idents);
                            self.called(self.named(&field), &m, &idents, span);
                        }
                        _ => self.hand_off(self.named(&field)),
                    }
                }
                _ => {}
            }
        }
    }
}

fn is_punct(tt: &TokenTree, c: char) -> bool {
    matches!(tt, TokenTree::Punct(p) if p.as_char() == c)
}

fn is_none(value: &Expr) -> bool {
    matches!(value, Expr::Path(p) if p.path.is_ident(prelude::NONE))
}

/// The field an expression reads, if it is one of the audited names: `x.field`.
fn field_of<'e>(expr: &'e Expr, audit: &Audit<'_>) -> Option<(&'e syn::ExprField, String)> {
    let mut expr = expr;
    while let Expr::Paren(p) = expr {
        expr = &p.expr;
    }
    let Expr::Field(f) = expr else { return None };
    let name = member_name(&f.member);
    audit.by_name.contains_key(&name).then_some((f, name))
}

impl<'ast> Visit<'ast> for Audit<'_> {
    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        self.structs.insert(s.ident.to_string());
        syn::visit::visit_item_struct(self, s);
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.resolver.enter_module(&m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.resolver.leave_module();
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let owner = match &*i.self_ty {
            Type::Path(tp) => tp.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        let is_drop = i.trait_.as_ref().is_some_and(|(_, path, _)| {
            path.segments
                .last()
                .is_some_and(|s| s.ident == prelude::DROP_TRAIT)
        });
        if is_drop && let Some(owner) = &owner {
            self.dropped.insert(owner.clone());
        }
        let saved = std::mem::replace(&mut self.impl_self, owner);
        syn::visit::visit_item_impl(self, i);
        self.impl_self = saved;
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let saved = self.enter_fn(&f.block);
        syn::visit::visit_item_fn(self, f);
        (self.pids, self.lets, self.function) = saved;
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        let saved = self.enter_fn(&f.block);
        syn::visit::visit_impl_item_fn(self, f);
        (self.pids, self.lets, self.function) = saved;
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if let Expr::Path(p) = &*call.receiver
            && let Some(var) = p.path.get_ident()
            && !self.in_format
            && self
                .candidates
                .iter()
                .any(|c| c.resource.pid.contains(&call.method.to_string().as_str()))
        {
            self.pids.insert(var.to_string());
        }
        if let Expr::Field(f) = &*call.receiver
            && self.is_holder(&member_name(&f.member))
        {
            let name = member_name(&f.member);
            self.holder_used(&name, Some(&f.base), Some(&call.method.to_string()));
            if !self.by_name.contains_key(&name) {
                self.visit_expr(&f.base);
                for arg in &call.args {
                    self.visit_expr(arg);
                }
                return;
            }
        }
        let Some((field, name)) = field_of(&call.receiver, self) else {
            return syn::visit::visit_expr_method_call(self, call);
        };
        let method = call.method.to_string();
        let targets = self.of(&field.base, &name);
        let span = call.method.span().byte_range();
        if matches!(&*field.base, Expr::Path(p) if p.path.is_ident("self")) {
            self.waited(&targets, &method, span.clone());
        }
        let mut args = Vec::new();
        collect_idents(call.args.to_token_stream(), &mut args);
        self.called(targets, &method, &args, span);
        self.visit_expr(&field.base);
        for arg in &call.args {
            self.visit_expr(arg);
        }
    }

    fn visit_expr_field(&mut self, expr: &'ast syn::ExprField) {
        // `self.child.stdin`: a part of the value, not the value.
        if let Some((inner, name)) = field_of(&expr.base, self) {
            let part = member_name(&expr.member);
            for i in self.of(&inner.base, &name) {
                let c = &mut self.candidates[i];
                if !c.resource.parts.iter().any(|p| p.field == part) {
                    c.handed_off = true;
                }
            }
            return self.visit_expr(&inner.base);
        }
        let name = member_name(&expr.member);
        if self.by_name.contains_key(&name) {
            self.hand_off(self.of(&expr.base, &name));
        }
        if self.is_holder(&name) {
            self.holder_used(&name, Some(&expr.base), None);
        }
        syn::visit::visit_expr_field(self, expr);
    }

    fn visit_expr_struct(&mut self, literal: &'ast syn::ExprStruct) {
        if !self.holders.is_empty() {
            self.stores_pipe(literal);
        }
        for fv in &literal.fields {
            let name = member_name(&fv.member);
            if self.by_name.contains_key(&name) {
                self.stored(&literal.path, &name, &fv.expr);
            }
        }
        syn::visit::visit_expr_struct(self, literal);
    }

    /// `Owner(value)`, for a tuple struct.
    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let Expr::Path(p) = &*call.func {
            for (i, arg) in call.args.iter().enumerate() {
                let field = i.to_string();
                if self.by_name.contains_key(&field) {
                    self.stored(&p.path, &field, arg);
                }
            }
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_pat_struct(&mut self, pat: &'ast syn::PatStruct) {
        for fp in &pat.fields {
            let name = member_name(&fp.member);
            self.hand_off(self.named(&name));
            if self.is_holder(&name) {
                self.holder_used(&name, None, None);
            }
        }
        syn::visit::visit_pat_struct(self, pat);
    }

    fn visit_pat_tuple_struct(&mut self, pat: &'ast syn::PatTupleStruct) {
        let name = pat.path.segments.last().map(|s| s.ident.to_string());
        for c in &mut self.candidates {
            if Some(&c.owner) == name.as_ref() || name.as_deref() == Some("Self") {
                c.handed_off = true;
            }
        }
        syn::visit::visit_pat_tuple_struct(self, pat);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac.path.segments.last().map(|s| s.ident.to_string());
        let name = name.as_deref().unwrap_or_default();
        if prelude::INCLUDE_MACROS.contains(&name) {
            self.gave_up = true;
            return;
        }
        if prelude::EXPRESSION_MACROS.contains(&name)
            && let Ok(args) =
                mac.parse_body_with(Punctuated::<Expr, syn::Token![,]>::parse_terminated)
        {
            let saved = std::mem::replace(&mut self.in_format, true);
            for (i, arg) in args.iter().enumerate() {
                // `writeln!(self.stdin, ..)` writes to its first argument.
                if i == 0
                    && let Some(method) = prelude::write_macro(name)
                    && let Expr::Field(f) = arg
                    && self.is_holder(&member_name(&f.member))
                    && !self.by_name.contains_key(&member_name(&f.member))
                {
                    self.holder_used(&member_name(&f.member), Some(&f.base), Some(method));
                    self.visit_expr(&f.base);
                    continue;
                }
                self.visit_expr(arg);
            }
            self.in_format = saved;
            return;
        }
        self.tokens(mac.tokens.clone());
    }
}
