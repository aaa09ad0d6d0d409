//! The statements after which the process exits (`std::process::exit`, `abort`): a child
//! dropped there is reparented to init when its parent ends a moment later, and leaves no
//! zombie (an app that spawns its new self, then exits: a restart).

use std::ops::Range;

use syn::visit::Visit;
use syn::{Block, Expr, Stmt};

use crate::catalog::DIVERGING;

/// For each of `points`, whether the innermost statement around it is one after which
/// the process exits: the next statement of its block calls `exit`/`abort`, or it ends a
/// block (an `if`'s, a plain one) whose own statement is followed so. Loop bodies,
/// closures and `async` blocks run again or elsewhere, and are never followed by the exit
/// around them. One walk of the file for all the points.
pub fn exits_after(file: &syn::File, points: &[usize]) -> Vec<bool> {
    let mut finder = Finder {
        points,
        found: vec![None; points.len()],
        after_exits: false,
    };
    finder.visit_file(file);
    finder
        .found
        .into_iter()
        .map(|f| f.is_some_and(|(_, exits)| exits))
        .collect()
}

struct Finder<'p> {
    points: &'p [usize],
    /// Per point, the innermost statement met around it, and whether the process exits
    /// after it.
    found: Vec<Option<(Range<usize>, bool)>>,
    /// Whether the process exits once the block being walked ends.
    after_exits: bool,
}

impl Finder<'_> {
    fn block(&mut self, block: &Block, after_exits: bool) {
        let outer = std::mem::replace(&mut self.after_exits, after_exits);
        for (i, stmt) in block.stmts.iter().enumerate() {
            let range = crate::syntax::span::stmt(stmt);
            if !self.points.iter().any(|p| range.contains(p)) {
                continue;
            }
            let exits = match block.stmts.get(i + 1) {
                Some(next) => calls_exit(next),
                None => after_exits,
            };
            // Statements are met outermost first: an inner one replaces its statement.
            for (p, found) in self.points.iter().zip(&mut self.found) {
                if range.contains(p) {
                    *found = Some((range.clone(), exits));
                }
            }
            self.after_exits = exits;
            self.visit_stmt(stmt);
        }
        self.after_exits = outer;
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_block(&mut self, b: &'ast Block) {
        // A plain block or an `if`'s branch: what follows it follows its end.
        let after = self.after_exits;
        self.block(b, after);
    }
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.block(&f.block, false);
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.block(&f.block, false);
    }
    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.block(&l.body, false);
    }
    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        self.visit_expr(&w.cond);
        self.block(&w.body, false);
    }
    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        self.block(&f.body, false);
    }
    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        let outer = std::mem::replace(&mut self.after_exits, false);
        self.visit_expr(&c.body);
        self.after_exits = outer;
    }
    fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
        self.block(&a.block, false);
    }
}

/// `exit(0);`, `std::process::exit(1)`, `process::abort()`.
fn calls_exit(stmt: &Stmt) -> bool {
    let expr = match stmt {
        Stmt::Expr(e, _) => e,
        _ => return false,
    };
    let Expr::Call(c) = expr else { return false };
    let Expr::Path(p) = &*c.func else {
        return false;
    };
    let path: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let path = path.join("::");
    DIVERGING.functions.contains(&path.as_str())
}

#[cfg(test)]
mod tests {
    use super::exits_after;

    fn at(text: &str, marker: &str) -> bool {
        let file = syn::parse_file(text).expect("parses");
        exits_after(&file, &[text.find(marker).expect("marker")]) == [true]
    }

    #[test]
    fn a_statement_followed_by_the_process_exit() {
        let restart = "fn restart() -> ! {\n    if let Ok(p) = path() {\n        if let Err(e) = spawn_it(p) { log(e); }\n    }\n    std::process::exit(0);\n}\n";
        assert!(at(restart, "spawn_it"));
        let direct = "fn f() { let _ = spawn_it(); exit(1); }";
        assert!(at(direct, "spawn_it"));
        let later = "fn f() { let _ = spawn_it(); work(); exit(1); }";
        assert!(!at(later, "spawn_it"));
        let looped = "fn f() { loop { let _ = spawn_it(); } exit(1); }";
        assert!(!at(looped, "spawn_it"));
        let returned = "fn f() { let _ = spawn_it(); }";
        assert!(!at(returned, "spawn_it"));
    }
}
