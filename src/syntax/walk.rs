//! Walks every statement of a file (functions, methods, closures, async blocks, nested
//! blocks) while keeping track of what names resolve to and what locals are known to be,
//! so a lint only has to look at the statement in front of it.

use syn::visit::{self, Visit};
use syn::{Block, Expr, FnArg, Signature, Stmt};

use super::imports::{FileImports, Resolver};
use super::types::{Locals, StructFields, Ty, Typer, type_of};

/// What a lint sees at each statement: the statement and a typer for its expressions,
/// in the scope just before the statement runs.
pub trait StatementVisitor {
    fn statement(&mut self, stmt: &Stmt, typer: &Typer<'_, '_>);
}

pub fn walk_statements(
    file: &syn::File,
    imports: &FileImports,
    fields: &StructFields,
    visitor: &mut dyn StatementVisitor,
) {
    let mut walker = Walker {
        resolver: Resolver::new(imports),
        locals: Locals::default(),
        fields,
        visitor,
    };
    walker.locals.push();
    walker.visit_file(file);
}

struct Walker<'a, 'v> {
    resolver: Resolver<'a>,
    locals: Locals,
    fields: &'a StructFields,
    visitor: &'v mut dyn StatementVisitor,
}

impl Walker<'_, '_> {
    fn typer(&self) -> Typer<'_, '_> {
        Typer {
            resolver: &self.resolver,
            locals: &self.locals,
            fields: self.fields,
        }
    }

    fn infer(&self, expr: &Expr) -> Option<Ty> {
        self.typer().infer(expr)
    }

    fn function<'ast>(&mut self, sig: &'ast Signature, body: Option<&'ast Block>) {
        self.locals.push_barrier();
        for input in &sig.inputs {
            match input {
                FnArg::Receiver(_) => {
                    let ty = self
                        .resolver
                        .resolve_segments(&["Self".to_string()])
                        .single()
                        .filter(|s| *s != "Self")
                        .map(|s| Ty::Path(s.to_string()));
                    self.locals.bind("self".to_string(), ty);
                }
                FnArg::Typed(t) => {
                    let ty = type_of(&t.ty, &self.resolver);
                    self.locals.bind_pattern(&t.pat, ty, &self.resolver);
                }
            }
        }
        if let Some(body) = body {
            self.visit_block(body);
        }
        self.locals.pop_barrier();
    }
}

impl<'ast> Visit<'ast> for Walker<'_, '_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if let Some((_, items)) = &m.content {
            self.resolver.enter_module(&m.ident.to_string());
            self.locals.push_barrier();
            for item in items {
                self.visit_item(item);
            }
            self.locals.pop_barrier();
            self.resolver.leave_module();
        }
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let previous = self.resolver.set_self_type(Some(&i.self_ty));
        for item in &i.items {
            self.visit_impl_item(item);
        }
        self.resolver.restore_self_type(previous);
    }

    fn visit_item_trait(&mut self, t: &'ast syn::ItemTrait) {
        let previous = self.resolver.set_self_type(None);
        visit::visit_item_trait(self, t);
        self.resolver.restore_self_type(previous);
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.function(&f.sig, Some(&f.block));
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.function(&f.sig, Some(&f.block));
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        self.function(&f.sig, f.default.as_ref());
    }

    fn visit_item_const(&mut self, c: &'ast syn::ItemConst) {
        self.locals.push_barrier();
        visit::visit_item_const(self, c);
        self.locals.pop_barrier();
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        self.locals.push_barrier();
        visit::visit_item_static(self, s);
        self.locals.pop_barrier();
    }

    fn visit_block(&mut self, block: &'ast Block) {
        self.resolver.enter_block(block);
        self.locals.push();
        for stmt in &block.stmts {
            self.visitor.statement(
                stmt,
                &Typer {
                    resolver: &self.resolver,
                    locals: &self.locals,
                    fields: self.fields,
                },
            );
            match stmt {
                Stmt::Local(local) => {
                    let ty = local.init.as_ref().and_then(|init| {
                        self.visit_expr(&init.expr);
                        if let Some((_, diverge)) = &init.diverge {
                            self.visit_expr(diverge);
                        }
                        self.infer(&init.expr)
                    });
                    self.locals.bind_pattern(&local.pat, ty, &self.resolver);
                }
                other => self.visit_stmt(other),
            }
        }
        self.locals.pop();
        self.resolver.leave_block();
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        self.locals.push();
        for input in &c.inputs {
            self.locals.bind_pattern(input, None, &self.resolver);
        }
        self.visit_expr(&c.body);
        self.locals.pop();
    }

    fn visit_expr_if(&mut self, e: &'ast syn::ExprIf) {
        // Bindings of `if let` are visible in the `then` branch only.
        self.locals.push();
        self.visit_expr(&e.cond);
        self.visit_block(&e.then_branch);
        self.locals.pop();
        if let Some((_, else_branch)) = &e.else_branch {
            self.visit_expr(else_branch);
        }
    }

    fn visit_expr_while(&mut self, e: &'ast syn::ExprWhile) {
        self.locals.push();
        self.visit_expr(&e.cond);
        self.visit_block(&e.body);
        self.locals.pop();
    }

    fn visit_expr_let(&mut self, e: &'ast syn::ExprLet) {
        self.visit_expr(&e.expr);
        let ty = self.infer(&e.expr);
        self.locals.bind_pattern(&e.pat, ty, &self.resolver);
    }

    fn visit_expr_for_loop(&mut self, e: &'ast syn::ExprForLoop) {
        self.visit_expr(&e.expr);
        self.locals.push();
        self.locals.bind_pattern(&e.pat, None, &self.resolver);
        self.visit_block(&e.body);
        self.locals.pop();
    }

    fn visit_arm(&mut self, arm: &'ast syn::Arm) {
        self.locals.push();
        self.locals.bind_pattern(&arm.pat, None, &self.resolver);
        if let Some((_, guard)) = &arm.guard {
            self.visit_expr(guard);
        }
        self.visit_expr(&arm.body);
        self.locals.pop();
    }
}
