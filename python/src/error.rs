//! `sigma.SigmaError`, the exception a failed statement raises: its `str()` is the rendered
//! diagnostic (message, `file:line:col`, the source line with a caret, notes and help), and
//! it carries the first diagnostic's `message`, its `span` in the source, all the
//! diagnostics' messages and the results of the statements before the failed one.

use crate::result::PyOutcome;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use sigma::Diagnostic;

create_exception!(
    sigma,
    SigmaError,
    PyException,
    "A statement sigma could not evaluate. `str(e)` is the rendered diagnostic with a caret \
     under the offending source; `e.message` is its headline, `e.span` its (start, end) byte \
     offsets in the evaluated source (or None), `e.help` the suggestion (or None), and \
     `e.messages` the headlines of every diagnostic, and `e.results` the `Result`s of the \
     statements that ran before the failed one (their bindings are undone)."
);

/// The exception for a run that failed with `diags`, rendered as `rendered`, after the
/// statements whose outcomes are `before`.
pub fn sigma_error(
    py: Python<'_>,
    rendered: &str,
    diags: &[Diagnostic],
    before: Vec<Py<PyOutcome>>,
) -> PyErr {
    let first = diags.first();
    let message = first.map_or_else(|| rendered.trim().to_string(), |d| d.message.clone());
    let fields = Fields {
        span: first.and_then(|d| d.span).map(|s| (s.start, s.end)),
        help: first.and_then(|d| d.help.clone()),
        messages: diags.iter().map(|d| d.message.clone()).collect(),
        results: before,
    };
    with_fields(py, rendered.trim_end(), &message, fields)
}

/// The exception for a source without any statement.
pub fn nothing_to_evaluate(py: Python<'_>) -> PyErr {
    message(py, "nothing to evaluate: the source has no statement")
}

/// The exception for a mistake without a source span (a `:` command's).
pub fn message(py: Python<'_>, message: &str) -> PyErr {
    let fields = Fields {
        messages: vec![message.into()],
        ..Fields::default()
    };
    with_fields(py, message, message, fields)
}

/// The attributes of a `SigmaError` besides its text and headline.
#[derive(Default)]
struct Fields {
    span: Option<(usize, usize)>,
    help: Option<String>,
    messages: Vec<String>,
    results: Vec<Py<PyOutcome>>,
}

fn with_fields(py: Python<'_>, rendered: &str, message: &str, f: Fields) -> PyErr {
    let err = SigmaError::new_err(rendered.to_string());
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("message", message)?;
        value.setattr("span", f.span)?;
        value.setattr("help", f.help)?;
        value.setattr("messages", f.messages)?;
        value.setattr("results", f.results)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}
