//! The abstract interpreter: evaluates one body's statements and expressions over the
//! abstract state, following values through bindings, moves, borrows, branches, loops,
//! jumps and the closures that spawners run.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Block, Expr, Pat, Stmt, Token};

use super::track::{ABSENT, Bits, GONE, LIVE, ObjectId, SETTLED, Scope, State, Val, Var};

use super::{Event, Exit, Fate, Flow, Loss, Story};
use crate::catalog::{
    Blocking, Catalog, DIVERGING, EXECUTORS, Part, READ_TO_EOF_FUNCTIONS, Resource,
    SELECT_FUNCTIONS, SPLITTERS, WRAPPERS,
};
use crate::config::UserResource;
use crate::syntax::imports::{FileImports, Resolver};
use crate::syntax::macros;
use crate::syntax::types::{Ty, type_of};

/// How many times a loop body is re-analysed before its state is taken as final. Each
/// value's state only grows (four bits), so real loops settle in two or three rounds.
const MAX_LOOP_ROUNDS: usize = 6;

/// Macros whose arguments are comma-separated expressions, evaluated as such.
const EXPRESSION_MACROS: &[&str] = &[
    "println",
    "print",
    "eprintln",
    "eprint",
    "format",
    "format_args",
    "write",
    "writeln",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "dbg",
    "vec",
    "info",
    "warn",
    "error",
    "debug",
    "trace",
];

/// Methods on a `Result`/`Option` that hand back the value inside.
const UNWRAP: &[&str] = &["unwrap", "expect", "unwrap_unchecked", "unwrap_or_else"];
/// Methods on a `Result`/`Option` whose closure argument receives the value inside.
/// Methods that make an iterator (or stream) over what a reader reads.
const ITERATE: &[&str] = &["lines", "bytes", "split"];
/// Methods that run an iterator to its end.
const CONSUME: &[&str] = &[
    "collect",
    "count",
    "for_each",
    "try_for_each",
    "last",
    "fold",
    "sum",
];
const WITH_VALUE: &[&str] = &[
    "map",
    "and_then",
    "map_or",
    "map_or_else",
    "inspect",
    "is_ok_and",
    "is_some_and",
];

/// Methods on a `Result`/`Option` that keep the value inside it.
const PLUMBING: &[&str] = &[
    "map_err",
    "context",
    "with_context",
    "wrap_err",
    "wrap_err_with",
    "ok",
    "ok_or",
    "ok_or_else",
    "inspect_err",
    "as_mut",
];
/// Methods on a `Result`/`Option` that only look.
const INSPECT: &[&str] = &["is_ok", "is_err", "is_some", "is_none"];
/// Methods that add to a local collection without handing anything off.
const COLLECT: &[&str] = &["push", "push_back", "push_front", "insert"];
/// Methods that only look at a local collection.
const COLLECTION_NEUTRAL: &[&str] = &["len", "is_empty", "capacity", "reserve"];

pub fn analyse_file(file: &syn::File, imports: &FileImports, user: &[UserResource]) -> Flow {
    let mut creators = HashMap::new();
    collect_creators(&file.items, &mut Resolver::new(imports), &mut creators);
    let mut renamed = renamed_imports(file);
    // The last segment of a user-declared constructor lets its callers past the filter.
    renamed.extend(user.iter().flat_map(|u| {
        u.constructors
            .iter()
            .filter_map(|c| c.last().map(|s| s.trim_start_matches('.').to_string()))
    }));
    let mut waiters = HashMap::new();
    collect_waiters(&file.items, &mut Resolver::new(imports), &mut waiters);
    let mut bodies = Bodies {
        resolver: Resolver::new(imports),
        creators,
        renamed,
        user,
        waiters,
        events: Vec::new(),
        seen_events: HashSet::new(),
        threads: 0,
        objects: Vec::new(),
        sites: HashMap::new(),
    };
    // A file for Windows only (`#![cfg(windows)]`): no zombies there.
    if !windows_only(&file.attrs) {
        bodies.visit_file(file);
    }
    let stories = bodies
        .objects
        .into_iter()
        .map(|o| {
            let witness = o
                .losses
                .iter()
                .filter(|l| l.exit.is_early())
                .min_by_key(|l| l.span.start)
                .or_else(|| o.losses.iter().min_by_key(|l| l.span.start))
                .cloned();
            Story {
                resource: o.resource,
                created: o.created,
                config: o.config,
                fate: match witness {
                    None => Fate::Settled,
                    Some(witness) => Fate::Lost {
                        always: !o.settled,
                        witness,
                    },
                },
                losses: o.losses.clone(),
                discharged_somewhere: o.discharged,
                settled_somewhere: o.settled,
                part_of: o.part_of,
                taken_at: o.taken_at,
                written: o.written,
                parent: o.parent,
                companion_used: o.companion_used,
            }
        })
        .collect();
    Flow::new(stories, bodies.events)
}

/// What is known of one tracked value across the paths of its body.
struct Object {
    resource: &'static Resource,
    created: Range<usize>,
    config: u32,
    losses: Vec<Loss>,
    seen: HashSet<(usize, Exit)>,
    /// Settled on some path (discharged or handed off).
    settled: bool,
    discharged: bool,
    part_of: Option<(ObjectId, &'static Part)>,
    taken_at: Option<Range<usize>>,
    written: bool,
    /// `kill()` was called on it.
    terminated: bool,
    parent: Option<ObjectId>,
    companion_used: bool,
}

/// Finds the bodies of a file (functions, methods, default trait methods) with the name
/// resolution in force around each, and runs the interpreter on those that may create a
/// tracked value.
struct Bodies<'a> {
    resolver: Resolver<'a>,
    /// Functions of this file that return a tracked value (`fn spawn_server() -> Child`),
    /// by resolved path: calling them creates it.
    creators: HashMap<String, Creator>,
    /// Names bound by `use .. as name` in this file: a renamed constructor
    /// (`abortable as make_abortable`) must not escape the cheap pre-filter.
    renamed: HashSet<String>,
    /// Resources declared in settings.
    user: &'a [UserResource],
    /// Functions of this file, by resolved path, and which of their parameters only wait
    /// on a shared value (a worker given `token.clone()` that only awaits `cancelled()`).
    waiters: HashMap<String, Vec<ParamUse>>,
    events: Vec<Event>,
    seen_events: HashSet<(usize, Blocking)>,
    /// Thread ids handed out so far (closures given to spawners).
    threads: usize,
    objects: Vec<Object>,
    /// Creation sites already seen, so a loop creating a value again reuses its id.
    sites: HashMap<usize, ObjectId>,
}

impl Bodies<'_> {
    fn body(&mut self, attrs: &[syn::Attribute], sig: &syn::Signature, block: &Block) {
        if windows_only(attrs) || !may_create(block, &self.creators, &self.renamed) {
            return;
        }
        let mut interp = Interp {
            resolver: self.resolver.clone(),
            user: self.user,
            creators: &self.creators,
            waiters: &self.waiters,
            names: HashMap::new(),
            owners: HashMap::new(),
            parts: HashMap::new(),
            children: HashMap::new(),
            events: &mut self.events,
            seen_events: &mut self.seen_events,
            threads: &mut self.threads,
            thread: 0,
            awaited: false,
            objects: &mut self.objects,
            sites: &mut self.sites,
            scopes: Vec::new(),
            frames: Vec::new(),
            loops: Vec::new(),
            temps: Vec::new(),
            state: State::reachable(),
        };
        interp.run(sig, block);
    }
}

impl<'ast> Visit<'ast> for Bodies<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if windows_only(&m.attrs) {
            return;
        }
        if let Some((_, items)) = &m.content {
            self.resolver.enter_module(&m.ident.to_string());
            for item in items {
                self.visit_item(item);
            }
            self.resolver.leave_module();
        }
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        if windows_only(&i.attrs) {
            return;
        }
        let previous = self.resolver.set_self_type(Some(&i.self_ty));
        syn::visit::visit_item_impl(self, i);
        self.resolver.restore_self_type(previous);
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.body(&f.attrs, &f.sig, &f.block);
        // Functions nested in this one are bodies of their own.
        syn::visit::visit_block(self, &f.block);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.body(&f.attrs, &f.sig, &f.block);
        syn::visit::visit_block(self, &f.block);
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.body(&f.attrs, &f.sig, block);
            syn::visit::visit_block(self, block);
        }
    }
}

fn may_create_in(expr: &Expr, creators: &HashMap<String, Creator>) -> bool {
    let none = HashSet::new();
    let mut f = CreateFinder(false, creators, &none);
    f.visit_expr(expr);
    f.0
}

/// Whether a body calls a method that creates a tracked value (or a function of this file
/// that returns one): most bodies do not, and are not interpreted at all.
fn may_create(
    block: &Block,
    creators: &HashMap<String, Creator>,
    renamed: &HashSet<String>,
) -> bool {
    let mut f = CreateFinder(false, creators, renamed);
    f.visit_block(block);
    f.0
}

struct CreateFinder<'c>(bool, &'c HashMap<String, Creator>, &'c HashSet<String>);

impl<'ast> Visit<'ast> for CreateFinder<'_> {
    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let method = m.method.to_string();
        if Catalog::is_create_method(&method) || self.2.contains(&method) {
            self.0 = true;
        } else if !self.0 {
            syn::visit::visit_expr_method_call(self, m);
        }
    }
    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        let segments: Vec<String> = match &*c.func {
            Expr::Path(p) => p
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect(),
            _ => Vec::new(),
        };
        if Catalog::may_construct(&segments)
            || segments.first().is_some_and(|s| self.2.contains(s))
            || segments.last().is_some_and(|s| self.2.contains(s))
            || segments
                .last()
                .is_some_and(|last| self.1.keys().any(|k| k.rsplit("::").next() == Some(last)))
        {
            self.0 = true;
        } else if !self.0 {
            syn::visit::visit_expr_call(self, c);
        }
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// The names `use` items bind with `as`.
fn renamed_imports(file: &syn::File) -> HashSet<String> {
    struct Renames(HashSet<String>);
    impl<'ast> Visit<'ast> for Renames {
        fn visit_use_rename(&mut self, r: &'ast syn::UseRename) {
            self.0.insert(r.rename.to_string());
        }
    }
    let mut r = Renames(HashSet::new());
    r.visit_file(file);
    r.0
}

/// A function of this file that returns a tracked value.
#[derive(Debug, Clone, Copy)]
struct Creator {
    resource: &'static Resource,
    /// Returned inside a `Result` or `Option`.
    fallible: bool,
}

/// Finds the functions (free and associated, not methods) whose return type is a tracked
/// resource, or a `Result`/`Option` of one.
fn collect_creators(
    items: &[syn::Item],
    resolver: &mut Resolver<'_>,
    out: &mut HashMap<String, Creator>,
) {
    fn add(
        sig: &syn::Signature,
        resolver: &Resolver<'_>,
        owner: Option<&str>,
        out: &mut HashMap<String, Creator>,
    ) {
        if sig.receiver().is_some() {
            return;
        }
        let syn::ReturnType::Type(_, ty) = &sig.output else {
            return;
        };
        let Some(creator) = creator_of(ty, resolver) else {
            return;
        };
        let key = match owner {
            Some(owner) => format!("{owner}::{}", sig.ident),
            None => resolver
                .resolve_segments(&[sig.ident.to_string()])
                .single()
                .unwrap_or_default()
                .to_string(),
        };
        out.insert(key, creator);
    }
    for item in items {
        match item {
            syn::Item::Fn(f) if !windows_only(&f.attrs) => add(&f.sig, resolver, None, out),
            syn::Item::Impl(i) if i.trait_.is_none() => {
                let previous = resolver.set_self_type(Some(&i.self_ty));
                let owner = resolver
                    .resolve_segments(&["Self".to_string()])
                    .single()
                    .map(str::to_string);
                for it in &i.items {
                    if let syn::ImplItem::Fn(f) = it
                        && let Some(owner) = &owner
                    {
                        add(&f.sig, resolver, Some(owner), out);
                    }
                }
                resolver.restore_self_type(previous);
            }
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    resolver.enter_module(&m.ident.to_string());
                    collect_creators(inner, resolver, out);
                    resolver.leave_module();
                }
            }
            _ => {}
        }
    }
}

