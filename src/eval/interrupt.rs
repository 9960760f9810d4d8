//! Cooperative interruption: a flag that long computations poll, set by [`request`] (the
//! command line's Ctrl-C handler), so the REPL session survives an interrupted statement.

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Whether an interrupt is pending.
pub fn is_interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Clears a pending interrupt (before each statement).
pub fn reset() {
    INTERRUPTED.store(false, Ordering::SeqCst);
    crate::math::set_interrupted(false);
}

/// Requests an interrupt (the command line's Ctrl-C handler; tests).
pub fn request() {
    INTERRUPTED.store(true, Ordering::SeqCst);
    crate::math::set_interrupted(true);
}
