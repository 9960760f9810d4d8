//! Closed forms of sums with symbolic bounds (`sigma::math::sum::closed`): the issue's
//! examples as printed, each method, the antidifference, terms that have no closed form, and
//! properties checking closed forms against direct exact partial sums.
use proptest::prelude::*;
use sigma::math::expr::{self, subst::subs, Expr};
use sigma::math::sum::closed::{antidifference, closed_form};
use sigma::session::Session;

/// Parses an expression; `N` (a built-in function in sigma) is read as the symbol `N`.
fn parse(s: &str) -> Expr {
    let e = Session::expr(&s.replace('N', "N_")).unwrap();
    subs(&e, "N_", &Expr::sym("N")).unwrap()
}

fn closed(a: &str, n: &str, lo: &str, hi: &str) -> Option<Expr> {
    closed_form(&parse(a), n, &parse(lo), &parse(hi))
        .unwrap()
        .map(|(s, _)| s)
}

fn printed(a: &str, n: &str, lo: &str, hi: &str) -> String {
    closed(a, n, lo, hi)
        .unwrap_or_else(|| panic!("no closed form for {a}"))
        .to_string()
}

/// Σ_{k=lo}^{hi} a(k) term by term, with `vals` substituted first.
fn direct(a: &Expr, n: &str, lo: i64, hi: i64, vals: &[(&str, Expr)]) -> Expr {
    let mut a = a.clone();
    for (s, v) in vals {
        a = subs(&a, s, v).unwrap();
    }
    let terms = (lo..=hi)
        .map(|k| subs(&a, n, &Expr::int(k)).unwrap())
        .collect();
    expr::add(terms).unwrap()
}

fn at(e: &Expr, vals: &[(&str, Expr)]) -> Expr {
    let mut e = e.clone();
    for (s, v) in vals {
        e = subs(&e, s, v).unwrap();
    }
    e
}

#[test]
fn issue_examples_verbatim() {
    assert_eq!(printed("(1-b)*b^(t-i)", "i", "1", "t"), "1 - b^t");
    assert_eq!(printed("r^n", "n", "0", "N"), "(r^(1 + N) - 1)/(r - 1)");
    assert_eq!(printed("k", "k", "1", "n"), "n*(1 + n)/2");
    assert_eq!(printed("1/(k*(k+1))", "k", "1", "n"), "n/(1 + n)");
}

#[test]
fn geometric_states_its_condition() {
    let (_, d) = closed_form(&parse("r^n"), "n", &Expr::int(0), &parse("N"))
        .unwrap()
        .unwrap();
    let conditions: Vec<String> = d.conditions.iter().map(|c| c.to_string()).collect();
    assert_eq!(conditions, vec!["r ≠ 1".to_string()]);
    assert!(
        d.steps
            .iter()
            .any(|s| s.claim.to_string() == "valid for r ≠ 1"
                && s.reason.contains("when r = 1 the sum is 1 + N")),
        "{:?}",
        d.steps
    );
    let (_, d) = closed_form(&parse("(1-b)*b^(t-i)"), "i", &Expr::int(1), &parse("t"))
        .unwrap()
        .unwrap();
    // 1 - b^t is also right at b = 1 (the sum is 0 there): no condition.
    assert!(d.conditions.is_empty(), "{:?}", d.conditions);
    let (_, d) = closed_form(&parse("r^n"), "n", &Expr::int(1), &parse("N"))
        .unwrap()
        .unwrap();
    let conditions: Vec<String> = d.conditions.iter().map(|c| c.to_string()).collect();
    assert_eq!(conditions, vec!["r ≠ 1".to_string()]);
}