/// Finds the functions of this file with a parameter of a shared tracked type (a token, a
/// tracker) that the body only waits on or looks at: every use is a call of one of the
/// resource's blocking or neutral methods, in `select!`/`join!` too.
fn collect_waiters(
    items: &[syn::Item],
    resolver: &mut Resolver<'_>,
    out: &mut HashMap<String, Vec<ParamUse>>,
) {
    for item in items {
        match item {
            syn::Item::Fn(f) => {
                let params = waiting_params(&f.sig, &f.block, resolver);
                if params.iter().any(|w| *w != ParamUse::Other)
                    && let Some(key) = resolver
                        .resolve_segments(&[f.sig.ident.to_string()])
                        .single()
                {
                    out.insert(key.to_string(), params);
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    resolver.enter_module(&m.ident.to_string());
                    collect_waiters(inner, resolver, out);
                    resolver.leave_module();
                }
            }
            _ => {}
        }
    }
}

fn waiting_params(sig: &syn::Signature, body: &Block, resolver: &Resolver<'_>) -> Vec<ParamUse> {
    sig.inputs
        .iter()
        .map(|input| {
            let syn::FnArg::Typed(t) = input else {
                return ParamUse::Other;
            };
            let Pat::Ident(name) = &*t.pat else {
                return ParamUse::Other;
            };
            let Some(Ty::Path(ty)) = type_of(&t.ty, resolver) else {
                return ParamUse::Other;
            };
            let Some(resource) = crate::catalog::ALL
                .iter()
                .flat_map(|e| e.resources)
                .find(|r| r.ty == ty && r.shared)
            else {
                return ParamUse::Other;
            };
            let mut check = OnlyWaits {
                name: name.ident.to_string(),
                waits: resource.blocking.iter().map(|(m, _)| *m).collect(),
                neutral: resource.neutral.to_vec(),
                ok: true,
                used: false,
            };
            check.visit_block(body);
            match (check.ok, check.used) {
                (true, true) => ParamUse::Waits,
                (true, false) => ParamUse::Neutral,
                _ => ParamUse::Other,
            }
        })
        .collect()
}

/// Whether every use of a variable is a call of one of `waits` (or `neutral`) on it,
/// and whether one of `waits` is among them.
struct OnlyWaits {
    name: String,
    waits: Vec<&'static str>,
    neutral: Vec<&'static str>,
    ok: bool,
    used: bool,
}

/// What a function of this file does with a parameter holding a shared tracked value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ParamUse {
    /// Only waits on it (and may look at it).
    Waits,
    /// Only looks at it: neither settles nor hands it off.
    Neutral,
    /// Anything else: taken as handing it off.
    Other,
}

impl<'ast> Visit<'ast> for OnlyWaits {
    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let method = m.method.to_string();
        if let Expr::Path(p) = &*m.receiver
            && p.path.is_ident(&self.name)
            && (self.waits.contains(&method.as_str()) || self.neutral.contains(&method.as_str()))
        {
            self.used |= self.waits.contains(&method.as_str());
            for a in &m.args {
                self.visit_expr(a);
            }
            return;
        }
        syn::visit::visit_expr_method_call(self, m);
    }
    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if p.path.is_ident(&self.name) {
            self.ok = false;
        }
    }
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if name == "select"
            && let Ok(select) = macros::parse_select(mac)
        {
            for b in &select.branches {
                self.visit_expr(&b.future);
                self.visit_expr(&b.handler);
                if let Some(g) = &b.guard {
                    self.visit_expr(g);
                }
            }
            if let Some(e) = &select.otherwise {
                self.visit_expr(e);
            }
        } else if matches!(name.as_str(), "join" | "try_join")
            && let Ok(futures) = macros::parse_join(mac)
        {
            for f in &futures {
                self.visit_expr(f);
            }
        } else {
            let mut idents = Vec::new();
            collect_idents(mac.tokens.clone(), &mut idents);
            if idents.contains(&self.name) {
                self.ok = false;
            }
        }
    }
}

fn creator_of(ty: &syn::Type, resolver: &Resolver<'_>) -> Option<Creator> {
    let resource = |ty: &syn::Type| {
        let Some(Ty::Path(p)) = type_of(ty, resolver) else {
            return None;
        };
        crate::catalog::ALL
            .iter()
            .flat_map(|e| e.resources)
            .find(|r| r.ty == p)
    };
    if let Some(resource) = resource(ty) {
        return Some(Creator {
            resource,
            fallible: false,
        });
    }
    // `Result<Child, E>`, `io::Result<Child>`, `Option<Child>`.
    let syn::Type::Path(tp) = ty else { return None };
    let last = tp.path.segments.last()?;
    if !matches!(last.ident.to_string().as_str(), "Result" | "Option") {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let Some(syn::GenericArgument::Type(inner)) = args.args.first() else {
        return None;
    };
    resource(inner).map(|resource| Creator {
        resource,
        fallible: true,
    })
}

/// `#[cfg(windows)]`, `#[cfg(target_os = "windows")]`: code for a platform without zombies.
fn windows_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && match &a.meta {
                syn::Meta::List(l) => is_windows_cfg(l.tokens.clone()),
                _ => false,
            }
    })
}

/// Whether cfg tokens select Windows only (`windows`, `target_os = "windows"`, and not
/// under `not(..)` or `any(..)`).
fn is_windows_cfg(tokens: TokenStream) -> bool {
    let text = tokens.to_string();
    !text.contains("not") && !text.contains("any") && (text.contains("windows"))
}

/// A function, or a closure or async block run by a spawner, whose `return` and `?`
/// end here.
struct Frame {
    scope_base: usize,
    loop_base: usize,
    temps_base: usize,
    returns: State,
}

/// What a `for` loop binds each round.
#[derive(Clone, Copy)]
struct ForBinding<'p> {
    pat: &'p Pat,
    /// The value taken from a local collection, and whether it is moved into the pattern.
    element: Option<(ObjectId, bool)>,
    /// The value the items are read from (a pipe's lines).
    items: Option<ObjectId>,
}

/// A loop (or labeled block) that `break` and `continue` can target.
struct LoopTarget {
    label: Option<String>,
    scope_depth: usize,
    temps_depth: usize,
    breaks: State,
    continues: State,
    /// A labeled block takes `break 'label` but is not a loop.
    is_loop: bool,
}

struct Interp<'a, 'o> {
    resolver: Resolver<'a>,
    user: &'a [UserResource],
    creators: &'o HashMap<String, Creator>,
    waiters: &'o HashMap<String, Vec<ParamUse>>,
    /// Variables by name, innermost last: lookups stay constant-time in long bodies.
    names: HashMap<String, Vec<(usize, usize)>>,
    /// The variables that own each value.
    owners: HashMap<ObjectId, Vec<(usize, usize)>>,
    /// The part objects of each value, by field.
    parts: HashMap<(ObjectId, &'static str), ObjectId>,
    /// The values made from each value (`child_token()`).
    children: HashMap<ObjectId, Vec<ObjectId>>,
    events: &'o mut Vec<Event>,
    seen_events: &'o mut HashSet<(usize, Blocking)>,
    threads: &'o mut usize,
    /// The thread or task the code being evaluated runs on.
    thread: usize,
    /// The method call being evaluated is awaited (or polled by `select!`/`join!`): a
    /// future it returns blocks here.
    awaited: bool,
    objects: &'o mut Vec<Object>,
    sites: &'o mut HashMap<usize, ObjectId>,
    scopes: Vec<Scope>,
    frames: Vec<Frame>,
    loops: Vec<LoopTarget>,
    /// Per statement being evaluated: values created or moved out during it that no
    /// variable owns yet. Whatever is still unowned at the statement's end is dropped.
    temps: Vec<Vec<ObjectId>>,
    state: State,
}

/// Whether an expression's value is moved (`let x = e`, an argument) or only looked at
/// (`e.method()` receivers, `&e`, format arguments).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Move,
    Borrow,
}

impl Interp<'_, '_> {
    fn run(&mut self, sig: &syn::Signature, block: &Block) {
        self.frames.push(Frame {
            scope_base: 0,
            loop_base: 0,
            temps_base: 0,
            returns: State::unreachable(),
        });
        self.temps.push(Vec::new());
        self.scopes.push(Scope::default());
        for input in &sig.inputs {
            if let syn::FnArg::Typed(t) = input {
                // A builder parameter (`cmd: &mut Command`) creates what it builds.
                let value = type_of(&t.ty, &self.resolver)
                    .and_then(|ty| Catalog::builder(ty.path()?))
                    .map_or(Val::Untracked, |builder| Val::Builder {
                        builder,
                        config: 0,
                    });
                self.bind_pattern(&t.pat, value);
            }
        }
        let value = self.block(block);
        // The body's value is returned: handed to the caller.
        for id in value.objects() {
            self.settle(id, false);
        }
        let close = block.brace_token.span.close().byte_range();
        self.end_scope(close.clone());
        self.drop_temps(close);
        self.frames.pop();
    }

    // ---- values -------------------------------------------------------------------

    /// The object for `field` of `parent` (`child.stdout`), created open (live) the first
    /// time the field is used on a path where the parent exists.
    fn part(&mut self, parent: ObjectId, part: &'static Part, span: Range<usize>) -> ObjectId {
        if let Some(&id) = self.parts.get(&(parent, part.field)) {
            return id;
        }
        let resource = self.objects[parent].resource;
        let config = self.objects[parent].config;
        self.objects.push(Object {
            resource,
            created: span,
            config,
            losses: Vec::new(),
            seen: HashSet::new(),
            settled: false,
            discharged: false,
            part_of: Some((parent, part)),
            taken_at: None,
            written: false,
            terminated: false,
            parent: None,
            companion_used: false,
        });
        let id = self.objects.len() - 1;
        self.parts.insert((parent, part.field), id);
        if self.bits(parent) & LIVE != 0 {
            self.state.set(id, LIVE);
        }
        id
    }

    fn record(
        &mut self,
        blocking: Blocking,
        object: Option<ObjectId>,
        config: u32,
        span: Range<usize>,
    ) {
        if !self.state.is_reachable() {
            return;
        }
        if blocking == Blocking::Cancellation {
            // Waiting on a token waits on its ancestors' cancellation too.
            // (A waiter on a token already cancelled on this path waits for nothing.)
            let mut at = object;
            while let Some(id) = at {
                if self.bits(id) & LIVE != 0 {
                    self.state.mark_waited(id);
                }
                at = self.objects[id].parent;
            }
        }
        let live: Vec<ObjectId> = self.state.live().collect();
        let known = self.objects.len();
        let after_terminate = object.is_some_and(|id| self.objects[id].terminated);
        if self.seen_events.insert((span.start, blocking)) {
            self.events.push(Event {
                blocking,
                object,
                config,
                span,
                thread: self.thread,
                live,
                known,
                after_terminate,
            });
        } else if let Some(e) = self
            .events
            .iter_mut()
            .find(|e| e.span.start == span.start && e.blocking == blocking)
        {
            // Met again (a loop's next round): what may be live is the union.
            for id in live {
                if !e.live.contains(&id) {
                    e.live.push(id);
                }
            }
        }
    }

