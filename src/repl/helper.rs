//! The line editor's helper: Tab completion of builtins, constants (`pi`, `e`, `oo`, `I`),
//! `ans`, session bindings and `:` commands. (Lines with open brackets are joined by
//! [`super::pending`], under a continuation prompt.)

use super::commands;
use crate::builtins;
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

/// Whether `c` can be part of a name (Unicode letters and digits, subscript digits, `_`).
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Completions of the word ending at byte offset `pos` of `line`: the byte offset where the
/// word starts and the sorted candidates replacing it. A word right after a leading `:`
/// completes REPL commands; any other word completes builtin names and `bindings`.
pub fn complete_word(line: &str, pos: usize, bindings: &[String]) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_name_char(*c))
        .last()
        .map_or(pos, |(i, _)| i);
    let prefix = &before[start..];
    // `:he|` at the start of the line completes commands, `:` included.
    if let Some(head) = before[..start].strip_suffix(':') {
        if head.trim().is_empty() {
            let mut found: Vec<String> = commands::names()
                .filter(|c| c[1..].starts_with(prefix))
                .map(str::to_string)
                .collect();
            found.sort();
            return (head.len(), found);
        }
    }
    if prefix.is_empty() {
        return (pos, Vec::new());
    }
    let mut found: Vec<String> = builtins::names()
        .chain(commands::CONSTANTS.iter().map(|c| c.0))
        .map(str::to_string)
        .chain(bindings.iter().cloned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    found.sort();
    found.dedup();
    (start, found)
}
