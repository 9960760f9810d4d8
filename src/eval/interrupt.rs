//! Interruption for the surfaces. The one flag is the engine's (`math::interrupted`, polled by
//! every long loop in `math` and by the evaluator between operations): the command line's
//! Ctrl-C handler raises it through [`request`], the counting allocator raises it when the
//! memory budget is passed (`eval::memory`), and [`reset`] clears it before each statement,
//! so a session survives an interrupted one. [`error`] is the one error a stop becomes.

use super::memory;
use super::EvalError;
use crate::math::{stop_reason, Stop};
use crate::source::Span;

/// Clears a pending interrupt (before each statement).
pub fn reset() {
    memory::note_peak();
    crate::math::set_interrupted(false);
}

/// Requests an interrupt (the command line's Ctrl-C handler; tests).
pub fn request() {
    crate::math::raise(Stop::User);
}

/// The message of the current stop: "interrupted" for Ctrl-C, the budget for memory.
pub fn message() -> String {
    let (control, _) = memory::control();
    match (stop_reason(), memory::budget()) {
        (Some(Stop::Memory), Some(b)) => format!(
            "stopped: memory budget of {} exceeded ({control})",
            memory::format_size(b)
        ),
        (Some(Stop::Memory), None) => format!("stopped: memory budget exceeded ({control})"),
        _ => "interrupted".into(),
    }
}

/// The error a stopped computation ends in, at `span`: the reason, and for a memory stop how
/// to give it more.
pub fn error(span: Span) -> EvalError {
    let e = EvalError::new(message(), span).with_label("stopped here");
    if stop_reason() == Some(Stop::Memory) {
        let (control, example) = memory::control();
        e.with_help(format!(
            "the computation needed more memory than its budget; ask for less, or raise the \
             budget with {control} (e.g. {example})"
        ))
    } else {
        e
    }
}
