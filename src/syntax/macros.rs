//! The macros whose bodies are Rust the analysis must follow: `select!` branches and
//! `join!`/`try_join!` futures (tokio's and futures'), re-parsed from their tokens.

use syn::parse::{ParseStream, Parser};
use syn::{Expr, Pat, Token};

/// One branch of `select!`: `pattern = future, if guard => handler`.
pub struct SelectBranch {
    pub pat: Pat,
    pub future: Expr,
    pub guard: Option<Expr>,
    pub handler: Expr,
}

pub struct Select {
    pub branches: Vec<SelectBranch>,
    /// The `else => handler` branch, run when every branch is disabled.
    pub otherwise: Option<Expr>,
}

/// The name a macro is invoked by: its path's last segment (`select` of `tokio::select!`).
pub fn name(mac: &syn::Macro) -> String {
    mac.path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default()
}

/// Parses the body of `tokio::select!` / `futures::select!`.
pub fn parse_select(mac: &syn::Macro) -> syn::Result<Select> {
    let parser = |input: ParseStream<'_>| {
        if input.peek(syn::Ident) && input.fork().parse::<syn::Ident>()? == "biased" {
            input.parse::<syn::Ident>()?;
            input.parse::<Token![;]>()?;
        }
        let mut select = Select {
            branches: Vec::new(),
            otherwise: None,
        };
        while !input.is_empty() {
            if input.peek(Token![else]) {
                input.parse::<Token![else]>()?;
                input.parse::<Token![=>]>()?;
                select.otherwise = Some(handler(input)?);
                continue;
            }
            // futures' `select!` also has `default` and `complete` branches.
            if (input.peek(syn::Ident) && input.peek2(Token![=>]))
                && matches!(
                    input.fork().parse::<syn::Ident>()?.to_string().as_str(),
                    "default" | "complete"
                )
            {
                input.parse::<syn::Ident>()?;
                input.parse::<Token![=>]>()?;
                select.otherwise = Some(handler(input)?);
                continue;
            }
            let pat = Pat::parse_single(input)?;
            input.parse::<Token![=]>()?;
            let future: Expr = input.parse()?;
            let mut guard = None;
            if input.peek(Token![,]) && input.peek2(Token![if]) {
                input.parse::<Token![,]>()?;
                input.parse::<Token![if]>()?;
                guard = Some(input.parse()?);
            }
            input.parse::<Token![=>]>()?;
            let handler = handler(input)?;
            select.branches.push(SelectBranch {
                pat,
                future,
                guard,
                handler,
            });
        }
        Ok(select)
    };
    parser.parse2(mac.tokens.clone())
}

/// A branch's handler, with the comma that may follow it.
fn handler(input: ParseStream<'_>) -> syn::Result<Expr> {
    let e: Expr = input.parse()?;
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    }
    Ok(e)
}

/// Parses the futures of `join!` / `try_join!` (`biased;` first is allowed).
pub fn parse_join(mac: &syn::Macro) -> syn::Result<Vec<Expr>> {
    let parser = |input: ParseStream<'_>| {
        if input.peek(syn::Ident) && input.peek2(Token![;]) {
            input.parse::<syn::Ident>()?;
            input.parse::<Token![;]>()?;
        }
        let list = syn::punctuated::Punctuated::<Expr, Token![,]>::parse_terminated(input)?;
        Ok(list.into_iter().collect())
    };
    parser.parse2(mac.tokens.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mac(src: &str) -> syn::Macro {
        syn::parse_str(src).unwrap_or_else(|e| panic!("{src}: {e}"))
    }

    #[test]
    fn parses_select_branches() {
        let s = parse_select(&mac(
            "tokio::select! { biased; line = out.next_line(), if !done => match line? { Some(l) => println!(\"{l}\"), None => done = true }, _ = token.cancelled() => { return Ok(()) } else => break, }",
        ))
        .unwrap();
        assert_eq!(s.branches.len(), 2);
        assert!(s.branches[0].guard.is_some());
        assert!(s.otherwise.is_some());
    }

    #[test]
    fn parses_join_futures() {
        let j = parse_join(&mac(
            "tokio::join!(a.read_to_end(&mut x), async { b.await })",
        ))
        .unwrap();
        assert_eq!(j.len(), 2);
    }
}
