//! The bodies of a file: finds every function, method and default trait method with the
//! name resolution in force around it, and interprets those that may create a tracked
//! value. Most bodies do not, and a cheap syntactic search tells which.

use std::collections::HashSet;

use proc_macro2::TokenStream;
use syn::visit::Visit;
use syn::{Block, Expr};

use super::Flow;
use super::interp::{self, Recorded};
use super::summaries::Summaries;
use crate::catalog::{Catalog, SKIPPED_TARGET, SKIPPED_TARGET_MODULES, prelude};
use crate::config::UserResource;
use crate::syntax::imports::{FileImports, Resolver};
use crate::syntax::macro_rules::FileMacros;
use crate::syntax::types::StructFields;

pub fn analyse_file(
    file: &syn::File,
    imports: &FileImports,
    fields: &StructFields,
    user: &[UserResource],
    crate_wide: Option<std::sync::Arc<Summaries>>,
) -> Flow {
    let macros = FileMacros::of_file(file);
    let summaries = Summaries::of_file(file, imports, fields, user, &macros, crate_wide);
    let mut renamed = renamed_imports(file);
    // The last segment of a user-declared constructor lets its callers past the filter.
    renamed.extend(user.iter().flat_map(|u| {
        u.constructors
            .iter()
            .filter_map(|c| c.last().map(|s| s.trim_start_matches('.').to_string()))
    }));
    // A macro of the file whose rules create a value lets its invocations past the filter.
    renamed.extend(
        macros
            .names()
            .filter(|(_, rules)| tokens_may_create(rules.body.clone(), &summaries, &renamed))
            .map(|(name, _)| name.to_string())
            .collect::<Vec<_>>(),
    );
    let mut bodies = Bodies {
        resolver: Resolver::new(imports),
        summaries,
        macros,
        renamed,
        user,
        fields,
        out: Recorded::default(),
        dropping: None,
        builder_structs: fields.with_builder_fields(),
    };
    if !windows_only(&file.attrs) && !imports_target_only_module(file) {
        bodies.visit_file(file);
        // Builders that constructors configure and store (`Runner { cmd }`) carry those
        // settings into the struct's other methods: once known, the file is followed
        // again with them. Few files have any.
        let configs = &bodies.out.field_configs;
        if configs.values().any(|&c| c != 0) && *configs != bodies.summaries.field_configs {
            bodies.summaries.field_configs = configs.clone();
            bodies.out = Recorded::default();
            bodies.visit_file(file);
        }
    }
    let mut flow = bodies.out.into_flow();
    flow.summaries = Some(bodies.summaries);
    flow
}

struct Bodies<'a> {
    resolver: Resolver<'a>,
    summaries: Summaries,
    /// The file's `macro_rules!`, followed where they are invoked.
    macros: FileMacros,
    /// Names bound by `use .. as name` in this file: a renamed constructor
    /// (`abortable as make_abortable`) must not escape the cheap pre-filter.
    renamed: HashSet<String>,
    /// Resources declared in settings.
    user: &'a [UserResource],
    fields: &'a StructFields,
    out: Recorded,
    /// Inside `impl Drop for T`: `T`, resolved.
    dropping: Option<String>,
    /// The file's structs with a builder-typed field, by name.
    builder_structs: HashSet<String>,
}

impl Bodies<'_> {
    fn body(&mut self, attrs: &[syn::Attribute], sig: &syn::Signature, block: &Block) {
        if windows_only(attrs) {
            return;
        }
        let facts = interp::FileFacts {
            user: self.user,
            fields: self.fields,
            macros: &self.macros,
        };
        if let Some(owner) = &self.dropping
            && sig.ident == prelude::DROP_METHOD
        {
            let fields = interp::terminable_fields(self.fields, owner);
            if !fields.is_empty() {
                let holding = interp::Holding {
                    owner,
                    fields: &fields,
                };
                interp::drop_body(
                    self.resolver.clone(),
                    facts,
                    &self.summaries,
                    &mut self.out,
                    (sig, block),
                    holding,
                );
                return;
            }
        }
        if !may_create(block, &self.summaries, &self.renamed)
            && !stores_builder(block, &self.builder_structs)
        {
            return;
        }
        interp::body(
            self.resolver.clone(),
            facts,
            &self.summaries,
            &mut self.out,
            sig,
            block,
        );
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
        let is_drop = i.trait_.as_ref().is_some_and(|(_, path, _)| {
            path.segments
                .last()
                .is_some_and(|s| s.ident == prelude::DROP_TRAIT)
        });
        let dropping = if is_drop {
            self.resolver
                .resolve_segments(&["Self".to_string()])
                .single()
                .map(str::to_string)
        } else {
            None
        };
        let outer = std::mem::replace(&mut self.dropping, dropping);
        syn::visit::visit_item_impl(self, i);
        self.dropping = outer;
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

pub(super) fn may_create_in(expr: &Expr, summaries: &Summaries) -> bool {
    let none = HashSet::new();
    let mut f = CreateFinder(false, summaries, &none);
    f.visit_expr(expr);
    f.0
}

/// Whether a body calls a method that creates a tracked value (or a function of this file
/// that returns one): most bodies do not, and are not interpreted at all.
fn may_create(block: &Block, summaries: &Summaries, renamed: &HashSet<String>) -> bool {
    let mut f = CreateFinder(false, summaries, renamed);
    f.visit_block(block);
    f.0
}

struct CreateFinder<'c>(bool, &'c Summaries, &'c HashSet<String>);

impl<'ast> Visit<'ast> for CreateFinder<'_> {
    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let method = m.method.to_string();
        if Catalog::is_create_method(&method)
            || self.2.contains(&method)
            || self.1.may_create(&method)
        {
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
            || segments.last().is_some_and(|last| self.1.may_create(last))
        {
            self.0 = true;
        } else if !self.0 {
            syn::visit::visit_expr_call(self, c);
        }
    }
    // Nested functions are bodies of their own; a `macro_rules!` of the body is code
    // wherever it is invoked.
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if let syn::Item::Macro(m) = item
            && m.mac.path.is_ident(prelude::MACRO_RULES)
            && !self.0
        {
            self.0 = tokens_may_create(m.mac.tokens.clone(), self.1, self.2);
        }
    }
    // Macro arguments are code too (`try_or_log!(cmd.spawn())`, `dbg!(..)`), and so are
    // the file's macros that create values.
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        if !self.0 {
            self.0 = m
                .path
                .get_ident()
                .is_some_and(|name| self.2.contains(&name.to_string()))
                || tokens_may_create(m.tokens.clone(), self.1, self.2);
        }
    }
}

