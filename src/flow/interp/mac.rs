//! Macro invocations, as statements or expressions: the file's own `macro_rules!`
//! (expanded in place when simple), diverging macros, `join!` and `select!`, the
//! error-handling crates' early returns (`bail!`, `ensure!`), scopeguard's `defer!`, std's
//! expression macros; any other macro hands off the values it names.

use std::rc::Rc;

use syn::punctuated::Punctuated;
use syn::{Expr, Token};

use super::{Interp, Mode};
use crate::catalog::runtime::{JOIN_MACROS, ReturnForm, SELECT_MACRO, early_return};
use crate::catalog::{DIVERGING, prelude};
use crate::flow::Exit;
use crate::flow::track::{State, Val};
use crate::syntax::macro_rules::MacroRules;
use crate::syntax::macros;
use crate::syntax::span;

/// How deep macros of the file are expanded inside one another.
const MAX_EXPANSION_DEPTH: usize = 8;

impl Interp<'_, '_> {
    /// A macro invocation: diverging macros end the path, `join!` and `select!` poll
    /// their futures together, std's expression macros evaluate their arguments, and any
    /// other macro hands off the values it names.
    pub(super) fn mac(&mut self, mac: &syn::Macro) -> Val {
        self.mac_at(mac, false)
    }

    /// A macro invocation; `statement`: in statement position, where what it expands to
    /// is spliced into the enclosing block.
    pub(super) fn mac_at(&mut self, mac: &syn::Macro, statement: bool) -> Val {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        // A macro of the file wins over any library's by the same name.
        if mac.path.get_ident().is_some()
            && let Some(rules) = self.macro_rules(&name)
        {
            return self.invoke_rules(mac, &name, &rules, statement);
        }
        if DIVERGING.macros.contains(&name.as_str()) {
            self.state = State::unreachable();
            return Val::Untracked;
        }
        if JOIN_MACROS.contains(&name.as_str())
            && let Ok(futures) = macros::parse_join(mac)
        {
            // Polled together: each future runs as a task of its own, and the macro
            // returns once every one has ended.
            let tasks: Vec<usize> = futures
                .iter()
                .map(|f| self.concurrently_joined(f).1)
                .collect();
            for (f, task) in futures.iter().zip(tasks) {
                self.join_thread(task, span::expr(f));
            }
            return Val::Untracked;
        }
        if name == SELECT_MACRO
            && let Ok(select) = macros::parse_select(mac)
        {
            self.select(&select);
            return Val::Untracked;
        }
        // `r#try!` names `try!` in editions where `try` is a keyword.
        if let Some(early) = early_return(name.strip_prefix("r#").unwrap_or(&name)) {
            return self.early_return(mac, early.form);
        }
        if let Some(v) = self.defer_macro(&name, mac) {
            return v;
        }
        if name == prelude::MATCHES
            && let Some(v) = self.matches_macro(mac)
        {
            return v;
        }
        if prelude::EXPRESSION_MACROS.contains(&name.as_str())
            && let Ok(args) = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
        {
            let moves = prelude::MOVING_MACROS.contains(&name.as_str());
            let writes = prelude::write_macro(&name);
            // `assert!(ws.next().await.unwrap().is_err())`: past it, the value's own I/O
            // failed, and it is broken, as in `if w.write_all(..).await.is_err() { .. }`.
            let broken = prelude::ASSERT_MACROS
                .contains(&name.as_str())
                .then(|| args.first().and_then(|c| self.failed_operation(c)))
                .flatten();
            for (i, arg) in args.iter().enumerate() {
                // `name = value` in format arguments names the value.
                let arg = match arg {
                    Expr::Assign(a) if matches!(&*a.left, Expr::Path(_)) => &a.right,
                    other => other,
                };
                if moves {
                    self.hand_off(arg);
                } else {
                    let v = self.eval(arg, Mode::Borrow);
                    // `writeln!(stdin, ..)`: written to, as by the method the macro calls.
                    if i == 0
                        && let (Some(method), Val::Obj { id, .. }) = (writes, v)
                    {
                        self.write_through(id, method);
                    }
                }
            }
            if let Some(id) = broken {
                self.state.set(id, 0);
            }
            return Val::Untracked;
        }
        self.settle_mentioned(mac.tokens.clone());
        Val::Untracked
    }

