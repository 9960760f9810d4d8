//! Helpers shared by the integration tests: run a script in a fresh session and read its last
//! statement's value (a bare value or a binding), or the rendered error.
#![allow(dead_code)]

use sigma::eval::value::Value;
use sigma::render::text;
use sigma::session::{OutcomeKind, Session};

/// The last statement's value, or the rendered error.
pub fn eval(src: &str) -> Result<Value, String> {
    let mut s = Session::new();
    match s.run_collect("<test>", src) {
        Ok(out) => match out.last().map(|o| &o.kind) {
            Some(OutcomeKind::Value(v)) | Some(OutcomeKind::Binding { value: v, .. }) => {
                Ok(v.clone())
            }
            other => Err(format!("no value: {other:?}")),
        },
        Err((_, d)) => Err(s.render_diagnostics(&d, false)),
    }
}

/// The last statement's value as text, or the rendered error.
pub fn run(src: &str) -> Result<String, String> {
    eval(src).map(|v| text::value(&v))
}

/// The last statement's value as text; panics with the error otherwise.
pub fn ok(src: &str) -> String {
    run(src).unwrap_or_else(|e| panic!("{src}: {e}"))
}

/// The rendered error of `src`; panics when it succeeds.
pub fn err(src: &str) -> String {
    match eval(src) {
        Ok(v) => panic!("{src}: expected an error, got {}", text::value(&v)),
        Err(e) => e,
    }
}