    /// Whether evaluation is inside a loop of the current body.
    fn in_loop(&self) -> bool {
        let base = self.frames.last().map_or(0, |f| f.loop_base);
        self.loops[base..].iter().any(|l| l.is_loop)
    }

    fn bits(&self, id: ObjectId) -> Bits {
        self.state.get(id)
    }

    fn create(&mut self, resource: &'static Resource, span: Range<usize>, config: u32) -> ObjectId {
        let id = match self.sites.get(&span.start) {
            Some(&id) => id,
            None => {
                self.objects.push(Object {
                    resource,
                    created: span.clone(),
                    config,
                    losses: Vec::new(),
                    seen: HashSet::new(),
                    settled: false,
                    discharged: false,
                    part_of: None,
                    taken_at: None,
                    written: false,
                    terminated: false,
                    parent: None,
                    companion_used: false,
                });
                let id = self.objects.len() - 1;
                self.sites.insert(span.start, id);
                id
            }
        };
        // A resource put at risk only by some calls (writes) starts clean.
        self.state
            .set(id, if resource.arm.is_empty() { LIVE } else { 0 });
        if let Some(t) = self.temps.last_mut() {
            t.push(id);
        }
        id
    }

    /// Discharged (`discharged`) or handed off: the obligation is someone's. Only this
    /// path's state changes: whoever owns the value still does on the other paths, where
    /// it may still be lost.
    fn settle(&mut self, id: ObjectId, discharged: bool) {
        let bits = self.bits(id);
        if self.state.is_reachable() && bits & LIVE != 0 {
            self.state.set(id, (bits & !LIVE) | SETTLED);
            self.state.unwait(id);
            self.objects[id].settled = true;
            self.objects[id].discharged |= discharged;
            // What was made from it (child tokens) is settled with it.
            let children = self.children.get(&id).cloned().unwrap_or_default();
            for child in children {
                self.settle(child, discharged);
            }
        }
    }

    /// Records that the value is lost here if it may be live; `mutate`: and it is gone
    /// from this path on (a `?` records the loss on its error path but the normal path
    /// goes on with the value).
    fn lose(&mut self, id: ObjectId, span: Range<usize>, exit: Exit, mutate: bool) {
        let bits = self.bits(id);
        if !self.state.is_reachable() || bits & LIVE == 0 {
            return;
        }
        // A shared value (a token and its clones) is lost with its last handle: one
        // handle going out of scope while a variable still holds another loses nothing.
        if self.objects[id].resource.shared
            && matches!(exit, Exit::EndOfScope | Exit::Discarded)
            && self.owned_by_var(id)
        {
            return;
        }
        let thread = self.thread;
        let waited = self.state.waited(id);
        let o = &mut self.objects[id];
        if o.seen.insert((span.start, exit)) {
            o.losses.push(Loss {
                span,
                exit,
                thread,
                waited,
            });
        } else if waited
            && let Some(l) = o
                .losses
                .iter_mut()
                .find(|l| l.span.start == span.start && l.exit == exit)
        {
            l.waited = true;
        }
        // Dropping one handle of a shared value loses nothing while others may live.
        if mutate && !o.resource.shared {
            self.state.set(id, (bits & !LIVE) | GONE);
        }
    }

    /// Removes `id` from whatever owns it (a variable or the statement's temporaries).
    fn release(&mut self, id: ObjectId) {
        for (si, vi) in self.owners.remove(&id).unwrap_or_default() {
            if let Some(var) = self.scopes.get_mut(si).and_then(|s| s.vars.get_mut(vi)) {
                var.owns.retain(|o| *o != id);
            }
        }
        for t in &mut self.temps {
            t.retain(|o| *o != id);
        }
    }

    fn owned_by_var(&self, id: ObjectId) -> bool {
        self.owners.get(&id).is_some_and(|o| !o.is_empty())
    }

    /// Whether a variable in a scope at or after `base` owns the value.
    fn owned_from(&self, id: ObjectId, base: usize) -> bool {
        self.owners
            .get(&id)
            .is_some_and(|o| o.iter().any(|(si, _)| *si >= base))
    }

    fn add_owner(&mut self, at: (usize, usize), id: ObjectId) {
        let var = self.var(at);
        if !var.owns.contains(&id) {
            var.owns.push(id);
            self.owners.entry(id).or_default().push(at);
        }
    }

    /// Takes every value a variable owns away from it.
    fn take_owned(&mut self, at: (usize, usize)) -> Vec<ObjectId> {
        let owned = std::mem::take(&mut self.var(at).owns);
        for id in &owned {
            if let Some(o) = self.owners.get_mut(id) {
                o.retain(|x| *x != at);
            }
        }
        owned
    }

    fn lookup(&self, name: &str) -> Option<(usize, usize)> {
        self.names.get(name).and_then(|v| v.last()).copied()
    }

    fn push_var(&mut self, var: Var) {
        let Some(si) = self.scopes.len().checked_sub(1) else {
            return;
        };
        let vi = self.scopes[si].vars.len();
        let (name, owns) = (var.name.clone(), var.owns.clone());
        self.scopes[si].vars.push(Var {
            owns: Vec::new(),
            ..var
        });
        self.names.entry(name).or_default().push((si, vi));
        for id in owns {
            self.add_owner((si, vi), id);
        }
    }

    /// Values that may be live and are owned from scope `scope_base` or by statements
    /// from `temps_base` on: what an exit from there drops.
    fn live_owned(&self, scope_base: usize, temps_base: usize) -> Vec<ObjectId> {
        self.live_owned_in(&self.state, scope_base, temps_base)
    }

    fn live_owned_in(&self, state: &State, scope_base: usize, temps_base: usize) -> Vec<ObjectId> {
        let in_temps: HashSet<ObjectId> = self.temps[temps_base.min(self.temps.len())..]
            .iter()
            .flatten()
            .copied()
            .collect();
        state
            .live()
            .filter(|id| self.owned_from(*id, scope_base) || in_temps.contains(id))
            .collect()
    }

    fn var(&mut self, at: (usize, usize)) -> &mut Var {
        &mut self.scopes[at.0].vars[at.1]
    }

