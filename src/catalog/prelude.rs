//! The standard library's generic plumbing, as the engine meets it around every tracked
//! value: `Result` and `Option` (their variants, and what their methods do with the value
//! inside), readers and iterators, local collections, `drop`, and the std macros whose
//! arguments are plain expressions. The engine follows values through these by name; it
//! names none of them itself.

/// The types that carry a value or its absence (`io::Result<Child>`, `Option<Child>`).
pub const CARRIERS: &[&str] = &["Result", "Option"];
/// The optional carrier, as a field's type names it (`child: Option<Child>`).
pub const OPTION: &str = "Option";
/// The trait whose `drop(&mut self)` runs when a value goes away.
pub const DROP_TRAIT: &str = "Drop";
/// Its method.
pub const DROP_METHOD: &str = "drop";

/// The variants of a carrier that hold the value (`Ok(child)`, `Some(child)`).
pub const PRESENT: &[&str] = &["Ok", "Some"];
/// The variants that do not (`Err(e)`, `None`).
pub const ABSENT: &[&str] = &["Err", "None"];
/// `Option`'s empty variant: a stream that yields it has ended.
pub const NONE: &str = "None";
/// `Option`'s full variant: a poll seen to return it is done.
pub const SOME: &str = "Some";
/// `Result`'s success variant.
pub const OK: &str = "Ok";
/// `Result`'s failure variant.
pub const ERR: &str = "Err";
/// The method that tests a `Result` for failure (`op.is_err()`).
pub const IS_ERR: &str = "is_err";
/// The methods that test an `Option` for a value, and for none (`poll.is_some()`).
pub const IS_SOME: &str = "is_some";
pub const IS_NONE: &str = "is_none";

/// Methods on a carrier that hand back the value inside.
pub const UNWRAP: &[&str] = &["unwrap", "expect", "unwrap_unchecked", "unwrap_or_else"];
/// Of `UNWRAP`, those that panic on `None`/`Err`: past them, the carrier held a value.
pub const PANICKING_UNWRAP: &[&str] = &["unwrap", "expect", "unwrap_unchecked"];

/// Methods on a carrier that keep the value inside it: std's conversions and views, and
/// anyhow's and eyre's context adapters.
pub const PLUMBING: &[&str] = &[
    "map_err",
    "context",
    "with_context",
    "wrap_err",
    "wrap_err_with",
    "ok",
    "ok_or",
    "ok_or_else",
    "inspect_err",
    "as_mut",
    "transpose",
];
/// The error-context adapters of the error crates (`Result` extension traits), which keep
/// the value inside a `Result`: snafu 0.8 (`whatever_context`), color-eyre 0.6 (`Section`:
/// `note`, `warning`, `suggestion`, `section` and their `with_` forms), miette 7
/// (`into_diagnostic`), error-chain 0.12 (`chain_err`), error-stack 0.5
/// (`change_context`, `attach`, `attach_printable` and their `_lazy` forms). Only ever
/// applied to a carrier: on the tracked value itself these names mean something else.
pub const ERROR_ADAPTERS: &[&str] = &[
    "whatever_context",
    "with_whatever_context",
    "note",
    "with_note",
    "warning",
    "with_warning",
    "suggestion",
    "with_suggestion",
    "section",
    "with_section",
    "into_diagnostic",
    "chain_err",
    "change_context",
    "change_context_lazy",
    "attach",
    "attach_lazy",
    "attach_printable",
    "attach_printable_lazy",
];
/// Methods on a carrier whose closure argument receives the value inside.
pub const WITH_VALUE: &[&str] = &[
    "map",
    "and_then",
    "map_or",
    "map_or_else",
    "inspect",
    "is_ok_and",
    "is_some_and",
];
/// Methods on a carrier that only look, or that give only the error (`err()`: the value
/// inside, if any, is dropped with the carrier).
pub const INSPECT: &[&str] = &["is_ok", "is_err", "is_some", "is_none", "err"];

/// Whether a method hands back or keeps the value inside a carrier.
pub fn keeps_value(method: &str) -> bool {
    UNWRAP.contains(&method) || PLUMBING.contains(&method)
}

