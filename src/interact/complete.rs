//! Completion of the word before the cursor: builtin names, constants (`pi`, `e`, `oo`, `I`),
//! `ans`, session bindings, and `:` commands at the start of a line. The REPL's line editor
//! and the Jupyter kernel both complete through it.

use super::commands;
use crate::builtins;

/// Whether `c` can be part of a name (Unicode letters and digits, subscript digits, `_`).
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte range of the name around byte offset `pos` of `line` (touching it on either
/// side), with a `:` in front when it is a command at the start of the line; `None` when
/// there is no name there. Inspection (`?` in a notebook) describes this name.
pub fn word_at(line: &str, pos: usize) -> Option<(usize, usize)> {
    let pos = pos.min(line.len());
    let (before, after) = (line.get(..pos)?, line.get(pos..)?);
    let start = name_start(before);
    let end = pos
        + after
            .char_indices()
            .find(|(_, c)| !is_name_char(*c))
            .map_or(after.len(), |(i, _)| i);
    if start == end {
        return None;
    }
    if after_command_colon(&line[..start]) {
        Some((start - 1, end))
    } else {
        Some((start, end))
    }
}

/// Where the name that ends `before` starts (its length when it ends in no name).
fn name_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_name_char(*c))
        .last()
        .map_or(before.len(), |(i, _)| i)
}

/// Whether `head` (the line before a name) is a lone `:`, possibly indented: the name is
/// then a REPL command.
fn after_command_colon(head: &str) -> bool {
    head.strip_suffix(':').is_some_and(|h| h.trim().is_empty())
}

/// Completions of the word ending at byte offset `pos` of `line`: the byte offset where the
/// word starts and the sorted candidates replacing it. A word right after a leading `:`
/// completes REPL commands; any other word completes builtin names and `bindings`.
pub fn complete_word(line: &str, pos: usize, bindings: &[String]) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    let start = name_start(before);
    let prefix = &before[start..];
    // `:he|` at the start of the line completes commands, `:` included.
    if after_command_colon(&before[..start]) {
        let mut found: Vec<String> = commands::names()
            .filter(|c| c[1..].starts_with(prefix))
            .map(str::to_string)
            .collect();
        found.sort();
        return (start - 1, found);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_at_the_cursor_extends_both_ways() {
        let line = "converges(sum(1/n^2, n, 1, oo))";
        // Inside, at the start and at the end of `converges`.
        assert_eq!(word_at(line, 4), Some((0, 9)));
        assert_eq!(word_at(line, 0), Some((0, 9)));
        assert_eq!(word_at(line, 9), Some((0, 9)));
        // `sum` right after the bracket; nothing between `(` and `1`'s neighbours.
        assert_eq!(word_at(line, 11), Some((10, 13)));
        assert_eq!(word_at("(  )", 2), None);
        // Non-ASCII names are whole: `λ₁` is two characters of 2 and 3 bytes.
        assert_eq!(word_at("2*λ₁ + 1", 4), Some((2, 7)));
        // A command keeps its colon; a colon elsewhere is not part of the name.
        assert_eq!(word_at(":steps on", 3), Some((0, 6)));
        assert_eq!(word_at("a :b", 4), Some((3, 4)));
        assert_eq!(word_at("", 5), None);
    }
}
