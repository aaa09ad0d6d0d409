//! What the functions of a file do, as far as their callers need to know: which return a
//! tracked value (calling them creates it), and which only wait on or look at a shared
//! value they are given. Read from signatures and bodies before any body is interpreted.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use syn::visit::Visit;
use syn::{Block, Expr, Pat};

use crate::catalog::runtime::{JOIN_MACROS, SELECT_MACRO};
use crate::catalog::{Builder, Catalog, Resource, prelude};
use crate::syntax::idents::collect_idents;
use crate::syntax::imports::{FileImports, Resolver};
use crate::syntax::macros;
use crate::syntax::types::{Ty, type_of};

use super::bodies::windows_only;
use super::effects::{self, ParamEffects};
use crate::config::UserResource;
use crate::syntax::macro_rules::FileMacros;
use crate::syntax::types::StructFields;

/// What the functions of one file do with tracked values, by resolved path; for what the
/// file does not define, what the other files of its crate do.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Summaries {
    /// Functions that return a tracked value (`fn spawn_server() -> Child`): calling
    /// them creates it.
    #[serde(serialize_with = "crate::serial::sorted_map")]
    pub(crate) creators: HashMap<String, Creator>,
    /// Functions with parameters that only wait on a shared value (a worker given
    /// `token.clone()` that only awaits `cancelled()`), parameter by parameter.
    #[serde(serialize_with = "crate::serial::sorted_map")]
    pub(crate) waiters: HashMap<String, Vec<ParamUse>>,
    /// What functions do to the tracked values they are given by value or `&mut`.
    #[serde(serialize_with = "crate::serial::sorted_map")]
    pub(crate) effects: HashMap<String, ParamEffects>,
    /// The summaries of the crate's files, where this file has none.
    #[serde(skip)]
    crate_wide: Option<Arc<Summaries>>,
    /// The last segment of every creator's path here (`may_create` also asks the
    /// crate's): what a call must name to be one.
    #[serde(serialize_with = "crate::serial::sorted_set")]
    creator_names: HashSet<String>,
    /// Of those, the names re-exports give them (`pub use spawn as spawn_worker`).
    #[serde(serialize_with = "crate::serial::sorted_set")]
    aliases: HashSet<String>,
    /// The settings every struct literal gives a builder-typed field, by `owner::field`.
    #[serde(serialize_with = "crate::serial::sorted_map")]
    pub(crate) field_configs: HashMap<String, u32>,
}

impl Summaries {
    pub(crate) fn of_file(
        file: &syn::File,
        imports: &FileImports,
        fields: &StructFields,
        user: &[UserResource],
        macros: &FileMacros,
        crate_wide: Option<Arc<Summaries>>,
    ) -> Summaries {
        let mut summaries = Summaries {
            crate_wide,
            ..Summaries::default()
        };
        collect_creators(
            &file.items,
            &mut Resolver::new(imports),
            &mut summaries.creators,
        );
        collect_waiters(
            &file.items,
            &mut Resolver::new(imports),
            &mut summaries.waiters,
        );
        summaries.creator_names.extend(
            summaries
                .creators
                .keys()
                .filter_map(|k| k.rsplit("::").next().map(str::to_string)),
        );
        summaries.effects = effects::summarise(file, imports, fields, user, macros, &summaries);
        summaries
    }

    /// The crate's summaries: each file's, with the paths two files define differently
    /// (a helper of the same name in two binaries) left out.
    pub(crate) fn merged(files: impl IntoIterator<Item = Summaries>) -> Summaries {
        let mut out = Summaries::default();
        let mut clashes = HashSet::new();
        for file in files {
            merge(&mut out.creators, file.creators, &mut clashes);
            merge(&mut out.waiters, file.waiters, &mut clashes);
            merge(&mut out.effects, file.effects, &mut clashes);
            merge(&mut out.field_configs, file.field_configs, &mut clashes);
        }
        for key in &clashes {
            out.creators.remove(key);
            out.waiters.remove(key);
            out.effects.remove(key);
            out.field_configs.remove(key);
        }
        out.creator_names = out
            .creators
            .keys()
            .filter_map(|k| k.rsplit("::").next().map(str::to_string))
            .collect();
        out
    }

    /// The function at `key` returns a tracked value.
    pub(crate) fn creator(&self, key: &str) -> Option<&Creator> {
        self.creators
            .get(key)
            .or_else(|| self.crate_wide.as_ref()?.creators.get(key))
    }