#[test]
fn polynomials_factor() {
    assert_eq!(printed("k^2", "k", "1", "n"), "n*(1 + n)*(1 + 2*n)/6");
    assert_eq!(printed("k^3", "k", "1", "n"), "n^2*(1 + n)^2/4");
    assert_eq!(printed("2*k - 1", "k", "1", "n"), "n^2");
    assert_eq!(printed("5", "k", "1", "n"), "5*n");
    assert_eq!(printed("a*k", "k", "1", "n"), "a*n*(1 + n)/2");
    assert_eq!(printed("k", "k", "0", "2*m+1"), "(1 + m)*(1 + 2*m)");
    // Both bounds symbolic: the number of terms hi − lo + 1 is a factor.
    assert_eq!(printed("k", "k", "m", "n"), "(1 - m + n)*(m + n)/2");
    assert_eq!(
        printed("(k+a)^2", "k", "1", "n"),
        "n*(1 + 6*a + 6*a^2 + 3*n*(1 + 2*a) + 2*n^2)/6"
    );
}

#[test]
fn geometric_and_arithmetic_geometric() {
    assert_eq!(printed("2^k", "k", "0", "n"), "2^(1 + n) - 1");
    assert_eq!(printed("k*2^k", "k", "0", "n"), "2 + 2^(1 + n)*(n - 1)");
    assert_eq!(
        printed("k^2*2^k", "k", "1", "n"),
        "2^(1 + n)*(3 - 2*n + n^2) - 6"
    );
    assert_eq!(printed("2^(-k)", "k", "0", "n"), "2 - 2^(-n)");
    assert_eq!(
        printed("x^(2*k)", "k", "0", "n"),
        "(x^(2 + 2*n) - 1)/(x^2 - 1)"
    );
    assert_eq!(
        printed("a^k*b^k", "k", "1", "n"),
        "(a^(1 + n)*b^(1 + n) - a*b)/(a*b - 1)"
    );
    // Powers of e and π are decided exactly (they are transcendental).
    assert_eq!(printed("exp(k)", "k", "0", "n"), "(exp(1 + n) - 1)/(e - 1)");
    assert_eq!(printed("pi^k", "k", "1", "n"), "(pi^(1 + n) - pi)/(pi - 1)");
    assert!(closed("k*exp(-k*x)", "k", "1", "n").is_some());
    assert!(closed("k*r^k", "k", "0", "N").is_some());
    assert!(closed("k^2*(1/3)^k", "k", "1", "N").is_some());
    assert!(closed("(-1)^k*k", "k", "0", "N").is_some());
    assert!(closed("3^(2*k+1)*k", "k", "0", "N").is_some());
}

#[test]
fn telescoping_terms() {
    assert_eq!(
        printed("1/sqrt(n) - 1/sqrt(n+1)", "n", "1", "N"),
        "1 - 1/sqrt(1 + N)"
    );
    assert_eq!(printed("ln(n) - ln(n+1)", "n", "1", "N"), "-ln(1 + N)");
    assert_eq!(
        printed("1/n - 1/(n+2)", "n", "1", "N"),
        printed("2/(n*(n+2))", "n", "1", "N")
    );
    assert!(closed("sin(n+2) - sin(n) + n", "n", "0", "N").is_some());
}

#[test]
fn symbolic_shift_of_the_index() {
    assert_eq!(
        printed("1/((k+a)*(k+a+1))", "k", "0", "n"),
        "1/a - 1/(1 + a + n)"
    );
}

#[test]
fn gosper_summable_terms() {
    assert_eq!(printed("k*k!", "k", "1", "n"), "(1 + n)! - 1");
    assert_eq!(
        printed("1/(k*(k+2))", "k", "1", "n"),
        "n*(5 + 3*n)/(4*(1 + n)*(2 + n))"
    );
    // Hockey stick: binomial(m, j)·(m − j) = (j + 1)·binomial(m, j + 1) tidies Gosper's form.
    assert_eq!(
        printed("binomial(k, 2)", "k", "0", "n"),
        "binomial(1 + n, 3)"
    );
    assert_eq!(
        printed("binomial(k+3, 3)", "k", "0", "n"),
        "binomial(4 + n, 4)"
    );
    assert_eq!(
        printed("(4*k+1)*k!/(2*k+1)!", "k", "0", "n"),
        "2 - 2*(1 + n)!/(2 + 2*n)!"
    );
    assert_eq!(
        printed("(k^2+k-1)/(k+2)!", "k", "0", "n"),
        "-(1 + n)/(2 + n)!"
    );
    assert_eq!(printed("1/(k*(k+1))", "k", "m", "n"), "1/m - 1/(1 + n)");
}

