//! Property tests for `sigma::math::series::taylor` on random polynomials with rational
//! coefficients: functional identities (exp(p + q) = exp p · exp q, ln ∘ exp = id,
//! sin² + cos² = 1, atan ∘ tan = id, …), with every product of series formed here in the test,
//! and a cross-check against a second, independent O(n²) implementation of exp, 1/a and ln over
//! `num_rational::BigRational`.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use sigma::math::expr::{self, subst, Expr, Func};
use sigma::math::series;
use sigma::math::Q;

/// Coefficients compared per property.
const N: usize = 12;

// ---------------------------------------------------------------------------------------------
// Rationals and expressions
// ---------------------------------------------------------------------------------------------

fn q(n: i64, d: i64) -> BigRational {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

fn to_rug(c: &BigRational) -> rug::Rational {
    let n: rug::Integer = c.numer().to_string().parse().expect("an integer");
    let d: rug::Integer = c.denom().to_string().parse().expect("an integer");
    rug::Rational::from((n, d))
}

fn from_rug(r: &rug::Rational) -> BigRational {
    let n: BigInt = r.numer().to_string().parse().expect("an integer");
    let d: BigInt = r.denom().to_string().parse().expect("an integer");
    BigRational::new(n, d)
}

fn num(c: &BigRational) -> Expr {
    Expr::Num(Q(to_rug(c)))
}

fn x() -> Expr {
    Expr::sym("x")
}

fn add(ts: Vec<Expr>) -> Expr {
    expr::add(ts).expect("a sum")
}

fn mul(fs: Vec<Expr>) -> Expr {
    expr::mul(fs).expect("a product")
}

fn pow(b: Expr, e: Expr) -> Expr {
    expr::pow(b, e).expect("a power")
}

fn div(a: Expr, b: Expr) -> Expr {
    expr::div(a, b).expect("a quotient")
}

fn f(func: Func, a: Expr) -> Expr {
    expr::func(func, vec![a]).expect("a function application")
}

fn exp(a: Expr) -> Expr {
    Expr::exp(a).expect("an exponential")
}

/// Σ c_k x^k as a canonical expression.
fn poly(cs: &[BigRational]) -> Expr {
    let terms: Vec<Expr> = cs
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_zero())
        .map(|(k, c)| mul(vec![num(c), pow(x(), Expr::int(k as i64))]))
        .collect();
    if terms.is_empty() {
        Expr::zero()
    } else {
        add(terms)
    }
}

/// `cs` padded with zeros (or truncated) to length `n`.
fn padded(cs: &[BigRational], n: usize) -> Vec<BigRational> {
    let mut v: Vec<BigRational> = cs.iter().take(n).cloned().collect();
    v.resize(n, BigRational::zero());
    v
}

fn one_plus(p: &[BigRational]) -> Vec<BigRational> {
    let mut v = padded(p, p.len().max(1));
    v[0] += BigRational::one();
    v
}

// ---------------------------------------------------------------------------------------------
// sigma
// ---------------------------------------------------------------------------------------------

