//! `tokio_child_outlives_timeout`: a tokio child process awaited under a timeout (or in a
//! `select!` against a sleep) that keeps running when the time runs out.

use std::collections::{HashMap, HashSet};

use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Expr, Pat};

use super::{Check, Docs, Family, FileContext, Lint};
use crate::catalog::prelude::EXPRESSION_MACROS;
use crate::catalog::timeouts::{
    CHILD_WAITS, COMMAND_RUNS, KILL_ON_DROP, KILLS, SLEEPS, SPAWN, TIMEOUTS, TOKIO_COMMAND_NEW,
};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::syntax::imports::Resolver;
use crate::syntax::macros;

pub const LINT: Lint = Lint {
    id: "tokio_child_outlives_timeout",
    family: Family::Process,
    default_level: Level::Warn,
    summary: "a tokio child process awaited under a timeout keeps running when the time runs out",
    docs: Docs {
        what_it_does: "
Finds `tokio::time::timeout(d, fut)`, and `select!` branches raced against
`tokio::time::sleep`, where `fut` is a tokio `Command`'s `output()` or `status()`, or a
tokio `Child`'s `wait()` or `wait_with_output()`, and the command was not built with
`kill_on_drop(true)`. A `wait()` is not reported when the function kills the child
(`kill()`, `start_kill()`) somewhere.
",
        why_is_this_bad: "
When the time runs out, the future is dropped, and with it the `Child` it owns or waits
on. tokio does not kill a process whose handle is dropped unless the command was built
with `kill_on_drop(true)` (\"By default, this value is assumed to be `false`, meaning the
next spawned process will not be killed on drop\"). The timeout returns an error, the
caller moves on, and the process it gave up on keeps running: a hung tool keeps its
resources, and a retry starts a second one beside it.
",
        example: "
use std::time::Duration;
use tokio::process::Command;

async fn lint_file(path: &str) -> Option<std::process::Output> {
    let run = Command::new(\"slow-linter\").arg(path).output();
    tokio::time::timeout(Duration::from_secs(10), run).await.ok()?.ok()
}
",
        use_instead: "
use std::time::Duration;
use tokio::process::Command;

async fn lint_file(path: &str) -> Option<std::process::Output> {
    let run = Command::new(\"slow-linter\").arg(path).kill_on_drop(true).output();
    tokio::time::timeout(Duration::from_secs(10), run).await.ok()?.ok()
}
",
        known_limits: "
The command or child must be made in the same function: one taken from a parameter, a
field or a helper is not followed. A `kill()` anywhere in the function counts for a
`wait()`, on whatever path it is.
",
        settings: "",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    // The race needs `timeout` or `sleep` written (in a path or an import), and the child
    // a `Command` made in the same function.
    let text = &cx.source.text;
    if !(text.contains("timeout") || text.contains("sleep")) || !text.contains("Command") {
        return;
    }
    let mut functions = Functions {
        resolver: Resolver::new(cx.imports),
        out,
    };
    functions.visit_file(cx.syntax);
}

struct Functions<'a, 'o> {
    resolver: Resolver<'a>,
    out: &'o mut Vec<Diagnostic>,
}

impl Functions<'_, '_> {
    fn body(&mut self, block: &syn::Block) {
        let mut races = Races {
            resolver: &self.resolver,
            found: Vec::new(),
        };
        races.visit_block(block);
        if races.found.is_empty() {
            return;
        }
        let mut facts = Facts::default();
        facts.visit_block(block);
        for (future, by) in races.found {
            if let Some((why, made)) = judge(&future, &facts, &self.resolver) {
                self.out.push(diagnostic(made, by, why));
            }
        }
    }
}

impl<'ast> Visit<'ast> for Functions<'_, '_> {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.body(&f.block);
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.body(&f.block);
        syn::visit::visit_impl_item_fn(self, f);
    }
}

/// What a function's body says of its variables: what each `let` binds it to (the last
/// one), which are set to kill on drop, and which are killed.
#[derive(Default)]
struct Facts<'ast> {
    bound: HashMap<String, &'ast Expr>,
    kill_on_drop: HashSet<String>,
    killed: HashSet<String>,
}

impl<'ast> Visit<'ast> for Facts<'ast> {
    fn visit_local(&mut self, l: &'ast syn::Local) {
        let mut pat = &l.pat;
        while let Pat::Type(t) = pat {
            pat = &t.pat;
        }
        if let (Pat::Ident(p), Some(init)) = (pat, &l.init) {
            self.bound.insert(p.ident.to_string(), &init.expr);
        }
        syn::visit::visit_local(self, l);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let method = m.method.to_string();
        if let Some(root) = root_name(&m.receiver) {
            if method == KILL_ON_DROP && is_true(m.args.first()) {
                self.kill_on_drop.insert(root);
            } else if KILLS.contains(&method.as_str()) {
                self.killed.insert(root);
            }
        }
        syn::visit::visit_expr_method_call(self, m);
    }
}

/// The futures raced against time: `timeout(d, fut)`'s, and those of `select!` branches
/// beside a sleep; each with the span of what races it.
struct Races<'r, 'a> {
    resolver: &'r Resolver<'a>,
    found: Vec<(Expr, std::ops::Range<usize>)>,
}

impl Races<'_, '_> {
    fn resolves_to(&self, func: &Expr, paths: &[&str]) -> bool {
        let Expr::Path(p) = func else { return false };
        // Most calls are of other names: resolving each would cost more than the rest.
        let Some(last) = p.path.segments.last() else {
            return false;
        };
        if !paths
            .iter()
            .any(|c| c.rsplit("::").next() == Some(&last.ident.to_string()))
        {
            return false;
        }
        self.resolver
            .resolve(&p.path)
            .0
            .iter()
            .any(|c| paths.contains(&c.as_str()))
    }

    fn is_sleep(&self, future: &Expr) -> bool {
        match future {
            Expr::Call(c) => self.resolves_to(&c.func, SLEEPS),
            Expr::Paren(p) => self.is_sleep(&p.expr),
            _ => false,
        }
    }

    fn mac(&mut self, mac: &syn::Macro) {
        let name = macros::name(mac);
        // `matches!` starts with an expression too, then a pattern.
        if EXPRESSION_MACROS.contains(&name.as_str()) || name == "matches" {
            // `matches!(timeout(..).await, ..)`, `assert!(..)`: the expressions they start
            // with.
            for e in leading_exprs(mac) {
                self.visit_expr(&e);
            }
            return;
        }
        if name != "select" && name != "select_biased" {
            return;
        }
        let Ok(select) = macros::parse_select(mac) else {
            return;
        };
        if let Some(sleep) = select.branches.iter().find(|b| self.is_sleep(&b.future)) {
            let by = sleep.future.span().byte_range();
            for b in &select.branches {
                if !self.is_sleep(&b.future) {
                    self.found.push((b.future.clone(), by.clone()));
                }
            }
        }
        for b in &select.branches {
            self.visit_expr(&b.handler);
        }
    }
}

impl<'ast> Visit<'ast> for Races<'_, '_> {
    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if c.args.len() == 2
            && self.resolves_to(&c.func, TIMEOUTS)
            && let Some(future) = c.args.iter().nth(1)
        {
            self.found
                .push((future.clone(), c.func.span().byte_range()));
        }
        syn::visit::visit_expr_call(self, c);
    }

    fn visit_expr_macro(&mut self, m: &'ast syn::ExprMacro) {
        self.mac(&m.mac);
    }

    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        self.mac(&m.mac);
    }

    // Functions inside are bodies of their own.
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// What a future raced against time runs, when it is a tokio child left running.
enum Why {
    /// `output()` / `status()` of a command.
    Runs(String),
    /// `wait()` / `wait_with_output()` of a child.
    Waits(String),
}

