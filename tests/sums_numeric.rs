//! Certified infinite sums (`sigma::math::sum::numeric`): 1000 digits of ζ(3/2), ln 2, π/4 and
//! e/(e−1)² compared with MPFR's own constants computed here independently (so every digit
//! is checked against the correctly rounded value), Σ 1/(n ln² n) to 20 digits, divergence
//! errors, and the number of terms a tolerance needs.

use rug::float::Constant;
use rug::ops::Pow;
use rug::{Float, Integer};
use sigma::math::expr::{self, func, Expr, Func, MathError};
use sigma::math::float::evaluate;
use sigma::math::sum::numeric::{certified, terms_needed};
use sigma::math::Q;
use std::time::Instant;

const PREC: u32 = 3600;

fn n() -> Expr {
    Expr::sym("n")
}

fn pow(b: Expr, e: Expr) -> Expr {
    expr::pow(b, e).expect("canonical power")
}

fn mul(v: Vec<Expr>) -> Expr {
    expr::mul(v).expect("canonical product")
}

fn add(v: Vec<Expr>) -> Expr {
    expr::add(v).expect("canonical sum")
}

/// Asserts that `text` is `reference` correctly rounded to `digits` significant digits:
/// |text − reference| ≤ half a unit in the last place (reference is good to 2^−3600).
fn assert_rounded(text: &str, reference: &Float, digits: u32) {
    let got = Float::with_val(PREC, Float::parse(text).expect("decimal text parses"));
    let diff = Float::with_val(PREC, &got - reference).abs();
    let e = reference.clone().abs().log10().floor().to_f64() as i32;
    let half_ulp = Float::with_val(PREC, 10).pow(e - digits as i32 + 1) / 2;
    let slack = Float::with_val(PREC, 2).pow(-3400) * reference.clone().abs();
    assert!(
        diff <= half_ulp + slack,
        "not correctly rounded to {digits} digits: {text}\nreference {}",
        reference.to_string_radix(10, Some(digits as usize + 5))
    );
    let sig = text.trim_start_matches('-').replace('.', "");
    let sig = sig.split('e').next().unwrap_or("").trim_start_matches('0');
    assert_eq!(
        sig.len(),
        digits as usize,
        "wrong number of digits in {text}"
    );
}

fn check(name: &str, a: &Expr, lo: i64, reference: &Float) {
    let t = Instant::now();
    let (v, steps) = certified(a, "n", &Integer::from(lo), 1000).expect("certified sum");
    let dt = t.elapsed();
    eprintln!(
        "{name}: 1000 digits in {dt:?} ({} bits, {} attempt(s))",
        v.bits, v.attempts
    );
    for s in &steps.steps {
        eprintln!("    {} — {}", s.claim, s.reason);
    }
    assert_rounded(&v.text, reference, 1000);
}

#[test]
fn zeta_three_halves_to_1000_digits() {
    let a = pow(n(), Expr::frac(-3, 2));
    let z = Float::with_val(PREC, 1.5).zeta();
    check("zeta(3/2)", &a, 1, &z);
}

#[test]
fn ln2_alternating_to_1000_digits() {
    let a = mul(vec![
        pow(Expr::int(-1), add(vec![n(), Expr::one()])),
        pow(n(), Expr::int(-1)),
    ]);
    let l = Float::with_val(PREC, Constant::Log2);
    check("ln 2", &a, 1, &l);
}

#[test]
fn pi_quarter_leibniz_to_1000_digits() {
    let odd = add(vec![mul(vec![Expr::int(2), n()]), Expr::one()]);
    let a = mul(vec![pow(Expr::int(-1), n()), pow(odd, Expr::int(-1))]);
    let p = Float::with_val(PREC, Constant::Pi) / 4;
    check("pi/4", &a, 0, &p);
}

#[test]
fn n_over_e_to_the_n_to_1000_digits() {
    let a = mul(vec![n(), pow(Expr::e(), expr::neg(n()).expect("neg"))]);
    let e = Float::with_val(PREC, 1).exp();
    let em1 = Float::with_val(PREC, &e - 1);
    let r = Float::with_val(PREC, &e / Float::with_val(PREC, em1.square_ref()));
    check("e/(e-1)^2", &a, 1, &r);
}

#[test]
fn log_squared_series_to_20_digits() {
    // Σ_{n≥2} 1/(n ln² n) ≈ 2.10974280123689… (mpmath's nsum gets 1.94 here).
    let ln = func(Func::Ln, vec![n()]).expect("ln n");
    let a = mul(vec![pow(n(), Expr::int(-1)), pow(ln, Expr::int(-2))]);
    let t = Instant::now();
    let (v, steps) = certified(&a, "n", &Integer::from(2), 20).expect("certified sum");
    eprintln!("1/(n ln^2 n): {} in {:?}", v.text, t.elapsed());
    for s in &steps.steps {
        eprintln!("    {} — {}", s.claim, s.reason);
    }
    assert!(v.text.starts_with("2.10974280123"), "{}", v.text);
    assert_eq!(v.text.len(), 21);
}

#[test]
fn harmonic_series_diverges() {
    let a = pow(n(), Expr::int(-1));
    match certified(&a, "n", &Integer::from(1), 10) {
        Err(MathError::Domain(m)) => assert!(m.starts_with("the sum diverges"), "{m}"),
        other => panic!("expected a divergence error, got {other:?}"),
    }
    match terms_needed(&a, "n", &Integer::from(1), &Q::frac(1, 100)) {
        Err(MathError::Domain(m)) => assert!(m.starts_with("the sum diverges"), "{m}"),
        other => panic!("expected a divergence error, got {other:?}"),
    }
}

#[test]
fn sum_inside_an_expression() {
    // The numeric evaluator reaches summation through the interface the engine provides.
    sigma::math::sum::install();
    // 2·Σ_{n≥1} 1/n² = π²/3.
    let s = func(
        Func::Sum,
        vec![pow(n(), Expr::int(-2)), n(), Expr::one(), Expr::infinity()],
    )
    .expect("sum");
    let v = evaluate(&mul(vec![Expr::int(2), s]), 30).expect("evaluates");
    assert_eq!(v.text, "3.28986813369645287294483033329");
}

#[test]
fn terms_needed_by_each_bound() {
    let one = Integer::from(1);
    // Alternating: Σ_{n≥0} (−1)^n/(n+1), first omitted term 1/(N+1) < 1/1000.
    let a = mul(vec![
        pow(Expr::int(-1), n()),
        pow(add(vec![n(), Expr::one()]), Expr::int(-1)),
    ]);
    let (k, _) = terms_needed(&a, "n", &Integer::new(), &Q::frac(1, 1000)).expect("alternating");
    assert_eq!(k, 1000);
    // Geometric: Σ_{n≥0} 1/2^n, tail 2/2^N < 10^−6.
    let g = pow(Expr::int(2), expr::neg(n()).expect("neg"));
    let (k, steps) =
        terms_needed(&g, "n", &Integer::new(), &Q::frac(1, 1_000_000)).expect("geometric");
    assert_eq!(k, 21, "{steps:?}");
    // Integral: Σ_{n≥1} 1/n², tail ≤ ∫_N^∞ = 1/N < 1/100.
    let p = pow(n(), Expr::int(-2));
    let (k, steps) = terms_needed(&p, "n", &one, &Q::frac(1, 100)).expect("integral");
    assert_eq!(k, 101);
    assert!(steps
        .steps
        .iter()
        .any(|s| s.reason.contains("integral test")));
}
