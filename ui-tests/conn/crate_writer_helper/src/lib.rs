// A log writer made by a helper in `sink.rs` and used in `export.rs`: the export that
// writes and returns without flushing loses the buffer's tail; the one that flushes
// through the helper `finish` (in the other file) does not.
mod export;
mod sink;