    /// What the function at `key` does to what it is given.
    pub(crate) fn effects_of(&self, key: &str) -> Option<&ParamEffects> {
        self.effects
            .get(key)
            .or_else(|| self.crate_wide.as_ref()?.effects.get(key))
    }

    /// The function at `key` only waits on (or looks at) its shared parameters.
    pub(crate) fn waiter(&self, key: &str) -> Option<&Vec<ParamUse>> {
        self.waiters
            .get(key)
            .or_else(|| self.crate_wide.as_ref()?.waiters.get(key))
    }

    /// Calls named `alias` may reach a creator named `name` (a re-export under another
    /// name).
    pub(crate) fn add_alias(&mut self, alias: &str, name: &str) {
        if self.creator_names.contains(name) {
            self.creator_names.insert(alias.to_string());
            self.aliases.insert(alias.to_string());
        }
    }

    /// What code must name to call each function the summaries know, as the words it
    /// must contain all of: a free function's name; a method's type and name (`Worker`
    /// and `stop` for `crate::worker::Worker::stop`: it is called as `self.stop()` in an
    /// `impl` of `Worker`, or as `Worker::stop(..)`); a name a re-export gives a creator.
    pub(crate) fn names(&self) -> Vec<Vec<String>> {
        let keys = self
            .creators
            .keys()
            .chain(self.waiters.keys())
            .chain(self.effects.keys());
        keys.flat_map(|k| {
            let mut segments = k.rsplit("::");
            let last = segments.next().unwrap_or_default();
            // By Rust's naming conventions, a type is capitalised, a module is not. A
            // method is reached as `Type::method(..)`, or as `self.method(..)` or
            // `Self::method(..)` in an `impl` of the type, which names it.
            match segments.next() {
                Some(owner) if owner.starts_with(|c: char| c.is_ascii_uppercase()) => vec![
                    vec![format!("{owner}::{last}")],
                    vec![owner.to_string(), format!("self.{last}")],
                    vec![owner.to_string(), format!("Self::{last}")],
                ],
                _ => vec![vec![last.to_string()]],
            }
        })
        .chain(self.aliases.iter().map(|a| vec![a.clone()]))
        // A builder field's settings are read where the struct's methods use the field.
        .chain(self.field_configs.keys().filter_map(|k| {
            let mut segments = k.rsplit("::");
            let field = segments.next()?;
            Some(vec![segments.next()?.to_string(), field.to_string()])
        }))
        .collect()
    }

    /// Whether it knows nothing.
    pub(crate) fn is_empty(&self) -> bool {
        self.creators.is_empty()
            && self.waiters.is_empty()
            && self.effects.is_empty()
            && self.field_configs.is_empty()
    }

    /// The settings the builder in the field `key` (`owner::field`) is known to carry.
    pub(crate) fn field_config(&self, key: &str) -> Option<u32> {
        self.field_configs
            .get(key)
            .or_else(|| self.crate_wide.as_ref()?.field_configs.get(key))
            .copied()
    }

    /// Whether a function or method named `name` (its last segment) may be a creator.
    pub(crate) fn may_create(&self, name: &str) -> bool {
        self.creator_names.contains(name)
            || self
                .crate_wide
                .as_ref()
                .is_some_and(|c| c.creator_names.contains(name))
    }
}

fn merge<V: PartialEq>(
    into: &mut HashMap<String, V>,
    from: HashMap<String, V>,
    clashes: &mut HashSet<String>,
) {
    for (key, value) in from {
        match into.get(&key) {
            Some(existing) if *existing != value => {
                clashes.insert(key);
            }
            Some(_) => {}
            None => {
                into.insert(key, value);
            }
        }
    }
}

/// A function of this file that returns a tracked value, a builder of one, or a tuple
/// holding one: calling it creates what it returns.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Creator {
    pub(crate) made: Made,
    /// Returned inside a `Result` or `Option`.
    pub(crate) fallible: bool,
}

