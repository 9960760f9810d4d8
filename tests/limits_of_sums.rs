//! Limits of sums whose range depends on n (Riemann sums and partial sums) and exact definite
//! integrals of rational functions, each against its exact value.
//!
//! Sources, per row: the two windows named in issue 13 (Σ_{k=n+1}^{3n} 1/k → ln 3 and
//! Σ_{k=1}^{n} n/(n² + k²) → π/4); the Riemann-sum limits set in CLP-2 Integral Calculus
//! (Feldman, Rechnitzer, Yeager, UBC, §1.1 "Definition of the integral", exercises that write a
//! limit of sums as an integral) and APEX Calculus (Hartman et al., §5.3 "Riemann Sums");
//! partial sums from the Basel problem and the harmonic series (H_n against DLMF 5.2.3 and
//! 5.11.2); integrals from any table of
//! elementary antiderivatives (∫ dx/(x² + a²) = atan(x/a)/a, ∫ dx/(x³ + 1) by partial
//! fractions). Every expected value was worked by hand, with its integral shown beside it.

use sigma::render::Format;
use sigma::session::Session;

/// The text answer of the last statement of `src`.
fn answer(src: &str) -> String {
    let out = Session::new()
        .run_collect("<table>", src)
        .unwrap_or_else(|(_, d)| panic!("{src}: {d:?}"));
    let last = out.last().expect("an outcome");
    Format::Text.render(last, false).trim().to_string()
}

#[rustfmt::skip]
const LIMITS: &[(&str, &str, &str)] = &[
    // (sum, limit, why)
    ("sum(1/k, k, n+1, 3*n)", "ln(3)", "issue 13: ∫_1^3 dt/t"),
    ("sum(n/(n^2+k^2), k, 1, n)", "pi/4", "issue 13: ∫_0^1 dt/(1+t²)"),
    ("sum(1/k, k, n+1, 2*n)", "ln(2)", "CLP-2 §1.1: ∫_1^2 dt/t"),
    ("sum(1/(n+k), k, 1, n)", "ln(2)", "APEX §5.3: ∫_0^1 dt/(1+t)"),
    ("sum(k/(n^2+k^2), k, 1, n)", "ln(2)/2", "∫_0^1 t dt/(1+t²)"),
    ("sum(k^2/n^3, k, 1, n)", "1/3", "∫_0^1 t² dt (also a closed form)"),
    ("sum(n/(n+k)^2, k, 1, n)", "1/2", "∫_0^1 dt/(1+t)²"),
    ("sum(n^2/(n^3+k^3), k, 1, n)", "sqrt(3)*pi/9 + ln(2)/3", "∫_0^1 dt/(1+t³)"),
    ("sum(n/(n^2+k^2), k, 0, 2*n)", "atan(2)", "∫_0^2 dt/(1+t²)"),
    ("2*sum(k/(n^2+k^2), k, 1, n) + 1", "1 + ln(2)", "constant factor and term"),
    ("sum(1/k^2, k, 1, n)", "pi^2/6", "partial sums of the Basel series"),
    ("sum(1/k, k, 1, n)", "oo", "harmonic partial sums diverge to +∞"),
    ("sum(-1/k, k, 1, 2*n)", "-oo", "negative terms: partial sums → −∞"),
    ("sum(1/2^k, k, 0, n)", "2", "geometric partial sums"),
    ("sum(1/k, k, 1, n) - ln(n)", "EulerGamma", "DLMF 5.2.3: γ = lim (H_n − ln n), Σ_{k≤n} 1/k = H_n"),
    ("sum(1/k, k, 1, n)/ln(n)", "1", "DLMF 5.11.2: H_n = ln n + γ + O(1/n)"),
    ("n*(sum(1/k, k, 1, n) - ln(n) - EulerGamma)", "1/2", "DLMF 5.11.2: H_n − ln n − γ ~ 1/(2n)"),
    ("sum(1/(k+2), k, 1, n) - ln(n)", "EulerGamma - 3/2", "Σ_{k≤n} 1/(k + 2) = H_(n+2) − H_2; DLMF 5.2.3"),
];

