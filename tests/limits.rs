//! Limits of sequences as n → ∞ (`sigma::math::limit::limit_at_infinity`) and leading
//! behaviours (`sigma::math::asymptotic::leading`), each checked against its exact value:
//! rational functions, the classical limits defining e, Stirling's formula, growth
//! comparisons, oscillating sequences, and the forms that must stay unknown.

use sigma::math::asymptotic::{leading, Asymptotic, Sign};
use sigma::math::expr::{self, Expr, Func};
use sigma::math::limit::{limit_at_infinity, Limit};
use sigma::math::Q;

// ---------------------------------------------------------------------------------------------
// Building expressions
// ---------------------------------------------------------------------------------------------

fn n() -> Expr {
    Expr::sym("n")
}

fn int(k: i64) -> Expr {
    Expr::int(k)
}

fn frac(a: i64, b: i64) -> Expr {
    Expr::frac(a, b)
}

fn add(ts: Vec<Expr>) -> Expr {
    expr::add(ts).expect("a sum")
}

fn sub(a: Expr, b: Expr) -> Expr {
    expr::sub(a, b).expect("a difference")
}

fn mul(fs: Vec<Expr>) -> Expr {
    expr::mul(fs).expect("a product")
}

fn div(a: Expr, b: Expr) -> Expr {
    expr::div(a, b).expect("a quotient")
}

fn pow(b: Expr, e: Expr) -> Expr {
    expr::pow(b, e).expect("a power")
}

fn sqrt(a: Expr) -> Expr {
    Expr::sqrt(a).expect("a square root")
}

fn exp(a: Expr) -> Expr {
    Expr::exp(a).expect("an exponential")
}

fn f(g: Func, a: Expr) -> Expr {
    expr::func(g, vec![a]).expect("a function value")
}

fn ln(a: Expr) -> Expr {
    f(Func::Ln, a)
}

fn fact(a: Expr) -> Expr {
    f(Func::Factorial, a)
}

fn binomial(a: Expr, b: Expr) -> Expr {
    expr::func(Func::Binomial, vec![a, b]).expect("a binomial")
}

fn inv(a: Expr) -> Expr {
    pow(a, int(-1))
}

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

fn limit(a: &Expr) -> Limit {
    let (l, d) = limit_at_infinity(a, "n").expect("no hard error");
    assert!(!d.is_empty(), "a limit comes with its derivation: {a}");
    l
}

fn value(a: Expr, v: Expr) {
    assert_eq!(limit(&a), Limit::Value(v.clone()), "lim {a} should be {v}");
}

fn lead(a: &Expr) -> Asymptotic {
    leading(a, "n").unwrap_or_else(|e| panic!("leading({a}) failed: {e}"))
}

fn is_dne(l: &Limit) -> bool {
    matches!(l, Limit::DoesNotExist(_))
}

fn is_unknown(l: &Limit) -> bool {
    matches!(l, Limit::Unknown(_))
}

// ---------------------------------------------------------------------------------------------
// Rational functions
// ---------------------------------------------------------------------------------------------

#[test]
fn rational_functions_by_leading_coefficients() {
    let n2 = pow(n(), int(2));
    let a = div(
        add(vec![mul(vec![int(3), n2.clone()]), int(1)]),
        sub(mul(vec![int(2), n2.clone()]), n()),
    );
    value(a, frac(3, 2));
    let b = div(add(vec![n2.clone(), int(1)]), add(vec![n(), int(1)]));
    assert_eq!(limit(&b), Limit::PlusInfinity);
    let c = div(mul(vec![int(-1), pow(n(), int(3))]), add(vec![n(), int(1)]));
    assert_eq!(limit(&c), Limit::MinusInfinity);
    value(div(add(vec![n(), int(1)]), n2), int(0));
}

// ---------------------------------------------------------------------------------------------
// The exponential limits
// ---------------------------------------------------------------------------------------------

#[test]
fn nth_root_of_n_tends_to_one() {
    value(pow(n(), inv(n())), int(1));
}

#[test]
fn one_plus_one_over_n_to_the_n_is_e() {
    let a = pow(add(vec![int(1), inv(n())]), n());
    let (l, d) = limit_at_infinity(&a, "n").expect("a limit");
    assert_eq!(l, Limit::Value(Expr::e()));
    let text: Vec<String> = d.steps.iter().map(|s| s.claim.to_string()).collect();
    assert!(
        text.iter().any(|c| c.contains("ln(1 + 1/n)")),
        "the derivation expands the logarithm: {text:?}"
    );
}

