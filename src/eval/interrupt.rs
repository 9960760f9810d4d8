//! Cooperative interruption: Ctrl-C sets a flag that long computations poll, so the REPL
//! session survives an interrupted statement.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static INSTALL: Once = Once::new();

/// Installs the Ctrl-C handler (once per process). Without it, Ctrl-C ends the process.
pub fn install_handler() {
    INSTALL.call_once(|| {
        // If a handler cannot be installed, Ctrl-C keeps its default meaning: nothing to do.
        let _ = ctrlc::set_handler(|| {
            INTERRUPTED.store(true, Ordering::SeqCst);
            crate::math::set_interrupted(true);
        });
    });
}

/// Whether an interrupt is pending.
pub fn is_interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Clears a pending interrupt (before each statement).
pub fn reset() {
    INTERRUPTED.store(false, Ordering::SeqCst);
    crate::math::set_interrupted(false);
}

/// Requests an interrupt (used by tests).
pub fn request() {
    INTERRUPTED.store(true, Ordering::SeqCst);
    crate::math::set_interrupted(true);
}
