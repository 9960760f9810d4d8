//! Infinite sums by residues (quadratic denominators without rational roots) and sums of
//! logarithms that telescope once the logs are split (issue 13 §1).
//!
//! Sources, per row:
//! - DLMF §4.36 (the Mittag-Leffler expansions coth z = 1/z + 2z·Σ 1/(z² + k²π²) and
//!   csch z = 1/z + 2z·Σ (−1)^k/(z² + k²π²)) and §4.22 (cot z = 1/z + 2z·Σ 1/(z² − k²π²),
//!   csc likewise with (−1)^k); tanh and tan over the half-integers from the same expansions at
//!   z + iπ/2. Setting z = πy gives Σ_{m≥1} 1/(m² + y²) = (πy·coth(πy) − 1)/(2y²), etc.
//! - Wallis' product Π (1 − 1/(4n²)) = 2/π and the telescoping products Π_{n≥2} (1 − 1/n²) = 1/2,
//!   Π_{n≥1} (n+1)²/(n(n+2)) = 2, Π_{n≥3} (1 − 4/n²) = 1/6 (APEX Calculus §8.2 exercises on
//!   telescoping series of logarithms; CLP-2 §3.2 "Sums of logarithms").
//!
//! Every exact value is also checked against a float value computed independently (a direct
//! partial sum of 4·10⁶ terms plus the tail 1/N, in Python, to about 12 digits).

mod common;

#[rustfmt::skip]
const RESIDUES: &[(&str, &str, &str, &str)] = &[
    // (sum, exact value as printed, independent float, source)
    ("sum(1/(n^2+1), n, 1, oo)", "pi*cosh(pi)/(2*sinh(pi)) - 1/2", "1.07667404746", "DLMF §4.36, coth at π"),
    ("sum(1/(n^2+4), n, 0, oo)", "1/8 + pi*cosh(2*pi)/(4*sinh(2*pi))", "0.91040364132", "DLMF §4.36, y = 2, plus the n = 0 term 1/4"),
    ("sum((-1)^n/(n^2+1), n, 1, oo)", "pi/(2*sinh(pi)) - 1/2", "-0.36398547250", "DLMF §4.36, csch at π"),
    ("sum(1/(n^2-2), n, 2, oo)", "5/4 - sqrt(2)*pi*cos(sqrt(2)*pi)/(4*sin(sqrt(2)*pi))", "0.94318959229", "DLMF §4.22, cot at π√2, minus the n = 1 term −1"),
    ("sum((-1)^n/(n^2-2), n, 2, oo)", "-3/4 - sqrt(2)*pi/(4*sin(sqrt(2)*pi))", "0.40231643935", "DLMF §4.22, csc at π√2"),
    ("sum(1/(n^2-3), n, 2, oo)", "2/3 - sqrt(3)*pi*cos(sqrt(3)*pi)/(6*sin(sqrt(3)*pi))", "1.47665018998", "DLMF §4.22, a = √3"),
    ("sum(1/(n^2+n+1), n, 0, oo)", "sqrt(3)*pi*tanh(sqrt(3)*pi/2)/3", "1.79814728056", "(n + 1/2)² + 3/4: half-integers, tanh"),
    ("sum(1/(n^2+2*n+2), n, 0, oo)", "pi*cosh(pi)/(2*sinh(pi)) - 1/2", "1.07667404746", "(n + 1)² + 1: the first row shifted"),
    ("sum(1/(4*n^2+1), n, 1, oo)", "pi*cosh(pi/2)/(4*sinh(pi/2)) - 1/2", "0.35634428747", "DLMF §4.36, y = 1/2, factor 1/4"),
];

#[test]
fn quadratic_denominators_by_residues() {
    for (s, want, float, why) in RESIDUES {
        let got = common::ok(s);
        assert_eq!(got, *want, "{s} ({why})");
        let approx = common::ok(&format!("N({got}, 12)"));
        let digits = approx.trim_start_matches("≈ ");
        assert!(
            digits.starts_with(&float[..float.len() - 1]),
            "{s}: {approx} against the independent {float}"
        );
    }
}