    fn declare(&mut self, name: String, val: Val) {
        let mut owns = Vec::new();
        let held: Vec<ObjectId> = match &val {
            Val::Obj { id, owned: true } | Val::Wrapped(id) => vec![*id],
            Val::Tuple(items) => items
                .iter()
                .filter_map(|v| match v {
                    Val::Obj { id, owned: true } => Some(*id),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        for id in held {
            for t in &mut self.temps {
                t.retain(|o| *o != id);
            }
            owns.push(id);
        }
        self.push_var(Var {
            name,
            val,
            owns,
            is_container: false,
            is_collection: false,
        });
    }

    /// Hands off every value that `tokens` (of a macro or closure we do not follow)
    /// may use: silence rather than a guess.
    fn settle_mentioned(&mut self, tokens: TokenStream) {
        let mut names = Vec::new();
        collect_idents(tokens, &mut names);
        for name in names {
            if let Some(at) = self.lookup(&name) {
                let var = self.var(at).clone();
                for id in var.owns.iter().copied().chain(var.val.object()) {
                    self.settle(id, false);
                }
            }
        }
    }

    // ---- statements and blocks ----------------------------------------------------

    fn block(&mut self, block: &Block) -> Val {
        self.resolver.enter_block(block);
        self.scopes.push(Scope::default());
        let mut value = Val::Untracked;
        let n = block.stmts.len();
        for (i, stmt) in block.stmts.iter().enumerate() {
            if !self.state.is_reachable() {
                break;
            }
            match stmt {
                Stmt::Expr(e, None) if i + 1 == n => value = self.eval(e, Mode::Move),
                _ => self.stmt(stmt),
            }
        }
        let close = block.brace_token.span.close().byte_range();
        // A value the block evaluates to is moved out, not dropped with the scope.
        if let Some(id) = value.object()
            && matches!(value, Val::Obj { owned: true, .. } | Val::Wrapped(_))
        {
            self.release(id);
            if let Some(t) = self.temps.last_mut() {
                t.push(id);
            }
        }
        self.end_scope(close);
        self.resolver.leave_block();
        value
    }

    /// Ends the innermost scope: what its variables still own is dropped there.
    fn end_scope(&mut self, at: Range<usize>) {
        let Some(si) = self.scopes.len().checked_sub(1) else {
            return;
        };
        for vi in (0..self.scopes[si].vars.len()).rev() {
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

    fn stmt(&mut self, stmt: &Stmt) {
        let attrs = match stmt {
            Stmt::Local(l) => l.attrs.as_slice(),
            Stmt::Macro(m) => m.attrs.as_slice(),
            Stmt::Expr(Expr::Block(b), _) => b.attrs.as_slice(),
            Stmt::Expr(Expr::Call(c), _) => c.attrs.as_slice(),
            Stmt::Expr(Expr::MethodCall(c), _) => c.attrs.as_slice(),
            _ => &[],
        };
        if windows_only(attrs) {
            return;
        }
        self.temps.push(Vec::new());
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
                self.mac(&m.mac, m.span());
            }
            Stmt::Item(_) => {}
        }
        if self.state.is_reachable() {
            let span = stmt.span().byte_range();
            self.drop_temps(span);
        } else {
            self.temps.pop();
        }
    }

    /// What the statement created or moved and nobody took is dropped at its end.
    fn drop_temps(&mut self, span: Range<usize>) {
        let temps = self.temps.pop().unwrap_or_default();
        for id in temps {
            if !self.owned_by_var(id) {
                self.lose(id, span.clone(), Exit::Discarded, true);
            }
        }
    }

    /// `let PAT = value else { diverge };`: the `else` runs when the pattern fails.
    fn let_else(&mut self, pat: &Pat, value: &Val, diverge: &Expr) {
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

    // ---- patterns -----------------------------------------------------------------

    /// Binds `pat` to `value` in the current scope. A value destructured in a way we do
    /// not follow is handed off.
    fn bind_pattern(&mut self, pat: &Pat, value: Val) {
        // `None => break` over what `ws.next()` returned: the stream ended, its closing
        // handshake is complete.
        if let Val::Derived(id) = value
            && !self.objects[id].resource.drained_by.is_empty()
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
            _ if matches!(value, Val::Polled(_)) => {
                // Where the poll is seen to have returned `Some`, it is done.
                if let Val::Polled(id) = value
                    && mentions_some(pat)
                {
                    self.settle(id, true);
                }
                match pat {
                    Pat::Ident(p) if p.subpat.is_none() => self.declare(p.ident.to_string(), value),
                    _ => self.bind_idents(pat),
                }
            }
            // `if let Some(stdin) = child.stdin.as_mut()`: the view itself.
            Pat::TupleStruct(ts)
                if matches!(value, Val::Obj { owned: false, .. })
                    && ts.elems.len() == 1
                    && matches!(variant(ts).as_deref(), Some("Ok" | "Some")) =>
            {
                if let Some(inner) = ts.elems.first() {
                    self.bind_pattern(inner, value);
                }
            }
            // `Either::Left((msg, ticks))` over `select(reads.next(), ticks.next()).await`:
            // the first element is the output of the future that finished first, the
            // second the other future.
            Pat::TupleStruct(ts) if matches!(&value, Val::Selected(items) if items.len() == 2) => {
                let Val::Selected(items) = value else { return };
                let side = variant(ts);
                let order = match side.as_deref() {
                    Some("Left") => Some([0, 1]),
                    Some("Right") => Some([1, 0]),
                    _ => None,
                };
                match (order, ts.elems.first()) {
                    (Some(order), Some(Pat::Tuple(t)))
                        if ts.elems.len() == 1 && t.elems.len() == 2 =>
                    {
                        for (p, i) in t.elems.iter().zip(order) {
                            self.bind_pattern(p, items[i].clone());
                        }
                    }
                    _ => self.bind_idents(pat),
                }
            }
            // `match connect(..).await { Ok(pair) => .., Err(e) => .. }`.
            Pat::TupleStruct(ts) if matches!(value, Val::Tuple(_)) => {
                match variant(ts).as_deref() {
                    Some("Ok" | "Some") if ts.elems.len() == 1 => {
                        if let Some(inner) = ts.elems.first() {
                            self.bind_pattern(inner, value);
                        }
                    }
                    Some("Err" | "None") => {
                        for id in value.objects() {
                            self.state.set(id, 0);
                        }
                        self.bind_idents(pat);
                    }
                    _ => {
                        for id in value.objects() {
                            self.settle(id, false);
                        }
                        self.bind_idents(pat);
                    }
                }
            }
            Pat::TupleStruct(ts) if matches!(value, Val::Wrapped(_)) => {
                let Val::Wrapped(id) = value else { return };
                match variant(ts).as_deref() {
                    Some("Ok" | "Some") if ts.elems.len() == 1 => {
                        if let Some(inner) = ts.elems.first() {
                            self.bind_pattern(inner, Val::Obj { id, owned: true });
                        }
                    }
                    Some("Err" | "None") => {
                        self.state.set(id, ABSENT);
                        self.bind_idents(pat);
                    }
                    _ => {
                        self.settle(id, false);
                        self.bind_idents(pat);
                    }
                }
            }
            Pat::Ident(_) => {
                self.bind_idents(pat);
                if let Some(id) = value.object() {
                    self.settle(id, false);
                }
            }
            _ => {
                if let Some(id) = value.object() {
                    self.settle(id, false);
                }
                self.bind_idents(pat);
            }
        }
    }

    /// Declares every identifier of `pat` as untracked (it may shadow a tracked one).
    fn bind_idents(&mut self, pat: &Pat) {
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

    // ---- expressions --------------------------------------------------------------

    fn eval(&mut self, expr: &Expr, mode: Mode) -> Val {
        if !self.state.is_reachable() {
            return Val::Untracked;
        }
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
            Expr::Return(r) => {
                if let Some(e) = &r.expr {
                    let v = self.eval(e, Mode::Move);
                    for id in v.objects() {
                        self.settle(id, false);
                    }
                }
                self.leave_frame(r.return_token.span.byte_range(), Exit::Return);
                Val::Untracked
            }
            Expr::Break(b) => {
                if let Some(e) = &b.expr {
                    let v = self.eval(e, Mode::Move);
                    for id in v.objects() {
                        self.settle(id, false);
                    }
                }
                let label = b.label.as_ref().map(|l| l.ident.to_string());
                self.jump(label, b.break_token.span.byte_range(), Exit::Break);
                Val::Untracked
            }
            Expr::Continue(c) => {
                let label = c.label.as_ref().map(|l| l.ident.to_string());
                self.jump(label, c.continue_token.span.byte_range(), Exit::Continue);
                Val::Untracked
            }
            Expr::Block(b) => match &b.label {
                Some(label) => self.labeled_block(&label.name.ident.to_string(), &b.block),
                None => self.block(&b.block),
            },
            Expr::Unsafe(u) => self.block(&u.block),
            Expr::If(i) => self.if_expr(i),
            Expr::Match(m) => self.match_expr(m),
            Expr::Loop(l) => {
                let label = l.label.as_ref().map(|l| l.name.ident.to_string());
                self.looping(label, None, &l.body, None);
                Val::Untracked
            }
            Expr::While(w) => {
                let label = w.label.as_ref().map(|l| l.name.ident.to_string());
                self.looping(label, Some(&w.cond), &w.body, None);
                Val::Untracked
            }
            Expr::ForLoop(f) => {
                let element = self.collection_element(&f.expr);
                let mut items = None;
                if element.is_none()
                    && let Val::Derived(id) = self.eval(&f.expr, Mode::Move)
                {
                    if self.objects[id].part_of.is_some() {
                        self.record(Blocking::ReadToEof, Some(id), 0, f.expr.span().byte_range());
                    }
                    items = Some(id);
                }
                let label = f.label.as_ref().map(|l| l.name.ident.to_string());
                self.looping(
                    label,
                    None,
                    &f.body,
                    Some(ForBinding {
                        pat: &f.pat,
                        element,
                        items,
                    }),
                );
                Val::Untracked
            }
            Expr::Assign(a) => self.assign(a),
            Expr::Closure(c) => {
                // It may run later, or never: what it captures is handed off, and what it
                // creates is followed inside it.
                self.settle_mentioned(quote::ToTokens::to_token_stream(&c.body));
                self.detached(&c.body, &c.inputs);
                Val::Untracked
            }
            Expr::Async(a) => {
                self.settle_mentioned(quote::ToTokens::to_token_stream(&a.block));
                let body = async_body(a);
                self.detached(&body, &Punctuated::new());
                Val::Untracked
            }
            Expr::Await(a) => {
                self.awaited = true;
                let v = self.eval(&a.base, Mode::Move);
                self.awaited = false;
                self.awaiting(&v, a.base.span().byte_range());
                match v {
                    // A constructor's future gives its value (`connect(..).await?`).
                    v @ (Val::Tuple(_) | Val::Wrapped(_) | Val::Derived(_) | Val::Selected(_)) => v,
                    Val::Obj { id, owned } if !self.objects[id].resource.driven_by_await => {
                        Val::Obj { id, owned }
                    }
                    _ => Val::Untracked,
                }
            }
            Expr::Macro(m) => self.mac(&m.mac, m.span()),
            Expr::Field(f) => {
                let base = self.eval(&f.base, Mode::Borrow);
                if let (Val::Obj { id, .. }, syn::Member::Named(name)) = (&base, &f.member)
                    && self.objects[*id].part_of.is_none()
                    && let Some(part) = self.objects[*id]
                        .resource
                        .parts
                        .iter()
                        .find(|p| name == p.field)
                {
                    let pid = self.part(*id, part, f.span().byte_range());
                    return Val::Field(pid);
                }
                Val::Untracked
            }
            Expr::Struct(s) => {
                for f in &s.fields {
                    self.hand_off(&f.expr);
                }
                if let Some(rest) = &s.rest {
                    self.eval(rest, Mode::Borrow);
                }
                Val::Untracked
            }
            Expr::Tuple(t) => {
                for e in &t.elems {
                    self.hand_off(e);
                }
                Val::Untracked
            }
            Expr::Array(a) => {
                for e in &a.elems {
                    self.hand_off(e);
                }
                Val::Untracked
            }
            Expr::Binary(b) => self.look_at([&*b.left, &*b.right]),
            Expr::Unary(u) => self.look_at([&*u.expr]),
            Expr::Index(i) => self.look_at([&*i.expr, &*i.index]),
            Expr::Cast(c) => self.look_at([&*c.expr]),
            Expr::Range(r) => self.look_at(r.start.iter().chain(r.end.iter()).map(|e| &**e)),
            Expr::Let(l) => {
                // A `let` outside `if`/`while` conditions (rare): bind in the current scope.
                let v = self.eval(&l.expr, Mode::Move);
                self.bind_pattern(&l.pat, v);
                Val::Untracked
            }
            Expr::Repeat(r) => {
                self.hand_off(&r.expr);
                Val::Untracked
            }
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
    fn look_at<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) -> Val {
        for e in exprs {
            self.eval(e, Mode::Borrow);
        }
        Val::Untracked
    }

    /// Evaluates `e` as moved into something we do not follow (a struct, a tuple).
    fn hand_off(&mut self, e: &Expr) {
        let v = self.eval(e, Mode::Move);
        for id in v.objects() {
            self.settle(id, false);
        }
    }

    fn path(&mut self, p: &syn::ExprPath, mode: Mode) -> Val {
        let Some(ident) = p.path.get_ident() else {
            return Val::Untracked;
        };
        let Some(at) = self.lookup(&ident.to_string()) else {
            return Val::Untracked;
        };
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
            self.objects[id].companion_used = true;
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

    fn call(&mut self, c: &syn::ExprCall) -> Val {
        let resolved = match &*c.func {
            Expr::Path(p) if p.qself.is_none() => Some(self.resolver.resolve(&p.path)),
            _ => None,
        };
        let last = match &*c.func {
            Expr::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        if let Some(r) = &resolved {
            if let Some(u) = self
                .user
                .iter()
                .find(|u| r.0.iter().any(|c| u.constructs(c)))
            {
                for a in &c.args {
                    self.argument(a);
                }
                let id = self.create(u.resource, c.span().byte_range(), 0);
                return Val::Obj { id, owned: true };
            }
            if let Some((resource, ctor)) = r.0.iter().find_map(|c| Catalog::constructed_by(c)) {
                let tuple = ctor.tuple;
                for a in &c.args {
                    self.argument(a);
                }
                let id = self.create(resource, c.span().byte_range(), 0);
                let obj = Val::Obj { id, owned: true };
                return match tuple {
                    Some((at, len)) => Val::Tuple(
                        (0..len)
                            .map(|i| {
                                if i == at {
                                    obj.clone()
                                } else if ctor.companion == Some(i) || resource.driven_by_await {
                                    Val::Derived(id)
                                } else {
                                    Val::Untracked
                                }
                            })
                            .collect(),
                    ),
                    None => obj,
                };
            }
            if let Some(params) = r.0.iter().find_map(|c| self.waiters.get(c)) {
                let params = params.clone();
                for (i, a) in c.args.iter().enumerate() {
                    let use_ = params.get(i).copied().unwrap_or(ParamUse::Other);
                    if use_ != ParamUse::Other {
                        // Followed: the callee only looks at it, or waits on it.
                        let v = self.eval(a, Mode::Borrow);
                        if use_ == ParamUse::Waits
                            && let Some(id) = v.object()
                        {
                            self.record(Blocking::Cancellation, Some(id), 0, a.span().byte_range());
                        }
                    } else {
                        self.argument(a);
                    }
                }
                return Val::Untracked;
            }
            if let Some(creator) = r.0.iter().find_map(|c| self.creators.get(c)).copied() {
                for a in &c.args {
                    self.argument(a);
                }
                let id = self.create(creator.resource, c.span().byte_range(), 0);
                return if creator.fallible {
                    Val::Wrapped(id)
                } else {
                    Val::Obj { id, owned: true }
                };
            }
            if let Some(s) = SPLITTERS
                .iter()
                .find(|s| !s.is_method && r.is_any(&[s.name]))
                && let Some(first) = c.args.first()
            {
                if let Val::Obj { id, .. } = self.eval(first, Mode::Move) {
                    return split_halves(id, s.carries_on);
                }
                return Val::Untracked;
            }
            if let Some(w) = WRAPPERS.iter().find(|w| r.is_any(&[w.path])) {
                let mut wrapped = Val::Untracked;
                for (i, a) in c.args.iter().enumerate() {
                    let v = self.eval(a, Mode::Move);
                    if i == w.argument {
                        wrapped = v;
                    }
                }
                return match wrapped {
                    v @ Val::Obj { .. } => v,
                    _ => Val::Untracked,
                };
            }
            if r.is_any(READ_TO_EOF_FUNCTIONS) {
                for (i, a) in c.args.iter().enumerate() {
                    let v = self.eval(a, Mode::Borrow);
                    if i == 0
                        && let Val::Obj { id, .. } = v
                        && self.objects[id].part_of.is_some()
                    {
                        self.record(Blocking::ReadToEof, Some(id), 0, c.span().byte_range());
                    }
                }
                return Val::Untracked;
            }
            if r.is_any(DIVERGING.functions) {
                for a in &c.args {
                    self.eval(a, Mode::Borrow);
                }
                self.state = State::unreachable();
                return Val::Untracked;
            }
            if r.is_any(&["drop", "std::mem::drop", "core::mem::drop", "mem::drop"])
                && c.args.len() == 1
            {
                let v = self.eval(&c.args[0], Mode::Move);
                // Only this path loses it: the variable keeps owning it on the others.
                if let Val::Obj { id, owned: true } | Val::Wrapped(id) = v {
                    self.lose(id, c.span().byte_range(), Exit::Dropped, true);
                }
                return Val::Untracked;
            }
            if r.is_any(EXECUTORS.functions) {
                self.run_spawned(c.args.iter());
                return Val::Untracked;
            }
            // `select(reads.next(), ticks.next())`: what a read future yields keeps its
            // origin through the `Either` of outputs (see `bind_pattern`); anything else
            // given to it is handed off, as to any function.
            if r.is_any(SELECT_FUNCTIONS) && c.args.len() == 2 {
                let items = c
                    .args
                    .iter()
                    .map(|a| match self.eval(a, Mode::Move) {
                        v @ Val::Derived(_) => v,
                        v => {
                            for id in v.objects() {
                                self.settle(id, false);
                            }
                            Val::Untracked
                        }
                    })
                    .collect();
                return Val::Selected(items);
            }
            for candidate in &r.0 {
                if let Some((ty, ctor)) = candidate.rsplit_once("::")
                    && let Some(t) = Catalog::canonical_type(ty)
                    && let Some(builder) = Catalog::builder(t.canonical)
                    && builder.constructors.contains(&ctor)
                {
                    for a in &c.args {
                        self.eval(a, Mode::Borrow);
                    }
                    return Val::Builder { builder, config: 0 };
                }
            }
        }
        // `Ok(x)`, `Some(x)`: the value travels inside.
        if matches!(last.as_deref(), Some("Ok" | "Some")) && c.args.len() == 1 {
            let v = self.eval(&c.args[0], Mode::Move);
            return match v {
                Val::Obj { id, owned: true } => Val::Wrapped(id),
                other => other,
            };
        }
        if !matches!(&*c.func, Expr::Path(_)) {
            self.eval(&c.func, Mode::Borrow);
        }
        for a in &c.args {
            self.argument(a);
        }
        Val::Untracked
    }

    /// An argument to a function we do not see into: by value or `&mut`, handed off; a
    /// shared borrow cannot settle anything.
    fn argument(&mut self, a: &Expr) {
        let shared_borrow = matches!(a, Expr::Reference(r) if r.mutability.is_none());
        let v = self.eval(a, Mode::Move);
        for id in v.objects() {
            // `cancel()`, `close()` and `abort()` take `&self`: a shared borrow of a shared
            // value is enough to settle it.
            if !shared_borrow || self.objects[id].resource.shared {
                self.settle(id, false);
            }
        }
    }

    fn method_call(&mut self, m: &syn::ExprMethodCall) -> Val {
        // Only the outermost call of an awaited expression is awaited.
        let awaited = std::mem::take(&mut self.awaited);
        let method = m.method.to_string();
        // A user-declared constructor method (`.lease`).
        if let Some(u) = self.user.iter().find(|u| u.constructed_by_method(&method)) {
            self.eval(&m.receiver, Mode::Borrow);
            for a in &m.args {
                self.argument(a);
            }
            let id = self.create(u.resource, m.span().byte_range(), 0);
            return Val::Obj { id, owned: true };
        }
        let consumes = UNWRAP.contains(&method.as_str()) || PLUMBING.contains(&method.as_str());
        let receiver_var = match &*m.receiver {
            Expr::Path(p) => p.path.get_ident().and_then(|i| self.lookup(&i.to_string())),
            _ => None,
        };
        // Adding to a local collection: it now owns the value.
        if COLLECT.contains(&method.as_str())
            && let Some(at) = receiver_var
            && self.var(at).is_collection
        {
            let mut taken = Vec::new();
            for a in &m.args {
                let v = self.eval(a, Mode::Move);
                if let Val::Obj { id, owned: true } | Val::Wrapped(id) = v {
                    taken.push(id);
                }
            }
            for id in taken {
                self.release(id);
                self.add_owner(at, id);
                self.var(at).is_container = true;
            }
            return Val::Untracked;
        }
        if COLLECTION_NEUTRAL.contains(&method.as_str())
            && let Some(at) = receiver_var
            && self.var(at).is_container
        {
            return Val::Untracked;
        }
        if EXECUTORS.methods.contains(&method.as_str())
            && m.args
                .iter()
                .any(|a| matches!(a, Expr::Closure(_) | Expr::Async(_)))
        {
            self.eval(&m.receiver, Mode::Borrow);
            self.run_spawned(m.args.iter());
            return Val::Untracked;
        }
        let receiver = self.eval(
            &m.receiver,
            if consumes { Mode::Move } else { Mode::Borrow },
        );
        match receiver {
            Val::Builder { builder, config } => {
                let mut config = config;
                for setting in builder.settings.iter().filter(|s| s.method == method) {
                    if m.args
                        .first()
                        .is_some_and(|a| self.is_argument(a, setting.argument))
                    {
                        config |= setting.flag;
                    } else {
                        config &= !setting.flag;
                    }
                }
                for a in &m.args {
                    self.eval(a, Mode::Borrow);
                }
                if let Some(c) = builder.completions.iter().find(|c| c.method == method) {
                    self.record(c.blocking, None, config, m.span().byte_range());
                    return Val::Untracked;
                }
                if let Some(resource) = Catalog::resource_created_by(builder.ty, &method) {
                    let id = self.create(resource, m.span().byte_range(), config);
                    if let Some((at, len)) = resource.create_tuple {
                        return Val::Tuple(
                            (0..len)
                                .map(|i| {
                                    if i == at {
                                        Val::Obj { id, owned: true }
                                    } else if resource.driven_by_await {
                                        // The client, whose requests need the connection.
                                        Val::Derived(id)
                                    } else {
                                        Val::Untracked
                                    }
                                })
                                .collect(),
                        );
                    }
                    return if resource.fallible {
                        Val::Wrapped(id)
                    } else {
                        Val::Obj { id, owned: true }
                    };
                }
                // Settings change the builder a variable holds, also through a chain
                // (`cmd.arg(..).stdout(..);`: each call returns `&mut Command`).
                if let Some(at) = self.chain_root(&m.receiver)
                    && let Val::Builder { .. } = self.var(at).val
                {
                    self.var(at).val = Val::Builder { builder, config };
                }
                Val::Builder { builder, config }
            }
            Val::Field(pid) => {
                for a in &m.args {
                    self.argument(a);
                }
                match method.as_str() {
                    // Taken out of the field: the result owns it now.
                    "take" => {
                        self.objects[pid].taken_at = Some(m.span().byte_range());
                        if let Some(t) = self.temps.last_mut() {
                            t.push(pid);
                        }
                        Val::Wrapped(pid)
                    }
                    // `child.stdout.unwrap()` moves it out of the child.
                    "unwrap" | "expect" => {
                        self.objects[pid].taken_at = Some(m.span().byte_range());
                        if let Some(t) = self.temps.last_mut() {
                            t.push(pid);
                        }
                        Val::Obj {
                            id: pid,
                            owned: true,
                        }
                    }
                    "as_mut" | "as_ref" | "as_deref_mut" | "as_deref" => Val::Obj {
                        id: pid,
                        owned: false,
                    },
                    _ => Val::Untracked,
                }
            }
            Val::Obj { id, owned } if self.objects[id].part_of.is_some() => {
                let part = self.objects[id].part_of.map(|(_, p)| p);
                if WITH_VALUE.contains(&method.as_str()) {
                    // `stdin.as_mut().map(|s| s.write_all(..))`: the closure gets it.
                    for a in &m.args {
                        match a {
                            Expr::Closure(c) => self.inline_with(
                                false,
                                &c.body,
                                &c.inputs,
                                Some(Val::Obj { id, owned: false }),
                            ),
                            other => {
                                self.argument(other);
                            }
                        }
                    }
                    return Val::Untracked;
                }
                for a in &m.args {
                    self.argument(a);
                }
                let Some(part) = part else {
                    return Val::Untracked;
                };
                if ITERATE.contains(&method.as_str()) {
                    // `lines()`, `bytes()`: the reads happen when it is iterated.
                    Val::Derived(id)
                } else if part.reads_to_eof.contains(&method.as_str()) {
                    self.record(Blocking::ReadToEof, Some(id), 0, m.span().byte_range());
                    Val::Derived(id)
                } else if part.writes.contains(&method.as_str()) {
                    self.objects[id].written = true;
                    Val::Untracked
                } else if UNWRAP.contains(&method.as_str())
                    || PLUMBING.contains(&method.as_str())
                    || matches!(method.as_str(), "by_ref" | "as_mut" | "get_mut")
                {
                    Val::Obj { id, owned }
                } else {
                    Val::Untracked
                }
            }
            Val::Obj { id, owned } => {
                let resource = self.objects[id].resource;
                for a in &m.args {
                    self.argument(a);
                }
                if resource.shared && method == "clone" {
                    // Another handle of the same value.
                    return Val::Obj { id, owned: true };
                }
                // `Session::open(..).expect(..)`: a constructor's `Result` is followed as
                // the value itself.
                if (UNWRAP.contains(&method.as_str()) || PLUMBING.contains(&method.as_str()))
                    && !resource.reborrow.contains(&method.as_str())
                {
                    return Val::Obj { id, owned };
                }
                if resource.drained_by.contains(&method.as_str()) {
                    return Val::Derived(id);
                }
                if resource.arm.contains(&method.as_str()) {
                    // `send(Message::Close(..))` closes it.
                    if let Some(closing) = resource.closing_argument
                        && m.args.iter().any(|a| names_call(a, closing))
                    {
                        self.settle(id, true);
                        return Val::Untracked;
                    }
                    // Written to: now there is something to lose.
                    if self.state.is_reachable() {
                        self.state.set(id, LIVE);
                    }
                    return Val::Untracked;
                }

                if resource.loses.contains(&method.as_str()) {
                    // async-std's `into_inner` is async and writes the buffer out first;
                    // tokio's and futures' are not, and discard it.
                    if awaited {
                        self.settle(id, true);
                    } else {
                        self.lose(id, m.span().byte_range(), Exit::Dropped, true);
                    }
                    return Val::Untracked;
                }
                if !resource.arm.is_empty()
                    && let Some(s) = SPLITTERS.iter().find(|s| s.is_method && s.name == method)
                {
                    return split_halves(id, s.carries_on);
                }
                if resource.children.contains(&method.as_str()) {
                    let child = self.create(resource, m.span().byte_range(), 0);
                    self.objects[child].parent = Some(id);
                    let siblings = self.children.entry(id).or_default();
                    if !siblings.contains(&child) {
                        siblings.push(child);
                    }
                    return Val::Obj {
                        id: child,
                        owned: true,
                    };
                }
                if let Some((_, blocking)) =
                    resource.blocking.iter().find(|(name, _)| *name == method)
                    && blocking.is_future()
                    && !awaited
                {
                    // A future that waits when it is awaited or polled, maybe elsewhere.
                    return Val::Derived(id);
                }
                if let Some((_, blocking)) =
                    resource.blocking.iter().find(|(name, _)| *name == method)
                    && (!blocking.is_future() || awaited)
                {
                    self.record(*blocking, Some(id), 0, m.span().byte_range());
                    // Waiting closes the pipes it owns: stdin for `wait`, all three for
                    // `wait_with_output`; pipes taken out are the taker's.
                    let closes: &[&str] = match blocking {
                        Blocking::WaitWithOutput => &["stdin", "stdout", "stderr"],
                        _ => &["stdin"],
                    };
                    for field in closes {
                        if let Some(&pid) = self.parts.get(&(id, *field))
                            && self.objects[pid].taken_at.is_none()
                        {
                            self.settle(pid, false);
                        }
                    }
                }
                if resource.terminate.contains(&method.as_str()) {
                    self.objects[id].terminated = true;
                }
                if resource.discharge.contains(&method.as_str()) {
                    self.settle(id, true);
                    Val::Untracked
                } else if resource.poll.contains(&method.as_str()) {
                    if self.in_loop() {
                        // Polled in a loop: the loop runs until it is done.
                        self.settle(id, true);
                        Val::Untracked
                    } else {
                        Val::Polled(id)
                    }
                } else if resource.reborrow.contains(&method.as_str()) {
                    Val::Obj { id, owned: false }
                } else if resource.neutral.contains(&method.as_str()) {
                    // What is read from a stream carries where it came from: a `?` on it
                    // is a failure of the stream itself.
                    if resource.arm.is_empty() {
                        Val::Untracked
                    } else {
                        Val::Derived(id)
                    }
                } else {
                    // An extension trait's method may settle it.
                    let _ = owned;
                    self.settle(id, false);
                    Val::Untracked
                }
            }
            Val::Derived(id) => {
                for a in &m.args {
                    self.argument(a);
                }
                if self.objects[id]
                    .resource
                    .drained_by
                    .contains(&method.as_str())
                {
                    return Val::Derived(id);
                }
                if self.objects[id].resource.recover.contains(&method.as_str()) {
                    // `registration.handle()`: another handle of the same value.
                    return Val::Obj { id, owned: true };
                }
                let drains = CONSUME.contains(&method.as_str())
                    || (matches!(method.as_str(), "next_line" | "next") && self.in_loop());
                if drains && self.objects[id].part_of.is_some() {
                    self.record(Blocking::ReadToEof, Some(id), 0, m.span().byte_range());
                }
                if UNWRAP.contains(&method.as_str()) || PLUMBING.contains(&method.as_str()) {
                    Val::Derived(id)
                } else {
                    Val::Untracked
                }
            }
            Val::Polled(id) => {
                for a in &m.args {
                    self.eval(a, Mode::Borrow);
                }
                if UNWRAP.contains(&method.as_str()) || PLUMBING.contains(&method.as_str()) {
                    Val::Polled(id)
                } else {
                    // Inspected (`is_some()`, `map(..)`): some path may see it done.
                    self.settle(id, true);
                    Val::Untracked
                }
            }
            Val::Wrapped(id) if WITH_VALUE.contains(&method.as_str()) => {
                // The closure receives the value: run it with the value bound.
                for a in &m.args {
                    match a {
                        Expr::Closure(c) => self.inline_with(
                            false,
                            &c.body,
                            &c.inputs,
                            Some(Val::Obj { id, owned: true }),
                        ),
                        other => {
                            self.argument(other);
                        }
                    }
                }
                if !m.args.iter().any(|a| matches!(a, Expr::Closure(_))) {
                    self.settle(id, false);
                }
                Val::Untracked
            }
            Val::Wrapped(id) => {
                for a in &m.args {
                    self.argument(a);
                }
                if UNWRAP.contains(&method.as_str()) {
                    Val::Obj { id, owned: true }
                } else if PLUMBING.contains(&method.as_str()) {
                    Val::Wrapped(id)
                } else if INSPECT.contains(&method.as_str()) {
                    Val::Untracked
                } else {
                    self.settle(id, false);
                    Val::Untracked
                }
            }
            Val::Tuple(items)
                if UNWRAP.contains(&method.as_str()) || PLUMBING.contains(&method.as_str()) =>
            {
                for a in &m.args {
                    self.argument(a);
                }
                Val::Tuple(items)
            }
            Val::Untracked | Val::Tuple(_) | Val::Selected(_) => {
                for a in &m.args {
                    self.argument(a);
                }
                Val::Untracked
            }
        }
    }

    /// Whether `arg` is the catalog's argument: a call of the function at `path`
    /// (`Stdio::piped()`) or the literal `path` (`true`).
    fn is_argument(&self, arg: &Expr, path: &str) -> bool {
        match arg {
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => self.resolver.resolve(&p.path).is_any(&[path]),
                _ => false,
            },
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(b),
                ..
            }) => path == if b.value { "true" } else { "false" },
            _ => false,
        }
    }

    fn try_expr(&mut self, t: &syn::ExprTry) -> Val {
        // `child.kill()?`, `stdin.write_all(..)?`: the failure of an operation on the
        // value itself, or on one of its parts, is not the path that loses it (that would
        // flag the `kill()?; wait()?` and pipe I/O idioms everywhere).
        let mut operand = &*t.expr;
        // Error conversions (`map_err`, `context`) and the `.await` of the call do not
        // change which call failed.
        loop {
            match operand {
                Expr::Await(a) => operand = &a.base,
                Expr::MethodCall(m) if PLUMBING.contains(&m.method.to_string().as_str()) => {
                    operand = &m.receiver
                }
                _ => break,
            }
        }
        let on_itself = match operand {
            Expr::MethodCall(m) => self.object_named(&m.receiver),
            // Data read from it (`line?` in a loop over its lines).
            Expr::Path(_) => match self.eval_peek(operand) {
                Some(Val::Derived(id)) => Some(id),
                _ => None,
            },
            other => self.object_named(other),
        }
        .map(|id| self.root(id))
        // Only for values whose own I/O breaks them (a child and its pipes, a stream, a
        // writer): a declared session whose `send()?` fails is still open.
        .filter(|&id| {
            let r = self.objects[id].resource;
            !r.parts.is_empty() || !r.arm.is_empty()
        });
        let v = self.eval(&t.expr, Mode::Move);
        // The value whose own creation or poll failed is not lost by this `?`: it never
        // existed, or the failure is of the very call that settles it.
        let inner = match v {
            Val::Polled(id) => Some(id),
            _ => v.object(),
        };
        // On the error path the value inside never existed; everything else live in this
        // frame is dropped by the early return.
        let span = t.question_token.span.byte_range();
        let frame_scopes = self.frames.last().map_or(0, |f| f.scope_base);
        let frame_temps = self.frames.last().map_or(0, |f| f.temps_base);
        // On the error path: what the frame owns is lost here (recorded once), the value
        // whose creation failed never existed, the value whose own call failed is broken;
        // none of them is live where the frame ends.
        let mut error_path = self.state.clone();
        for id in self.live_owned(frame_scopes, frame_temps) {
            if Some(id) != inner && Some(self.root(id)) != on_itself {
                self.lose(id, span.clone(), Exit::Try, false);
            }
            if !self.objects[id].resource.shared {
                error_path.set(id, 0);
            }
        }
        for id in inner.into_iter().chain(on_itself) {
            error_path.set(id, 0);
        }
        if let Some(f) = self.frames.last_mut() {
            f.returns.join(&error_path);
        }
        match v {
            Val::Wrapped(id) => Val::Obj { id, owned: true },
            other => other,
        }
    }

    /// The value a `while let` condition reads to its end (`ws.next().await`).
    fn drained_by(&self, cond: &Expr) -> Option<ObjectId> {
        let Expr::Let(l) = cond else { return None };
        let mut op = &*l.expr;
        while let Expr::Await(a) = op {
            op = &a.base;
        }
        let Expr::MethodCall(m) = op else { return None };
        let id = self.object_named(&m.receiver)?;
        self.objects[id]
            .resource
            .drained_by
            .contains(&m.method.to_string().as_str())
            .then_some(id)
    }

    /// The value whose own operation the condition finds failed: `op.is_err()` or
    /// `let Err(..) = op`, where `op` is a call on the value (awaited or not).
    fn failed_operation(&self, cond: &Expr) -> Option<ObjectId> {
        let op = match cond {
            Expr::MethodCall(m) if m.method == "is_err" => &*m.receiver,
            Expr::Let(l) if refutes_ok(&l.pat) => &*l.expr,
            _ => return None,
        };
        let mut op = op;
        while let Expr::Await(a) = op {
            op = &a.base;
        }
        match op {
            Expr::MethodCall(m) => self.object_named(&m.receiver).map(|id| self.root(id)),
            _ => None,
        }
    }

    /// The tracked value a receiver expression names (`child`, `child.as_mut()`, `&mut child`,
    /// `child.stdout.take().unwrap()`).
    fn object_named(&self, expr: &Expr) -> Option<ObjectId> {
        match expr {
            Expr::Path(p) => {
                let at = self.lookup(&p.path.get_ident()?.to_string())?;
                self.scopes[at.0].vars[at.1].val.object()
            }
            Expr::Paren(p) => self.object_named(&p.expr),
            Expr::Reference(r) => self.object_named(&r.expr),
            Expr::Field(f) => self.object_named(&f.base),
            Expr::Try(t) => self.object_named(&t.expr),
            Expr::MethodCall(m)
                if m.args.is_empty()
                    || UNWRAP.contains(&m.method.to_string().as_str())
                    || PLUMBING.contains(&m.method.to_string().as_str()) =>
            {
                self.object_named(&m.receiver)
            }
            _ => None,
        }
    }

    /// The variable a method chain starts from (`cmd` in `cmd.arg(..).stdout(..)`).
    fn chain_root(&self, expr: &Expr) -> Option<(usize, usize)> {
        match expr {
            Expr::MethodCall(m) => self.chain_root(&m.receiver),
            Expr::Paren(p) => self.chain_root(&p.expr),
            Expr::Path(p) => self.lookup(&p.path.get_ident()?.to_string()),
            _ => None,
        }
    }

    /// What a variable holds, without evaluating anything.
    fn eval_peek(&self, expr: &Expr) -> Option<Val> {
        let Expr::Path(p) = expr else { return None };
        let at = self.lookup(&p.path.get_ident()?.to_string())?;
        Some(self.scopes[at.0].vars[at.1].val.clone())
    }

    /// The value a part belongs to (the child of a pipe), or the value itself.
    fn root(&self, id: ObjectId) -> ObjectId {
        self.objects[id].part_of.map_or(id, |(parent, _)| parent)
    }

    /// `return`: everything this frame owns is dropped; the path ends.
    fn leave_frame(&mut self, span: Range<usize>, exit: Exit) {
        let frame_scopes = self.frames.last().map_or(0, |f| f.scope_base);
        let frame_temps = self.frames.last().map_or(0, |f| f.temps_base);
        let mut state = std::mem::replace(&mut self.state, State::unreachable());
        for id in self.live_owned_in(&state, frame_scopes, frame_temps) {
            self.state = state.clone();
            self.lose(id, span.clone(), exit, false);
            // Lost here, once: not again where the frame ends (a shared value lives on in
            // its other handles).
            if !self.objects[id].resource.shared {
                state.set(id, 0);
            }
        }
        self.state = State::unreachable();
        if let Some(f) = self.frames.last_mut() {
            f.returns.join(&state);
        }
    }

    /// `break` / `continue`: values owned inside the target loop are dropped.
    fn jump(&mut self, label: Option<String>, span: Range<usize>, exit: Exit) {
        let loop_base = self.frames.last().map_or(0, |f| f.loop_base);
        let target = self.loops[loop_base..].iter().rposition(|t| match &label {
            Some(l) => t.label.as_deref() == Some(l),
            None => t.is_loop,
        });
        let Some(index) = target.map(|i| i + loop_base) else {
            self.state = State::unreachable();
            return;
        };
        let (scope_depth, temps_depth) =
            (self.loops[index].scope_depth, self.loops[index].temps_depth);
        let mut lost: Vec<ObjectId> = self.scopes[scope_depth.min(self.scopes.len())..]
            .iter()
            .flat_map(|s| s.vars.iter().flat_map(|v| v.owns.iter().copied()))
            .collect();
        lost.extend(
            self.temps[temps_depth.min(self.temps.len())..]
                .iter()
                .flatten()
                .copied(),
        );
        for id in lost {
            self.lose(id, span.clone(), exit, false);
        }
        let state = std::mem::replace(&mut self.state, State::unreachable());
        let t = &mut self.loops[index];
        if exit == Exit::Continue {
            t.continues.join(&state);
        } else {
            t.breaks.join(&state);
        }
    }

    fn labeled_block(&mut self, label: &str, block: &Block) -> Val {
        self.loops.push(LoopTarget {
            label: Some(label.to_string()),
            scope_depth: self.scopes.len(),
            temps_depth: self.temps.len(),
            breaks: State::unreachable(),
            continues: State::unreachable(),
            is_loop: false,
        });
        let v = self.block(block);
        if let Some(t) = self.loops.pop() {
            self.state.join(&t.breaks);
        }
        v
    }

    /// `loop`, `while` (with `cond`) and `for` (with `pat`): the body is analysed until
    /// the state at its head stops growing.
    ///
    /// A `for` over a local collection that holds one tracked value binds each element
    /// (`element`: the value, and whether it is moved into the loop variable). Every
    /// round starts with a fresh element; when the loop ends, every element went through
    /// the body, so the element's state is what the body left (absent if it never ran).
    fn looping(
        &mut self,
        label: Option<String>,
        cond: Option<&Expr>,
        body: &Block,
        pat: Option<ForBinding<'_>>,
    ) {
        let entry = self.state.clone();
        let mut head = entry.clone();
        let mut exit = State::unreachable();
        let element = pat.as_ref().and_then(|p| p.element);
        let mut processed: Bits = ABSENT;
        for _ in 0..MAX_LOOP_ROUNDS {
            self.state = head.clone();
            self.loops.push(LoopTarget {
                label: label.clone(),
                scope_depth: self.scopes.len(),
                temps_depth: self.temps.len(),
                breaks: State::unreachable(),
                continues: State::unreachable(),
                is_loop: true,
            });
            self.scopes.push(Scope::default());
            self.temps.push(Vec::new());
            let mut round_exit = State::unreachable();
            if let Some(cond) = cond {
                // The loop ends when the condition fails.
                let mut otherwise = self.condition(cond);
                // `while let Some(msg) = ws.next().await`: ending because the stream ended
                // completes its closing handshake.
                if let Some(id) = self.drained_by(cond) {
                    let around = std::mem::replace(&mut self.state, otherwise);
                    self.settle(id, true);
                    otherwise = std::mem::replace(&mut self.state, around);
                }
                round_exit.join(&otherwise);
            } else if pat.is_some() {
                // A `for` loop may run no more times.
                round_exit.join(&self.state);
            }
            match pat {
                Some(ForBinding {
                    pat,
                    element: Some((id, moved)),
                    ..
                }) => {
                    self.state.set(id, LIVE);
                    self.bind_pattern(pat, Val::Obj { id, owned: moved });
                }
                // Each item read from a tracked value (a pipe's lines).
                Some(ForBinding {
                    pat,
                    items: Some(source),
                    ..
                }) => self.bind_pattern(pat, Val::Derived(source)),
                Some(ForBinding { pat, .. }) => self.bind_pattern(pat, Val::Untracked),
                None => {}
            }
            self.block(body);
            let close = body.brace_token.span.close().byte_range();
            self.drop_temps(close.clone());
            self.end_scope(close);
            let target = self.loops.pop();
            if let Some((id, _)) = element {
                processed |= self.state.get(id);
                if let Some(t) = &target {
                    processed |= t.continues.get(id) | t.breaks.get(id);
                }
            }
            let mut next = entry.clone();
            next.join(&self.state);
            if let Some(t) = &target {
                next.join(&t.continues);
                round_exit.join(&t.breaks);
            }
            exit = round_exit;
            if next == head {
                break;
            }
            head = next;
        }
        if let Some((id, _)) = element
            && exit.is_reachable()
        {
            exit.set(id, processed);
        }
        self.state = exit;
    }

    /// The tracked value a `for` loop takes from a local collection holding exactly one
    /// (`&v`, `&mut v`, `v.iter()`, `v.iter_mut()` lend it; `v`, `v.into_iter()`,
    /// `v.drain(..)` move it into the loop variable).
    fn collection_element(&mut self, expr: &Expr) -> Option<(ObjectId, bool)> {
        let (inner, moved) = match expr {
            Expr::Reference(r) => (&*r.expr, false),
            Expr::MethodCall(m) if matches!(m.method.to_string().as_str(), "iter" | "iter_mut") => {
                (&*m.receiver, false)
            }
            Expr::MethodCall(m)
                if matches!(m.method.to_string().as_str(), "into_iter" | "drain") =>
            {
                (&*m.receiver, true)
            }
            other => (other, true),
        };
        let Expr::Path(p) = inner else { return None };
        let at = self.lookup(&p.path.get_ident()?.to_string())?;
        let var = self.var(at);
        match var.owns.as_slice() {
            [id] if var.is_container => Some((*id, moved)),
            _ => None,
        }
    }

    /// A condition, with the bindings of `if let` / `while let` (and let chains) declared
    /// in the current scope.
    ///
    /// Returns the state on the path where the condition fails: just before the first
    /// pattern binds, or after the whole condition when nothing binds.
    fn condition(&mut self, cond: &Expr) -> State {
        let mut otherwise = None;
        self.condition_part(cond, &mut otherwise);
        otherwise.unwrap_or_else(|| self.state.clone())
    }

    fn condition_part(&mut self, cond: &Expr, otherwise: &mut Option<State>) {
        match cond {
            Expr::Let(l) => {
                let v = self.eval(&l.expr, Mode::Move);
                if otherwise.is_none() {
                    *otherwise = Some(self.state.clone());
                }
                self.bind_pattern(&l.pat, v);
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                self.condition_part(&b.left, otherwise);
                self.condition_part(&b.right, otherwise);
            }
            other => {
                self.eval(other, Mode::Borrow);
            }
        }
    }

    fn if_expr(&mut self, i: &syn::ExprIf) -> Val {
        // `if cfg!(windows) { .. }`: a platform without zombies; only the else runs here.
        if let Expr::Macro(m) = &*i.cond
            && m.mac.path.is_ident("cfg")
            && is_windows_cfg(m.mac.tokens.clone())
        {
            return match &i.else_branch {
                Some((_, e)) => self.eval(e, Mode::Move),
                None => Val::Untracked,
            };
        }
        self.scopes.push(Scope::default());
        let before = self.state.clone();
        let mut otherwise = self.condition(&i.cond);
        // Where the pattern of an `if let Ok(x) = ...` fails, the value never existed.
        if otherwise.is_reachable() && before.is_reachable() && refuted_by(&i.cond) {
            let created: Vec<ObjectId> = otherwise
                .live()
                .filter(|id| before.get(*id) & LIVE == 0)
                .collect();
            for id in created {
                otherwise.set(id, ABSENT);
            }
        }
        // `if w.write_all(..).await.is_err() { return }`: inside, the value is broken and
        // its own failure is not a path that loses it.
        if let Some(broken) = self.failed_operation(&i.cond) {
            self.state.set(broken, 0);
        }
        // `if msg.is_close() { .. }` on what a stream read: the peer closed it.
        if let Expr::MethodCall(m) = &*i.cond
            && m.method == "is_close"
            && let Some(Val::Derived(id)) = self.eval_peek(&m.receiver)
            && !self.objects[id].resource.drained_by.is_empty()
        {
            self.settle(id, true);
        }
        let then_value = self.block(&i.then_branch);
        let close = i.then_branch.brace_token.span.close().byte_range();
        self.end_scope(close);
        let then_state = std::mem::replace(&mut self.state, otherwise);
        let else_value = match &i.else_branch {
            Some((_, e)) => self.eval(e, Mode::Move),
            None => Val::Untracked,
        };
        self.state.join(&then_state);
        join_values(then_value, else_value)
    }

    fn match_expr(&mut self, m: &syn::ExprMatch) -> Val {
        let scrutinee = self.eval(&m.expr, Mode::Move);
        let entry = self.state.clone();
        let mut after = State::unreachable();
        let mut value = Val::Untracked;
        for arm in &m.arms {
            self.state = entry.clone();
            self.scopes.push(Scope::default());
            self.temps.push(Vec::new());
            self.bind_pattern(&arm.pat, scrutinee.clone());
            if let Some((_, guard)) = &arm.guard {
                self.eval(guard, Mode::Borrow);
            }
            let v = self.eval(&arm.body, Mode::Move);
            // An arm's value moves out of the arm.
            if let Some(id) = v.object()
                && matches!(v, Val::Obj { owned: true, .. } | Val::Wrapped(_))
            {
                self.release(id);
            }
            let end = arm.body.span().byte_range();
            let end = end.end.saturating_sub(1)..end.end;
            self.end_scope(end.clone());
            let temps = self.temps.pop().unwrap_or_default();
            for id in temps {
                if v.object() != Some(id) && !self.owned_by_var(id) {
                    self.lose(id, end.clone(), Exit::Discarded, true);
                }
            }
            if let Some(id) = v.object()
                && let Some(t) = self.temps.last_mut()
            {
                t.push(id);
            }
            after.join(&self.state);
            value = join_values(value, v);
        }
        self.state = after;
        value
    }

    fn assign(&mut self, a: &syn::ExprAssign) -> Val {
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
                        self.lose(id, a.span().byte_range(), Exit::Overwritten, true);
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

    /// Closures and async blocks given to a spawner run: their bodies are analysed in
    /// place, as part of the story of what they capture. Other arguments are handed off.
    fn run_spawned<'e>(&mut self, args: impl Iterator<Item = &'e Expr>) {
        for a in args {
            let outer = self.thread;
            *self.threads += 1;
            self.thread = *self.threads;
            match a {
                Expr::Closure(c) => self.inline(c.capture.is_some(), &c.body, &c.inputs),
                Expr::Async(b) => {
                    let body = async_body(b);
                    self.inline(b.capture.is_some(), &body, &Punctuated::new());
                }
                // `spawn(async move { .. }.instrument(span))` and wrappers like it.
                Expr::MethodCall(w)
                    if matches!(&*w.receiver, Expr::Async(_))
                        && matches!(
                            w.method.to_string().as_str(),
                            "instrument" | "in_current_span" | "boxed" | "fuse"
                        ) =>
                {
                    if let Expr::Async(b) = &*w.receiver {
                        let body = async_body(b);
                        self.inline(b.capture.is_some(), &body, &Punctuated::new());
                    }
                }
                other => {
                    self.argument(other);
                }
            }
            self.thread = outer;
        }
    }

    fn inline(&mut self, moves: bool, body: &Expr, inputs: &Punctuated<Pat, Token![,]>) {
        self.inline_with(moves, body, inputs, None);
    }

    /// Runs a closure body in place; `first`: the value its first parameter receives.
    fn inline_with(
        &mut self,
        moves: bool,
        body: &Expr,
        inputs: &Punctuated<Pat, Token![,]>,
        first: Option<Val>,
    ) {
        let mut mentioned = Vec::new();
        collect_idents(quote::ToTokens::to_token_stream(body), &mut mentioned);
        self.frames.push(Frame {
            scope_base: self.scopes.len(),
            loop_base: self.loops.len(),
            temps_base: self.temps.len(),
            returns: State::unreachable(),
        });
        self.scopes.push(Scope::default());
        self.temps.push(Vec::new());
        // A token handed to a spawned task is something that task waits on.
        for name in &mentioned {
            if let Some(at) = self.lookup(name)
                && let Some(id) = match self.scopes[at.0].vars[at.1].val {
                    Val::Derived(id) => Some(id),
                    ref v => v.object(),
                }
                && self.objects[id]
                    .resource
                    .blocking
                    .iter()
                    .any(|(_, b)| *b == Blocking::Cancellation)
            {
                let span = body.span().byte_range();
                self.record(
                    Blocking::Cancellation,
                    Some(id),
                    0,
                    span.start..span.start + 1,
                );
            }
        }
        if moves {
            // Captured by move: the closure owns them now.
            for name in &mentioned {
                if let Some(at) = self.lookup(name)
                    && at.0 + 1 < self.scopes.len()
                {
                    let var = self.var(at).clone();
                    if var.owns.is_empty() {
                        continue;
                    }
                    // The closure owns them now (and drops them at its end); the outer
                    // variable keeps co-owning them for the paths that do not get here.
                    self.push_var(var);
                }
            }
        }
        let mut first = first;
        for p in inputs {
            let v = first.take().unwrap_or(Val::Untracked);
            // An owned value given to the closure is dropped at its end unless bound.
            if let Val::Obj { id, owned: true } = v
                && let Some(t) = self.temps.last_mut()
            {
                t.push(id);
            }
            self.bind_pattern(p, v);
        }
        let value = self.eval(body, Mode::Move);
        // What the spawned work returns goes to whoever joins it.
        for id in value.objects() {
            self.settle(id, false);
        }
        let frame = self.frames.pop();
        if let Some(f) = &frame {
            self.state.join(&f.returns);
        }
        let end = body.span().byte_range();
        let end = end.end.saturating_sub(1)..end.end;
        self.drop_temps(end.clone());
        self.end_scope(end);
    }

    /// A stored future of a value (`let stop = token.cancelled_owned()`) awaited or
    /// polled here: that is where it waits.
    fn awaiting(&mut self, v: &Val, span: Range<usize>) {
        // Polling a connection future drives it.
        if let Val::Obj { id, .. } = *v
            && self.objects[id].resource.driven_by_await
        {
            self.settle(id, true);
        }
        if let Val::Derived(id) = *v
            && let Some((_, blocking)) = self.objects[id]
                .resource
                .blocking
                .iter()
                .find(|(_, b)| b.is_future())
        {
            self.record(*blocking, Some(id), 0, span);
        }
    }

    /// One of several futures polled together (`join!`, `select!`): evaluated as a task of
    /// its own, so reads in two of them are not one after the other.
    fn concurrently(&mut self, future: &Expr) -> Val {
        let outer = self.thread;
        *self.threads += 1;
        self.thread = *self.threads;
        let mut value = Val::Untracked;
        match future {
            Expr::Async(b) => {
                let body = async_body(b);
                self.inline(b.capture.is_some(), &body, &Punctuated::new());
            }
            other => {
                // Polled by the macro, as if awaited.
                self.awaited = true;
                let v = self.eval(other, Mode::Borrow);
                self.awaited = false;
                self.awaiting(&v, other.span().byte_range());
                if let Val::Derived(_) = v {
                    value = v;
                }
            }
        }
        self.thread = outer;
        value
    }

    /// `select!`: the futures are polled together, and one branch completes: each branch
    /// starts from the state before it, runs its future and its handler; the branches
    /// join as `match` arms do.
    fn select(&mut self, select: &macros::Select) {
        // Every branch's future is polled while the select waits: a connection future in
        // any branch is driven, whichever branch completes.
        for branch in &select.branches {
            if let Some(id) = self.object_named(&branch.future)
                && self.objects[id].resource.driven_by_await
            {
                self.settle(id, true);
            }
        }
        let entry = self.state.clone();
        let mut after = State::unreachable();
        for branch in &select.branches {
            self.state = entry.clone();
            self.scopes.push(Scope::default());
            if let Some(guard) = &branch.guard {
                self.eval(guard, Mode::Borrow);
            }
            let value = self.concurrently(&branch.future);
            self.bind_pattern(&branch.pat, value);
            self.eval(&branch.handler, Mode::Move);
            let end = branch.handler.span().byte_range();
            self.end_scope(end.end.saturating_sub(1)..end.end);
            after.join(&self.state);
        }
        if let Some(otherwise) = &select.otherwise {
            self.state = entry.clone();
            self.eval(otherwise, Mode::Move);
            after.join(&self.state);
        }
        self.state = after;
    }

    /// A closure or async block that may run at any time: analysed as a body of its own,
    /// leaving the state around it as it was.
    fn detached(&mut self, body: &Expr, inputs: &Punctuated<Pat, Token![,]>) {
        if !may_create_in(body, self.creators) {
            return;
        }
        let saved = self.state.clone();
        let outer = self.thread;
        *self.threads += 1;
        self.thread = *self.threads;
        self.inline_with(false, body, inputs, None);
        self.thread = outer;
        // The state around it is as before: it may run at any time, or never.
        self.state = saved;
    }

    fn mac(&mut self, mac: &syn::Macro, span: Span) -> Val {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if DIVERGING.macros.contains(&name.as_str()) {
            self.state = State::unreachable();
            return Val::Untracked;
        }
        if matches!(name.as_str(), "join" | "try_join")
            && let Ok(futures) = macros::parse_join(mac)
        {
            // Polled together: each future runs as a task of its own.
            for f in &futures {
                self.concurrently(f);
            }
            return Val::Untracked;
        }
        if name == "select"
            && let Ok(select) = macros::parse_select(mac)
        {
            self.select(&select);
            return Val::Untracked;
        }
        if EXPRESSION_MACROS.contains(&name.as_str())
            && let Ok(args) = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
        {
            let moves = matches!(name.as_str(), "dbg" | "vec");
            for arg in &args {
                // `name = value` in format arguments names the value.
                let arg = match arg {
                    Expr::Assign(a) if matches!(&*a.left, Expr::Path(_)) => &a.right,
                    other => other,
                };
                if moves {
                    self.hand_off(arg);
                } else {
                    self.eval(arg, Mode::Borrow);
                }
            }
            let _ = span;
            return Val::Untracked;
        }
        self.settle_mentioned(mac.tokens.clone());
        Val::Untracked
    }
}

/// `Vec::new()`, `Vec::with_capacity(n)`, `vec![]`, `VecDeque::new()`, `HashMap::new()`...:
/// a local collection that can own what is pushed into it.
fn is_new_collection(expr: &Expr) -> bool {
    const TYPES: &[&str] = &[
        "Vec",
        "VecDeque",
        "LinkedList",
        "HashMap",
        "BTreeMap",
        "HashSet",
        "BTreeSet",
    ];
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
                    && TYPES.contains(&segs[segs.len() - 2].as_str())
                    && matches!(
                        segs[segs.len() - 1].as_str(),
                        "new" | "with_capacity" | "default"
                    )
            }
            _ => false,
        },
        Expr::Macro(m) => m.mac.path.is_ident("vec"),
        _ => false,
    }
}