/// sigma's first `n` Maclaurin coefficients of `g`, which must be rational numbers.
fn coeffs(g: &Expr, n: usize) -> Result<Vec<BigRational>, TestCaseError> {
    let e = series::taylor(g, "x", &Expr::zero(), n).map_err(|err| {
        TestCaseError::fail(format!(
            "taylor({}) failed: {err}",
            sigma::render::text::expr(g)
        ))
    })?;
    prop_assert_eq!(e.coeffs.len(), n);
    // `e.symbolic` may be set even here: the canonical form of sqrt(1 + x/2) is
    // sqrt(2)·sqrt(2 + x)/2, whose expansion needs √2 on the way to rational coefficients.
    e.coeffs
        .iter()
        .map(|c| match c {
            Expr::Num(r) => Ok(from_rug(&r.0)),
            other => Err(TestCaseError::fail(format!(
                "a non-rational coefficient {}",
                sigma::render::text::expr(other)
            ))),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The second implementation: classical O(n²) recurrences over BigRational
// ---------------------------------------------------------------------------------------------

fn get(a: &[BigRational], i: usize) -> BigRational {
    a.get(i).cloned().unwrap_or_else(BigRational::zero)
}

/// a·b mod x^n.
fn mul_trunc(a: &[BigRational], b: &[BigRational], n: usize) -> Vec<BigRational> {
    let mut out = vec![BigRational::zero(); n];
    for (i, ai) in a.iter().enumerate().take(n) {
        for (j, bj) in b.iter().enumerate().take(n - i) {
            out[i + j] += ai * bj;
        }
    }
    out
}

fn add_trunc(a: &[BigRational], b: &[BigRational], n: usize) -> Vec<BigRational> {
    (0..n).map(|k| get(a, k) + get(b, k)).collect()
}

/// 1/a mod x^n, a_0 ≠ 0: a_0 b_k = −Σ_{j=1}^{k} a_j b_(k−j).
fn inv_ref(a: &[BigRational], n: usize) -> Vec<BigRational> {
    let a0 = get(a, 0);
    let mut b: Vec<BigRational> = Vec::with_capacity(n);
    for k in 0..n {
        if k == 0 {
            b.push(a0.recip());
            continue;
        }
        let mut s = BigRational::zero();
        for j in 1..=k {
            s += get(a, j) * &b[k - j];
        }
        b.push(-s / &a0);
    }
    b
}

/// exp(a) mod x^n, a_0 = 0: k h_k = Σ_{j=1}^{k} j a_j h_(k−j).
fn exp_ref(a: &[BigRational], n: usize) -> Vec<BigRational> {
    let mut h: Vec<BigRational> = Vec::with_capacity(n);
    for k in 0..n {
        if k == 0 {
            h.push(BigRational::one());
            continue;
        }
        let mut s = BigRational::zero();
        for j in 1..=k {
            s += get(a, j) * &h[k - j] * BigRational::from_integer(BigInt::from(j));
        }
        h.push(s / BigRational::from_integer(BigInt::from(k)));
    }
    h
}

/// ln(a) mod x^n, a_0 = 1: from a·l' = a', l_k = a_k − (1/k) Σ_{j=1}^{k−1} j l_j a_(k−j).
fn log_ref(a: &[BigRational], n: usize) -> Vec<BigRational> {
    let mut l: Vec<BigRational> = Vec::with_capacity(n);
    for k in 0..n {
        if k == 0 {
            l.push(BigRational::zero());
            continue;
        }
        let mut s = BigRational::zero();
        for (j, lj) in l.iter().enumerate().skip(1) {
            s += lj * get(a, k - j) * BigRational::from_integer(BigInt::from(j));
        }
        l.push(get(a, k) - s / BigRational::from_integer(BigInt::from(k)));
    }
    l
}

/// The Taylor shift: coefficients of P(a + t) in t.
fn shift_ref(p: &[BigRational], a: &BigRational, n: usize) -> Vec<BigRational> {
    // Horner in the ring of polynomials in t: P(a + t) = (…(p_d (a + t) + p_(d−1))(a + t) …).
    let mut acc: Vec<BigRational> = vec![];
    for c in p.iter().rev() {
        // acc ← acc·(a + t) + c
        let mut next = vec![BigRational::zero(); acc.len() + 1];
        for (i, ai) in acc.iter().enumerate() {
            next[i] += ai * a;
            next[i + 1] += ai.clone();
        }
        next[0] += c.clone();
        acc = next;
    }
    padded(&acc, n)
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

/// A small rational, zero about a quarter of the time.
fn coeff() -> impl Strategy<Value = BigRational> {
    prop_oneof![
        1 => Just(BigRational::zero()),
        3 => (-6i64..=6, 1i64..=5).prop_map(|(n, d)| q(n, d)),
    ]
}

/// A polynomial of degree ≤ 4 with p(0) = 0.
fn poly0() -> impl Strategy<Value = Vec<BigRational>> {
    prop::collection::vec(coeff(), 1..=4).prop_map(|mut cs| {
        cs.insert(0, BigRational::zero());
        cs
    })
}

/// A polynomial of degree ≤ 5 with any constant term.
fn poly_any() -> impl Strategy<Value = Vec<BigRational>> {
    prop::collection::vec(coeff(), 1..=6)
}

/// A polynomial of degree ≤ 4 with a non-zero constant term.
fn poly_unit() -> impl Strategy<Value = Vec<BigRational>> {
    (
        (-5i64..=5, 1i64..=4).prop_filter("non-zero", |(n, _)| *n != 0),
        prop::collection::vec(coeff(), 0..=4),
    )
        .prop_map(|((n, d), mut cs)| {
            cs.insert(0, q(n, d));
            cs
        })
}

/// A polynomial with p(0) = 0 and p'(0) ≠ 0 (an invertible series under composition).
fn poly_val1() -> impl Strategy<Value = Vec<BigRational>> {
    (
        (-5i64..=5, 1i64..=4).prop_filter("non-zero", |(n, _)| *n != 0),
        prop::collection::vec(coeff(), 0..=3),
    )
        .prop_map(|((n, d), mut cs)| {
            cs.insert(0, q(n, d));
            cs.insert(0, BigRational::zero());
            cs
        })
}

/// `cases` unless `PROPTEST_CASES` asks for another number (for longer local runs).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/fixtures/series/series_props.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

fn one_series(n: usize) -> Vec<BigRational> {
    let mut v = vec![BigRational::zero(); n];
    v[0] = BigRational::one();
    v
}

// ---------------------------------------------------------------------------------------------
// Sanity of the second implementation on known series (so a bug there cannot mask one in sigma)
// ---------------------------------------------------------------------------------------------

#[test]
fn reference_recurrences_on_known_series() {
    let n = 8;
    // exp(x) = Σ x^k/k!
    let e = exp_ref(&[q(0, 1), q(1, 1)], n);
    let mut fact = BigInt::one();
    for (k, c) in e.iter().enumerate() {
        if k > 0 {
            fact *= BigInt::from(k);
        }
        assert_eq!(*c, BigRational::new(BigInt::one(), fact.clone()));
    }
    // 1/(1 − x) = Σ x^k
    assert_eq!(inv_ref(&[q(1, 1), q(-1, 1)], n), vec![q(1, 1); n]);
    // ln(1 + x) = Σ (−1)^(k+1) x^k/k
    let l = log_ref(&[q(1, 1), q(1, 1)], n);
    for (k, c) in l.iter().enumerate().skip(1) {
        let s = if k % 2 == 1 { 1 } else { -1 };
        assert_eq!(*c, q(s, k as i64));
    }
    // (2 + x)^2 at a = 1: (3 + t)^2 = 9 + 6t + t²
    assert_eq!(
        shift_ref(&[q(4, 1), q(4, 1), q(1, 1)], &q(1, 1), 4),
        vec![q(9, 1), q(6, 1), q(1, 1), q(0, 1)]
    );
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(128))]

    /// The series of a polynomial is the polynomial.
    #[test]
    fn taylor_of_a_polynomial_is_the_polynomial(p in poly_any()) {
        let got = coeffs(&poly(&p), N)?;
        prop_assert_eq!(got, padded(&p, N));
    }

    /// A polynomial re-expanded at a rational point a is its Taylor shift.
    #[test]
    fn taylor_shift_of_a_polynomial(p in poly_any(), (an, ad) in (-4i64..=4, 1i64..=3)) {
        let a = q(an, ad);
        let e = series::taylor(&poly(&p), "x", &num(&a), N)
            .map_err(|err| TestCaseError::fail(err.to_string()))?;
        let got: Vec<BigRational> = e
            .coeffs
            .iter()
            .map(|c| match c {
                Expr::Num(r) => Ok(from_rug(&r.0)),
                other => Err(TestCaseError::fail(sigma::render::text::expr(other))),
            })
            .collect::<Result<_, _>>()?;
        prop_assert_eq!(got, shift_ref(&p, &a, N));
    }

    /// exp(p + q) = exp(p)·exp(q), the product formed here.
    #[test]
    fn exp_of_a_sum_is_the_product(p in poly0(), r in poly0()) {
        let lhs = coeffs(&exp(add(vec![poly(&p), poly(&r)])), N)?;
        let ep = coeffs(&exp(poly(&p)), N)?;
        let er = coeffs(&exp(poly(&r)), N)?;
        prop_assert_eq!(lhs, mul_trunc(&ep, &er, N));
    }

    /// ln(exp(p)) = p: the exponential's series is turned back into a polynomial, so the
    /// logarithm really runs (ln(exp(p)) alone simplifies to p before any series work).
    #[test]
    fn ln_of_exp_is_the_identity(p in poly0()) {
        let ep = coeffs(&exp(poly(&p)), N)?;
        prop_assert_eq!(coeffs(&f(Func::Ln, poly(&ep)), N)?, padded(&p, N));
        prop_assert_eq!(coeffs(&f(Func::Ln, exp(poly(&p))), N)?, padded(&p, N));
    }

    /// exp(ln(1 + p)) = 1 + p, through the polynomial of ln's series.
    #[test]
    fn exp_of_ln_is_the_identity(p in poly0()) {
        let l = coeffs(&f(Func::Ln, poly(&one_plus(&p))), N)?;
        prop_assert_eq!(coeffs(&exp(poly(&l)), N)?, padded(&one_plus(&p), N));
    }

    /// sin(p)² + cos(p)² = 1, both as one expression and with the squares formed here.
    #[test]
    fn sin_squared_plus_cos_squared(p in poly_any()) {
        // p(0) ≠ 0 would need sin(p(0)) (symbolic): keep the constant term rational-safe.
        let mut p = p;
        p[0] = BigRational::zero();
        let s = coeffs(&f(Func::Sin, poly(&p)), N)?;
        let c = coeffs(&f(Func::Cos, poly(&p)), N)?;
        let sum = add_trunc(&mul_trunc(&s, &s, N), &mul_trunc(&c, &c, N), N);
        prop_assert_eq!(sum, one_series(N));
        let two = Expr::int(2);
        let g = add(vec![
            pow(f(Func::Sin, poly(&p)), two.clone()),
            pow(f(Func::Cos, poly(&p)), two),
        ]);
        prop_assert_eq!(coeffs(&g, N)?, one_series(N));
    }

    /// (1 + p)·(1/(1 + p)) = 1 with the product formed here, and likewise for any unit u.
    #[test]
    fn a_series_times_its_inverse_is_one(p in poly0(), u in poly_unit()) {
        let one_p = one_plus(&p);
        let inv = coeffs(&div(Expr::one(), poly(&one_p)), N)?;
        prop_assert_eq!(mul_trunc(&one_p, &inv, N), one_series(N));
        let inv = coeffs(&pow(poly(&u), Expr::int(-1)), N)?;
        prop_assert_eq!(mul_trunc(&u, &inv, N), one_series(N));
    }

    /// atan(tan(p)) = p and tan(atan(p)) = p, through the polynomial of the inner series.
    #[test]
    fn atan_and_tan_are_inverse(p in poly0()) {
        let t = coeffs(&f(Func::Tan, poly(&p)), N)?;
        prop_assert_eq!(coeffs(&f(Func::Atan, poly(&t)), N)?, padded(&p, N));
        let a = coeffs(&f(Func::Atan, poly(&p)), N)?;
        prop_assert_eq!(coeffs(&f(Func::Tan, poly(&a)), N)?, padded(&p, N));
    }

    /// sinh(asinh(p)) = p and asin(sin(p)) = p (p(0) = 0, so sin p stays in asin's domain).
    #[test]
    fn more_inverse_pairs(p in poly0()) {
        let a = coeffs(&f(Func::Asinh, poly(&p)), N)?;
        prop_assert_eq!(coeffs(&f(Func::Sinh, poly(&a)), N)?, padded(&p, N));
        let s = coeffs(&f(Func::Sin, poly(&p)), N)?;
        prop_assert_eq!(coeffs(&f(Func::Asin, poly(&s)), N)?, padded(&p, N));
        let th = coeffs(&f(Func::Tanh, poly(&p)), N)?;
        prop_assert_eq!(coeffs(&f(Func::Atanh, poly(&th)), N)?, padded(&p, N));
    }

    /// sqrt(1 + p)² = 1 + p and (1 + p)^(1/3) cubed = 1 + p, the powers formed here.
    #[test]
    fn fractional_powers(p in poly0()) {
        let one_p = one_plus(&p);
        let h = coeffs(&pow(poly(&one_p), Expr::frac(1, 2)), N)?;
        prop_assert_eq!(mul_trunc(&h, &h, N), padded(&one_p, N));
        let c = coeffs(&pow(poly(&one_p), Expr::frac(1, 3)), N)?;
        prop_assert_eq!(mul_trunc(&mul_trunc(&c, &c, N), &c, N), padded(&one_p, N));
    }

    /// sin(2p) = 2 sin(p) cos(p).
    #[test]
    fn double_angle(p in poly0()) {
        let lhs = coeffs(&f(Func::Sin, mul(vec![Expr::int(2), poly(&p)])), N)?;
        let s = coeffs(&f(Func::Sin, poly(&p)), N)?;
        let c = coeffs(&f(Func::Cos, poly(&p)), N)?;
        let rhs: Vec<BigRational> = mul_trunc(&s, &c, N)
            .into_iter()
            .map(|v| v * q(2, 1))
            .collect();
        prop_assert_eq!(lhs, rhs);
    }

    /// Division by a series with zero constant term (Laurent bookkeeping): for g = p with
    /// p(0) = 0, p'(0) ≠ 0, (f/g)·g = f for f = sin(p) and f = exp(p) − 1.
    #[test]
    fn removable_singularities(p in poly_val1()) {
        let g = poly(&p);
        for fx in [
            f(Func::Sin, g.clone()),
            add(vec![exp(g.clone()), Expr::int(-1)]),
        ] {
            let ratio = coeffs(&div(fx.clone(), g.clone()), N)?;
            let fs = coeffs(&fx, N)?;
            prop_assert_eq!(mul_trunc(&ratio, &p, N), fs);
        }
    }

    /// Asking for fewer coefficients gives a prefix of the longer expansion.
    #[test]
    fn shorter_expansions_are_prefixes(p in poly0(), n in 1usize..N) {
        let one_p = poly(&one_plus(&p));
        for g in [
            exp(poly(&p)),
            div(Expr::one(), one_p.clone()),
            f(Func::Ln, one_p),
            f(Func::Tan, poly(&p)),
            f(Func::Atan, poly(&p)),
        ] {
            let long = coeffs(&g, N)?;
            prop_assert_eq!(coeffs(&g, n)?, long[..n].to_vec());
        }
    }

    /// The same for removable singularities: sin(p)/p and p/(exp(p) − 1) at every length,
    /// including lengths below the valuation of the divisor.
    #[test]
    fn shorter_expansions_of_removable_singularities_are_prefixes(
        p in poly_val1(),
        n in 1usize..N,
    ) {
        let g = poly(&p);
        for h in [
            div(f(Func::Sin, g.clone()), g.clone()),
            div(g.clone(), add(vec![exp(g.clone()), Expr::int(-1)])),
            div(pow(g.clone(), Expr::int(3)), f(Func::Sin, pow(g.clone(), Expr::int(3)))),
        ] {
            let long = coeffs(&h, N)?;
            prop_assert_eq!(coeffs(&h, n)?, long[..n].to_vec());
        }
    }

    /// sigma's exp, inverse and logarithm agree with the second implementation.
    #[test]
    fn cross_check_exp_inv_log(p in poly0(), u in poly_unit()) {
        prop_assert_eq!(coeffs(&exp(poly(&p)), N)?, exp_ref(&p, N));
        prop_assert_eq!(coeffs(&div(Expr::one(), poly(&u)), N)?, inv_ref(&u, N));
        let one_p = one_plus(&p);
        prop_assert_eq!(coeffs(&f(Func::Ln, poly(&one_p)), N)?, log_ref(&one_p, N));
        // ln of a unit with a positive constant term c: ln(c) is rational only for c = 1, so
        // compare ln(u/c) instead.
        let c = u[0].clone();
        if c > BigRational::zero() {
            let unit: Vec<BigRational> = u.iter().map(|v| v / &c).collect();
            prop_assert_eq!(coeffs(&f(Func::Ln, poly(&unit)), N)?, log_ref(&unit, N));
        }
    }

    /// Composites: exp(p)/(1 + p) and ln(1 + p)·exp(p) against the second implementation.
    #[test]
    fn cross_check_composites(p in poly0()) {
        let one_p = one_plus(&p);
        let want = mul_trunc(&exp_ref(&p, N), &inv_ref(&one_p, N), N);
        prop_assert_eq!(coeffs(&div(exp(poly(&p)), poly(&one_p)), N)?, want);
        let want = mul_trunc(&log_ref(&one_p, N), &exp_ref(&p, N), N);
        prop_assert_eq!(
            coeffs(&mul(vec![f(Func::Ln, poly(&one_p)), exp(poly(&p))]), N)?,
            want
        );
        // exp(exp(p) − 1) = exp_ref(exp_ref(p) − 1)
        let mut e1 = exp_ref(&p, N);
        e1[0] = BigRational::zero();
        let want = exp_ref(&e1, N);
        prop_assert_eq!(
            coeffs(&exp(add(vec![exp(poly(&p)), Expr::int(-1)])), N)?,
            want
        );
    }
}

proptest! {
    // The symbolic ring is slower: fewer cases, shorter series.
    #![proptest_config(config(32))]

    /// The symbolic ring agrees with the rational ring: exp(a·p) has coefficients that are
    /// polynomials in the parameter a; at a = 1 they are those of exp(p), and at a = r those of
    /// exp(r·p).
    #[test]
    fn symbolic_ring_agrees_with_rational_ring(p in poly0(), (rn, rd) in (-3i64..=3, 1i64..=2)) {
        let n = 7;
        let a = Expr::sym("a");
        let g = exp(mul(vec![a, poly(&p)]));
        let e = series::taylor(&g, "x", &Expr::zero(), n)
            .map_err(|err| TestCaseError::fail(err.to_string()))?;
        let r = q(rn, rd);
        let scaled: Vec<BigRational> = p.iter().map(|c| c * &r).collect();
        let want = exp_ref(&scaled, n);
        for (k, c) in e.coeffs.iter().enumerate() {
            let v = subst::subs(c, "a", &num(&r))
                .map_err(|err| TestCaseError::fail(err.to_string()))?;
            prop_assert_eq!(&v, &num(&want[k]), "coefficient {} at a = {}", k, r);
        }
    }

    /// A symbolic constant term: exp(y + p) = exp(y)·exp(p), coefficient by coefficient.
    #[test]
    fn symbolic_constant_term_factors_out(p in poly0()) {
        let n = 8;
        let y = Expr::sym("y");
        let g = exp(add(vec![y.clone(), poly(&p)]));
        let e = series::taylor(&g, "x", &Expr::zero(), n)
            .map_err(|err| TestCaseError::fail(err.to_string()))?;
        prop_assert!(e.symbolic);
        let ep = exp_ref(&p, n);
        for (k, c) in e.coeffs.iter().enumerate() {
            let want = mul(vec![num(&ep[k]), exp(y.clone())]);
            prop_assert_eq!(c, &want, "coefficient {}", k);
        }
    }
}
