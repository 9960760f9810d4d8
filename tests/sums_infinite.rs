//! Exact values of infinite sums (`sum(a, n, n0, oo)`): every expected value below is a
//! classical identity (geometric and exponential series, ζ(2k) = rational·π^(2k), Leibniz's
//! π/4, η(1) = ln 2, telescoping partial fractions), checked on the printed result; divergent
//! sums must answer "diverges" with the reason, never a number.

use sigma::eval::value::Value;
use sigma::math::answer::VerdictKind;
use sigma::session::{OutcomeKind, Session};

fn run(src: &str) -> Value {
    let mut s = Session::new();
    let out = s
        .run_collect("<test>", src)
        .unwrap_or_else(|(_, d)| panic!("{src}: {}", s.render_diagnostics(&d, false)));
    match &out.last().expect("an outcome").kind {
        OutcomeKind::Value(v) => v.clone(),
        other => panic!("{src}: {other:?}"),
    }
}

fn shown(src: &str) -> String {
    sigma::render::text::value(&run(src))
}

#[test]
fn closed_forms_of_classical_series() {
    let cases = [
        ("sum((2/3)^n, n, 0, oo)", "3"),
        ("sum(0.95^t, t, 0, oo)", "20"),
        ("sum((-1/4)^n, n, 0, oo)", "4/5"),
        ("sum(3*2^(-n), n, 2, oo)", "3/2"),
        ("sum(1/n^2, n, 1, oo)", "pi^2/6"),
        ("sum(1/n^4, n, 2, oo)", "pi^4/90 - 1"),
        ("sum(1/(2*n+1)^2, n, 0, oo)", "pi^2/8"),
        ("sum(1/n^(3/2), n, 1, oo)", "zeta(3/2)"),
        ("sum((-1)^n/(2*n+1), n, 0, oo)", "pi/4"),
        ("sum((-1)^(n+1)/n, n, 1, oo)", "ln(2)"),
        ("sum((-1)^n/sqrt(n), n, 1, oo)", "zeta(1/2)*(sqrt(2) - 1)"),
        ("sum((1/2)^n/n, n, 1, oo)", "ln(2)"),
        ("sum(x^n/factorial(n), n, 0, oo)", "exp(x)"),
        ("sum(2^n/factorial(n), n, 3, oo)", "exp(2) - 5"),
        ("sum((-1)^n*x^(2*n)/factorial(2*n), n, 0, oo)", "cos(x)"),
        ("sum(1/(n^2*(n+1)), n, 1, oo)", "pi^2/6 - 1"),
        ("sum(1/(n*(n+2)), n, 1, oo)", "3/4"),
        ("sum(1/(4*n^2-1), n, 1, oo)", "1/2"),
    ];
    for (src, want) in cases {
        assert_eq!(shown(src), want, "{src}");
    }
}

#[test]
fn divergent_sums_answer_diverges_never_a_value() {
    for src in [
        "sum(1/n, n, 1, oo)",
        "sum(2^n, n, 0, oo)",
        "sum(n!/2^n, n, 1, oo)",
        "sum((-1)^n*n/(n+1), n, 1, oo)",
        "sum(1/(n*ln(n)), n, 2, oo)",
    ] {
        match run(src) {
            Value::Verdict(v) => {
                assert_eq!(v.kind, VerdictKind::Diverges, "{src}: {v}");
                assert!(v.test.is_some(), "{src}: {v}");
                assert!(v.to_string().starts_with("diverges — "), "{src}: {v}");
            }
            other => panic!("{src} gave {other:?}"),
        }
    }
}

#[test]
fn sums_without_a_known_closed_form_stay_symbolic() {
    let s = shown("sum(1/(n*ln(n)^2), n, 2, oo)");
    assert_eq!(s, "sum(1/(n*ln(n)^2), n, 2, oo)");
}

#[test]
fn convergence_commands_see_the_sum_not_its_value() {
    let v = shown("converges(sum(1/n^2, n, 1, oo))");
    assert_eq!(v, "converges absolutely — p-series with p = 2 > 1");
    let s = shown("s = sum(1/n^2, n, 1, oo)\ns");
    assert_eq!(s, "pi^2/6");
}

#[test]
fn partial_sums_are_exact() {
    assert_eq!(
        shown("partial_sums(sum(1/2^n, n, 1, oo), 4)"),
        "[1/2, 3/4, 7/8, 15/16]"
    );
    assert_eq!(shown("partial_sums(sum(k, k, 1, 3), 10)"), "[1, 3, 6]");
}

/// Two independent mechanisms must agree: the exact closed form evaluated by MPFR, and the
/// certified summation of the series itself (CVZ, Euler–Maclaurin or a geometric tail).
#[test]
fn closed_forms_agree_with_certified_summation() {
    let cases = [
        "(2/3)^n, n, 0",
        "(-1/4)^n, n, 0",
        "1/n^2, n, 1",
        "1/n^4, n, 2",
        "1/(2*n+1)^2, n, 0",
        "1/n^(3/2), n, 1",
        "(-1)^n/(2*n+1), n, 0",
        "(-1)^(n+1)/n, n, 1",
        "(-1)^n/sqrt(n), n, 1",
        "(1/2)^n/n, n, 1",
        "2^n/factorial(n), n, 3",
        "1/(n^2*(n+1)), n, 1",
        "1/(n*(n+2)), n, 1",
        "n/e^n, n, 1",
        "n^2/2^n, n, 0",
    ];
    for c in cases {
        let closed = shown(&format!("N(sum({c}, oo), 30)"));
        let exact = shown(&format!("s = sum({c}, oo)\nN(s, 30)"));
        assert_eq!(closed, exact, "sum({c}, oo)");
        assert!(closed.starts_with("≈ "), "{c}: {closed}");
    }
}

/// Direct summation steps the terms by their ratio; ratios whose polynomials have fractional
/// coefficients are scaled to integers first. Values: √5 for the first; mpmath 1.3's nsum at
/// 50 digits for the other two (1.85730457422965348226224644494558271981530925134 and
/// 0.88466290983702706286232409281634806038310406127722).
#[test]
fn ratio_recurrences_with_fractional_coefficients() {
    let cases = [
        (
            "N(sum(binomial(2*n,n)/5^n, n, 0, oo), 40)",
            "≈ 2.236067977499789696409173668731276235441",
        ),
        (
            "N(sum((-1)^n*(n+1/3)/(2^n*(n^2+1/7)), n, 0, oo), 40)",
            "≈ 1.857304574229653482262246444945582719815",
        ),
        (
            "N(sum((n+1/3)^2/(3^n*(n+2/5)), n, 1, oo), 45)",
            "≈ 0.884662909837027062862324092816348060383104061",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(shown(src), want, "{src}");
    }
}

#[test]
fn capital_n_is_a_bound_when_not_called() {
    assert_eq!(shown("sum(k, k, 1, N)"), "N*(1 + N)/2");
    assert_eq!(shown("N(1/3, 5)"), "≈ 0.33333");
}

#[test]
fn symbolic_lower_bounds_through_an_antidifference() {
    assert_eq!(shown("sum(0.95^t, t, k, oo)"), "20*(19/20)^k");
    assert_eq!(shown("sum(1/(n*(n+1)), n, m, oo)"), "1/m");
    assert_eq!(shown("sum(1/n^2, n, m, oo)"), "sum(1/n^2, n, m, oo)");
}