/// Whether `e` is a call or path whose last segment is `name` (`Message::Close(None)`).
fn names_call(e: &Expr, name: &str) -> bool {
    let path = match e {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => &p.path,
            _ => return false,
        },
        Expr::Path(p) => &p.path,
        _ => return false,
    };
    path.segments.last().is_some_and(|s| s.ident == name)
}

/// The halves of a split value: the one that carries on is the value itself.
fn split_halves(id: ObjectId, carries_on: usize) -> Val {
    Val::Tuple(
        (0..2)
            .map(|i| {
                if i == carries_on {
                    Val::Obj { id, owned: true }
                } else {
                    // The other (read) half: what it reads comes from the value.
                    Val::Derived(id)
                }
            })
            .collect(),
    )
}

/// An async block's body as an expression, to analyse it like a closure's.
fn async_body(b: &syn::ExprAsync) -> Expr {
    Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: b.block.clone(),
    })
}

/// Whether a failed `if let` pattern means the value was never created (`Ok(_)`,
/// `Some(_)` patterns over a fallible creation).
fn refuted_by(cond: &Expr) -> bool {
    match cond {
        Expr::Let(l) => refutes_absent(&l.pat),
        Expr::Binary(b) => refuted_by(&b.left) || refuted_by(&b.right),
        _ => false,
    }
}

