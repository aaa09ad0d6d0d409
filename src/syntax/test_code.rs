//! Test code: `#[cfg(test)]` modules and functions marked as tests (`#[test]`,
//! `#[tokio::test]`, `#[sqlx::test]`, `#[rstest]`). Some lints leave it alone: a test's
//! transaction is rolled back on purpose, a client per test case costs only the test run.

use std::ops::Range;

use syn::visit::Visit;

/// Whether these attributes mark an item as test code.
pub fn test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let last = a.path().segments.last().map(|s| s.ident.to_string());
        match last.as_deref() {
            Some("test" | "rstest") => true,
            Some("cfg") => {
                matches!(&a.meta, syn::Meta::List(l) if l.tokens.to_string() == "test")
            }
            _ => false,
        }
    })
}

/// The byte ranges of a file's test code, outermost only.
pub fn ranges(file: &syn::File) -> Vec<Range<usize>> {
    struct Tests(Vec<Range<usize>>);
    impl<'ast> Visit<'ast> for Tests {
        fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
            if test_only(&m.attrs) {
                self.0.push(range(
                    m.mod_token.span,
                    m.content.as_ref().map(|(b, _)| b.span.close()),
                ));
            } else {
                syn::visit::visit_item_mod(self, m);
            }
        }
        fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
            if test_only(&f.attrs) {
                self.0.push(range(
                    f.sig.fn_token.span,
                    Some(f.block.brace_token.span.close()),
                ));
            } else {
                syn::visit::visit_item_fn(self, f);
            }
        }
        fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
            if test_only(&f.attrs) {
                self.0.push(range(
                    f.sig.fn_token.span,
                    Some(f.block.brace_token.span.close()),
                ));
            } else {
                syn::visit::visit_impl_item_fn(self, f);
            }
        }
    }
    fn range(start: proc_macro2::Span, end: Option<proc_macro2::Span>) -> Range<usize> {
        let start = start.byte_range().start;
        start..end.map_or(start, |e| e.byte_range().end)
    }
    let mut tests = Tests(Vec::new());
    tests.visit_file(file);
    tests.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_test_modules_and_functions() {
        let text = "fn run() {}\n#[cfg(test)]\nmod tests { fn helper() {} }\n#[tokio::test]\nasync fn it_works() {}\n#[cfg(not(test))]\nfn real() {}\n";
        let file = syn::parse_file(text).expect("parses");
        let found: Vec<&str> = ranges(&file).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["mod tests { fn helper() {} }", "fn it_works() {}"]);
    }
}