/// Why the future leaves a child running, and the expression that makes the future.
fn judge<'e>(
    future: &'e Expr,
    facts: &'e Facts,
    resolver: &Resolver<'_>,
) -> Option<(Why, &'e Expr)> {
    let mut future = strip(future);
    // A future made before the race (`let run = cmd.output();`).
    if let Expr::Path(p) = future
        && let Some(name) = p.path.get_ident()
        && let Some(bound) = facts.bound.get(&name.to_string())
    {
        future = strip(bound);
    }
    let Expr::MethodCall(m) = future else {
        return None;
    };
    let method = m.method.to_string();
    if COMMAND_RUNS.contains(&method.as_str()) && m.args.is_empty() {
        return (tokio_command(&m.receiver, facts, resolver, 0)? == Killing::No)
            .then_some((Why::Runs(method), future));
    }
    if CHILD_WAITS.contains(&method.as_str()) && m.args.is_empty() {
        let name = root_name(&m.receiver)?;
        if method == "wait" && facts.killed.contains(&name) {
            return None;
        }
        let spawned = strip(facts.bound.get(&name)?);
        let Expr::MethodCall(s) = spawned else {
            return None;
        };
        if s.method != SPAWN {
            return None;
        }
        return (tokio_command(&s.receiver, facts, resolver, 0)? == Killing::No
            && !facts.kill_on_drop.contains(&name))
        .then_some((Why::Waits(method), future));
    }
    None
}

