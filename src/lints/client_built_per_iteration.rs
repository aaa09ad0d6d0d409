//! `client_built_per_iteration`: an HTTP client, a database pool or a multiplexed
//! connection built again on every iteration of a loop, so that nothing it pools is ever
//! reused.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Expr, Pat, Stmt};

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::pools::{
    self, CONNECT_METHODS, ConnectMethod, EXTRACTORS, HANDLER_ATTRIBUTES, LAZY_TYPES, PER_ITEM,
    PoolBuild, RUN_ONCE, SHARED_STATE,
};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::syntax::imports::Resolver;
use crate::syntax::test_code::test_only;

pub const LINT: Lint = Lint {
    id: "client_built_per_iteration",
    family: Family::Conn,
    default_level: Level::Warn,
    summary: "an HTTP client, connection pool or multiplexed connection is built again on every iteration of a loop",
    docs: Docs {
        what_it_does: "
Finds a client or pool built inside a loop (`for`, `while`, `loop`) or a closure run once
per item (`.map(..)`, `.for_each(..)`, `.then(..)` and the like), or in a request handler
a web framework runs once per request (an `async fn` with a routing attribute such as
actix-web's `#[get(..)]` or poem's `#[handler]`, or with an extractor parameter such as
axum's `State<..>`, `Json<..>`, `Path<..>`), that does not leave the iteration or the
request: it is not bound to a name that is pushed, stored, returned, passed on by value
or used in a nested loop. Builds in `main`, `new`, `init*`, a `static`, a `LazyLock`'s
closure or a `get_or_init(..)` run once and are not reported. A call of a function of the
file that builds one each time and drops it counts as a build where it is called. Builds are `reqwest::Client::new()`, `Client::builder()..build()`,
`reqwest::get(..)` and their blocking forms; sqlx's `Pool::connect*`, `PgPool::connect*` and
`PoolOptions::..connect*`; bb8 and deadpool pool builders and `create_pool`; hyper-util's
legacy `Client::builder(..).build(..)`; tonic's `Channel`/`Endpoint::..connect()`; and
redis's `get_multiplexed_async_connection()` and `get_connection_manager()`.
",
        why_is_this_bad: "
Each of these holds connections for reuse: reqwest's docs say the `Client` \"holds a
connection pool internally ... so it is advised that you create one and reuse it\", and
that `reqwest::get` \"creates a new internal `Client` on each call, and so should not be
used if making many requests\". Built per iteration, the pool is thrown away after one
use: keep-alive never happens, every request pays a TCP and TLS handshake, sockets pile up
in `TIME_WAIT`, and a blocking reqwest client also starts and stops an OS thread each
time. A database pool built per item opens new connections (and authenticates) every time.
",
        example: "
async fn fetch_all(urls: &[String]) -> reqwest::Result<Vec<String>> {
    let mut bodies = Vec::new();
    for url in urls {
        let client = reqwest::Client::new();
        bodies.push(client.get(url).send().await?.text().await?);
    }
    Ok(bodies)
}
",
        use_instead: "
async fn fetch_all(urls: &[String]) -> reqwest::Result<Vec<String>> {
    let client = reqwest::Client::new();
    let mut bodies = Vec::new();
    for url in urls {
        bodies.push(client.get(url).send().await?.text().await?);
    }
    Ok(bodies)
}
",
        known_limits: "
A loop whose body `return`s or `break`s is taken for a retry or a search, which may build a
fresh client on purpose, and is not reported. Neither is a pool, channel or redis
connection built for a target that changes each pass (`for url in shards`, a client
opened per server, a pool for the database a request names): there is no one pool to
share. Test code (`#[cfg(test)]` modules, `#[test]` and `#[tokio::test]` functions) is not
checked: a client per test case, often per mock server, costs the test run little. A function of the same file that builds a client on every call and drops it is
followed where a loop or a handler calls it (`notify(url)`, `self.post(event)`); one in
another file, or called through a trait or a closure, is not. A handler is known only by its routing attribute or its extractors: one
registered by hand with plain parameters (a `tower::Service`, a `hyper` `service_fn`
closure) is not. A tonic client generated for a service
(`GreeterClient::connect(..)`) is the crate's own type, which cargo-stray does not know.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let text = &cx.source.text;
    let methods: Vec<&'static ConnectMethod> = CONNECT_METHODS
        .iter()
        .filter(|m| text.contains(m.name) && text.contains(m.krate))
        .collect();
    // A build resolves only through a path or import that writes its crate's name.
    let written = |b: &PoolBuild| {
        let krate = b.path.split("::").next().unwrap_or_default();
        let last = b.path.rsplit("::").next().unwrap_or_default();
        text.contains(krate) && text.contains(last)
    };
    if methods.is_empty() && !pools::BUILDS.iter().any(written) {
        return;
    }
    // First the functions of the file that build a client and drop it on every call;
    // then the loops and handlers, which may call them.
    let mut none = Vec::new();
    let mut probe = Loops::new(cx, methods.clone(), HashMap::new(), true, &mut none);
    probe.visit_file(cx.syntax);
    let helpers = probe.found_helpers;
    let mut loops = Loops::new(cx, methods, helpers, false, out);
    loops.visit_file(cx.syntax);
}

/// A function of the file that builds a client, pool or connection on every call and
/// drops it before returning: calling it in a loop or a handler builds one per pass.
#[derive(Clone)]
struct HelperBuild {
    what: &'static str,
    pays: &'static str,
    share: &'static str,
    /// The build, in the function.
    span: Range<usize>,
}

/// What a build is, once found: its catalog entry's words.
struct Built<'a> {
    what: &'static str,
    pays: &'static str,
    share: &'static str,
    /// It builds a client of its own and drops it (`reqwest::get`): it never leaves.
    internal: bool,
    /// What names its target, if it is one built per target (a pool's URL, a redis
    /// client's receiver): built for something that changes each iteration, it is not
    /// one pool built over and over.
    target: Vec<&'a Expr>,
}

#[derive(Clone)]
struct Iteration {
    head: Range<usize>,
    how: &'static str,
    pass: &'static str,
}

struct Loops<'a, 'ast, 'o> {
    resolver: Resolver<'a>,
    methods: Vec<&'static ConnectMethod>,
    /// Looking for the helpers that build on every call, not reporting.
    probing: bool,
    /// Found while probing: by name (`fetch`, `Type::fetch` for a method), each function
    /// of the file, with what it builds and drops on every call; `None` where it builds
    /// nothing so, or two share the name.
    found_helpers: HashMap<String, Option<HelperBuild>>,
    /// While probing a function: the first build of its own that does not leave it.
    probed: Option<HelperBuild>,
    /// Those helpers, while reporting.
    helpers: HashMap<String, Option<HelperBuild>>,
    /// The type of the `impl` block the visitor is in, as written (`Client`).
    self_type: Option<String>,
    /// The iterations the visitor is inside, innermost last: the span of what repeats
    /// (the loop's head, the adapter's name, the handler's name), how to say it, and what
    /// one pass is ("iteration", "request").
    iterations: Vec<Iteration>,
    /// Per iteration, the names bound anew on each pass: the loop's pattern, the
    /// closure's parameters, the `let`s inside.
    fresh: Vec<HashSet<String>>,
    /// Expressions (by address) whose value leaves where it is made: passed on by value,
    /// assigned, stored in a field, returned, a block's value.
    stored: HashSet<*const Expr>,
    /// `let name = <expr>;`: by the initialiser's address, the name and the statements
    /// after it in its block.
    bound: HashMap<*const Expr, (String, &'ast [Stmt])>,
    out: &'o mut Vec<Diagnostic>,
}

impl<'a, 'ast, 'o> Loops<'a, 'ast, 'o> {
    fn new(
        cx: &'a FileContext<'_>,
        methods: Vec<&'static ConnectMethod>,
        helpers: HashMap<String, Option<HelperBuild>>,
        probing: bool,
        out: &'o mut Vec<Diagnostic>,
    ) -> Self {
        Loops {
            resolver: Resolver::new(cx.imports),
            methods,
            probing,
            found_helpers: HashMap::new(),
            probed: None,
            helpers,
            self_type: None,
            iterations: Vec::new(),
            fresh: Vec::new(),
            stored: HashSet::new(),
            bound: HashMap::new(),
            out,
        }
    }
}

impl<'ast> Loops<'_, 'ast, '_> {
    fn iterating<T>(
        &mut self,
        head: Range<usize>,
        how: &'static str,
        bound: &[&Pat],
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        self.repeating(
            Iteration {
                head,
                how,
                pass: "iteration",
            },
            bound,
            f,
        )
    }

    fn repeating<T>(
        &mut self,
        iteration: Iteration,
        bound: &[&Pat],
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        self.iterations.push(iteration);
        let mut fresh = HashSet::new();
        for pat in bound {
            names_in(pat, &mut fresh);
        }
        self.fresh.push(fresh);
        let out = f(self);
        self.fresh.pop();
        self.iterations.pop();
        out
    }

    /// Whether `expr` may differ from one pass of the innermost iteration to the next: it
    /// names something bound in it.
    fn changes(&self, expr: &Expr) -> bool {
        let Some(fresh) = self.fresh.last() else {
            return false;
        };
        struct Names<'f>(&'f HashSet<String>, bool);
        impl<'ast> Visit<'ast> for Names<'_> {
            fn visit_ident(&mut self, i: &'ast proc_macro2::Ident) {
                if self.0.contains(&i.to_string()) {
                    self.1 = true;
                }
            }
            fn visit_macro(&mut self, m: &'ast syn::Macro) {
                for t in m.tokens.clone() {
                    if let proc_macro2::TokenTree::Ident(i) = t {
                        self.visit_ident(&i);
                    }
                }
            }
        }
        let mut names = Names(fresh, false);
        names.visit_expr(expr);
        names.1
    }

    /// Code that runs once, wherever it is written (a nested function, a `static`'s
    /// initialiser, a `LazyLock`'s closure), is no pass of the iteration around it.
    fn once<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let outer = std::mem::take(&mut self.iterations);
        let fresh = std::mem::take(&mut self.fresh);
        let out = f(self);
        self.iterations = outer;
        self.fresh = fresh;
        out
    }

    /// A function: a request handler's body runs once per request.
    fn function(
        &mut self,
        attrs: &[syn::Attribute],
        sig: &'ast syn::Signature,
        body: &'ast syn::Block,
    ) {
        if test_only(attrs) {
            return;
        }
        if self.probing {
            self.probe_function(sig, body);
            return;
        }
        self.once(|s| {
            if is_handler(attrs, sig) {
                // What the request brings changes from one to the next; the application
                // state every request is handed does not.
                let params: Vec<&Pat> = sig
                    .inputs
                    .iter()
                    .filter_map(|i| match i {
                        syn::FnArg::Typed(t) if !is_shared_state(&t.ty) => Some(&*t.pat),
                        _ => None,
                    })
                    .collect();
                let iteration = Iteration {
                    head: sig.ident.span().byte_range(),
                    how: "this handler runs once per request",
                    pass: "request",
                };
                s.repeating(iteration, &params, |s| s.visit_block(body));
            } else {
                s.visit_block(body);
            }
        });
    }

    /// A function run as one pass of its own (its parameters change from call to call):
    /// a build in it that does not leave it makes it a helper that builds on every call.
    fn probe_function(&mut self, sig: &'ast syn::Signature, body: &'ast syn::Block) {
        let name = sig.ident.to_string();
        if name == "main" || name == "new" || name.starts_with("init") {
            return;
        }
        let key = match &self.self_type {
            Some(ty) => format!("{ty}::{name}"),
            None => name,
        };
        let params: Vec<&Pat> = sig
            .inputs
            .iter()
            .filter_map(|i| match i {
                syn::FnArg::Typed(t) => Some(&*t.pat),
                syn::FnArg::Receiver(_) => None,
            })
            .collect();
        let iteration = Iteration {
            head: sig.ident.span().byte_range(),
            how: "",
            pass: CALL,
        };
        let outer = self.probed.take();
        self.once(|s| s.repeating(iteration, &params, |s| s.visit_block(body)));
        let found = std::mem::replace(&mut self.probed, outer);
        // A name met twice (two modules, two impls) is not known for sure.
        match self.found_helpers.get_mut(&key) {
            Some(known) => *known = None,
            None => {
                self.found_helpers.insert(key, found);
            }
        }
    }

    /// `fetch(url)`, `Self::fetch(url)`, `self.fetch(url)`: a call of a helper of the file
    /// that builds on every call.
    /// Whether a call may be one of a helper that builds: reporting, inside an iteration,
    /// with helpers known. Checked before a call's name is put together.
    fn helper_call_possible(&self) -> bool {
        !self.probing && !self.iterations.is_empty() && self.helpers.values().any(Option::is_some)
    }

    fn consider_helper(&mut self, key: Option<String>, name: &str, call: Range<usize>) {
        let Some(Iteration { head, how, pass }) = self.iterations.last().cloned() else {
            return;
        };
        if self.probing || pass == CALL {
            return;
        }
        let Some(Some(helper)) = key.and_then(|k| self.helpers.get(&k).cloned()) else {
            return;
        };
        let words = words_for(pass);
        self.out.push(Diagnostic {
            message: format!(
                "{} is built again on every {pass}: `{name}` builds one each time it is called",
                helper.what
            ),
            primary: Label {
                span: call,
                message: format!("calls `{name}`, which builds {} and drops it", helper.what),
            },
            secondary: vec![
                Label {
                    span: head,
                    message: how.to_string(),
                },
                Label {
                    span: helper.span.clone(),
                    message: words(helper.pays),
                },
            ],
            help: Some(format!(
                "{}; `{name}` can take it as a parameter",
                words(helper.share)
            )),
            fix: None,
            reported_as: None,
        });
    }

    fn store(&mut self, expr: &'ast Expr) {
        self.stored.insert(peel(expr) as *const Expr);
    }

    /// What `expr` builds, if it is one of the catalog's builds.
    fn built<'e>(&self, expr: &'e Expr) -> Option<Built<'e>> {
        match expr {
            Expr::Call(c) => {
                let Expr::Path(p) = &*c.func else { return None };
                let b = self
                    .resolver
                    .resolve(&p.path)
                    .0
                    .iter()
                    .find_map(|path| pools::build_of(path))?;
                b.completions
                    .is_empty()
                    .then(|| from_build(b, c.args.iter().collect()))
            }
            Expr::MethodCall(m) => {
                let name = m.method.to_string();
                if let Some(method) = self.methods.iter().find(|c| c.name == name) {
                    return Some(Built {
                        what: method.what,
                        pays: method.pays,
                        share: method.share,
                        internal: false,
                        target: vec![&m.receiver],
                    });
                }
                let Expr::Call(start) = chain_root(&m.receiver) else {
                    return None;
                };
                let Expr::Path(p) = &*start.func else {
                    return None;
                };
                let b = self
                    .resolver
                    .resolve(&p.path)
                    .0
                    .iter()
                    .find_map(|path| pools::build_of(path))?;
                let mut target: Vec<&Expr> = start.args.iter().collect();
                target.extend(&m.args);
                b.completions
                    .contains(&name.as_str())
                    .then(|| from_build(b, target))
            }
            _ => None,
        }
    }

    fn consider(&mut self, expr: &'ast Expr) {
        if self.iterations.is_empty() {
            return;
        }
        let Some(built) = self.built(expr) else {
            return;
        };
        if built.target.iter().any(|t| self.changes(t)) {
            return;
        }
        let at = expr as *const Expr;
        if !built.internal {
            if self.stored.contains(&at) {
                return;
            }
            if let Some((name, rest)) = self.bound.get(&at)
                && kept(name, rest)
            {
                return;
            }
        }
        let Some(Iteration { head, how, pass }) = self.iterations.last().cloned() else {
            return;
        };
        if self.probing {
            // Only a build of the function itself, not of a loop inside it (reported on
            // its own).
            if pass == CALL && self.probed.is_none() {
                self.probed = Some(HelperBuild {
                    what: built.what,
                    pays: built.pays,
                    share: built.share,
                    span: expr.span().byte_range(),
                });
            }
            return;
        }
        if pass == CALL {
            return;
        }
        let words = words_for(pass);
        self.out.push(Diagnostic {
            message: format!("{} is built again on every {pass}", built.what),
            primary: Label {
                span: expr.span().byte_range(),
                message: words(built.pays),
            },
            secondary: vec![Label {
                span: head,
                message: how.to_string(),
            }],
            help: Some(words(built.share)),
            fix: None,
            reported_as: None,
        });
    }
}