#[test]
fn gosper_with_irreducible_quadratics() {
    // 1/(k²+1) − 1/((k+1)²+1) as one fraction: the dispersion comes from the resultant.
    let s = printed("(2*k+1)/((k^2+1)*(k^2+2*k+2))", "k", "0", "n");
    assert_eq!(s, "(1 + n)^2/(2 + 2*n + n^2)");
}

#[test]
fn non_summable_terms_have_no_closed_form() {
    for a in ["1/k^2", "k!", "1/(k^2+1)", "2^k/k", "ln(k)"] {
        assert!(closed(a, "k", "1", "n").is_none(), "{a}");
    }
}

#[test]
fn reciprocal_shifts_close_as_harmonic_numbers() {
    // H_m − H_(m−1) = 1/m (DLMF 5.4.14 with ψ(z + 1) = ψ(z) + 1/z, DLMF 5.5.2).
    assert_eq!(printed("1/k", "k", "1", "n"), "harmonic(n)");
    assert_eq!(
        printed("1/k + 1/(k+1)", "k", "1", "n"),
        "-1 + harmonic(n) + harmonic(1 + n)"
    );
    assert_eq!(printed("1/(3*k - 6)", "k", "3", "n"), "harmonic(n - 2)/3");
    // A non-integer shift is left alone: 1/(2k + 1) would need H at half-integers.
    assert!(closed("1/(2*k+1)", "k", "0", "n").is_none());
}

#[test]
fn antidifferences() {
    let (z, _) = antidifference(&parse("k*k!"), "k").unwrap().unwrap();
    assert_eq!(z.to_string(), "k!");
    let (z, _) = antidifference(&parse("1/(k*(k+1))"), "k").unwrap().unwrap();
    assert_eq!(z.to_string(), "-1/k");
    let (z, _) = antidifference(&parse("1/k"), "k").unwrap().unwrap();
    assert_eq!(z.to_string(), "harmonic(k - 1)");
    assert!(antidifference(&parse("1/k^2"), "k").unwrap().is_none());
}

#[test]
fn telescoping_reciprocal_products_for_many_n() {
    let s = closed("1/(n*(n+1))", "n", "1", "N").unwrap();
    let a = parse("1/(n*(n+1))");
    for big_n in 0..60 {
        let want = Expr::frac(big_n, big_n + 1);
        assert_eq!(at(&s, &[("N", Expr::int(big_n))]), want);
        assert_eq!(direct(&a, "n", 1, big_n, &[]), want);
    }
}

#[test]
fn closed_forms_match_partial_sums() {
    let cases = [
        ("k^4 - 3*k", "1"),
        ("k*k!", "0"),
        ("1/(k*(k+3))", "1"),
        ("binomial(k, 3)", "0"),
        ("(4*k+1)*k!/(2*k+1)!", "0"),
        ("k^2*2^k", "0"),
        ("(2/3)^k", "2"),
        ("1/sqrt(k) - 1/sqrt(k+1)", "1"),
    ];
    for (a, lo) in cases {
        let s = closed(a, "k", lo, "N").unwrap_or_else(|| panic!("{a}"));
        let a = parse(a);
        let l = lo.parse::<i64>().unwrap();
        for big_n in l..l + 25 {
            assert_eq!(
                at(&s, &[("N", Expr::int(big_n))]),
                direct(&a, "k", l, big_n, &[]),
                "{a} to {big_n}"
            );
        }
    }
}

