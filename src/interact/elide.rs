//! Elision of huge results in the REPL's text output: a vector (exact or approximate) of more
//! entries than the `:elide` limit, or a matrix of more rows, prints its first and last few
//! with a marker in the middle that says how many are not shown and how to show them all.
//! Only the REPL's text output elides: `sigma run`, `-e`, answer keys and the other formats
//! print every value whole (a script binds a huge value without printing it by ending the
//! statement with `;`).

use crate::eval::value::Value;
use crate::outcome::{Outcome, OutcomeKind};
use crate::render::{self, text};

/// Entries (or rows) shown at each end of an elided value.
pub const KEEP: usize = 5;

/// The smallest limit `:elide` accepts (both ends shown, something left out).
pub const MIN_LIMIT: usize = 2 * KEEP;

/// The text of `o` with its value elided, when it is a vector or matrix longer than `limit`;
/// `None` when it is printed whole.
pub fn outcome(o: &Outcome, steps: bool, limit: Option<usize>) -> Option<String> {
    let limit = limit?;
    let (name, v) = match &o.kind {
        OutcomeKind::Binding { name, value } => (Some(name), value),
        OutcomeKind::Value(value) => (None, value),
        _ => return None,
    };
    let shown = value(v, limit)?;
    let mut s = match name {
        Some(n) => format!("{n} = {shown}"),
        None => shown,
    };
    s.push_str(&render::suffix_text(o, steps));
    Some(s)
}

/// `v` with its middle elided when it has more than `limit` entries (rows of a matrix).
pub fn value(v: &Value, limit: usize) -> Option<String> {
    let (n, head, tail, noun) = match v {
        Value::Vector(xs) if xs.len() > limit => (
            xs.len(),
            Value::Vector(xs[..KEEP].to_vec()),
            Value::Vector(xs[xs.len() - KEEP..].to_vec()),
            ["entry", "entries"],
        ),
        Value::ApproxVector(xs) if xs.len() > limit => (
            xs.len(),
            Value::ApproxVector(xs[..KEEP].to_vec()),
            Value::ApproxVector(xs[xs.len() - KEEP..].to_vec()),
            ["entry", "entries"],
        ),
        Value::Matrix(rows) if rows.len() > limit => (
            rows.len(),
            Value::Matrix(rows[..KEEP].to_vec()),
            Value::Matrix(rows[rows.len() - KEEP..].to_vec()),
            ["row", "rows"],
        ),
        _ => return None,
    };
    // `[a, b` + marker + `y, z]`: the head without its closing bracket, the tail without its
    // opening one (and without the `≈ ` of an approximation, which the head carries).
    let head = text::value(&head);
    let tail = text::value(&tail);
    let head = head.strip_suffix(']')?;
    let tail = &tail[tail.find('[')? + 1..];
    let hidden = n - 2 * KEEP;
    let noun = noun[usize::from(hidden != 1)];
    Some(format!(
        "{head}, … {hidden} more {noun} not shown ({n} in all; `:elide off` prints every one) …, {tail}"
    ))
}