/// Whether a pattern is `None` (or `Ok(None)`).
fn mentions_none(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(i) => i.ident == "None" && i.subpat.is_none(),
        Pat::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "None"),
        Pat::TupleStruct(ts) => ts.elems.iter().any(mentions_none),
        Pat::Paren(p) => mentions_none(&p.pat),
        _ => false,
    }
}

/// Whether a pattern matches `Some(..)` somewhere (`Ok(Some(status))`).
fn mentions_some(pat: &Pat) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_path(&mut self, p: &'ast syn::Path) {
            if p.segments.last().is_some_and(|s| s.ident == "Some") {
                self.0 = true;
            }
        }
    }
    let mut f = Finder(false);
    f.visit_pat(pat);
    f.0
}

/// `Err(..)` patterns.
fn refutes_ok(pat: &Pat) -> bool {
    matches!(pat, Pat::TupleStruct(ts) if ts.path.segments.last().is_some_and(|s| s.ident == "Err"))
}

/// The variant a tuple-struct pattern names: `Some`, `Ok`, `Left`.
fn variant(ts: &syn::PatTupleStruct) -> Option<String> {
    ts.path.segments.last().map(|s| s.ident.to_string())
}

fn refutes_absent(pat: &Pat) -> bool {
    match pat {
        Pat::TupleStruct(ts) => matches!(variant(ts).as_deref(), Some("Ok" | "Some")),
        Pat::Paren(p) => refutes_absent(&p.pat),
        _ => false,
    }
}

fn join_values(a: Val, b: Val) -> Val {
    match (&a, &b) {
        (Val::Untracked, _) => b,
        _ => a,
    }
}

/// Every identifier in a token stream (a macro's or closure's), to find the variables it
/// may use.
fn collect_idents(tokens: TokenStream, out: &mut Vec<String>) {
    let mut stack = vec![tokens];
    while let Some(ts) = stack.pop() {
        for tt in ts {
            match tt {
                TokenTree::Ident(i) => out.push(i.to_string()),
                TokenTree::Group(g) => stack.push(g.stream()),
                _ => {}
            }
        }
    }
}
