//! sigma: a symbolic-numeric computer algebra engine for series and sequences.
//!
//! Layers, top to bottom (arrows point down only): `session` runs `syntax` (pest parser →
//! spanned AST), `sema` (static checks), `eval` (values, via the `builtins` registry) and
//! `math` (pure mathematics); `render` presents outcomes; `diagnostics` is the single error
//! emitter.
#![forbid(unsafe_code)]

pub mod answer_json;
pub mod answer_key;
pub mod builtins;
pub mod cli;
pub mod diagnostics;
pub mod eval;
pub mod math;
pub mod render;
pub mod repl;
pub mod sema;
pub mod session;
pub mod source;
pub mod syntax;
