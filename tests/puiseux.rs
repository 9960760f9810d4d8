//! Functions of √x (and other roots of x) whose expansion at 0 is a power series in x
//! (issue 13 §1): x = r^d turns them into power series in r, and when only the powers r^(d·k)
//! occur the result is Σ c_k x^k. Sources: the Maclaurin series of sin, cos (DLMF §4.19) and
//! sinh, cosh (DLMF §4.33) with z = √x; every coefficient was worked by hand.

mod common;

#[rustfmt::skip]
const SERIES: &[(&str, &str, &str)] = &[
    ("series(cosh(sqrt(x)), x, 0, 5)", "1 + x/2 + x^2/24 + x^3/720 + x^4/40320 + x^5/3628800 + O(x^6)", "DLMF §4.33: Σ x^k/(2k)!"),
    ("series(sqrt(x)*sinh(sqrt(x)), x, 0, 4)", "x + x^2/6 + x^3/120 + x^4/5040 + O(x^5)", "DLMF §4.33: Σ x^(k+1)/(2k+1)!"),
    ("series(sin(sqrt(x))/sqrt(x), x, 0, 4)", "1 - x/6 + x^2/120 - x^3/5040 + x^4/362880 + O(x^5)", "DLMF §4.19: Σ (−1)^k x^k/(2k+1)!"),
    ("series(cos(sqrt(x)), x, 0, 3)", "1 - x/2 + x^2/24 - x^3/720 + O(x^4)", "DLMF §4.19: Σ (−1)^k x^k/(2k)!"),
    ("series((1+sqrt(x))^2 - 2*sqrt(x), x, 0, 3)", "1 + x + O(x^4)", "the roots cancel exactly"),
];

#[test]
fn functions_of_roots_that_are_power_series() {
    for (src, want, why) in SERIES {
        assert_eq!(common::ok(src), *want, "{src} ({why})");
    }
    // The general term follows from the coefficients.
    assert_eq!(common::ok("term(cosh(sqrt(x)), x, n)"), "x^n/(2*n)!");
    assert_eq!(
        common::ok("coeff(cosh(sqrt(x)), x, 10)"),
        "1/2432902008176640000"
    );
}

#[test]
fn genuine_puiseux_series_are_refused_with_their_first_root_term() {
    let e = common::err("series(exp(sqrt(x)), x, 0, 3)");
    assert!(e.contains("Puiseux series in x^(1/2)"), "{e}");
    assert!(e.contains("whose term in x^(1/2) is 1"), "{e}");
    let e = common::err("series(cos(x^(1/3)), x, 0, 3)");
    assert!(e.contains("whose term in x^(2/3) is -1/2"), "{e}");
}