#[derive(PartialEq, Eq)]
enum Killing {
    Yes,
    No,
}

/// Whether `expr` is a tokio `Command` made in this function, and whether it is set to
/// kill its child on drop; `None` where its origin is not known.
fn tokio_command(
    expr: &Expr,
    facts: &Facts,
    resolver: &Resolver<'_>,
    depth: usize,
) -> Option<Killing> {
    if depth > 8 {
        return None;
    }
    match strip(expr) {
        Expr::MethodCall(m) => {
            if m.method == KILL_ON_DROP && is_true(m.args.first()) {
                tokio_command(&m.receiver, facts, resolver, depth + 1).map(|_| Killing::Yes)
            } else {
                tokio_command(&m.receiver, facts, resolver, depth + 1)
            }
        }
        Expr::Call(c) => {
            let Expr::Path(p) = &*c.func else { return None };
            resolver
                .resolve(&p.path)
                .0
                .iter()
                .any(|r| r == TOKIO_COMMAND_NEW)
                .then_some(Killing::No)
        }
        Expr::Path(p) => {
            let name = p.path.get_ident()?.to_string();
            let origin = tokio_command(facts.bound.get(&name)?, facts, resolver, depth + 1)?;
            Some(if facts.kill_on_drop.contains(&name) {
                Killing::Yes
            } else {
                origin
            })
        }
        _ => None,
    }
}

/// The comma-separated expressions a macro's tokens start with, up to the first that is
/// not one (`matches!(e, Pat)` gives `e`).
fn leading_exprs(mac: &syn::Macro) -> Vec<Expr> {
    let parser = |input: syn::parse::ParseStream<'_>| {
        let mut out = Vec::new();
        while !input.is_empty() {
            let Ok(e) = input.parse::<Expr>() else { break };
            out.push(e);
            if input.parse::<syn::Token![,]>().is_err() {
                break;
            }
        }
        let _rest: proc_macro2::TokenStream = input.parse()?;
        Ok(out)
    };
    syn::parse::Parser::parse2(parser, mac.tokens.clone()).unwrap_or_default()
}

/// `expr` without what does not change the value it stands for: `&mut`, parentheses,
/// `?`, `.await`, `.unwrap()`, `.expect(..)`.
fn strip(expr: &Expr) -> &Expr {
    match expr {
        Expr::Reference(r) => strip(&r.expr),
        Expr::Paren(p) => strip(&p.expr),
        Expr::Group(g) => strip(&g.expr),
        Expr::Try(t) => strip(&t.expr),
        Expr::MethodCall(m) if matches!(m.method.to_string().as_str(), "unwrap" | "expect") => {
            strip(&m.receiver)
        }
        other => other,
    }
}

/// The variable an expression is rooted in (`child`, `&mut child`, `cmd.arg(..)`).
fn root_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
        Expr::Reference(r) => root_name(&r.expr),
        Expr::Paren(p) => root_name(&p.expr),
        Expr::MethodCall(m) => root_name(&m.receiver),
        _ => None,
    }
}

fn is_true(arg: Option<&Expr>) -> bool {
    matches!(arg, Some(Expr::Lit(l)) if matches!(&l.lit, syn::Lit::Bool(b) if b.value))
}

fn diagnostic(future: &Expr, by: std::ops::Range<usize>, why: Why) -> Diagnostic {
    let (what, owner) = match why {
        Why::Runs(m) => (format!("`{m}()`"), "the child it spawned"),
        Why::Waits(m) => (format!("`{m}()`"), "the child"),
    };
    Diagnostic {
        message: format!(
            "when the time runs out, {what} is dropped and {owner} keeps running: the command was not built with `kill_on_drop(true)`"
        ),
        primary: Label {
            span: future.span().byte_range(),
            message: "dropped unfinished if the time runs out first".to_string(),
        },
        secondary: vec![Label {
            span: by,
            message: "the time limit".to_string(),
        }],
        help: Some(
            "build the command with `.kill_on_drop(true)`, or keep the `Child` and call `child.kill().await` (or `start_kill()`) when the time runs out"
                .to_string(),
        ),
        fix: None,
        reported_as: None,
    }
}