#[test]
fn symbolic_ratios_match_partial_sums() {
    for (a, lo) in [
        ("r^n", "0"),
        ("n*r^n", "1"),
        ("n^2*r^(2*n+1)", "0"),
        ("(1-r)*r^(N-n)", "1"),
    ] {
        let s = closed(a, "n", lo, "N").unwrap_or_else(|| panic!("{a}"));
        let a = parse(a);
        let l = lo.parse::<i64>().unwrap();
        for r in [
            Expr::int(2),
            Expr::int(-3),
            Expr::frac(1, 2),
            Expr::frac(5, 7),
        ] {
            for big_n in l..l + 12 {
                let vals = [("N", Expr::int(big_n)), ("r", r.clone())];
                assert_eq!(at(&s, &vals), direct(&a, "n", l, big_n, &vals), "{a}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn random_polynomials(c in proptest::collection::vec(-9i64..10, 1..5), lo in -3i64..4) {
        let p = c.iter().enumerate().map(|(j, cj)| format!("({cj})*k^{j}")).collect::<Vec<_>>().join(" + ");
        let a = parse(&p);
        if let Some((s, _)) = closed_form(&a, "k", &Expr::int(lo), &parse("N")).unwrap() {
            for big_n in lo - 1..lo + 15 {
                prop_assert_eq!(at(&s, &[("N", Expr::int(big_n))]), direct(&a, "k", lo, big_n, &[]));
            }
        } else {
            prop_assert!(a.is_zero());
        }
    }

    #[test]
    fn random_arithmetic_geometric(c0 in -5i64..6, c1 in -5i64..6, p in 1i64..7, q in 1i64..7) {
        prop_assume!(p != q);
        let a = parse(&format!("({c0} + ({c1})*k)*({p}/{q})^k"));
        prop_assume!(!a.is_zero());
        let (s, _) = closed_form(&a, "k", &Expr::int(0), &parse("N")).unwrap().unwrap();
        for big_n in 0..12 {
            prop_assert_eq!(at(&s, &[("N", Expr::int(big_n))]), direct(&a, "k", 0, big_n, &[]));
        }
    }
}

/// a(k) = z(k+1) − z(k) for z(k) = c^k·P(k)/Q(k), written as one product c^k·N(k)/D(k) so
/// that only Gosper's algorithm (not telescoping of visible terms) can sum it.
fn gosper_summable(p: &[i64], shifts: &[i64], c: (i64, i64)) -> Expr {
    use sigma::math::poly::Poly;
    use sigma::math::sum::hyper::shift;
    use sigma::math::Q;
    let pp = Poly::new(p.iter().map(|&v| Q::int(v)).collect());
    let qq = shifts.iter().fold(Poly::constant(Q::one()), |acc, &s| {
        acc.mul(&Poly::new(vec![Q::int(s), Q::one()]))
    });
    let cq = Q::frac(c.0, c.1);
    // N = c·P(k+1)Q(k) − P(k)Q(k+1), D = Q(k)Q(k+1)
    let num = shift(&pp).mul(&qq).scale(&cq).sub(&pp.mul(&shift(&qq)));
    let den = qq.mul(&shift(&qq));
    expr::mul(vec![
        expr::pow(Expr::frac(c.0, c.1), Expr::sym("k")).unwrap(),
        num.to_expr("k").unwrap(),
        expr::pow(den.to_expr("k").unwrap(), Expr::int(-1)).unwrap(),
    ])
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn gosper_finds_constructed_antidifferences(
        p in proptest::collection::vec(-4i64..5, 1..4),
        shifts in proptest::collection::vec(1i64..5, 1..3),
        c in prop_oneof![Just((1, 1)), Just((2, 1)), Just((-1, 1)), Just((1, 2)), Just((3, 1))],
    ) {
        prop_assume!(p.iter().any(|v| *v != 0));
        let a = gosper_summable(&p, &shifts, c);
        prop_assume!(!a.is_zero());
        let (s, _) = closed_form(&a, "k", &Expr::int(0), &parse("N"))
            .unwrap()
            .unwrap_or_else(|| panic!("no closed form for {a}"));
        for big_n in -1..12 {
            prop_assert_eq!(at(&s, &[("N", Expr::int(big_n))]), direct(&a, "k", 0, big_n, &[]), "{}", a);
        }
    }
}
