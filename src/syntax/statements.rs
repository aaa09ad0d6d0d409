//! The text of the SQL statement a database call runs, where the source writes it as a
//! literal: the call's first argument (`tx.execute("UPDATE ..", ..)`), or the first
//! argument of the `query*` call or macro its builder chain starts from
//! (`sqlx::query("INSERT ..").bind(x).fetch_one(&mut *tx)`, `query_as!(Row, "..")`).

use proc_macro2::TokenTree;
use syn::{Expr, Lit};

/// Whether `m` runs a statement, spelled out in the source, that writes
/// (`fetch_one` given `INSERT .. RETURNING id`).
pub fn runs_a_write(m: &syn::ExprMethodCall) -> bool {
    statement_of(m).is_some_and(|sql| crate::catalog::Catalog::statement_writes(&sql))
}

/// The statement `m` runs, if the source spells it out.
pub fn statement_of(m: &syn::ExprMethodCall) -> Option<String> {
    if let Some(text) = m.args.first().and_then(literal) {
        return Some(text);
    }
    let mut root = &*m.receiver;
    while let Expr::MethodCall(inner) = root {
        root = &inner.receiver;
    }
    match root {
        Expr::Call(c) if names_query(&c.func) => c.args.first().and_then(literal),
        Expr::Macro(mac) if starts_with_query(&mac.mac.path) => first_string(&mac.mac.tokens),
        _ => None,
    }
}

fn literal(e: &Expr) -> Option<String> {
    match e {
        Expr::Lit(l) => match &l.lit {
            Lit::Str(s) => Some(s.value()),
            _ => None,
        },
        Expr::Paren(p) => literal(&p.expr),
        Expr::Group(g) => literal(&g.expr),
        _ => None,
    }
}

fn names_query(func: &Expr) -> bool {
    matches!(func, Expr::Path(p) if starts_with_query(&p.path))
}

fn starts_with_query(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| s.ident.to_string().starts_with("query"))
}

/// `query_as!(Row, "SELECT ..", id)`: the first string literal among the macro's
/// arguments.
fn first_string(tokens: &proc_macro2::TokenStream) -> Option<String> {
    tokens.clone().into_iter().find_map(|t| match t {
        TokenTree::Literal(l) => match syn::parse_str::<Lit>(&l.to_string()) {
            Ok(Lit::Str(s)) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(src: &str) -> Option<String> {
        match syn::parse_str::<Expr>(src) {
            Ok(Expr::MethodCall(m)) => statement_of(&m),
            _ => None,
        }
    }

    #[test]
    fn finds_the_statement_where_the_source_writes_it() {
        assert_eq!(
            of(r#"tx.query_one("INSERT INTO t VALUES ($1) RETURNING id", &[&x])"#).as_deref(),
            Some("INSERT INTO t VALUES ($1) RETURNING id")
        );
        assert_eq!(
            of(r#"sqlx::query("DELETE FROM t").bind(1).fetch_all(&mut *tx)"#).as_deref(),
            Some("DELETE FROM t")
        );
        assert_eq!(of(r##"sqlx::query_as::<_, Row>(r#"UPDATE t SET a = 1 RETURNING *"#).fetch_one(&mut *tx)"##).as_deref(), Some("UPDATE t SET a = 1 RETURNING *"));
        assert_eq!(of(r#"sqlx::query_as!(Row, "INSERT INTO t (a) VALUES ($1) RETURNING id", a).fetch_one(&mut *tx)"#).as_deref(), Some("INSERT INTO t (a) VALUES ($1) RETURNING id"));
        assert_eq!(of(r#"tx.query_one(&statement, &[])"#), None);
        assert_eq!(of(r#"build(sql).fetch_one(&mut *tx)"#), None);
    }
}