/// `LazyLock::new`, `Lazy::new`: a lazy value's constructor, whose closure runs once.
fn lazy_new(func: &Expr) -> bool {
    let Expr::Path(p) = func else { return false };
    let mut segments = p.path.segments.iter().rev();
    matches!(
        (segments.next(), segments.next()),
        (Some(f), Some(ty)) if f.ident == "new" && LAZY_TYPES.iter().any(|t| ty.ident == t)
    )
}

/// A call's span, from its callee to its closing parenthesis.
fn span_of(func: &Expr, c: &syn::ExprCall) -> Range<usize> {
    func.span().byte_range().start..c.paren_token.span.close().byte_range().end
}

/// What a pass is called while probing a function: one call of it.
const CALL: &str = "call";

/// The catalog's texts for a pass: `{pass}`, and where to build once (`{before}`) and
/// how each pass gets it (`{into}`).
fn words_for(pass: &'static str) -> impl Fn(&str) -> String {
    let (before, into) = match pass {
        "request" => (
            "at startup",
            "into the application state each handler is given",
        ),
        CALL => ("once, outside it", "into each call"),
        _ => ("before the loop", "into each iteration"),
    };
    move |template: &str| {
        template
            .replace("{pass}", pass)
            .replace("{before}", before)
            .replace("{into}", into)
    }
}

