//! The line editor's helper: Tab completion (of builtins, constants, `ans`, session bindings
//! and `:` commands, by [`crate::interact::complete`]) for rustyline. (Lines with open
//! brackets are joined by [`crate::interact::pending`], under a continuation prompt.)

use crate::interact::complete::complete_word;
use rustyline::completion::Completer;
use rustyline::{Context, Helper, Highlighter, Hinter, Validator};

/// The rustyline helper of the REPL. It holds a copy of the session's bound names, taken
/// before each line, since the editor cannot borrow the session while it is being changed.
#[derive(Helper, Hinter, Highlighter, Validator, Default)]
pub struct SigmaHelper {
    bindings: Vec<String>,
}

impl SigmaHelper {
    /// A helper completing the given bound names besides the builtins.
    pub fn new(bindings: Vec<String>) -> Self {
        SigmaHelper { bindings }
    }
}

impl Completer for SigmaHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(complete_word(line, pos, &self.bindings))
    }
}
