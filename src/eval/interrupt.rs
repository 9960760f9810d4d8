//! Interruption for the surfaces. The one flag is the engine's (`math::interrupted`, polled by
//! every long loop in `math` and by the evaluator between operations): the command line's
//! Ctrl-C handler raises it through [`request`], and [`reset`] clears it before each
//! statement, so a session survives an interrupted one.

/// Clears a pending interrupt (before each statement).
pub fn reset() {
    crate::math::set_interrupted(false);
}

/// Requests an interrupt (the command line's Ctrl-C handler; tests).
pub fn request() {
    crate::math::set_interrupted(true);
}
