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
pub mod product;
pub mod radius;
pub mod series;
pub mod solve;
pub mod sum;
pub mod trigpoly;

pub use derivation::{Derivation, Step};

use std::sync::atomic::{AtomicU8, Ordering};

/// Why a computation was asked to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The user pressed Ctrl-C.
    User,
    /// The process passed its memory budget (raised by the counting allocator).
    Memory,
}

/// 0: run on; 1: [`Stop::User`]; 2: [`Stop::Memory`].
static INTERRUPT: AtomicU8 = AtomicU8::new(0);

/// Whether the current computation should stop (polled by long loops).
pub fn interrupted() -> bool {
    INTERRUPT.load(Ordering::Relaxed) != 0
}

/// `Err(Interrupted)` when the current computation should stop: the `?`-able form of
/// [`interrupted`] that long loops call.
pub fn check_interrupt() -> Result<(), MathError> {
    if interrupted() {
        return Err(MathError::Interrupted);
    }
    Ok(())
}

/// Why the current computation should stop, if it should.
pub fn stop_reason() -> Option<Stop> {
    match INTERRUPT.load(Ordering::Relaxed) {
        0 => None,
        1 => Some(Stop::User),
        _ => Some(Stop::Memory),
    }
}

/// Sets or clears the interrupt request: the one flag of the engine, raised by the Ctrl-C
/// handler the evaluation layer installs (`eval::interrupt`) and cleared before each
/// statement.
pub fn set_interrupted(on: bool) {
    INTERRUPT.store(u8::from(on), Ordering::Relaxed);
}

/// Raises the flag for `why`; a memory stop is kept over a Ctrl-C so the error names it.
pub fn raise(why: Stop) {
    let code = match why {
        Stop::User => 1,
        Stop::Memory => 2,
    };
    INTERRUPT.fetch_max(code, Ordering::Relaxed);
}
pub use expr::{Constant, Expr, Func, MathError};
pub use number::Q;