/// Whether macro tokens name something that creates a value, read as code would be: a
/// method call (`.spawn()`), a constructor path (`CancellationToken::new`), or a function
/// or macro of the file that creates one.
fn tokens_may_create(
    tokens: TokenStream,
    summaries: &Summaries,
    renamed: &HashSet<String>,
) -> bool {
    use proc_macro2::TokenTree;
    let mut stack = vec![tokens];
    while let Some(ts) = stack.pop() {
        // The tokens before the current one: `.` for a method, `Type ::` for a path.
        let mut dot = false;
        let mut path_head: Option<String> = None;
        let mut colons = 0;
        for tt in ts {
            match tt {
                TokenTree::Ident(i) => {
                    let name = i.to_string();
                    let hit = if dot {
                        Catalog::is_create_method(&name) || renamed.contains(&name)
                    } else {
                        renamed.contains(&name)
                            || summaries.may_create(&name)
                            || (colons == 2
                                && path_head.as_ref().is_some_and(|head| {
                                    constructor_names().contains(name.as_str())
                                        && Catalog::may_construct(&[head.clone(), name.clone()])
                                }))
                    };
                    if hit {
                        return true;
                    }
                    path_head = Some(name);
                    dot = false;
                    colons = 0;
                }
                TokenTree::Punct(p) => {
                    dot = p.as_char() == '.';
                    if p.as_char() == ':' {
                        colons += 1;
                    } else {
                        colons = 0;
                        path_head = None;
                    }
                }
                TokenTree::Group(g) => {
                    stack.push(g.stream());
                    dot = false;
                    colons = 0;
                    path_head = None;
                }
                TokenTree::Literal(_) => {
                    dot = false;
                    colons = 0;
                    path_head = None;
                }
            }
        }
    }
    false
}

/// The last segments of the catalog's constructors (`new`, `new_pair`), to test macro
/// tokens cheaply before `Catalog::may_construct`.
fn constructor_names() -> &'static HashSet<&'static str> {
    static NAMES: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        crate::catalog::ALL
            .iter()
            .flat_map(|e| e.resources)
            .flat_map(|r| r.constructors)
            .filter_map(|c| c.path.rsplit("::").next())
            .collect()
    })
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

/// `#[cfg(windows)]`, `#[cfg(target_os = "windows")]`: code for a platform the catalog
/// does not track (no zombies there).
pub(super) fn windows_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && match &a.meta {
                syn::Meta::List(l) => is_windows_cfg(l.tokens.clone()),
                _ => false,
            }
    })
}

/// Whether the file imports, with no `cfg` of its own, a module that exists only on the
/// skipped target (`use std::os::windows::process::CommandExt;`): it compiles only there.
fn imports_target_only_module(file: &syn::File) -> bool {
    fn starts(tree: &syn::UseTree, prefix: &[&str]) -> bool {
        let Some((first, rest)) = prefix.split_first() else {
            return true;
        };
        match tree {
            syn::UseTree::Path(p) => p.ident == first && starts(&p.tree, rest),
            syn::UseTree::Group(g) => g.items.iter().any(|t| starts(t, prefix)),
            syn::UseTree::Name(n) => rest.is_empty() && n.ident == first,
            syn::UseTree::Rename(r) => rest.is_empty() && r.ident == first,
            syn::UseTree::Glob(_) => false,
        }
    }
    file.items.iter().any(|item| match item {
        syn::Item::Use(u) => {
            !u.attrs.iter().any(|a| a.path().is_ident("cfg"))
                && SKIPPED_TARGET_MODULES.iter().any(|m| starts(&u.tree, m))
        }
        _ => false,
    })
}

/// Whether cfg tokens select that platform only (`windows`, `target_os = "windows"`, and
/// not under `not(..)` or `any(..)`).
pub(super) fn is_windows_cfg(tokens: TokenStream) -> bool {
    let text = tokens.to_string();
    !text.contains("not") && !text.contains("any") && text.contains(SKIPPED_TARGET)
}

/// Whether a body builds a struct that has a builder-typed field (`Runner { cmd }`): what
/// it stores there is followed, for the struct's other methods.
fn stores_builder(block: &Block, structs: &HashSet<String>) -> bool {
    struct Finder<'f>(bool, &'f HashSet<String>);
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_expr_struct(&mut self, s: &'ast syn::ExprStruct) {
            let name = s.path.segments.last().map(|seg| seg.ident.to_string());
            if name.is_some_and(|n| n == "Self" || self.1.contains(&n)) {
                self.0 = true;
            } else {
                syn::visit::visit_expr_struct(self, s);
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    if structs.is_empty() {
        return false;
    }
    let mut f = Finder(false, structs);
    f.visit_block(block);
    f.0
}