fn from_build<'e>(b: &'static PoolBuild, args: Vec<&'e Expr>) -> Built<'e> {
    Built {
        what: b.what,
        pays: b.pays,
        share: b.share,
        internal: b.internal,
        target: if b.per_target { args } else { Vec::new() },
    }
}

impl<'ast> Visit<'ast> for Loops<'_, 'ast, '_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if test_only(&m.attrs) {
            return;
        }
        let name = m.ident.to_string();
        self.resolver.enter_module(&name);
        syn::visit::visit_item_mod(self, m);
        self.resolver.leave_module();
    }

    // A function's body is not an iteration of the loop it is written in.
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.function(&f.attrs, &f.sig, &f.block);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.function(&f.attrs, &f.sig, &f.block);
    }

    fn visit_item_static(&mut self, i: &'ast syn::ItemStatic) {
        self.once(|s| syn::visit::visit_item_static(s, i));
    }

    fn visit_item_const(&mut self, i: &'ast syn::ItemConst) {
        self.once(|s| syn::visit::visit_item_const(s, i));
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        for (i, stmt) in block.stmts.iter().enumerate() {
            match stmt {
                Stmt::Local(local) => {
                    if let Some(fresh) = self.fresh.last_mut() {
                        names_in(&local.pat, fresh);
                    }
                    if let Some(init) = &local.init {
                        match binding(&local.pat) {
                            Some(name) => {
                                self.bound.insert(
                                    peel(&init.expr) as *const Expr,
                                    (name, &block.stmts[i + 1..]),
                                );
                            }
                            // `let (a, b) = ..`, `let Some(x) = ..`: where the parts go is
                            // not followed.
                            None if !matches!(local.pat, Pat::Wild(_)) => self.store(&init.expr),
                            None => {}
                        }
                    }
                }
                // A block's value leaves it.
                Stmt::Expr(e, None) => self.store(e),
                _ => {}
            }
        }
        syn::visit::visit_block(self, block);
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        if exits_early(&f.body) {
            return;
        }
        let head = f.for_token.span.byte_range().start..f.expr.span().byte_range().end;
        self.iterating(head, "this loop runs it once per item", &[&f.pat], |s| {
            s.visit_block(&f.body)
        });
    }

    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        if exits_early(&w.body) {
            self.visit_expr(&w.cond);
            return;
        }
        let head = w.while_token.span.byte_range().start..w.cond.span().byte_range().end;
        let bound: Vec<&Pat> = match &*w.cond {
            Expr::Let(l) => vec![&*l.pat],
            _ => Vec::new(),
        };
        self.iterating(head, "this loop runs it on every pass", &bound, |s| {
            s.visit_expr(&w.cond);
            s.visit_block(&w.body);
        });
    }

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        if exits_early(&l.body) {
            return;
        }
        let head = l.loop_token.span.byte_range();
        self.iterating(head, "this loop runs it on every pass", &[], |s| {
            s.visit_block(&l.body)
        });
    }

    fn visit_expr(&mut self, e: &'ast Expr) {
        if matches!(e, Expr::Call(_) | Expr::MethodCall(_)) {
            self.consider(e);
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        if matches!(&*m.receiver, Expr::Path(p) if p.path.is_ident("self"))
            && self.helper_call_possible()
        {
            let name = m.method.to_string();
            let key = self.self_type.as_ref().map(|t| format!("{t}::{name}"));
            let call =
                m.receiver.span().byte_range().start..m.paren_token.span.close().byte_range().end;
            self.consider_helper(key, &name, call);
        }
        for arg in &m.args {
            self.store(arg);
        }
        self.visit_expr(&m.receiver);
        // `CLIENT.get_or_init(|| Client::new())`: built once, then shared.
        if RUN_ONCE.contains(&m.method.to_string().as_str()) {
            self.once(|s| {
                for arg in &m.args {
                    s.visit_expr(arg);
                }
            });
            return;
        }
        let per_item = PER_ITEM.contains(&m.method.to_string().as_str());
        for arg in &m.args {
            match arg {
                Expr::Closure(c) if per_item => {
                    let how = match m.method.to_string().as_str() {
                        "map" => "`.map(..)` runs this closure once per item",
                        "for_each" => "`.for_each(..)` runs this closure once per item",
                        "then" => "`.then(..)` runs this closure once per item",
                        _ => "this adapter runs its closure once per item",
                    };
                    let params: Vec<&Pat> = c.inputs.iter().collect();
                    self.iterating(m.method.span().byte_range(), how, &params, |s| {
                        s.visit_expr_closure(c)
                    });
                }
                other => self.visit_expr(other),
            }
        }
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let ty = match &*i.self_ty {
            syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        let outer = std::mem::replace(&mut self.self_type, ty);
        syn::visit::visit_item_impl(self, i);
        self.self_type = outer;
    }

    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if let Expr::Path(p) = &*c.func
            && p.qself.is_none()
            && self.helper_call_possible()
        {
            let segments: Vec<String> = p
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            let key = match segments.as_slice() {
                [name] => Some(name.clone()),
                [ty, name] if ty == "Self" => {
                    self.self_type.as_ref().map(|t| format!("{t}::{name}"))
                }
                [ty, name] => Some(format!("{ty}::{name}")),
                _ => None,
            };
            if let Some(name) = segments.last() {
                self.consider_helper(key, name, span_of(&c.func, c));
            }
        }
        for arg in &c.args {
            self.store(arg);
        }
        // `LazyLock::new(|| Client::new())`: built on first use, then shared.
        if lazy_new(&c.func) {
            self.visit_expr(&c.func);
            self.once(|s| {
                for arg in &c.args {
                    s.visit_expr(arg);
                }
            });
            return;
        }
        syn::visit::visit_expr_call(self, c);
    }

    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        self.store(&a.right);
        syn::visit::visit_expr_assign(self, a);
    }

    fn visit_field_value(&mut self, f: &'ast syn::FieldValue) {
        self.store(&f.expr);
        syn::visit::visit_field_value(self, f);
    }

    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        if let Some(e) = &r.expr {
            self.store(e);
        }
        syn::visit::visit_expr_return(self, r);
    }

    fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
        if let Some(e) = &b.expr {
            self.store(e);
        }
        syn::visit::visit_expr_break(self, b);
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        self.store(&c.body);
        syn::visit::visit_expr_closure(self, c);
    }

    fn visit_expr_array(&mut self, a: &'ast syn::ExprArray) {
        for e in &a.elems {
            self.store(e);
        }
        syn::visit::visit_expr_array(self, a);
    }

    fn visit_expr_tuple(&mut self, t: &'ast syn::ExprTuple) {
        for e in &t.elems {
            self.store(e);
        }
        syn::visit::visit_expr_tuple(self, t);
    }
}

