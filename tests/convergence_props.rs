//! Properties of convergence verdicts: the verdict of Σ a(n) is unchanged when the terms are
//! scaled by a non-zero constant or the series is reindexed (a finite number of terms added or
//! removed), and a "converges" verdict agrees with partial sums that are numerically decisive.

use proptest::prelude::*;
use sigma::eval::value::Value;
use sigma::session::{OutcomeKind, Session};

fn verdict(src: &str) -> String {
    let mut s = Session::new();
    let out = s
        .run_collect("<prop>", src)
        .unwrap_or_else(|(_, d)| panic!("{src}: {d:?}"));
    match out.into_iter().last().map(|o| o.kind) {
        Some(OutcomeKind::Value(Value::Verdict(v))) => v.kind.to_string(),
        other => panic!("{src}: no verdict ({other:?})"),
    }
}

/// Terms a(n), each defined for n ≥ 2, spanning every verdict.
const TERMS: &[&str] = &[
    "1/n^2",
    "1/n",
    "1/sqrt(n)",
    "(-1)^n/n",
    "(-1)^n/sqrt(n)",
    "n/exp(n)",
    "n!/2^n",
    "(2/3)^n",
    "1/(n*ln(n))",
    "1/(n*ln(n)^2)",
    "sin(n)/n",
    "1 - cos(1/n)",
    "(n/(n + 1))^(n^2)",
    "n/(n + 1)",
    "(-1)^n*n/(n + 1)",
    "1/n^(1 + 1/n)",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn scaling_and_reindexing_keep_the_verdict(i in 0..TERMS.len(), c in prop_oneof![Just("3"), Just("-2"), Just("1/7"), Just("pi")], k in 0u32..3) {
        let a = TERMS[i];
        let base = verdict(&format!("converges(sum({a}, n, 2, oo))"));
        let shifted = format!("subs({a}, n, n + {k})");
        let moved = verdict(&format!("converges(sum({c}*{shifted}, n, 2, oo))"));
        prop_assert_eq!(base, moved, "{} scaled by {} and shifted by {}", a, c, k);
    }
}

/// Partial sums that settle (to 6 digits over the last doubling) never meet a "diverges";
/// partial sums of a positive series that double with N never meet a "converges".
#[test]
fn verdicts_agree_with_decisive_partial_sums() {
    // Σ (2/3)^n: S_40 and S_80 agree to 6 digits; sigma says it converges.
    assert_eq!(
        verdict("converges(sum((2/3)^n, n, 1, oo))"),
        "converges absolutely"
    );
    let s40 = partial("(2/3)^n", 40);
    let s80 = partial("(2/3)^n", 80);
    assert!((s40 - s80).abs() < 1e-6);
    // Σ n/(n+1): S_N grows like N; sigma says it diverges.
    assert_eq!(verdict("converges(sum(n/(n + 1), n, 1, oo))"), "diverges");
    assert!(partial("n/(n + 1)", 200) > 2.0 * partial("n/(n + 1)", 50));
}

/// S_N = Σ_{n=1}^{N} a(n) as a float (computed exactly, then approximated).
fn partial(a: &str, n: u32) -> f64 {
    let mut s = Session::new();
    let out = s
        .run_collect("<p>", &format!("N(sum({a}, n, 1, {n}), 20)"))
        .unwrap_or_else(|(_, d)| panic!("{a}: {d:?}"));
    match out.into_iter().last().map(|o| o.kind) {
        Some(OutcomeKind::Value(Value::Approx(x))) => x.value.text.parse().unwrap_or(f64::NAN),
        other => panic!("{a}: {other:?}"),
    }
}
