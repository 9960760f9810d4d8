//! sigma: a symbolic-numeric computer algebra engine for series and sequences.
//!
//! Layers, top to bottom (arrows point down only): `session` runs `syntax` (pest parser →
//! spanned AST), `sema` (static checks), `eval` (values, via the `builtins` registry) and
//! `math` (pure mathematics) into [`Outcome`]s; `render` presents outcomes; `diagnostics` is
//! the single error emitter. The REPL and the command line (`repl`, `cli`) sit behind the
//! default `cli` feature; `cargo build --lib --no-default-features` builds the engine alone.
//!
//! The curated API is re-exported here:
//!
//! ```
//! use sigma::{Format, Session};
//! let mut s = Session::new();
//! let out = s.run_collect("<doc>", "1/3 + 1/6").unwrap();
//! assert_eq!(Format::Text.render(&out[0], false), "1/2");
//! ```
// No unsafe code but audited spots that allow it for themselves: one constructor
// (`Q::from_coprime`), the GMP calls of the series FFT, exact division and conversion
// (`fast::fermat`, `fast::exactdiv`, `fast::smooth`), `sysconf` (`eval::memory`) and the
// command line's SIGINT handler (`cli`).
#![deny(unsafe_code)]

pub mod answer_json;
pub mod answer_key;
pub mod builtins;
pub mod checked_write;
#[cfg(feature = "cli")]
pub mod cli;
pub mod diagnostics;
pub mod eval;
pub mod interact;
pub mod invisible;
pub mod math;
pub mod outcome;
pub mod plot_files;
pub mod render;
#[cfg(feature = "cli")]
pub mod repl;
pub mod sema;
pub mod session;
pub mod source;
pub mod syntax;

pub use diagnostics::Diagnostic;
pub use eval::value::Value;
pub use outcome::{Outcome, OutcomeKind};
pub use render::Format;
pub use session::Session;
