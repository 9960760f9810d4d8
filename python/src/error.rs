//! `sigma.SigmaError`, the exception a failed statement raises: its `str()` is the rendered
//! diagnostic (message, `file:line:col`, the source line with a caret, notes and help), and
//! it carries the first diagnostic's `message`, its `span` in the source and all the
//! diagnostics' messages.

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
     `e.messages` the headlines of every diagnostic."
);

/// The exception for a run that failed with `diags`, rendered as `rendered`.
pub fn sigma_error(py: Python<'_>, rendered: &str, diags: &[Diagnostic]) -> PyErr {
    let first = diags.first();
    let message = first.map_or_else(|| rendered.trim().to_string(), |d| d.message.clone());
    let span = first.and_then(|d| d.span).map(|s| (s.start, s.end));
    let help = first.and_then(|d| d.help.clone());
    let messages: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
    with_fields(py, rendered.trim_end(), &message, span, help, messages)
}

/// The exception for a source without any statement.
pub fn nothing_to_evaluate(py: Python<'_>) -> PyErr {
    let message = "nothing to evaluate: the source has no statement";
    with_fields(py, message, message, None, None, vec![message.into()])
}

fn with_fields(
    py: Python<'_>,
    rendered: &str,
    message: &str,
    span: Option<(usize, usize)>,
    help: Option<String>,
    messages: Vec<String>,
) -> PyErr {
    let err = SigmaError::new_err(rendered.to_string());
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("message", message)?;
        value.setattr("span", span)?;
        value.setattr("help", help)?;
        value.setattr("messages", messages)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}