/// The text answer of `src` with its conditions, as `sigma -e` prints it.
fn answer(src: &str) -> String {
    let out = sigma::session::Session::new()
        .run_collect("<t>", src)
        .unwrap_or_else(|(_, d)| panic!("{src}: {d:?}"));
    sigma::render::Format::Text
        .render(out.last().unwrap(), false)
        .trim()
        .to_string()
}

#[test]
fn symbolic_parameters_carry_their_condition() {
    // DLMF §4.36 and §4.22 with z = πa; even in a, so a itself serves as y.
    assert_eq!(
        answer("sum(1/(n^2+a^2), n, 1, oo)"),
        "(pi*a*cosh(pi*a)/sinh(pi*a) - 1)/(2*a^2)  (valid for a ≠ 0)"
    );
    assert_eq!(
        answer("sum((-1)^n/(n^2+a^2), n, 1, oo)"),
        "(pi*a/sinh(pi*a) - 1)/(2*a^2)  (valid for a ≠ 0)"
    );
    assert_eq!(
        answer("sum(1/(n^2-a^2), n, 1, oo)"),
        "1/(2*a^2) - pi*cos(pi*a)/(2*a*sin(pi*a))  (valid for a not an integer)"
    );
    // At a = 1 the coth row agrees with the numeric one.
    assert_eq!(
        common::ok("subs(sum(1/(n^2+a^2), n, 1, oo), a, 1)"),
        common::ok("sum(1/(n^2+1), n, 1, oo)")
    );
}

#[rustfmt::skip]
const LOGS: &[(&str, &str, &str)] = &[
    ("sum(ln((n+1)^2/(n*(n+2))), n, 1, oo)", "ln(2)", "issue 13; Π (n+1)²/(n(n+2)) = 2"),
    ("sum(ln(1-1/n^2), n, 2, oo)", "-ln(2)", "CLP-2 §3.2: Π_{n≥2} (1 − 1/n²) = 1/2"),
    ("sum(ln(1-1/(4*n^2)), n, 1, oo)", "ln(2/pi)", "Wallis: Π (1 − 1/(4n²)) = 2/π"),
    ("sum(ln(1-4/n^2), n, 3, oo)", "-ln(6)", "Π_{n≥3} (1 − 4/n²) = 1/6"),
    ("sum(ln((2*n+1)^2/((2*n-1)*(2*n+3))), n, 1, oo)", "ln(3)", "Π (2n+1)²/((2n−1)(2n+3)) = 3"),
    ("sum(ln(1+1/(n*(n+2))), n, 1, oo)", "ln(2)", "1 + 1/(n(n+2)) = (n+1)²/(n(n+2))"),
    ("sum(ln((n+1)/n) - ln((n+2)/(n+1)), n, 1, oo)", "ln(2)", "APEX §8.2: a difference of logs"),
    ("sum(ln(1+1/n)/(ln(n)*ln(n+1)), n, 2, oo)", "1/ln(2)", "= 1/ln n − 1/ln(n+1) once ln(1 + 1/n) is split"),
];

#[test]
fn logarithms_that_telescope_once_split() {
    for (s, want, why) in LOGS {
        assert_eq!(common::ok(s), *want, "{s} ({why})");
    }
    // The split is shown, then the Γ telescoping.
    let out = sigma::session::Session::new()
        .run_collect("<t>", "sum(ln(1-1/n^2), n, 2, oo)")
        .unwrap();
    let text = sigma::render::Format::Text.render(out.last().unwrap(), true);
    assert!(
        text.contains("ln(1 - 1/n^2) = -2*ln(n) + ln(n - 1) + ln(1 + n)"),
        "{text}"
    );
}

#[test]
fn divergent_or_unsplittable_logs_are_not_summed() {
    // Σ ln(n/(n+1)) = −ln(N+1) → −∞: the verdict comes first.
    assert!(common::ok("sum(ln(n/(n+1)), n, 1, oo)").starts_with("diverges"));
    // n² + 1 has no rational roots: no Γ telescoping over Q, so the sum stays as written.
    assert_eq!(
        common::ok("sum(ln((n^2+1)/n^2), n, 1, oo)"),
        "sum(ln((1 + n^2)/n^2), n, 1, oo)"
    );
}
