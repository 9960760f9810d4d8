//! `solve` on relations that are not rational in the variable: exp and ln through their
//! monotonicity (Stitz–Zeager, Precalculus, §6.3–6.4: exponential and logarithmic
//! inequalities), with each answer checked pointwise at its endpoints ± 1/1000.

mod common;
use common::{err, ok};

#[test]
fn exp_greater_than_a_positive_number() {
    assert_eq!(ok("solve(exp(x) > 3, x)"), "(ln(3), oo)");
    assert_eq!(ok("solve(3 < exp(2*x), x)"), "(ln(3)/2, oo)");
    // ln(3) ≈ 1.0986: just below fails, just above holds.
    assert_eq!(ok("f(x) = exp(x) > 3; f(10986/10000)"), "false");
    assert_eq!(ok("f(x) = exp(x) > 3; f(10996/10000)"), "true");
}

#[test]
fn ln_with_its_domain() {
    // Stitz–Zeager §6.4 style: ln(x − 1) ≤ 2 ⟺ 0 < x − 1 ≤ e².
    assert_eq!(ok("solve(ln(x - 1) <= 2, x)"), "(1, 1 + exp(2)]");
    assert_eq!(ok("solve(ln(x) = 0, x)"), "{1}");
    // 1 + e² ≈ 8.389056: endpoints ± 1/1000.
    assert_eq!(ok("f(x) = ln(x - 1) <= 2; f(8388/1000)"), "true");
    assert_eq!(ok("f(x) = ln(x - 1) <= 2; f(8390/1000)"), "false");
    assert_eq!(ok("f(x) = ln(x - 1) <= 2; f(1001/1000)"), "true");
}

#[test]
fn exp_against_a_nonpositive_side_stays_refused() {
    assert!(err("solve(exp(x) > -1, x)").contains("cannot solve"));
}
