//! tracing's spans, as far as entering one goes (tracing 0.1.44, `src/span.rs`).
//!
//! `Span::enter` returns a guard (`Entered`) that exits the span when dropped, and
//! `Span::entered` consumes the span into one (`EnteredSpan`). The docs of `enter`: "in
//! asynchronous code that uses async/await syntax, `Span::enter` should be used very
//! carefully or avoided entirely. Holding the drop guard returned by `Span::enter` across
//! `.await` points will result in incorrect traces." `entered` says the same of its guard.

/// The macros that make a span (`tracing::info_span!(..)`), by path.
pub const SPAN_MACROS: &[&str] = &[
    "tracing::span",
    "tracing::trace_span",
    "tracing::debug_span",
    "tracing::info_span",
    "tracing::warn_span",
    "tracing::error_span",
];

/// Functions that give a span, by path.
pub const SPAN_FUNCTIONS: &[&str] = &["tracing::Span::current", "tracing::Span::new"];

/// The span type, by path.
pub const SPAN: &str = "tracing::Span";

/// Methods of a span that enter it and return the guard that exits it.
pub const ENTER: &[&str] = &["enter", "entered"];

/// Methods of an `EnteredSpan` that exit it, consuming the guard.
pub const EXIT: &[&str] = &["exit"];