/// `Option<T>` held in a field (`child.stdout`): the method that takes the value out and
/// leaves `None`.
pub const TAKE: &str = "take";
/// Methods that move the value out of an `Option` field (`child.stdout.unwrap()`).
pub const MOVE_OUT: &[&str] = &["unwrap", "expect"];
/// Methods that give a view of the value inside an `Option` field, in place.
pub const VIEW: &[&str] = &["as_mut", "as_ref", "as_deref_mut", "as_deref"];
/// Methods of a reader or writer that give a reference to it (`stdout.by_ref()`).
pub const REBORROW: &[&str] = &["by_ref", "as_mut", "get_mut"];
/// The method that makes another handle of a shared value (`token.clone()`).
pub const CLONE: &str = "clone";

/// Methods that make an iterator (or stream) over what a reader reads.
pub const ITERATE: &[&str] = &["lines", "bytes", "split"];
/// Methods that run an iterator to its end.
pub const CONSUME: &[&str] = &[
    "collect",
    "count",
    "for_each",
    "try_for_each",
    "last",
    "fold",
    "sum",
];
/// Methods that read one item of an iterator or stream (`lines.next_line().await`): in
/// a loop, they read it to its end.
pub const NEXT: &[&str] = &["next_line", "next"];

/// Collection types that can own values pushed into them.
pub const COLLECTIONS: &[&str] = &[
    "Vec",
    "VecDeque",
    "LinkedList",
    "HashMap",
    "BTreeMap",
    "HashSet",
    "BTreeSet",
];
/// Associated functions that make an empty collection.
pub const COLLECTION_CONSTRUCTORS: &[&str] = &["new", "with_capacity", "default"];
/// The macro that makes a vector (`vec![]`).
pub const VEC_MACRO: &str = "vec";
/// Methods that add to a collection.
pub const COLLECT: &[&str] = &["push", "push_back", "push_front", "insert"];
/// Methods that only look at a collection.
pub const COLLECTION_NEUTRAL: &[&str] = &["len", "is_empty", "capacity", "reserve"];
/// Methods that iterate a collection by reference (`v.iter()`).
pub const LEND_ITEMS: &[&str] = &["iter", "iter_mut"];
/// Methods that iterate a collection by moving its items out (`v.drain(..)`).
pub const MOVE_ITEMS: &[&str] = &["into_iter", "drain"];

/// `drop(value)`, by every path it is called with.
pub const DROP: &[&str] = &["drop", "std::mem::drop", "core::mem::drop", "mem::drop"];

/// Macros whose arguments are comma-separated expressions, evaluated as such: std's
/// formatting and assertion macros, and `log`'s and `tracing`'s event macros.
pub const EXPRESSION_MACROS: &[&str] = &[
    "println",
    "print",
    "eprintln",
    "eprint",
    "format",
    "format_args",
    "write",
    "writeln",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "dbg",
    "vec",
    "info",
    "warn",
    "error",
    "debug",
    "trace",
];
/// Of those, the assertions: past one, its condition holds.
pub const ASSERT_MACROS: &[&str] = &["assert", "debug_assert"];

/// Of those, the macros that write to their first argument, and the method they call on
/// it (`write!(w, ..)` is `w.write_fmt(format_args!(..))`).
pub const WRITE_MACROS: &[(&str, &str)] = &[("write", "write_fmt"), ("writeln", "write_fmt")];

/// The method a writing macro calls on its first argument.
pub fn write_macro(name: &str) -> Option<&'static str> {
    WRITE_MACROS
        .iter()
        .find(|(m, _)| *m == name)
        .map(|(_, method)| *method)
}

/// Of those, the macros that take their arguments by value (`dbg!(x)` returns it, `vec!`
/// owns its elements).
pub const MOVING_MACROS: &[&str] = &["dbg", "vec"];

/// Macros that paste another file's code into this one.
pub const INCLUDE_MACROS: &[&str] = &["include"];

/// The macro that defines macros: a `macro_rules!` of the file is followed where it is
/// invoked.
pub const MACRO_RULES: &str = "macro_rules";

/// The attribute that derives trait implementations.
pub const DERIVE: &str = "derive";

/// std's derives: they read a struct's fields and hand nothing out.
pub const PLAIN_DERIVES: &[&str] = &[
    "Debug",
    "Clone",
    "Copy",
    "Default",
    "PartialEq",
    "Eq",
    "Hash",
    "PartialOrd",
    "Ord",
];

/// Attributes of a struct that generate no code touching its fields.
pub const INERT_ATTRIBUTES: &[&str] = &[
    "doc",
    "cfg",
    "allow",
    "warn",
    "deny",
    "expect",
    "repr",
    "must_use",
    "non_exhaustive",
];

/// std's `matches!(value, pattern)`: a test of the value against a pattern.
pub const MATCHES: &str = "matches";
