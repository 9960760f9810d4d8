//! The crate-root façade is enough to embed sigma: run lines in a `Session`, render each
//! `Outcome` in a `Format`, read its `Value` and render `Diagnostic`s — no module paths.

use sigma::{Diagnostic, Format, Outcome, OutcomeKind, Session, Value};

#[test]
fn lines_run_and_render_exactly() {
    let mut s = Session::new();
    let out: Vec<Outcome> = s
        .run_collect("<facade>", "x = 1/3 + 1/6\nx^2 + sqrt(8)")
        .expect("the lines run");
    let text: Vec<String> = out.iter().map(|o| Format::Text.render(o, false)).collect();
    assert_eq!(text, ["x = 1/2", "1/4 + 2*sqrt(2)"]);
    match &out[1].kind {
        OutcomeKind::Value(Value::Expr(e)) => assert_eq!(e.to_string(), "1/4 + 2*sqrt(2)"),
        other => panic!("expected an exact value, got {other:?}"),
    }
    // The binding persists into the next run of the same session.
    let next = s.run_collect("<facade>", "x/3").expect("the line runs");
    assert_eq!(Format::Latex.render(&next[0], false), r"\[ \frac{1}{6} \]");
    assert_eq!(Format::Text.render(&next[0], false), "1/6");
}

#[test]
fn a_failing_line_comes_back_as_diagnostics() {
    let mut s = Session::new();
    let (done, diags): (Vec<Outcome>, Vec<Diagnostic>) =
        s.run_collect("<facade>", "1/0").expect_err("1/0 fails");
    assert!(done.is_empty());
    assert_eq!(
        s.render_diagnostics(&diags, false),
        "error: division by zero\n  ┌─ <facade>:1:1\n  │\n1 │ 1/0\n  │ ^^^ this evaluates to a division by zero\n  │\n  = help: a denominator here is exactly 0\n\n"
    );
    // A failed run binds nothing: `z` stays a free symbol.
    assert!(s.run_collect("<facade>", "z = 5\n1/0").is_err());
    let after = s.run_collect("<facade>", "z + 1").expect("the line runs");
    assert_eq!(Format::Text.render(&after[0], false), "1 + z");
}