/// Whether a function is a request handler a web framework runs once per request: an
/// `async fn` with a routing attribute, or with an extractor parameter taken by value
/// (`State(state): State<AppState>`, `web::Json<Order>`). Never `main`, `new` or `init*`.
fn is_handler(attrs: &[syn::Attribute], sig: &syn::Signature) -> bool {
    let name = sig.ident.to_string();
    if sig.asyncness.is_none() || name == "main" || name == "new" || name.starts_with("init") {
        return false;
    }
    let routed = attrs.iter().any(|a| {
        a.path()
            .segments
            .last()
            .is_some_and(|s| HANDLER_ATTRIBUTES.iter().any(|h| s.ident == h))
    });
    routed
        || sig.inputs.iter().any(|i| match i {
            syn::FnArg::Typed(t) => is_extractor(&t.ty),
            syn::FnArg::Receiver(_) => false,
        })
}

fn is_extractor(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else {
        return false;
    };
    p.path.segments.last().is_some_and(|s| {
        EXTRACTORS.iter().any(|e| s.ident == e)
            && matches!(s.arguments, syn::PathArguments::AngleBracketed(_))
    })
}

/// `State<AppState>`, `web::Data<Pool>`, rocket's `&State<Config>`.
fn is_shared_state(ty: &syn::Type) -> bool {
    let ty = match ty {
        syn::Type::Reference(r) => &*r.elem,
        other => other,
    };
    let syn::Type::Path(p) = ty else {
        return false;
    };
    p.path
        .segments
        .last()
        .is_some_and(|s| SHARED_STATE.iter().any(|e| s.ident == e))
}

