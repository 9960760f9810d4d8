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
fn exp_against_a_nonpositive_side_holds_everywhere() {
    // t = exp(x) takes the values (0, ∞), all of which exceed −1.
    assert_eq!(ok("solve(exp(x) > -1, x)"), "(-oo, oo)");
    assert_eq!(ok("solve(exp(x) < 0, x)"), "∅");
}

#[test]
fn exponentials_isolated_through_t_equals_b_to_the_u() {
    assert_eq!(ok("solve(exp(3x - 1) > 6, x)"), "(1/3 + ln(6)/3, oo)");
    assert_eq!(ok("solve(70 + 90*exp(-0.1*t) <= 75, t)"), "[10*ln(18), oo)");
    // ln(2/377) is written −ln(377/2).
    assert_eq!(
        ok("solve(150/(1 + 29*exp(-0.8*t)) <= 130, t)"),
        "(-oo, 5*ln(377/2)/4]"
    );
    // 0 < 4/5 < 1: t = (4/5)^x decreases, so the relation turns.
    assert_eq!(ok("solve(25*(4/5)^x >= 10, x)"), "(-oo, ln(2/5)/ln(4/5)]");
    assert_eq!(ok("solve(2^(x^3 - x) < 1, x)"), "(-oo, -1) ∪ (0, 1)");
    // exp(2x) = t^2: a quadratic in t = exp(x) > 0.
    assert_eq!(
        ok("solve(exp(2x) - 3*exp(x) + 2 > 0, x)"),
        "(-oo, 0) ∪ (ln(2), oo)"
    );
    assert_eq!(ok("solve(exp(2x) + exp(x) = 0, x)"), "∅");
}

#[test]
fn logarithms_isolated_through_t_equals_ln_u() {
    assert_eq!(
        ok("solve(10*ln(x/10^(-12))/ln(10) >= 90, x)"),
        "[1/1000, oo)"
    );
    assert_eq!(
        ok("solve(2.3 < -ln(x)/ln(10) < 5.4, x)"),
        "(10^(3/5)/1000000, 10^(7/10)/1000)"
    );
    // ln(x)^2 − ln(x) − 2 = (t − 2)(t + 1) with t = ln(x), on x > 0.
    assert_eq!(
        ok("solve(ln(x)^2 - ln(x) - 2 >= 0, x)"),
        "(0, exp(-1)] ∪ [exp(2), oo)"
    );
}

#[test]
fn radicals_and_inverse_trigonometric_functions_by_substitution() {
    assert_eq!(ok("solve(10 - sqrt(x - 2) <= 11, x)"), "[2, oo)");
    assert_eq!(ok("solve(sqrt(x) < -1, x)"), "∅");
    // x = t^3 with t = x^(1/3): t ≤ t^3.
    assert_eq!(ok("solve(x^(1/3) <= x, x)"), "[-1, 0] ∪ [1, oo)");
    assert_eq!(ok("solve(asin(2x) > 0, x)"), "(0, 1/2]");
    // acos decreases: acos(x) ≤ π/3 ⟺ x ≥ cos(π/3).
    assert_eq!(ok("solve(3*acos(x) <= pi, x)"), "[1/2, 1]");
    assert_eq!(ok("solve(pi > 2*atan(x), x)"), "(-oo, oo)");
    assert_eq!(ok("solve(2*asin(x)^2 > pi*asin(x), x)"), "[-1, 0)");
    assert_eq!(
        ok("solve(12*acos(x)^2 + 2*pi^2 > 11*pi*acos(x), x)"),
        "[-1, -1/2) ∪ (sqrt(2)/2, 1]"
    );
    assert_eq!(ok("solve(acos(x) != pi/2, x)"), "[-1, 0) ∪ (0, 1]");
}

#[test]
fn substitution_steps_name_the_substitution_and_the_monotonicity() {
    let mut sess = sigma::session::Session::new();
    let out = sess
        .run_collect("<t>", "solve(3*acos(x) <= pi, x)")
        .unwrap();
    let steps: Vec<String> = out
        .last()
        .unwrap()
        .steps
        .steps
        .iter()
        .map(|s| format!("{} [{}]", s.claim, s.reason))
        .collect();
    let all = steps.join("\n");
    assert!(all.contains("substitute t = acos(x)/pi"), "{all}");
    assert!(all.contains("strictly decreasing"), "{all}");
}

#[test]
fn two_different_functions_of_the_variable_stay_refused() {
    assert!(err("solve(exp(x) > x + 2, x)").contains("cannot solve"));
    assert!(err("solve(ln(x) + asin(x) > 0, x)").contains("cannot solve"));
}

#[test]
fn products_of_powers_by_the_signs_of_their_factors() {
    // Stitz–Zeager §5.3 #29: (x − 2)^(−4/3) comes out; it is positive where defined.
    assert_eq!(
        ok("solve(2*(x - 2)^(-1/3) - 2/3*x*(x - 2)^(-4/3) <= 0, x)"),
        "(-oo, 2) ∪ (2, 3]"
    );
    // x^(-1/4) needs x > 0 (an even root), (x − 3)^(−2/3) only x ≠ 3.
    assert_eq!(
        ok("solve(1/3*x^(3/4)*(x - 3)^(-2/3) + 3/4*x^(-1/4)*(x - 3)^(1/3) < 0, x)"),
        "(0, 27/13)"
    );
    // (x − 1)^(2/3) is ≥ 0 and 0 only at 1; x^(1/3) has the sign of x.
    assert_eq!(ok("solve((x - 1)^(2/3) > 0, x)"), "(-oo, 1) ∪ (1, oo)");
    assert_eq!(ok("solve(x^(1/3)*(x - 4) < 0, x)"), "(0, 4)");
    assert_eq!(ok("solve(x^(1/2)*(x - 4) <= 0, x)"), "[0, 4]");
    // exp(−x) > 0 divides out; x > 0 on the domain of ln.
    assert_eq!(ok("solve(exp(-x) - x*exp(-x) >= 0, x)"), "(-oo, 1]");
    assert_eq!(ok("solve(x*ln(x) - x > 0, x)"), "(e, oo)");
    assert_eq!(ok("solve((1 - ln(x))/x^2 < 0, x)"), "(e, oo)");
    assert_eq!(ok("solve(x^2*exp(x) <= 0, x)"), "{0}");
    assert_eq!(ok("solve(x^2*exp(x) < 0, x)"), "∅");
    // ln(x^2) = 2·ln(x) only where x > 0: here the domain of ln(x)^2 makes it so.
    assert_eq!(ok("solve(ln(x^2) <= ln(x)^2, x)"), "(0, 1] ∪ [exp(2), oo)");
    assert_eq!(ok("solve(ln(x^2) < 0, x)"), "(-1, 0) ∪ (0, 1)");
}

