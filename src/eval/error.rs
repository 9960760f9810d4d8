//! Evaluation errors: a lowercase message, the span it concerns, and a hint. Turned into the
//! single `Diagnostic` type for rendering.

use crate::diagnostics::Diagnostic;
use crate::math::MathError;
use crate::source::Span;

/// An error raised while evaluating a statement; it displays as its message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct EvalError {
    pub message: String,
    pub span: Span,
    /// Text under the caret (boxed, with the secondary label boxed too, to keep the error
    /// within clippy's size limit for `Result` errors).
    pub label: Box<str>,
    pub help: Option<String>,
    pub notes: Vec<String>,
    /// Another span the message concerns, with its label (drawn with `-` under it).
    pub secondary: Option<Box<(Span, String)>>,
}

impl EvalError {
    /// An error at `span`.
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        EvalError {
            message: message.into(),
            span,
            label: "".into(),
            help: None,
            notes: Vec::new(),
            secondary: None,
        }
    }
    /// Sets a secondary label at `span` (the primary caret stays at the error's span).
    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary = Some(Box::new((span, label.into())));
        self
    }
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into().into_boxed_str();
        self
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
    /// A mathematical failure at `span`, with a hint for the common cases.
    pub fn math(e: MathError, span: Span) -> Self {
        let err = EvalError::new(e.to_string(), span);
        match e {
            MathError::DivisionByZero => err
                .with_label("this evaluates to a division by zero")
                .with_help("a denominator here is exactly 0"),
            MathError::ZeroToZero => err.with_label("0^0").with_help(
                "sigma leaves 0^0 undefined; write the intended value (often 1) explicitly",
            ),
            MathError::Domain(_) => err.with_label("here"),
            MathError::TooLarge(_) => err
                .with_label("too large")
                .with_help("sigma refuses exact results with more than about 30 million digits"),
            MathError::NeedPrecision => err.with_label("the divisor's series vanishes here"),
            MathError::Interrupted => super::interrupt::error(span),
            MathError::Undefined(_) | MathError::Unsupported(_) => err,
        }
    }
    /// The diagnostic to render.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let mut d =
            Diagnostic::error(self.message.clone(), Some(self.span)).with_label(&*self.label);
        if let Some(h) = &self.help {
            d = d.with_help(h.clone());
        }
        for n in &self.notes {
            d = d.with_note(n.clone());
        }
        if let Some(sec) = &self.secondary {
            d = d.with_secondary(sec.0, sec.1.clone());
        }
        d
    }
}

/// Result of evaluation.
pub type EResult<T> = Result<T, EvalError>;