/// Every name a pattern binds.
fn names_in(pat: &Pat, out: &mut HashSet<String>) {
    struct Bindings<'o>(&'o mut HashSet<String>);
    impl<'ast> Visit<'ast> for Bindings<'_> {
        fn visit_pat_ident(&mut self, i: &'ast syn::PatIdent) {
            self.0.insert(i.ident.to_string());
            syn::visit::visit_pat_ident(self, i);
        }
    }
    Bindings(out).visit_pat(pat);
}

/// The name a `let` pattern binds the whole value to (`client`, `mut client`, `client:
/// Client`).
fn binding(pat: &Pat) -> Option<String> {
    match pat {
        Pat::Ident(i) if i.subpat.is_none() => Some(i.ident.to_string()),
        Pat::Type(t) => binding(&t.pat),
        _ => None,
    }
}

/// An expression without the `?`, `.await`, `.unwrap()` (and the like) and parentheses
/// around what it makes.
fn peel(expr: &Expr) -> &Expr {
    match expr {
        Expr::Try(t) => peel(&t.expr),
        Expr::Await(a) => peel(&a.base),
        Expr::Paren(p) => peel(&p.expr),
        Expr::Group(g) => peel(&g.expr),
        Expr::MethodCall(m) if OPENS.iter().any(|o| m.method == o) => peel(&m.receiver),
        _ => expr,
    }
}