#[test]
fn isolated_roots_against_a_variable_side() {
    // Odd root: cube both sides.
    assert_eq!(
        ok("solve((x^3 + 3x^2 - 6x - 8)^(1/3) > x + 1, x)"),
        "(-oo, -1)"
    );
    // Even root: where x − 2 < 0 it holds on the domain x ≥ 0; else square.
    assert_eq!(ok("solve(sqrt(x) > x - 2, x)"), "[0, 4)");
    assert_eq!(ok("solve(sqrt(x + 3) <= x + 1, x)"), "[1, oo)");
    assert_eq!(ok("solve(sqrt(x) = x, x)"), "{0, 1}");
    // sqrt(x) = −x − 2 squared would give spurious roots; none is real here.
    assert_eq!(ok("solve(sqrt(x) = -x - 2, x)"), "∅");
}

#[test]
fn two_unknown_signs_stay_refused() {
    assert!(err("solve(ln(x)*(x - 2) > 0, x)").contains("cannot solve"));
}

#[test]
fn one_trigonometric_function_on_a_bounded_domain() {
    // Stitz–Zeager §10.7: t = g(u) solved once, carried back on each monotone piece.
    assert_eq!(ok("solve(sin(x) <= 0, x, [0, 2*pi])"), "{0} ∪ [pi, 2*pi]");
    assert_eq!(
        ok("solve(sin(x) > 1/3, x, [-pi, pi])"),
        "(asin(1/3), pi - asin(1/3))"
    );
    assert_eq!(
        ok("solve(tan(x) >= sqrt(3), x, [0, 2*pi])"),
        "[pi/3, pi/2) ∪ [4*pi/3, 3*pi/2)"
    );
    assert_eq!(
        ok("solve(1/cos(x) <= sqrt(2), x, [0, 2*pi])"),
        "[0, pi/4] ∪ (pi/2, 3*pi/2) ∪ [7*pi/4, 2*pi]"
    );
    assert_eq!(
        ok("solve(sin(x + pi/3) > 1/2, x, [0, 2*pi])"),
        "[0, pi/2) ∪ (11*pi/6, 2*pi]"
    );
    assert_eq!(ok("solve(sin(x) = 1/2, x, [0, 2*pi])"), "{pi/6, 5*pi/6}");
    assert_eq!(
        ok("solve(cos(x) < -1/2, x, [-3*pi/2, 5*pi/2])"),
        "(-4*pi/3, -2*pi/3) ∪ (2*pi/3, 4*pi/3)"
    );
    assert_eq!(
        ok("solve(tan(2x - pi/4) < 1, x, [0, pi])"),
        "[0, pi/4) ∪ (3*pi/8, 3*pi/4) ∪ (7*pi/8, pi]"
    );
    assert_eq!(ok("solve(sin(5x) >= 5, x, [0, 2*pi])"), "∅");
}

#[test]
fn cotangent_as_cos_over_sin_on_its_pieces() {
    // cot decreases on (kπ, (k + 1)π); arccot(4) = atan(1/4), arccot(−1) = 3π/4.
    assert_eq!(
        ok("solve(cos(x)/sin(x) <= 4, x, [0, 2*pi])"),
        "[atan(1/4), pi) ∪ [pi + atan(1/4), 2*pi)"
    );
    assert_eq!(
        ok("solve(cos(x)/sin(x) >= -1, x, [-pi, pi])"),
        "(-pi, -pi/4] ∪ (0, 3*pi/4]"
    );
    assert_eq!(
        ok("solve(cos(x)^2/sin(x)^2 >= 1/3, x, [0, 2*pi])"),
        "(0, pi/3] ∪ [2*pi/3, pi) ∪ (pi, 4*pi/3] ∪ [5*pi/3, 2*pi)"
    );
    // A product of sin and cos is homogeneous of degree 2: cos(x)^2·tan(x) > 0.
    assert_eq!(ok("solve(cos(x)*sin(x) > 0, x, [0, pi])"), "(0, pi/2)");
}

#[test]
fn trigonometric_relations_that_stay_refused() {
    // Infinitely many pieces without a bounded domain.
    assert!(err("solve(sin(x) > 0, x)").contains("bounded"));
    // Domain ends need not be multiples of π: sin is positive on all of [1, 2].
    assert_eq!(ok("solve(sin(x) > 0, x, [1, 2])"), "[1, 2]");
    // sin and cos of one argument, through tan; unrelated angles stay refused.
    assert_eq!(
        ok("solve(cos(x) >= sin(x), x, [-pi, pi])"),
        "[-3*pi/4, pi/4]"
    );
    assert!(
        err("solve(sin(x) + cos(2*x/3) > 1, x, [0, 1])").contains("several trigonometric terms")
    );
}
