//! Ctrl-C for the surfaces: installs the handler that raises the one interrupt flag of the
//! engine (`math::interrupted`, polled by every long loop in `math` and by the evaluator
//! between operations), and clears it before each statement so a session survives an
//! interrupted one.

use std::sync::Once;

static INSTALL: Once = Once::new();

/// Installs the Ctrl-C handler (once per process). Without it, Ctrl-C ends the process.
pub fn install_handler() {
    INSTALL.call_once(|| {
        // If a handler cannot be installed, Ctrl-C keeps its default meaning: nothing to do.
        let _ = ctrlc::set_handler(|| crate::math::set_interrupted(true));
    });
}

/// Clears a pending interrupt (before each statement).
pub fn reset() {
    crate::math::set_interrupted(false);
}