/// The methods that take the value out of a `Result` or `Option`.
const OPENS: &[&str] = &[
    "unwrap",
    "expect",
    "unwrap_unchecked",
    "unwrap_or_else",
    "unwrap_or_default",
];

/// The call a builder chain starts from (`Client::builder()` of
/// `Client::builder().timeout(t).build()`).
fn chain_root(expr: &Expr) -> &Expr {
    match expr {
        Expr::MethodCall(m) => chain_root(&m.receiver),
        Expr::Try(t) => chain_root(&t.expr),
        Expr::Await(a) => chain_root(&a.base),
        Expr::Paren(p) => chain_root(&p.expr),
        other => other,
    }
}

/// Whether a loop body leaves the loop by `return` or `break` (outside closures and inner
/// loops): a retry or a search, which may want a fresh client each time.
fn exits_early(body: &syn::Block) -> bool {
    struct Exits(bool);
    impl<'ast> Visit<'ast> for Exits {
        fn visit_expr_return(&mut self, _: &'ast syn::ExprReturn) {
            self.0 = true;
        }
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            // A labelled break may leave an outer loop: it still ends this one.
            self.0 = true;
            syn::visit::visit_expr_break(self, b);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_expr_loop(&mut self, _: &'ast syn::ExprLoop) {}
        fn visit_expr_while(&mut self, _: &'ast syn::ExprWhile) {}
        fn visit_expr_for_loop(&mut self, _: &'ast syn::ExprForLoop) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut exits = Exits(false);
    exits.visit_block(body);
    exits.0
}

/// Whether the value bound to `name` leaves the iteration or is reused in it, as far as
/// the statements after its `let` show: used other than as a method's receiver or behind
/// `&` (pushed, stored, passed on, cloned, returned), or used inside a nested loop.
fn kept(name: &str, rest: &[Stmt]) -> bool {
    struct Uses<'n> {
        name: &'n str,
        kept: bool,
        loops: usize,
    }
    impl Uses<'_> {
        fn is_name(&self, e: &Expr) -> bool {
            matches!(e, Expr::Path(p) if p.qself.is_none() && p.path.is_ident(self.name))
        }
    }
    impl<'ast> Visit<'ast> for Uses<'_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            if self.kept {
                return;
            }
            match e {
                Expr::MethodCall(m) if self.is_name(&m.receiver) => {
                    if m.method == "clone" || self.loops > 0 {
                        self.kept = true;
                        return;
                    }
                    for arg in &m.args {
                        self.visit_expr(arg);
                    }
                }
                Expr::Reference(r) if self.is_name(&r.expr) => {
                    if self.loops > 0 {
                        self.kept = true;
                    }
                }
                Expr::Field(f) if self.is_name(&f.base) => {}
                e if self.is_name(e) => self.kept = true,
                Expr::ForLoop(_) | Expr::While(_) | Expr::Loop(_) => {
                    self.loops += 1;
                    syn::visit::visit_expr(self, e);
                    self.loops -= 1;
                }
                _ => syn::visit::visit_expr(self, e),
            }
        }
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            // A name inside a macro's tokens may go anywhere.
            let name = self.name;
            if m.tokens.clone().into_iter().any(|t| t.to_string() == name) {
                self.kept = true;
            }
        }
        fn visit_local(&mut self, l: &'ast syn::Local) {
            if let Some(init) = &l.init {
                self.visit_expr(&init.expr);
                if let Some((_, diverge)) = &init.diverge {
                    self.visit_expr(diverge);
                }
            }
        }
    }
    let mut uses = Uses {
        name,
        kept: false,
        loops: 0,
    };
    for stmt in rest {
        uses.visit_stmt(stmt);
        if uses.kept {
            return true;
        }
        // Shadowed: what follows is another value.
        if let Stmt::Local(l) = stmt
            && binding(&l.pat).as_deref() == Some(name)
        {
            break;
        }
    }
    false
}