/// What a creator's return type holds, as far as tracking goes.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) enum Made {
    /// A tracked value (`-> Child`).
    Resource(#[serde(with = "crate::catalog::serial::resource")] &'static Resource),
    /// A builder (`-> Command`), with nothing known of its settings.
    Builder(#[serde(with = "crate::catalog::serial::builder")] &'static Builder),
    /// A tuple holding exactly one of those (`-> (String, Command)`).
    Tuple(Vec<Option<Made>>),
}

/// Catalog entries are statics: the same entry is the same value.
impl PartialEq for Made {
    fn eq(&self, other: &Made) -> bool {
        match (self, other) {
            (Made::Resource(a), Made::Resource(b)) => std::ptr::eq(*a, *b),
            (Made::Builder(a), Made::Builder(b)) => std::ptr::eq(*a, *b),
            (Made::Tuple(a), Made::Tuple(b)) => a == b,
            _ => false,
        }
    }
}

impl Made {
    /// How many tracked values it creates (a tuple may hold a builder and a resource).
    fn resources(&self) -> usize {
        match self {
            Made::Resource(_) => 1,
            Made::Builder(_) => 0,
            Made::Tuple(items) => items.iter().flatten().map(Made::resources).sum(),
        }
    }
}

/// Finds the functions, associated functions and methods whose return type is a tracked
/// resource or a builder, a tuple holding one, or a `Result`/`Option` of those. Methods
/// are keyed by their self type, as associated functions are (`crate::Runner::command`).
fn collect_creators(
    items: &[syn::Item],
    resolver: &mut Resolver<'_>,
    out: &mut HashMap<String, Creator>,
) {
    fn add(
        (sig, block): (&syn::Signature, &Block),
        resolver: &Resolver<'_>,
        owner: Option<&str>,
        out: &mut HashMap<String, Creator>,
    ) {
        let syn::ReturnType::Type(_, ty) = &sig.output else {
            return;
        };
        let Some(creator) = creator_of(ty, resolver) else {
            return;
        };
        // A shared value (a token) handed out by a function that makes none is a handle
        // on one that lives elsewhere (`SHUTDOWN.clone()`, `self.token.child_token()`),
        // settled by its owner: calling the function creates nothing to follow.
        if let Made::Resource(r) = &creator.made
            && r.shared
            && !constructs(block, r, resolver)
        {
            return;
        }
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
            syn::Item::Fn(f) if !windows_only(&f.attrs) => {
                add((&f.sig, &f.block), resolver, None, out);
            }
            syn::Item::Impl(i) => {
                let previous = resolver.set_self_type(Some(&i.self_ty));
                let owner = resolver
                    .resolve_segments(&["Self".to_string()])
                    .single()
                    .map(str::to_string);
                for it in &i.items {
                    if let syn::ImplItem::Fn(f) = it
                        && let Some(owner) = &owner
                    {
                        add((&f.sig, &f.block), resolver, Some(owner), out);
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

/// Whether `block` calls one of `resource`'s constructors (`CancellationToken::new()`).
fn constructs(block: &Block, resource: &Resource, resolver: &Resolver<'_>) -> bool {
    struct Calls<'r, 'i> {
        resource: &'r Resource,
        resolver: &'r Resolver<'i>,
        found: bool,
    }
    impl<'ast> Visit<'ast> for Calls<'_, '_> {
        fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
            if let Expr::Path(p) = &*c.func
                && self.resolver.resolve(&p.path).0.iter().any(|path| {
                    Catalog::constructed_by(path).is_some_and(|(r, _)| r.id == self.resource.id)
                })
            {
                self.found = true;
            }
            syn::visit::visit_expr_call(self, c);
        }
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            // `.unwrap_or_else(CancellationToken::new)`: the constructor passed as a value.
            if self.resolver.resolve(&p.path).0.iter().any(|path| {
                Catalog::constructed_by(path).is_some_and(|(r, _)| r.id == self.resource.id)
            }) {
                self.found = true;
            }
        }
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            // What a macro expands to is not known: one that names the type may make one.
            let name = self
                .resource
                .ty
                .rsplit("::")
                .next()
                .unwrap_or(self.resource.ty);
            if m.tokens.to_string().contains(name) {
                self.found = true;
            }
        }
    }
    let mut calls = Calls {
        resource,
        resolver,
        found: false,
    };
    calls.visit_block(block);
    calls.found
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
            let Some(resource) = Catalog::resource_of_type(&ty).filter(|r| r.shared) else {
                return ParamUse::Other;
            };
            let mut check = OnlyWaits {
                names: vec![name.ident.to_string()],
                waits: resource.blocking.iter().map(|(m, _)| *m).collect(),
                neutral: resource.neutral.to_vec(),
                ok: true,
                used: false,
                macros: 0,
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
/// and whether one of `waits` is among them. A clone of it bound to a variable
/// (`let ct = ct.clone();`) is followed as it; any other clone goes where it may be
/// settled.
struct OnlyWaits {
    names: Vec<String>,
    waits: Vec<&'static str>,
    neutral: Vec<&'static str>,
    ok: bool,
    used: bool,
    /// How many parsed macros the visit is inside.
    macros: usize,
}

/// Each `select!`/`join!` parsed re-reads the macros nested in it: past this depth they
/// are not followed (the parameter is taken as handed off), so that deep nests cost
/// linear time.
const MAX_MACRO_NESTING: usize = 16;

/// What a function of this file does with a parameter holding a shared tracked value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum ParamUse {
    /// Only waits on it (and may look at it).
    Waits,
    /// Only looks at it: neither settles nor hands it off.
    Neutral,
    /// Anything else: taken as handing it off.
    Other,
}

impl OnlyWaits {
    /// `name.clone()`, of a variable followed.
    fn is_clone(&self, e: &Expr) -> bool {
        matches!(e, Expr::MethodCall(m)
            if m.method == prelude::CLONE
                && m.args.is_empty()
                && matches!(&*m.receiver, Expr::Path(p) if self.names.iter().any(|n| p.path.is_ident(n))))
    }
}

impl<'ast> Visit<'ast> for OnlyWaits {
    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let (Pat::Ident(name), Some(init)) = (&local.pat, &local.init)
            && init.diverge.is_none()
            && self.is_clone(&init.expr)
        {
            self.names.push(name.ident.to_string());
            return;
        }
        syn::visit::visit_local(self, local);
    }
    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let method = m.method.to_string();
        let waits = self.waits.contains(&method.as_str());
        let on_it =
            matches!(&*m.receiver, Expr::Path(p) if self.names.iter().any(|n| p.path.is_ident(n)));
        if (on_it
            && (waits || (self.neutral.contains(&method.as_str()) && method != prelude::CLONE)))
            || (waits && self.is_clone(&m.receiver))
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
        if self.names.iter().any(|n| p.path.is_ident(n)) {
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
        let parsed = name == SELECT_MACRO || JOIN_MACROS.contains(&name.as_str());
        if parsed && self.macros >= MAX_MACRO_NESTING {
            self.ok = false;
            return;
        }
        self.macros += usize::from(parsed);
        if name == SELECT_MACRO
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
        } else if JOIN_MACROS.contains(&name.as_str())
            && let Ok(futures) = macros::parse_join(mac)
        {
            for f in &futures {
                self.visit_expr(f);
            }
        } else {
            let mut idents = Vec::new();
            collect_idents(mac.tokens.clone(), &mut idents);
            if self.names.iter().any(|n| idents.contains(n)) {
                self.ok = false;
            }
        }
        self.macros -= usize::from(parsed);
    }
}

fn creator_of(ty: &syn::Type, resolver: &Resolver<'_>) -> Option<Creator> {
    if let Some(made) = made_by(ty, resolver) {
        return Some(Creator {
            made,
            fallible: false,
        });
    }
    // `Result<Child, E>`, `io::Result<(String, Command)>`, `Option<Child>`.
    let syn::Type::Path(tp) = ty else { return None };
    let last = tp.path.segments.last()?;
    if !prelude::CARRIERS.contains(&last.ident.to_string().as_str()) {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let Some(syn::GenericArgument::Type(inner)) = args.args.first() else {
        return None;
    };
    made_by(inner, resolver).map(|made| Creator {
        made,
        fallible: true,
    })
}

/// What a value of type `ty` is, when calling something that returns it creates it. A
/// reference is a view of a value owned elsewhere (`-> &mut Child`): it creates nothing.
fn made_by(ty: &syn::Type, resolver: &Resolver<'_>) -> Option<Made> {
    let made = match ty {
        syn::Type::Reference(_) => return None,
        syn::Type::Paren(p) => return made_by(&p.elem, resolver),
        syn::Type::Tuple(t) => Made::Tuple(t.elems.iter().map(|e| made_by(e, resolver)).collect()),
        _ => {
            let Some(Ty::Path(p)) = type_of(ty, resolver) else {
                return None;
            };
            match Catalog::resource_of_type(&p) {
                Some(resource) => Made::Resource(resource),
                None => Made::Builder(Catalog::builder(&p)?),
            }
        }
    };
    // Two tracked values made by one call would share its creation site.
    match &made {
        Made::Tuple(items) if items.iter().all(Option::is_none) || made.resources() > 1 => None,
        _ => Some(made),
    }
}