/// Quotients with a partial or tail sum, by Stolz–Cesàro. Sources: Kaczor and Nowak,
/// *Problems in Mathematical Analysis I* (AMS, 2000), §2.3 "The Toeplitz transformation, the
/// Stolz theorem and their applications" (power sums over powers of n, Cesàro means, quotients
/// of divergent sums); CLP-2 §3.3, the integral test's bounds ln(n+1) ≤ Σ_{k≤n} 1/k ≤ 1 + ln n
/// and ∫_n^∞ ≤ Σ_{k≥n} ≤ a(n) + ∫_n^∞ for the tails. Each value was worked by hand from the
/// quotient of differences shown beside it.
#[rustfmt::skip]
const STOLZ: &[(&str, &str, &str)] = &[
    ("sum(1/k, k, 1, n)/ln(n)", "1", "CLP-2 §3.3: (1/n)/(ln n − ln(n−1)) → 1"),
    ("sum(sqrt(k), k, 1, n)/n^(3/2)", "2/3", "Kaczor–Nowak §2.3: power sums, √n/(n^(3/2) − (n−1)^(3/2)) → 2/3"),
    ("sum(k^(1/3), k, 1, n)/n^(4/3)", "3/4", "Kaczor–Nowak §2.3: 1/(p + 1) with p = 1/3"),
    ("sum(1/sqrt(k), k, 1, n)/sqrt(n)", "2", "Kaczor–Nowak §2.3: (1/√n)/(√n − √(n−1)) → 2"),
    ("sum(ln(k), k, 1, n)/(n*ln(n))", "1", "Kaczor–Nowak §2.3: ln n/(n ln n − (n−1) ln(n−1)) → 1"),
    ("sum(k^k, k, 1, n)/n^n", "1", "Kaczor–Nowak §2.3: n^n/(n^n − (n−1)^(n−1)) → 1/(1 − 0)"),
    ("sum(2^k/k, k, 1, n)*n/2^n", "2", "(2^n/n)/(2^n/n − 2^(n−1)/(n−1)) → 1/(1 − 1/2)"),
    ("sum(k/(k+1), k, 1, n)/n", "1", "Cesàro mean of a sequence tending to 1"),
    ("sum(1/k, k, 1, n)/n", "0", "Cesàro mean of 1/n → 0"),
    ("sum(k^(1/3), k, 1, n)/n", "oo", "n^(1/3)/1 → ∞"),
    ("sum(1/(k*ln(k)), k, 2, n)/ln(ln(n))", "1", "CLP-2 §3.3: integral test, ∫ dt/(t ln t) = ln ln t"),
    ("n^(3/2)/sum(sqrt(k), k, 1, n)", "3/2", "the reciprocal of 2/3: the sum below"),
    ("sum(1/k, k, 1, n)/sum(1/(2*k-1), k, 1, n)", "2", "Kaczor–Nowak §2.3: (1/n)/(1/(2n − 1)) → 2"),
    ("n*sum(1/k^2, k, n, oo)", "1", "CLP-2 §3.3: 1/n ≤ Σ_{k≥n} 1/k² ≤ 1/n² + 1/n"),
    ("n^2*sum(1/k^3, k, n+1, oo)", "1/2", "CLP-2 §3.3: tail ~ ∫_n^∞ dt/t³ = 1/(2n²)"),
    ("sqrt(n)*sum(1/k^(3/2), k, n, oo)", "2", "tail ~ ∫_n^∞ t^(−3/2) dt = 2/√n"),
    ("sum(1/k^2, k, n, oo)/sum(1/k^3, k, n, oo)", "oo", "(1/n²)/(1/n³) = n"),
    ("sum(1/(k^2+1), k, n, oo)/sum(1/k^2, k, n, oo)", "1", "n²/(n² + 1) → 1"),
];

/// Power sums minus their growth, by Euler–Maclaurin: DLMF 25.11.43 (the asymptotic expansion
/// of Hurwitz's ζ(s, a) for large a) with Σ_{k=1}^{N} k^s = ζ(−s) − ζ(−s, N + 1), and
/// DLMF 25.2.8-style limits such as ζ(1/2) = lim (Σ_{k≤n} 1/√k − 2√n).
#[rustfmt::skip]
const EULER_MACLAURIN: &[(&str, &str, &str)] = &[
    ("sum(1/sqrt(k), k, 1, n) - 2*sqrt(n)", "zeta(1/2)", "DLMF 25.11.43 with s = −1/2"),
    ("sum(sqrt(k), k, 1, n) - 2*n^(3/2)/3 - sqrt(n)/2", "zeta(-1/2)", "s = 1/2: N^(3/2)/(3/2) + N^(1/2)/2 + ζ(−1/2) + O(N^(−1/2))"),
    ("sum(1/sqrt(k), k, 2, n) - 2*sqrt(n)", "zeta(1/2) - 1", "the k = 1 term removed"),
    ("sum(k^(1/3), k, 1, n) - 3*n^(4/3)/4", "oo", "n^(1/3)/2 remains"),
    ("sum(1/k^(3/2), k, 1, n) + 2/sqrt(n)", "zeta(3/2)", "s = −3/2: the partial sums tend to ζ(3/2)"),
    ("sqrt(n)*(sum(1/k^(3/2), k, 1, n) - zeta(3/2))", "-2", "the tail Σ_{k>n} k^(−3/2) ~ 2/√n"),
];