#[test]
fn one_plus_a_over_n_to_the_n_is_e_to_the_a() {
    let a = Expr::sym("a");
    value(pow(add(vec![int(1), div(a.clone(), n())]), n()), exp(a));
}

#[test]
fn one_minus_one_over_n_to_the_n_is_one_over_e() {
    value(pow(sub(int(1), inv(n())), n()), inv(Expr::e()));
}

#[test]
fn n_over_n_plus_one_to_the_n_is_one_over_e() {
    let r = div(n(), add(vec![n(), int(1)]));
    value(pow(r, n()), inv(Expr::e()));
}

#[test]
fn n_over_n_plus_one_to_the_n_squared_is_asymptotic_to_sqrt_e_times_e_to_the_minus_n() {
    let r = div(n(), add(vec![n(), int(1)]));
    let a = pow(r, pow(n(), int(2)));
    value(a.clone(), int(0));
    let l = lead(&a);
    assert_eq!(l.sign, Sign::Positive);
    assert_eq!(l.scale.base, inv(Expr::e()));
    assert_eq!(l.scale.pow, Q::zero());
    assert_eq!(l.scale.c, exp(frac(1, 2)));
}

// ---------------------------------------------------------------------------------------------
// Taylor expansions of small arguments
// ---------------------------------------------------------------------------------------------

#[test]
fn n_sin_one_over_n_is_one() {
    value(mul(vec![n(), f(Func::Sin, inv(n()))]), int(1));
}

#[test]
fn one_minus_cos_one_over_n() {
    let d = sub(int(1), f(Func::Cos, inv(n())));
    value(mul(vec![n(), d.clone()]), int(0));
    value(mul(vec![pow(n(), int(2)), d]), frac(1, 2));
}

#[test]
fn cancellation_triggers_a_deeper_expansion() {
    // n^4 (1 − cos(1/n)) − n²/2 → −1/24: the first order tried leaves only O(1).
    let d = sub(int(1), f(Func::Cos, inv(n())));
    let a = sub(
        mul(vec![pow(n(), int(4)), d]),
        mul(vec![frac(1, 2), pow(n(), int(2))]),
    );
    value(a, frac(-1, 24));
}

#[test]
fn cos_one_over_n_to_the_n_squared() {
    value(
        pow(f(Func::Cos, inv(n())), pow(n(), int(2))),
        exp(frac(-1, 2)),
    );
}

#[test]
fn atan_at_infinity() {
    let a = f(Func::Atan, n());
    value(a.clone(), div(Expr::pi(), int(2)));
    value(mul(vec![n(), sub(a, div(Expr::pi(), int(2)))]), int(-1));
}

#[test]
fn sqrt_n_plus_one_minus_sqrt_n() {
    let a = sub(sqrt(add(vec![n(), int(1)])), sqrt(n()));
    value(a.clone(), int(0));
    let l = lead(&a);
    assert_eq!((l.scale.c, l.scale.pow), (frac(1, 2), Q::frac(-1, 2)));
}

// ---------------------------------------------------------------------------------------------
// Factorials and binomials (Stirling)
// ---------------------------------------------------------------------------------------------

#[test]
fn n_factorial_over_n_to_the_n_vanishes() {
    let a = div(fact(n()), pow(n(), n()));
    let (l, d) = limit_at_infinity(&a, "n").expect("a limit");
    assert_eq!(l, Limit::Value(int(0)));
    assert!(
        d.steps.iter().any(|s| s.reason.contains("Stirling")),
        "the derivation cites Stirling: {d:?}"
    );
}

#[test]
fn nth_root_of_n_factorial_over_n_is_one_over_e() {
    value(div(pow(fact(n()), inv(n())), n()), inv(Expr::e()));
}

#[test]
fn gamma_and_small_binomials() {
    let g = f(Func::Gamma, add(vec![n(), frac(1, 2)]));
    value(div(mul(vec![g, sqrt(n())]), fact(n())), int(1));
    value(div(binomial(n(), int(3)), pow(n(), int(3))), frac(1, 6));
}

#[test]
fn stirling_ratio_tends_to_one() {
    // n! / (n^n e^(−n) sqrt(2πn)) → 1
    let s = mul(vec![
        pow(n(), n()),
        exp(mul(vec![int(-1), n()])),
        sqrt(mul(vec![int(2), Expr::pi(), n()])),
    ]);
    value(div(fact(n()), s), int(1));
}

