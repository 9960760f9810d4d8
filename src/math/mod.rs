//! Pure mathematics: exact numbers, symbolic expressions, numerics and derivations.
//! Nothing here knows about syntax, spans, sessions or terminals.

pub mod alternation;
pub mod answer;
pub mod asymptotic;
pub mod convergence;
pub mod derivation;
pub mod expr;
pub mod factor;
pub mod float;
pub mod integrate;
pub mod limit;
pub mod linalg;
pub mod logic;
pub mod number;
pub mod periodic;
pub mod plot;
pub mod poly;
pub mod radius;
pub mod series;
pub mod solve;
pub mod sum;
pub mod trigpoly;

pub use derivation::{Derivation, Step};

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Whether the user asked to stop the current computation (polled by long loops).
pub fn interrupted() -> bool {
    INTERRUPT.load(Ordering::Relaxed)
}

/// Sets or clears the interrupt request: the one flag of the engine, raised by the Ctrl-C
/// handler the evaluation layer installs (`eval::interrupt`) and cleared before each
/// statement.
pub fn set_interrupted(on: bool) {
    INTERRUPT.store(on, Ordering::Relaxed);
}
pub use expr::{Constant, Expr, Func, MathError};
pub use number::Q;