#[test]
fn power_sums_minus_their_growth() {
    for (s, want, why) in EULER_MACLAURIN {
        let got = answer(&format!("limit({s}, n, oo)"));
        assert_eq!(got, *want, "limit of {s} ({why})");
    }
    // ζ(1/2) is the certified −1.4603545088…, the value of the first row (DLMF 25.11.43).
    let got = answer("N(limit(sum(1/sqrt(k), k, 1, n) - 2*sqrt(n), n, oo), 12)");
    assert_eq!(got, "≈ -1.46035450881");
}

#[test]
fn stolz_cesaro_quotients() {
    for (s, want, why) in STOLZ {
        let got = answer(&format!("limit({s}, n, oo)"));
        assert_eq!(got, *want, "limit of {s} ({why})");
    }
    // The steps name the theorem and the quotient of differences.
    let out = Session::new()
        .run_collect("<t>", "limit(sum(sqrt(k), k, 1, n)/n^(3/2), n, oo)")
        .unwrap();
    let steps = Format::Text.render(out.last().unwrap(), true);
    assert!(steps.contains("Stolz–Cesàro (∞/∞)"), "{steps}");
    assert!(
        steps.contains("(A(n) − A(n−1))/(B(n) − B(n−1)) = "),
        "{steps}"
    );
}

#[test]
fn stolz_cesaro_says_nothing_when_the_differences_have_no_limit() {
    // Σ sin k is bounded, so the true limit is 0, but sin(n)/1 has no limit: Stolz–Cesàro is
    // silent and sigma says unknown rather than guess.
    let got = answer("limit(sum(sin(k), k, 1, n)/n, n, oo)");
    assert!(got.starts_with("unknown"), "{got}");
    // The tail of Σ(−1)^k/k times n oscillates (±1/2): no answer is claimed.
    let got = answer("limit(n*sum((-1)^k/k, k, n, oo), n, oo)");
    assert!(got.starts_with("unknown"), "{got}");
}

#[test]
fn limits_of_windowed_and_partial_sums() {
    for (s, want, why) in LIMITS {
        let got = answer(&format!("limit({s}, n, oo)"));
        assert_eq!(got, *want, "limit of {s} ({why})");
    }
}

#[test]
fn what_is_not_a_rational_riemann_sum_stays_unknown() {
    // ∫_0^1 dt/√(1+t²) = asinh(1): not rational, so not evaluated, and never guessed.
    let got = answer("limit(sum(1/sqrt(n^2+k^2), k, 1, n), n, oo)");
    assert!(got.starts_with("unknown"), "{got}");
    assert!(got.contains("not a rational function"), "{got}");
    // n·a(k, n) = n/(k² + n) is not a function of k/n.
    let got = answer("limit(sum(1/(k^2+n), k, 1, n), n, oo)");
    assert!(got.starts_with("unknown"), "{got}");
    // A sum in a non-affine combination is declined with its reason, not the old arity error.
    let got = answer("limit(sum(1/k^2, k, n, oo)*n*sin(n), n, oo)");
    assert!(got.starts_with("unknown"), "{got}");
    assert!(!got.contains("argument(s)"), "{got}");
}

#[test]
fn definite_integrals_of_rational_functions() {
    for (g, lo, hi, want) in [
        ("1/(1+t^2)", "0", "1", "pi/4"),
        ("1/(t^2+4)", "0", "2", "pi/8"),
        ("1/(t^3+1)", "0", "1", "sqrt(3)*pi/9 + ln(2)/3"),
        ("1/(t*(t+1))", "1", "2", "2*ln(2) - ln(3)"),
        ("(t^3+1)/(t^2+1)", "0", "1", "1/2 + pi/4 - ln(2)/2"),
        ("1/t^2", "1", "2", "1/2"),
    ] {
        let got = answer(&format!("integrate({g}, t, {lo}, {hi})"));
        assert_eq!(got, want, "∫_{lo}^{hi} {g} dt");
    }
    // A pole on the interval keeps the integral symbolic (it diverges).
    assert_eq!(
        answer("integrate(1/t, t, -1, 1)"),
        "integrate(1/t, t, -1, 1)"
    );
}