#[test]
fn central_binomial_ratio_is_one_over_sqrt_pi() {
    let a = mul(vec![
        fact(mul(vec![int(2), n()])),
        pow(fact(n()), int(-2)),
        pow(int(4), mul(vec![int(-1), n()])),
        sqrt(n()),
    ]);
    value(a, inv(sqrt(Expr::pi())));
}

#[test]
fn central_binomial_over_four_to_the_n() {
    let a = div(binomial(mul(vec![int(2), n()]), n()), pow(int(4), n()));
    value(a.clone(), int(0));
    let l = lead(&a);
    assert_eq!(l.scale.c, inv(sqrt(Expr::pi())));
    assert_eq!(l.scale.pow, Q::frac(-1, 2));
    assert_eq!(l.scale.base, int(1));
}

// ---------------------------------------------------------------------------------------------
// Growth comparisons
// ---------------------------------------------------------------------------------------------

#[test]
fn n_over_e_to_the_n_vanishes() {
    value(div(n(), exp(n())), int(0));
}

#[test]
fn two_to_the_n_beats_n_to_the_ten() {
    let a = div(pow(int(2), n()), pow(n(), int(10)));
    assert_eq!(limit(&a), Limit::PlusInfinity);
    let l = lead(&a);
    assert_eq!((l.scale.base, l.scale.pow), (int(2), Q::int(-10)));
}

#[test]
fn ln_n_over_n_vanishes() {
    value(div(ln(n()), n()), int(0));
}

#[test]
fn ln_ln_n_over_ln_n_vanishes() {
    let a = div(ln(ln(n())), ln(n()));
    value(a.clone(), int(0));
    let l = lead(&a);
    assert_eq!((l.scale.log, l.scale.loglog), (Q::int(-1), Q::int(1)));
}

#[test]
fn n_to_the_one_plus_one_over_n_is_asymptotic_to_n() {
    let a = pow(n(), add(vec![int(1), inv(n())]));
    let l = lead(&a);
    assert_eq!(l.sign, Sign::Positive);
    assert_eq!(l.scale.c, int(1));
    assert_eq!(l.scale.pow, Q::one());
    assert_eq!(l.scale.to_expr("n"), n());
    assert_eq!(limit(&a), Limit::PlusInfinity);
}

// ---------------------------------------------------------------------------------------------
// Signs and oscillation
// ---------------------------------------------------------------------------------------------

#[test]
fn minus_one_to_the_n_does_not_converge() {
    let l = limit(&pow(int(-1), n()));
    match l {
        Limit::DoesNotExist(why) => {
            assert!(why.contains("-1") && why.contains("1"), "{why}");
            // The even terms tend to 1, the odd ones to -1: both are limit points.
            assert_eq!(why.points, vec![int(1), int(-1)]);
            assert_eq!(why.bounds, None);
        }
        other => panic!("expected no limit, got {other:?}"),
    }
}

#[test]
fn minus_one_to_the_n_over_n_vanishes() {
    let a = div(pow(int(-1), n()), n());
    value(a.clone(), int(0));
    assert_eq!(lead(&a).sign, Sign::Alternating);
}

#[test]
fn sin_n_does_not_converge() {
    match limit(&f(Func::Sin, n())) {
        Limit::DoesNotExist(why) => {
            assert!(why.contains("dense"), "{why}");
            assert_eq!(why.bounds, Some((int(-1), int(1))));
        }
        other => panic!("expected no limit, got {other:?}"),
    }
}

#[test]
fn periodic_trigonometric_sequences() {
    assert!(is_dne(&limit(&f(Func::Cos, mul(vec![Expr::pi(), n()])))));
    value(f(Func::Sin, mul(vec![Expr::pi(), n()])), int(0));
    assert!(is_dne(&limit(&mul(vec![pow(int(-1), n()), n()]))));
}

#[test]
fn cos_n_over_n_vanishes() {
    value(div(f(Func::Cos, n()), n()), int(0));
}

#[test]
fn bounded_plus_divergent_and_oscillating_plus_convergent() {
    let s = f(Func::Sin, n());
    assert_eq!(limit(&add(vec![s.clone(), n()])), Limit::PlusInfinity);
    assert!(is_dne(&limit(&add(vec![s.clone(), inv(n())]))));
    assert!(is_dne(&limit(&mul(vec![s, add(vec![int(1), inv(n())])]))));
}

