//! What a future loses when it is dropped before it completes, as `select!` drops every
//! branch's future but the winner's. Each fact is read in the library's source: tokio
//! 1.54.1 and tokio-util 0.7.20, with the sentence of their "Cancel safety" sections.

/// The macros that race futures and drop the losers (`tokio::select!`, `futures::select!`
/// and `select_biased!`, which `futures` re-exports from `futures_util`).
pub const SELECT_MACROS: &[&str] = &[
    "tokio::select",
    "futures::select",
    "futures::select_biased",
    "futures_util::select",
    "futures_util::select_biased",
];

/// What is lost when a future of one of these calls is dropped half-way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// Bytes already read into the buffer argument (at this index) are lost.
    ReadInto(usize),
    /// What was read is lost, and the string argument (at this index) is emptied.
    TextEmptied(usize),
    /// Bytes of a number already read are lost.
    Number,
    /// Part of the buffer argument may be written already; the next call writes it all
    /// again.
    Rewritten(usize),
    /// The message argument is dropped, never sent.
    Message(usize),
}

/// A call whose future is not cancel safe: a method of any receiver (`reader.read_exact
/// (&mut buf)`) or, `function`, a free function whose first argument is the I/O object.
#[derive(Debug)]
pub struct NotCancelSafe {
    pub name: &'static str,
    /// The number of arguments it takes (besides the receiver of a method).
    pub args: usize,
    pub function: bool,
    pub loses: Loss,
}

const fn method(name: &'static str, args: usize, loses: Loss) -> NotCancelSafe {
    NotCancelSafe {
        name,
        args,
        function: false,
        loses,
    }
}

/// `AsyncReadExt::read_u16` .. `read_f64` and their `_le` forms. tokio 1.54.1,
/// `io/util/async_read_ext.rs`: "This method is not cancel safe. If the method is used
/// as a branch in `tokio::select!` and another branch completes first, then some data
/// may be lost." (`read_u8` and `read_i8` are cancel safe: one byte is read or none.)
const NUMBERS: &[&str] = &[
    "read_u16",
    "read_i16",
    "read_u32",
    "read_i32",
    "read_u64",
    "read_i64",
    "read_u128",
    "read_i128",
    "read_f32",
    "read_f64",
    "read_u16_le",
    "read_i16_le",
    "read_u32_le",
    "read_i32_le",
    "read_u64_le",
    "read_i64_le",
    "read_u128_le",
    "read_i128_le",
    "read_f32_le",
    "read_f64_le",
];

pub const NOT_CANCEL_SAFE: &[NotCancelSafe] = &[
    // tokio 1.54.1, `io/util/async_read_ext.rs`, `read_exact`: "This method is not cancel
    // safe. If the method is used as a branch in `tokio::select!` and another branch
    // completes first, then some data may already have been read into `buf`."
    method("read_exact", 1, Loss::ReadInto(0)),
    // `io/util/async_buf_read_ext.rs`, `read_line`: "some data may have been partially
    // read, and this data is lost. There are no guarantees regarding the contents of
    // `buf` when the call is cancelled."
    method("read_line", 1, Loss::TextEmptied(0)),
    // `io/util/read_to_string.rs` (no doc section): the future takes the string's bytes
    // (`mem::take(string)`) and gives them back only when it completes, so a dropped one
    // leaves the string empty and what it read gone.
    method("read_to_string", 1, Loss::TextEmptied(0)),
    // `io/util/async_write_ext.rs`, `write_all`: "This method is not cancel safe. If it
    // is used as a branch in `tokio::select!` and another branch completes first, then
    // the provided buffer may have been partially written, but future calls to
    // `write_all` will start over from the beginning of the buffer."
    method("write_all", 1, Loss::Rewritten(0)),
    // tokio-util 0.7.20, `io/write_all_vectored.rs`: "This method is not cancellation
    // safe." (a free function: `write_all_vectored(&mut writer, &mut bufs)`).
    NotCancelSafe {
        name: "write_all_vectored",
        args: 2,
        function: true,
        loses: Loss::Rewritten(1),
    },
    // `sync/mpsc/bounded.rs`, `Sender::send`: "If `send` is used as a branch in
    // `tokio::select!` and another branch completes first, then it is guaranteed that the
    // message was not sent. However, in that case, the message is dropped and will be
    // lost." (A `send` future of futures' `SinkExt` holds its item alike.)
    method("send", 1, Loss::Message(0)),
];

/// The not-cancel-safe call named `name` with `args` arguments (`function`: written as a
/// free function).
pub fn not_cancel_safe(name: &str, args: usize, function: bool) -> Option<&'static NotCancelSafe> {
    NOT_CANCEL_SAFE
        .iter()
        .find(|c| c.name == name && c.args == args && c.function == function)
        .or_else(|| {
            const NUMBER: NotCancelSafe = method("read_u16", 0, Loss::Number);
            (!function && args == 0 && NUMBERS.contains(&name)).then_some(&NUMBER)
        })
}

/// Every name of a call that is not cancel safe.
pub fn names() -> Vec<&'static str> {
    NOT_CANCEL_SAFE
        .iter()
        .map(|c| c.name)
        .chain(NUMBERS.iter().copied())
        .collect()
}

/// Methods documented as cancel safe, which a crate's own async method by the same name
/// must not be mistaken for: tokio 1.54.1's `read`, `read_buf`, `read_u8`, `read_i8`,
/// `write`, `write_buf`, `flush`, `fill_buf`, `read_until` (into a buffer that outlives
/// the loop), `Lines::next_line`, the channels' `recv`, `accept`, `Interval::tick`,
/// `JoinSet::join_next`, `CancellationToken::cancelled`, `Child::wait`; futures'
/// `StreamExt::next`.
pub const CANCEL_SAFE: &[&str] = &[
    "read",
    "read_buf",
    "read_u8",
    "read_i8",
    "write",
    "write_buf",
    "flush",
    "fill_buf",
    "read_until",
    "next_line",
    "recv",
    "recv_many",
    "accept",
    "tick",
    "join_next",
    "cancelled",
    "wait",
    "next",
];
