//! What running a statement produces: the output model that `session` fills in and every
//! renderer presents. It knows nothing about parsing or evaluation.

use crate::eval::value::Value;
use crate::math::{Derivation, Expr};

/// What one statement produced.
#[derive(Debug, Clone, PartialEq)]
pub enum OutcomeKind {
    /// A `##` heading: a section of an answer key.
    Heading(String),
    /// A `#'` prose line: a sentence of explanation an answer key shows under its heading;
    /// a run does not print it.
    Prose(String),
    /// `name = value`
    Binding { name: String, value: Value },
    /// `name(params) = body`; `body` is the body in canonical form when it evaluates
    /// symbolically, otherwise `None` and `text` (the body as written) is shown.
    Definition {
        name: String,
        params: Vec<String>,
        body: Option<Expr>,
        text: String,
    },
    /// A value to show.
    Value(Value),
}

/// The result of one statement, with its input and derivation.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The statement as written.
    pub input: String,
    /// 1-based line of the statement in its source.
    pub line: usize,
    pub kind: OutcomeKind,
    pub steps: Derivation,
    /// The statement ended with `;`: evaluated and bound, its result not printed (text,
    /// LaTeX and Markdown leave it out, JSON marks it `"quiet": true` without its value, an
    /// answer key shows its input alone).
    pub quiet: bool,
}

impl Outcome {
    /// Whether a run (`sigma run`, `-e`, the REPL) prints this outcome: not a quiet
    /// statement, not a prose line (prose is for answer keys).
    pub fn printed(&self) -> bool {
        !self.quiet && !matches!(self.kind, OutcomeKind::Prose(_))
    }
}