#[test]
fn eventually_negative_and_mixed_sign_patterns() {
    let a = sub(int(1), pow(n(), int(2)));
    assert_eq!(lead(&a).sign, Sign::Negative);
    // (2 + (−1)^n)·n: sign eventually positive but no asymptotic constant.
    let b = mul(vec![add(vec![int(2), pow(int(-1), n())]), n()]);
    let l = lead(&b);
    assert_eq!(l.sign, Sign::Unknown);
    assert_eq!(l.scale.c, int(3));
    assert_eq!(limit(&b), Limit::PlusInfinity);
}

// ---------------------------------------------------------------------------------------------
// Out of scope: unknown, never a guess
// ---------------------------------------------------------------------------------------------

#[test]
fn forms_outside_the_scale_stay_unknown() {
    // The sign of a parameter is unknown.
    assert!(is_unknown(&limit(&mul(vec![Expr::sym("a"), n()]))));
    // e^(sqrt n) is outside the scale.
    assert!(is_unknown(&limit(&exp(sqrt(n())))));
    // n·sin(n) oscillates unboundedly; not decided.
    assert!(is_unknown(&limit(&mul(vec![n(), f(Func::Sin, n())]))));
    // ln ln ln n is outside the scale.
    assert!(leading(&ln(ln(ln(n()))), "n").is_err());
    // asin(π/2 + 1/n) is undefined (π/2 > 1): no Taylor expansion is attempted.
    let bad = f(Func::Asin, add(vec![div(Expr::pi(), int(2)), inv(n())]));
    assert!(is_unknown(&limit(&bad)));
    // (1 + (−1)^n)·n: the odd terms vanish, the even ones grow.
    assert!(is_unknown(&limit(&mul(vec![
        add(vec![int(1), pow(int(-1), n())]),
        n()
    ]))));
}

#[test]
fn equal_constants_written_differently_cancel() {
    let c = sub(ln(int(4)), mul(vec![int(2), ln(int(2))]));
    value(add(vec![mul(vec![c, n()]), int(1)]), int(1));
}

#[test]
fn scales_compare_by_growth() {
    let s = |a: Expr| lead(&a).scale;
    let fac = s(fact(n()));
    let exp2 = s(pow(int(2), n()));
    let poly = s(pow(n(), int(10)));
    let logn = s(ln(n()));
    let dec = s(inv(sqrt(n())));
    use std::cmp::Ordering::*;
    assert_eq!(fac.cmp_growth(&exp2).expect("comparable"), Greater);
    assert_eq!(exp2.cmp_growth(&poly).expect("comparable"), Greater);
    assert_eq!(poly.cmp_growth(&logn).expect("comparable"), Greater);
    assert_eq!(logn.cmp_growth(&dec).expect("comparable"), Greater);
    assert!(!logn.is_bounded().expect("decidable"));
    assert!(dec.is_bounded().expect("decidable") && dec.tends_to_zero().expect("decidable"));
    let e_n = s(exp(n()));
    assert_eq!(e_n.cmp_growth(&exp2).expect("comparable"), Greater);
}

#[test]
fn alternating_growth_steps_set_their_mathematics_as_mathematics() {
    // (−1)^n·n: the claim reads as before in text and sets the sequence in math mode.
    let a = mul(vec![expr::pow(int(-1), n()).expect("a power"), n()]);
    let (l, d) = limit_at_infinity(&a, "n").expect("a limit");
    assert!(matches!(l, Limit::DoesNotExist(_)), "{l:?}");
    let claim = &d.steps.last().expect("a step").claim;
    assert_eq!(
        claim.to_string(),
        "the sequence ~ (1)·(-1)^n·n: its size grows without bound while its sign alternates"
    );
    assert_eq!(
        sigma::render::rich::tex_inline(claim),
        "the sequence $\\sim \\left(1\\right) \\cdot (-1)^{n} \\cdot n$: its size grows without bound while its sign alternates"
    );
    // (2 + (−1)^n)·n → ∞.
    let b = mul(vec![
        add(vec![int(2), expr::pow(int(-1), n()).expect("a power")]),
        n(),
    ]);
    let (l, d) = limit_at_infinity(&b, "n").expect("a limit");
    assert_eq!(l, Limit::PlusInfinity);
    let claim = &d.steps.last().expect("a step").claim;
    assert_eq!(
        claim.to_string(),
        "the sequence is (2 + (-1)^n)·n·(1 + o(1))"
    );
    assert_eq!(
        sigma::render::rich::tex_inline(claim),
        "the sequence is $\\left(2 + \\left(-1\\right)^{n}\\right) \\cdot n \\cdot \\left(1 + o(1)\\right)$"
    );
}