    /// `matches!(msg, Message::Close(..))` on what a stream read: the peer closed it, as
    /// `msg.is_close()` says. Other patterns only look at the value.
    fn matches_macro(&mut self, mac: &syn::Macro) -> Option<Val> {
        let (scrutinee, pattern) = mac
            .parse_body_with(|input: syn::parse::ParseStream<'_>| {
                let e: Expr = input.parse()?;
                input.parse::<Token![,]>()?;
                let rest: proc_macro2::TokenStream = input.parse()?;
                Ok((e, rest))
            })
            .ok()?;
        if let Val::Derived(id) = self.eval(&scrutinee, Mode::Borrow)
            && let Some(close) = self.out.objects[id].resource.closing_argument
            && names(pattern, close)
        {
            self.settle(id, true);
        }
        Some(Val::Untracked)
    }

    /// The `macro_rules!` by that name visible here: the innermost block's first, then
    /// the file's.
    fn macro_rules(&self, name: &str) -> Option<Rc<MacroRules>> {
        self.local_macros
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, r)| Rc::clone(r))
            .or_else(|| self.macros.get(name).cloned())
    }

    /// An invocation of a macro of the file: expanded and evaluated in place when it is
    /// simple enough (an exit inside it is the invocation's); otherwise every value its
    /// arguments or its rules name is handed off (silence rather than a guess). In
    /// statement position its statements join the enclosing block, so what its `let`s bind
    /// lives to the block's end (under names the caller cannot see, unless the caller
    /// gave the name).
    fn invoke_rules(
        &mut self,
        mac: &syn::Macro,
        name: &str,
        rules: &MacroRules,
        statement: bool,
    ) -> Val {
        let at = syn::spanned::Spanned::span(mac);
        if self.expanding.len() < MAX_EXPANSION_DEPTH
            && !self.expanding.iter().any(|n| n == name)
            && let Some(stmts) = rules.expand(mac.tokens.clone(), at)
        {
            self.expanding.push(name.to_string());
            let value = if statement {
                self.splice(&stmts)
            } else {
                self.block(&syn::Block {
                    brace_token: syn::token::Brace(at),
                    stmts,
                })
            };
            self.expanding.pop();
            return value;
        }
        self.settle_mentioned(mac.tokens.clone());
        self.settle_mentioned(rules.body.clone());
        Val::Untracked
    }

    /// Statements a macro expands to, evaluated in the current scope; the value of a
    /// trailing expression.
    fn splice(&mut self, stmts: &[syn::Stmt]) -> Val {
        let n = stmts.len();
        for (i, stmt) in stmts.iter().enumerate() {
            if !self.state.is_reachable() {
                break;
            }
            match stmt {
                syn::Stmt::Expr(e, None) if i + 1 == n => return self.eval(e, Mode::Move),
                _ => self.stmt(stmt),
            }
        }
        Val::Untracked
    }

    /// A macro that returns early with an error: `bail!(..)` always, `ensure!(cond, ..)`
    /// where its condition is false, `whatever!(result, ..)` and `try!(result)` as a `?`.
    fn early_return(&mut self, mac: &syn::Macro, form: ReturnForm) -> Val {
        let span = span::mac(mac);
        let Ok(args) = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) else {
            self.settle_mentioned(mac.tokens.clone());
            if form == ReturnForm::Always {
                self.leave_frame(span, Exit::Macro);
            }
            return Val::Untracked;
        };
        let args: Vec<&Expr> = args.iter().collect();
        let message_first = matches!(args.first(), Some(Expr::Lit(_)));
        if form == ReturnForm::Always || (form == ReturnForm::TryUnlessMessage && message_first) {
            self.error_arguments(&args);
            self.leave_frame(span, Exit::Macro);
            return Val::Untracked;
        }
        match (form, args.as_slice()) {
            (ReturnForm::Unless, [condition, rest @ ..]) => {
                self.eval(condition, Mode::Borrow);
                let holds = self.state.clone();
                self.error_arguments(rest);
                self.leave_frame(span, Exit::Macro);
                self.state = holds;
                Val::Untracked
            }
            (ReturnForm::Try | ReturnForm::TryUnlessMessage, [result, rest @ ..]) => {
                for arg in rest {
                    self.eval(arg, Mode::Borrow);
                }
                self.try_value(result, span, Exit::Macro)
            }
            _ => {
                self.settle_mentioned(mac.tokens.clone());
                Val::Untracked
            }
        }
    }

    /// What an early return's error is made of: a single expression is moved into it
    /// (`bail!(err)`), a message's arguments are only formatted.
    fn error_arguments(&mut self, args: &[&Expr]) {
        match args {
            [single] if !matches!(single, Expr::Lit(_)) => self.hand_off(single),
            _ => {
                for &arg in args {
                    let arg = match arg {
                        Expr::Assign(a) if matches!(&*a.left, Expr::Path(_)) => &*a.right,
                        other => other,
                    };
                    self.eval(arg, Mode::Borrow);
                }
            }
        }
    }
}

/// Whether `tokens` name `ident` anywhere, in groups too (`Some(Ok(Message::Close(_)))`).
fn names(tokens: proc_macro2::TokenStream, ident: &str) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == ident,
        proc_macro2::TokenTree::Group(g) => names(g.stream(), ident),
        _ => false,
    })
}
