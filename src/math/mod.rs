//! Pure mathematics: exact numbers, symbolic expressions, numerics and derivations.
//! Nothing here knows about syntax, spans, sessions or terminals.

pub mod derivation;
pub mod expr;
pub mod float;
pub mod number;

pub use derivation::{Derivation, Step};
pub use expr::{Constant, Expr, Func, MathError};
pub use number::Q;
