//! The bracket pre-pass: implicit line joining inside brackets, balance and mismatch
//! errors, and whether a REPL line is incomplete.

use super::*;

/// Whether `text` ends with a bracket still open (brackets inside comments do not count), so
/// that a line-based reader should ask for more input. Unbalanced or mismatched closing
/// brackets make the input complete (and erroneous).
pub fn is_incomplete(text: &str) -> bool {
    let scan = scan_brackets(text);
    scan.error.is_none() && !scan.open.is_empty()
}

// ---------------------------------------------------------------------------------------
// Bracket pre-pass
// ---------------------------------------------------------------------------------------

/// Result of the lexical bracket pass.
pub(super) struct Scan {
    /// The text with line breaks and comments inside brackets replaced by spaces (same byte
    /// length as the input, so offsets are shared).
    pub(super) joined: String,
    /// Brackets still open at the end (or at the error), with their byte offsets.
    pub(super) open: Vec<(char, usize)>,
    /// The first bracket problem found, if any.
    pub(super) error: Option<BracketError>,
    /// The deepest bracket nesting seen.
    pub(super) max_depth: usize,
    /// The length in bytes of the longest logical line (line breaks inside brackets do not
    /// end a logical line).
    pub(super) longest_line: usize,
}

/// A bracket problem found by the pre-pass.
pub(super) enum BracketError {
    /// An opening bracket at this offset exceeds [`MAX_BRACKET_DEPTH`].
    TooDeep(char, usize),
    /// A closing bracket with nothing open.
    Unmatched(char, usize),
    /// A closing bracket that does not match the innermost open one.
    Mismatched {
        open: (char, usize),
        close: (char, usize),
    },
}

pub(super) fn closer(open: char) -> char {
    if open == '[' {
        ']'
    } else {
        ')'
    }
}

pub(super) fn scan_brackets(text: &str) -> Scan {
    let mut joined = String::with_capacity(text.len());
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut max_depth = 0;
    let mut line_start = 0;
    let mut longest_line = 0;
    let blank = |out: &mut String, c: char| out.extend(std::iter::repeat_n(' ', c.len_utf8()));
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => {
                let inside = !open.is_empty();
                if inside {
                    blank(&mut joined, c);
                } else {
                    joined.push(c);
                }
                while let Some(&(_, d)) = chars.peek() {
                    if d == '\n' || d == '\r' {
                        break;
                    }
                    chars.next();
                    if inside {
                        blank(&mut joined, d);
                    } else {
                        joined.push(d);
                    }
                }
            }
            '(' | '[' => {
                if open.len() >= MAX_BRACKET_DEPTH {
                    return Scan {
                        joined,
                        open,
                        error: Some(BracketError::TooDeep(c, i)),
                        max_depth,
                        longest_line,
                    };
                }
                open.push((c, i));
                max_depth = max_depth.max(open.len());
                joined.push(c);
            }
            ')' | ']' => {
                let error = match open.pop() {
                    None => Some(BracketError::Unmatched(c, i)),
                    Some((o, _)) if closer(o) == c => None,
                    Some(o) => Some(BracketError::Mismatched {
                        open: o,
                        close: (c, i),
                    }),
                };
                if error.is_some() {
                    return Scan {
                        joined,
                        open,
                        error,
                        max_depth,
                        longest_line,
                    };
                }
                joined.push(c);
            }
            '\n' | '\r' if !open.is_empty() => joined.push(' '),
            '\n' | '\r' => {
                longest_line = longest_line.max(i - line_start);
                line_start = i + 1;
                joined.push(c);
            }
            _ => joined.push(c),
        }
    }
    Scan {
        joined,
        open,
        error: None,
        max_depth,
        longest_line: longest_line.max(text.len() - line_start),
    }
}

pub(super) fn bracket_error(err: BracketError, text: &str, source: SourceId) -> Diagnostic {
    match err {
        BracketError::TooDeep(c, at) => Diagnostic::error(
            format!("expression nested too deeply (limit {MAX_BRACKET_DEPTH})"),
            Some(Span::new(source, at, at + c.len_utf8())),
        )
        .with_label(format!(
            "this `{c}` is nested more than {MAX_BRACKET_DEPTH} levels deep"
        ))
        .with_help("split the expression into smaller definitions"),
        BracketError::Unmatched(c, at) => {
            let opener = if c == ']' { '[' } else { '(' };
            Diagnostic::error(
                format!("unexpected `{c}`"),
                Some(Span::new(source, at, at + 1)),
            )
            .with_label(format!("no matching `{opener}`"))
            .with_help(format!(
                "remove it, or add the missing `{opener}` before it"
            ))
        }
        BracketError::Mismatched {
            open: (o, oat),
            close: (c, cat),
        } => {
            let (line, col) = text_line_col(text, oat);
            Diagnostic::error(
                format!("mismatched closing bracket `{c}`"),
                Some(Span::new(source, cat, cat + 1)),
            )
            .with_label(format!("expected `{}`", closer(o)))
            .with_help(format!(
                "the `{o}` opened at line {line}, column {col} must be closed with `{}` first",
                closer(o)
            ))
        }
    }
}

/// 1-based line and character column of byte offset `at` in `text`.
pub(super) fn text_line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

// ---------------------------------------------------------------------------------------
// Pairs → AST
// ---------------------------------------------------------------------------------------
