//! Macro invocations, as statements or expressions.

use syn::punctuated::Punctuated;
use syn::{Expr, Token};

use super::{Interp, Mode};
use crate::catalog::runtime::{JOIN_MACROS, SELECT_MACRO};
use crate::catalog::{DIVERGING, prelude};
use crate::flow::track::{State, Val};
use crate::syntax::macros;
use crate::syntax::span;

impl Interp<'_, '_> {
    /// A macro invocation: diverging macros end the path, `join!` and `select!` poll
    /// their futures together, std's expression macros evaluate their arguments, and any
    /// other macro hands off the values it names.
    pub(super) fn mac(&mut self, mac: &syn::Macro) -> Val {
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
        if prelude::EXPRESSION_MACROS.contains(&name.as_str())
            && let Ok(args) = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
        {
            let moves = prelude::MOVING_MACROS.contains(&name.as_str());
            let writes = prelude::write_macro(&name);
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
            return Val::Untracked;
        }
        self.settle_mentioned(mac.tokens.clone());
        Val::Untracked
    }
}
