//! `term(f, x, n)` through the language: clean closed forms, stated ranges, corrections for
//! exceptional initial coefficients, and polynomials — never a formula that disagrees with f.

use sigma::render::text;
use sigma::session::{OutcomeKind, Session};

fn run(src: &str) -> String {
    let mut s = Session::new();
    let out = s
        .run_collect("<t>", src)
        .unwrap_or_else(|(_, d)| panic!("{src}: {d:?}"));
    match out.into_iter().last().map(|o| o.kind) {
        Some(OutcomeKind::Value(v)) => text::value(&v),
        other => panic!("{src}: {other:?}"),
    }
}

#[test]
fn closed_forms_from_the_issue() {
    assert_eq!(run("term(exp(-x), x, n)"), "(-1)^n*x^n/n!");
    assert_eq!(run("term(ln(1 + x), x, n)"), "(-1)^(1 + n)*x^n/n for n ≥ 1");
    assert_eq!(
        run("term(integrate(exp(-t^2), t, 0, x), x, n)"),
        "(-1)^n*x^(1 + 2*n)/(n!*(1 + 2*n))"
    );
    assert_eq!(
        run("term(erf(x), x, n)"),
        "2*(-1)^n*x^(1 + 2*n)/(sqrt(pi)*n!*(1 + 2*n))"
    );
    assert!(run("term(2^x*sin(x), x, n)").starts_with("unknown"));
}

#[test]
fn exceptional_terms_are_corrections_not_silently_dropped() {
    assert_eq!(
        run("term(exp(x) + x, x, n)"),
        "x^n/n! for n ≥ 0, plus the correction x to the initial terms"
    );
    assert_eq!(
        run("term(1 + sin(x), x, n)"),
        "(-1)^n*x^(1 + 2*n)/(1 + 2*n)! for n ≥ 0, plus the correction 1 to the initial terms"
    );
}

#[test]
fn polynomials_are_said_to_be_polynomials() {
    assert_eq!(
        run("term(x + x^3, x, n)"),
        "the series is the polynomial x + x^3: no general term beyond its finitely many non-zero terms"
    );
    assert_eq!(
        run("term(x, x, n)"),
        "the series is the polynomial x: no general term beyond its finitely many non-zero terms"
    );
}

#[test]
fn several_residue_classes_add_up() {
    assert_eq!(
        run("term(cosh(x) + 2*sinh(x), x, n)"),
        "x^(2*n)/(2*n)! + 2*x^(1 + 2*n)/(1 + 2*n)!"
    );
}
