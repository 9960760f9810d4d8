//! Exact finite sums (`sigma::math::sum::exact`): every fast path (partial fractions over
//! inverse powers with the wheel and the lcm shortcut, the general fraction tree, Newton's
//! polynomial sums, the hypergeometric P/Q/T tree with its cuts) must equal the naive loop
//! that substitutes each index and adds exact rationals; closed-form identities and the
//! digits of H_(10^5) and H_(10^6) (as python-flint prints them) pin down large values; bad
//! input and hopeless ranges must fail fast with the reason.

use rug::ops::Pow;
use rug::Integer;
use sigma::math::expr::{subst::subs, Expr, MathError};
use sigma::math::number::Q;
use sigma::math::sum::exact::finite_sum;
use sigma::session::Session;

fn parse(s: &str) -> Expr {
    Session::expr(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn sum(term: &str, lo: i64, hi: i64) -> Result<Expr, MathError> {
    finite_sum(&parse(term), "n", &Integer::from(lo), &Integer::from(hi))
}

fn sum_q(term: &str, lo: i64, hi: i64) -> Q {
    match sum(term, lo, hi) {
        Ok(Expr::Num(q)) => q,
        other => panic!("Σ {term} over [{lo}, {hi}]: {other:?}"),
    }
}

/// Σ by substituting every index and adding exact rationals one at a time.
fn naive(term: &str, lo: i64, hi: i64) -> Q {
    let a = parse(term);
    (lo..=hi).fold(Q::zero(), |s, k| match subs(&a, "n", &Expr::int(k)) {
        Ok(Expr::Num(q)) => s.add(&q),
        other => panic!("{term} at {k}: {other:?}"),
    })
}

/// `<digits>d:<first6>..<last6>`, as `common.py` of the peer scripts prints big integers.
fn digest(i: &Integer) -> String {
    let s = i.to_string();
    let n = s.len();
    format!("{n}d:{}..{}", &s[..6], &s[n - 6..])
}

#[test]
fn fast_paths_equal_the_naive_loop() {
    let terms = [
        "1/n",
        "(-1)^(n+1)/n^2",
        "1/(n*(n+1))",
        "(2/3)^n",
        "(1/3)^n/factorial(n)",
        "binomial(2*n, n)/4^n",
        "n*2^n",
        "n^3",
        "(-1)^n*n^2 - 3*n + 1/2",
        "1/((n+2)*(n-3))",
        "(-1)^n/((2*n+1)*(n+7))",
        "(n^2+1)/(n^3+2)",
        "(n+1)/n^2 + (-1)^n/n",
        "(-3/2)^n/(n^2+n+1)",
        "5/(n+4)^3",
        "(n-3)*(n-4)*2^n",
        "binomial(n, 3)",
        "1/(n^2+1)",
    ];
    let ranges = [
        (4, 3),
        (4, 4),
        (4, 5),
        (4, 60),
        (5, 400),
        (4, 1500),
        (-40, -4),
        (-1, 2),
    ];
    for t in terms {
        for (lo, hi) in ranges {
            // Skip ranges through a pole of the term (those must fail: tested below).
            let a = parse(t);
            if (lo..=hi).any(|k| subs(&a, "n", &Expr::int(k)).is_err()) {
                assert!(sum(t, lo, hi).is_err(), "{t} over [{lo}, {hi}] should fail");
                continue;
            }
            assert_eq!(sum_q(t, lo, hi), naive(t, lo, hi), "Σ {t}, n = {lo}..{hi}");
        }
    }
}

#[test]
fn long_harmonic_and_alternating_sums_equal_a_direct_fraction_loop() {
    // Long enough for the wheel and the lcm shortcut; the loop keeps one fraction reduced.
    let direct = |s: u32, alternating: bool, lo: u64, hi: u64| {
        let mut r = rug::Rational::new();
        for k in lo..=hi {
            let sign = if alternating && k % 2 == 1 { -1 } else { 1 };
            r += rug::Rational::from((sign, Integer::from(k).pow(s)));
        }
        Q(r)
    };
    assert_eq!(sum_q("1/n", 1, 20_000), direct(1, false, 1, 20_000));
    assert_eq!(sum_q("1/n", 777, 31_000), direct(1, false, 777, 31_000));
    assert_eq!(sum_q("(-1)^n/n^2", 1, 9_000), direct(2, true, 1, 9_000));
    assert_eq!(
        sum_q("(-1)^(n+1)/n^2", 1, 9_000),
        direct(2, true, 1, 9_000).neg()
    );
}

#[test]
fn closed_form_identities() {
    for big_n in [1i64, 2, 3, 10, 99, 1000, 123_456] {
        let n = Q::int(big_n);
        // Σ 1/(n(n+1)) = N/(N+1)
        assert_eq!(
            sum_q("1/(n*(n+1))", 1, big_n),
            n.div(&n.add(&Q::one())).unwrap()
        );
        // Σ n^3 = (N(N+1)/2)^2
        let t = n.mul(&n.add(&Q::one())).div(&Q::int(2)).unwrap();
        assert_eq!(sum_q("n^3", 1, big_n), t.mul(&t));
    }
    for big_n in [0i64, 1, 7, 500, 10_000] {
        // Σ_{n=0}^{N} (2/3)^n = 3 (1 − (2/3)^(N+1))
        let r = Q::frac(2, 3).pow_int(&Integer::from(big_n + 1)).unwrap();
        assert_eq!(sum_q("(2/3)^n", 0, big_n), Q::int(3).mul(&Q::one().sub(&r)));
        // Σ_{n=0}^{N} n 2^n = (N − 1) 2^(N+1) + 2
        let p = Q::int(2).pow_int(&Integer::from(big_n + 1)).unwrap();
        assert_eq!(
            sum_q("n*2^n", 0, big_n),
            Q::int(big_n - 1).mul(&p).add(&Q::int(2))
        );
    }
}

#[test]
fn huge_ranges_with_closed_forms_or_cancelling_weights() {
    let big = Integer::from(10).pow(15);
    let r = finite_sum(&parse("1/(n*(n+1))"), "n", &Integer::from(1), &big).unwrap();
    let want = Q(rug::Rational::from((
        big.clone(),
        Integer::from(&big + 1u32),
    )));
    assert_eq!(r, Expr::Num(want));
    let r = finite_sum(&parse("n^3"), "n", &Integer::from(1), &big).unwrap();
    let t = (&big * Integer::from(&big + 1u32)) / 2u32;
    assert_eq!(r, Expr::Num(Q::from_integer(t.square())));
    // binomial(10, n) vanishes beyond n = 10: only the first 11 terms are summed.
    let r = finite_sum(&parse("binomial(10, n)"), "n", &Integer::from(0), &big).unwrap();
    assert_eq!(r, Expr::int(1024));
}

#[test]
fn empty_and_single_term_ranges() {
    assert_eq!(sum("1/n", 5, 4).unwrap(), Expr::zero());
    assert_eq!(sum("1/n", 1, -100).unwrap(), Expr::zero());
    assert_eq!(sum("1/n", 7, 7).unwrap(), Expr::frac(1, 7));
    assert_eq!(sum("(2/3)^n", 3, 3).unwrap(), Expr::frac(8, 27));
    assert_eq!(sum("sqrt(n)", 4, 4).unwrap(), Expr::int(2));
    // A term free of n counts the terms.
    assert_eq!(sum("5", -2, 2).unwrap(), Expr::int(25));
}

#[test]
fn harmonic_numbers_have_the_known_digits() {
    // python-flint: fmpq.harmonic(10^5) and fmpq.harmonic(10^6), as w2_flint.py digests them.
    let h = sum_q("1/n", 1, 100_000);
    assert_eq!(digest(h.numer()), "43451d:613582..214519");
    assert_eq!(digest(h.denom()), "43450d:507506..000000");
    let h = sum_q("1/n", 1, 1_000_000);
    assert_eq!(digest(h.numer()), "434111d:994819..135117");
    assert_eq!(digest(h.denom()), "434110d:691196..000000");
    // Σ_{n≤10^5} (−1)^(n+1)/n² and Σ_{n≤10^4} (2/3)^n, likewise.
    let a = sum_q("(-1)^(n+1)/n^2", 1, 100_000);
    assert_eq!(digest(a.numer()), "86903d:128256..069649");
    assert_eq!(digest(a.denom()), "86903d:155941..000000");
    let g = sum_q("(2/3)^n", 0, 10_000);
    assert_eq!(digest(g.numer()), "4772d:489405..181251");
    assert_eq!(digest(g.denom()), "4772d:163135..200001");
}

#[test]
fn symbolic_factors_and_terms() {
    // Constant factors come out; a term with a parameter is summed one by one.
    assert_eq!(sum("x/n", 1, 3).unwrap(), parse("11*x/6"),);
    assert_eq!(sum("x^n", 0, 3).unwrap(), parse("1 + x + x^2 + x^3"));
    assert_eq!(
        sum("gamma(n+1/2)/gamma(n)", 1, 5).unwrap(),
        parse("1155*sqrt(pi)/256")
    );
}

#[test]
fn an_undefined_term_is_a_domain_error() {
    match sum("1/(n-5)", 1, 10) {
        Err(MathError::Domain(m)) => assert!(m.contains("n = 5"), "{m}"),
        other => panic!("{other:?}"),
    }
    match sum("(2/3)^n/(n^2-9)", -10, 10) {
        Err(MathError::Domain(m)) => assert!(m.contains("n = -3"), "{m}"),
        other => panic!("{other:?}"),
    }
    assert!(sum("1/(n-5)", 6, 10).is_ok());
}

#[test]
fn hopeless_ranges_are_refused_quickly() {
    // A refusal is decided from the term's shape and the range's size before any term is
    // computed (no timing assertion: speed belongs to benches/).
    let big = Integer::from(10).pow(12);
    match finite_sum(&parse("1/sqrt(n)"), "n", &Integer::from(1), &big) {
        Err(MathError::Unsupported(m)) => {
            assert!(
                m.contains("not hypergeometric") && m.contains("100000"),
                "{m}"
            )
        }
        other => panic!("{other:?}"),
    }
    for term in ["1/(n^2+1)", "1/n", "2^n", "(1/2)^n/factorial(n)"] {
        match finite_sum(&parse(term), "n", &Integer::from(1), &big) {
            Err(MathError::TooLarge(_)) => {}
            other => panic!("{term}: {other:?}"),
        }
    }
}

#[test]
fn substituting_into_an_unevaluated_sum_keeps_a_sum() {
    let f = parse("sum(sqrt(n)*x, n, 1, m)");
    let g = subs(&f, "x", &Expr::int(2)).unwrap();
    assert_eq!(g, parse("sum(2*sqrt(n), n, 1, m)"));
    // Integer bounds then evaluate it exactly.
    assert_eq!(
        subs(&g, "m", &Expr::int(4)).unwrap(),
        parse("6 + 2*sqrt(2) + 2*sqrt(3)")
    );
}
