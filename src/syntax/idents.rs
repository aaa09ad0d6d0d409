//! The identifiers of a token stream, for the tokens of macros and closures that are not
//! parsed further, and the names of fields.

use proc_macro2::{TokenStream, TokenTree};

/// Every identifier in a token stream (a macro's or closure's), to find the variables it
/// may use.
pub fn collect_idents(tokens: TokenStream, out: &mut Vec<String>) {
    let mut stack = vec![tokens];
    while let Some(ts) = stack.pop() {
        for tt in ts {
            match tt {
                TokenTree::Ident(i) => out.push(i.to_string()),
                TokenTree::Group(g) => stack.push(g.stream()),
                _ => {}
            }
        }
    }
}

/// A field's name as keys spell it: `cmd`, or `0` for a tuple struct's.
pub fn member_name(member: &syn::Member) -> String {
    match member {
        syn::Member::Named(name) => name.to_string(),
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}
