//! Tests of the fast exact power series (`sigma::math::series::fast`): known values (OEIS
//! A002017, Bernoulli numbers, Fibonacci, Catalan, the erf series, and FLINT's digests at
//! order 1000), cross-checks against the independent num-rational implementation
//! (`fast::naive`) on random series — dense ones long enough to exercise the Newton
//! iterations — algebraic identities, and the documented error cases.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};
use proptest::prelude::*;
use sigma::math::expr::MathError;
use sigma::math::number::Q;
use sigma::math::series::fast::{self, naive};

fn q(n: i64, d: i64) -> Q {
    Q::frac(n, d)
}

fn ints(v: &[i64]) -> Vec<Q> {
    v.iter().map(|&k| Q::int(k)).collect()
}

fn x() -> Vec<Q> {
    vec![Q::zero(), Q::one()]
}

fn big(v: &[Q]) -> Vec<BigRational> {
    v.iter().map(naive::to_big).collect()
}

fn small(v: &[BigRational]) -> Vec<Q> {
    v.iter().map(naive::from_big).collect()
}

/// `a` with its constant term replaced by `c`.
fn with_constant(mut a: Vec<Q>, c: i64) -> Vec<Q> {
    if a.is_empty() {
        a.push(Q::zero());
    }
    a[0] = Q::int(c);
    a
}

fn factorial(k: u32) -> Q {
    Q::from_integer(rug::Integer::from(rug::Integer::factorial(k)))
}

/// The peers' digest of an integer (`<digits>d:<first6>..<last6>` beyond 12 digits).
fn int_digest(i: &rug::Integer) -> String {
    let s = i.to_string();
    let (sign, d) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    if d.len() <= 12 {
        return s.clone();
    }
    format!("{sign}{}d:{}..{}", d.len(), &d[..6], &d[d.len() - 6..])
}

fn q_digest(c: &Q) -> String {
    format!("{} / {}", int_digest(c.numer()), int_digest(c.denom()))
}

#[test]
fn exp_sin_matches_oeis_a002017() {
    let s = fast::sin(&x(), 11).unwrap();
    let e = fast::exp(&s, 11).unwrap();
    let want = [1, 1, 1, 0, -3, -8, -3, 56, 217, 64, -2951];
    for (k, (c, w)) in e.iter().zip(want).enumerate() {
        assert_eq!(c.mul(&factorial(k as u32)), Q::int(w), "k = {k}");
    }
}

/// Bernoulli numbers B_0..B_m from `Σ_{j≤k} C(k+1, j)·B_j = 0`.
fn bernoulli(m: usize) -> Vec<BigRational> {
    let mut b: Vec<BigRational> = vec![BigRational::one()];
    for k in 1..=m {
        let mut s = BigRational::zero();
        let mut binom = BigInt::one(); // C(k+1, j)
        for (j, bj) in b.iter().enumerate() {
            s += BigRational::from_integer(binom.clone()) * bj;
            binom = binom * BigInt::from(k + 1 - j) / BigInt::from(j + 1);
        }
        b.push(-s / BigRational::from_integer(BigInt::from(k + 1)));
    }
    b
}

#[test]
fn tan_matches_bernoulli_numbers() {
    let n = 80;
    let t = big(&fast::tan(&x(), n).unwrap());
    let b = bernoulli(n);
    let mut fact = BigInt::one(); // (k−1)!
    for (k, tk) in t.iter().enumerate().skip(1) {
        if k > 1 {
            fact *= BigInt::from(k - 1);
        }
        if k % 2 == 0 {
            assert!(tk.is_zero(), "even coefficient {k}");
            continue;
        }
        // x^(2j−1): (−1)^(j−1)·2^(2j)·(2^(2j) − 1)·B_2j / (2j)!
        let j = k.div_ceil(2);
        let p = BigInt::one() << (2 * j);
        let sign = if j % 2 == 1 { 1 } else { -1 };
        let num = BigRational::from_integer(BigInt::from(sign) * &p * (&p - 1u32)) * &b[2 * j];
        let want = num / BigRational::from_integer(&fact * BigInt::from(k) * BigInt::from(k + 1));
        assert_eq!(*tk, want, "coefficient {k}");
    }
}

#[test]
fn inverse_of_one_minus_x_minus_x2_is_fibonacci() {
    let f = fast::inv(&ints(&[1, -1, -1]), 300).unwrap();
    let (mut a, mut b) = (rug::Integer::from(1), rug::Integer::from(1));
    for c in &f {
        assert_eq!(*c, Q::from_integer(a.clone()));
        let next = rug::Integer::from(&a + &b);
        a = std::mem::replace(&mut b, next);
    }
}

#[test]
fn square_root_gives_catalan_numbers() {
    // (1 − √(1−4x))/(2x) = Σ C_k x^k, so [x^(k+1)] √(1−4x) = −2·C_k.
    let n = 120;
    let r = fast::pow(&ints(&[1, -4]), &q(1, 2), n).unwrap();
    let mut cat = rug::Integer::from(1);
    for k in 0..n - 1 {
        assert_eq!(r[k + 1], Q::from_integer(cat.clone() * -2), "k = {k}");
        cat = cat * (4 * k as u64 + 2) / (k as u64 + 2);
    }
    // A dense radicand takes the exp(e·log a) path: check root² = radicand.
    let sq = fast::mul(&ints(&[1, -3, -4]), &ints(&[1, -3, -4]), 60);
    let dense = fast::mul(&sq, &fast::inv(&ints(&[1, -1, 1, -1]), 60).unwrap(), 60);
    let root = fast::pow(&dense, &q(1, 2), 60).unwrap();
    assert_eq!(fast::mul(&root, &root, 60), dense);
}

#[test]
fn integral_of_exp_minus_x2_is_the_erf_series() {
    let n = 200;
    let e = fast::exp(&ints(&[0, 0, -1]), n).unwrap();
    let s = fast::integral(&e, n);
    for (k, c) in s.iter().enumerate() {
        if k % 2 == 0 {
            assert!(c.is_zero());
        } else {
            let j = (k - 1) / 2;
            let sign = if j % 2 == 0 { 1 } else { -1 };
            let want = Q::int(sign)
                .div(&factorial(j as u32).mul(&Q::int(k as i64)))
                .unwrap();
            assert_eq!(*c, want, "k = {k}");
        }
    }
}

#[test]
fn order_1000_agrees_with_flint_digests() {
    // Digests printed by ../shared/bench/w1_flint.py (python-flint) for N = 1000.
    let n = 1001;
    let (s, c) = fast::sin_cos(&x(), n).unwrap();
    // The single-part kernels give the same parts.
    assert_eq!(fast::sin(&x(), n).unwrap(), s);
    assert_eq!(fast::cos(&x(), n).unwrap(), c);
    let e = fast::exp(&s, n).unwrap();
    assert_eq!(
        q_digest(&e[1000]),
        "1861d:242623..554553 / 2568d:402387..000000"
    );
    let t = fast::tan(&x(), n).unwrap();
    assert_eq!(
        q_digest(&t[999]),
        "2063d:229742..296992 / 2259d:151387..046875"
    );
    assert!(t[1000].is_zero());
    let f = fast::inv(&ints(&[1, -1, -1]), n).unwrap();
    assert_eq!(int_digest(f[1000].numer()), "209d:703303..403501");
    let g = fast::integral(&fast::exp(&ints(&[0, 0, -1]), n).unwrap(), n);
    assert_eq!(q_digest(&g[999]), "-1 / 1135d:243783..000000");
}

/// Past 3/2 of a power of two: the last Newton steps use truncated transforms with two
/// weighted parts (3328 = 2048 + 1024 + 256 for the products of length 3100) and residuals
/// whose known low half is subtracted before the reconstruction.
#[test]
fn order_3100_agrees_with_flint_digests() {
    // Digests printed by ../shared/bench/w1_flint.py (python-flint) for N = 3100.
    let n = 3101;
    let s = fast::sin(&x(), n).unwrap();
    let e = fast::exp(&s, n).unwrap();
    assert_eq!(
        q_digest(&e[3100]),
        "-7053d:565430..593871 / 9472d:606440..000000"
    );
    let t = fast::tan(&x(), n).unwrap();
    assert_eq!(
        q_digest(&t[3099]),
        "7919d:415147..675536 / 8527d:194442..078125"
    );
}

#[test]
fn errors_and_edge_cases() {
    assert_eq!(fast::inv(&ints(&[0, 1]), 5), Err(MathError::DivisionByZero));
    assert_eq!(fast::inv(&[], 5), Err(MathError::DivisionByZero));
    assert_eq!(fast::div(&x(), &x(), 5), Err(MathError::DivisionByZero));
    assert!(matches!(
        fast::exp(&ints(&[1, 1]), 5),
        Err(MathError::Domain(_))
    ));
    assert!(matches!(
        fast::log(&ints(&[2, 1]), 5),
        Err(MathError::Domain(_))
    ));
    assert!(matches!(
        fast::sin_cos(&ints(&[1]), 5),
        Err(MathError::Domain(_))
    ));
    assert!(matches!(
        fast::sin(&ints(&[1]), 5),
        Err(MathError::Domain(_))
    ));
    assert!(matches!(
        fast::cos(&ints(&[1, 1]), 5),
        Err(MathError::Domain(_))
    ));
    assert!(matches!(
        fast::tan(&ints(&[1]), 5),
        Err(MathError::Domain(_))
    ));
    assert!(matches!(
        fast::atan(&ints(&[1]), 5),
        Err(MathError::Domain(_))
    ));
    assert!(matches!(
        fast::pow(&ints(&[3]), &q(1, 2), 5),
        Err(MathError::Domain(_))
    ));
    assert!(matches!(
        fast::compose(&x(), &ints(&[1, 1]), 5),
        Err(MathError::Domain(_))
    ));
    // Results that cannot fit in memory are refused up front; cheap long ones are not.
    assert!(matches!(
        fast::exp(&x(), 300_000),
        Err(MathError::TooLarge(_))
    ));
    assert_eq!(
        fast::inv(&ints(&[1, -1]), 300_000).unwrap()[299_999],
        Q::one()
    );
    // Always exactly n coefficients, zero-padded.
    assert_eq!(fast::mul(&x(), &x(), 0), Vec::<Q>::new());
    assert_eq!(fast::exp(&[], 3).unwrap(), ints(&[1, 0, 0]));
    assert_eq!(fast::mul(&x(), &x(), 4), ints(&[0, 0, 1, 0]));
    assert_eq!(fast::log(&ints(&[1]), 3).unwrap(), ints(&[0, 0, 0]));
    assert_eq!(fast::tan(&[], 2).unwrap(), ints(&[0, 0]));
    assert_eq!(fast::derivative(&ints(&[5, 1, 1]), 3), ints(&[1, 2, 0]));
    assert_eq!(
        fast::integral(&ints(&[1, 1]), 4),
        vec![q(0, 1), q(1, 1), q(1, 2), q(0, 1)]
    );
    assert_eq!(
        fast::pow(&ints(&[1, 1]), &Q::zero(), 3).unwrap(),
        ints(&[1, 0, 0])
    );
    assert_eq!(
        fast::compose(&ints(&[7, 1]), &[], 3).unwrap(),
        ints(&[7, 0, 0])
    );
}

#[test]
fn atan_of_tan_is_identity_and_composition_inverts() {
    let n = 90;
    let t = fast::tan(&x(), n).unwrap();
    let mut want = x();
    want.resize(n, Q::zero());
    assert_eq!(fast::atan(&t, n).unwrap(), want);
    // The series of atan composed with the series of tan.
    let atan_series = fast::atan(&x(), n).unwrap();
    assert_eq!(fast::compose(&atan_series, &t, n).unwrap(), want);
    // The exp series composed with log(1 + x) is 1 + x.
    let exp_series = fast::exp(&x(), n).unwrap();
    let l = fast::log(&ints(&[1, 1]), n).unwrap();
    let mut one_x = ints(&[1, 1]);
    one_x.resize(n, Q::zero());
    assert_eq!(fast::compose(&exp_series, &l, n).unwrap(), one_x);
}

/// Random rational series: up to `max_len` coefficients with small numerators and
/// denominators, mostly nonzero (dense inputs reach the Newton iterations).
fn series(max_len: usize) -> impl Strategy<Value = Vec<Q>> {
    prop::collection::vec((-9i64..=9, 1i64..=7), 0..=max_len)
        .prop_map(|v| v.into_iter().map(|(a, b)| q(a, b)).collect())
}

/// Random series whose common denominator exceeds 16 bits (a factor 65537): dense ones of
/// this kind take the Newton iterations rather than the recurrences.
fn wide_series(max_len: usize) -> impl Strategy<Value = Vec<Q>> {
    prop::collection::vec(
        (-9i64..=9, prop::sample::select(vec![1i64, 2, 3, 65537])),
        0..=max_len,
    )
    .prop_map(|v| v.into_iter().map(|(a, b)| q(a, b)).collect())
}

/// Random series with 63-bit numerators and denominators: their common denominators run to
/// thousands of bits, so products go through the FFT.
fn huge_series(max_len: usize) -> impl Strategy<Value = Vec<Q>> {
    prop::collection::vec((any::<i64>(), 1i64..=i64::MAX), 0..=max_len)
        .prop_map(|v| v.into_iter().map(|(a, b)| q(a, b)).collect())
}

/// The error variant, ignoring its message.
fn kind(e: Option<MathError>) -> Option<std::mem::Discriminant<MathError>> {
    e.as_ref().map(std::mem::discriminant)
}

fn check(fast: Result<Vec<Q>, MathError>, slow: Result<Vec<BigRational>, MathError>) {
    match (fast, slow) {
        (Ok(f), Ok(s)) => assert_eq!(f, small(&s)),
        (f, s) => assert_eq!(kind(f.err()), kind(s.err())),
    }
}

fn add(a: &[Q], b: &[Q]) -> Vec<Q> {
    (0..a.len().max(b.len()))
        .map(|k| {
            let x = a.get(k).cloned().unwrap_or_default();
            x.add(&b.get(k).cloned().unwrap_or_default())
        })
        .collect()
}

/// `x^r·a(x^d)`: inputs in `x^d` (and odd ones) take the compressed code paths.
fn spread(a: &[Q], r: usize, d: usize) -> Vec<Q> {
    let mut out = vec![Q::zero(); r + a.len() * d];
    for (k, c) in a.iter().enumerate() {
        out[r + k * d] = c.clone();
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn fast_equals_naive_on_strided_and_odd_inputs(
        a in series(24),
        b in series(24),
        d in 2usize..=3,
        n in 0usize..64,
    ) {
        let ad = spread(&with_constant(a.clone(), 0), 0, d);
        let odd = spread(&a, 1, 2);
        let bd = spread(&with_constant(b.clone(), 1), 0, d);
        for s in [&ad, &odd] {
            check(fast::exp(s, n), naive::exp(&big(s), n));
            check(fast::tan(s, n), naive::tan(&big(s), n));
            check(fast::atan(s, n), naive::atan(&big(s), n));
            let (sf, cf) = fast::sin_cos(s, n).unwrap();
            let (sn, cn) = naive::sin_cos(&big(s), n).unwrap();
            prop_assert_eq!(sf, small(&sn));
            prop_assert_eq!(cf, small(&cn));
        }
        check(fast::log(&bd, n), naive::log(&big(&bd), n));
        check(fast::pow(&bd, &q(-3, 2), n), naive::pow(&big(&bd), &naive::to_big(&q(-3, 2)), n));
        check(fast::div(&odd, &bd, n), naive::div(&big(&odd), &big(&bd), n));
        check(fast::div(&ad, &bd, n), naive::div(&big(&ad), &big(&bd), n));
        prop_assert_eq!(fast::mul(&odd, &bd, n), small(&naive::mul(&big(&odd), &big(&bd), n)));
        prop_assert_eq!(fast::mul(&odd, &odd, n), small(&naive::mul(&big(&odd), &big(&odd), n)));
        let short = &b[..b.len().min(12)];
        check(fast::compose(short, &ad, n), naive::compose(&big(short), &big(&ad), n));
    }

    #[test]
    fn fast_equals_naive_products(a in series(70), b in series(70), n in 0usize..90) {
        prop_assert_eq!(fast::mul(&a, &b, n), small(&naive::mul(&big(&a), &big(&b), n)));
        check(fast::div(&a, &b, n), naive::div(&big(&a), &big(&b), n));
        check(fast::inv(&b, n), naive::inv(&big(&b), n));
        prop_assert_eq!(fast::integral(&a, n), small(&naive::integral(&big(&a), n)));
        prop_assert_eq!(fast::derivative(&a, n), small(&naive::derivative(&big(&a), n)));
    }

    #[test]
    fn fast_equals_naive_exp_log(a in series(70), n in 0usize..80) {
        let a0 = with_constant(a.clone(), 0);
        check(fast::exp(&a0, n), naive::exp(&big(&a0), n));
        let a1 = with_constant(a.clone(), 1);
        check(fast::log(&a1, n), naive::log(&big(&a1), n));
        check(fast::exp(&a, n), naive::exp(&big(&a), n));
    }

    #[test]
    fn fast_equals_naive_trig(a in series(60), n in 0usize..64) {
        let a0 = with_constant(a, 0);
        match (fast::sin_cos(&a0, n), naive::sin_cos(&big(&a0), n)) {
            (Ok((s, c)), Ok((s2, c2))) => {
                prop_assert_eq!(s, small(&s2));
                prop_assert_eq!(c, small(&c2));
            }
            (f, s) => prop_assert_eq!(kind(f.err()), kind(s.err())),
        }
        check(fast::tan(&a0, n), naive::tan(&big(&a0), n));
        check(fast::atan(&a0, n), naive::atan(&big(&a0), n));
    }

    #[test]
    fn fast_equals_naive_pow(a in series(60), p in -7i64..=7, d in 1i64..=4, n in 0usize..70) {
        let a1 = with_constant(a, 1);
        let e = q(p, d);
        check(fast::pow(&a1, &e, n), naive::pow(&big(&a1), &naive::to_big(&e), n));
    }

    #[test]
    fn fast_equals_naive_compose(a in series(30), b in series(30), n in 0usize..40) {
        let b0 = with_constant(b, 0);
        check(fast::compose(&a, &b0, n), naive::compose(&big(&a), &big(&b0), n));
    }

    #[test]
    fn identities(a in series(60), b in series(60), n in 1usize..70) {
        let a0 = with_constant(a.clone(), 0);
        let b0 = with_constant(b, 0);
        let mut one = vec![Q::one()];
        one.resize(n, Q::zero());
        let mut a_n = a0.clone();
        a_n.resize(n, Q::zero());
        // exp(a + b) = exp(a)·exp(b)
        let lhs = fast::exp(&add(&a0, &b0), n).unwrap();
        let rhs = fast::mul(&fast::exp(&a0, n).unwrap(), &fast::exp(&b0, n).unwrap(), n);
        prop_assert_eq!(lhs, rhs);
        // log(exp(a)) = a
        prop_assert_eq!(fast::log(&fast::exp(&a0, n).unwrap(), n).unwrap(), a_n.clone());
        // sin² + cos² = 1
        let (s, c) = fast::sin_cos(&a0, n).unwrap();
        prop_assert_eq!(add(&fast::mul(&s, &s, n), &fast::mul(&c, &c, n)), one.clone());
        // a·inv(a) = 1
        let a3 = with_constant(a, 3);
        prop_assert_eq!(fast::mul(&a3, &fast::inv(&a3, n).unwrap(), n), one);
        // atan(tan a) = a
        prop_assert_eq!(fast::atan(&fast::tan(&a0, n).unwrap(), n).unwrap(), a_n);
    }
}

proptest! {
    // Slower (Newton iterations and FFT products on wide or huge denominators, checked against
    // plain rationals): fewer cases.
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn huge_coefficients_equal_naive(a in huge_series(32), b in huge_series(32), n in 0usize..36) {
        prop_assert_eq!(fast::mul(&a, &b, n), small(&naive::mul(&big(&a), &big(&b), n)));
        prop_assert_eq!(fast::mul(&a, &a, n), small(&naive::mul(&big(&a), &big(&a), n)));
        let a0 = with_constant(a, 0);
        let b1 = with_constant(b, 1);
        check(fast::div(&a0, &b1, n.min(20)), naive::div(&big(&a0), &big(&b1), n.min(20)));
        check(fast::exp(&a0, n.min(20)), naive::exp(&big(&a0), n.min(20)));
    }

    #[test]
    fn newton_iterations_equal_naive(a in wide_series(40), b in wide_series(40), n in 25usize..50) {
        use sigma::math::series::fast::{intpoly::QPoly, newton};
        let a0 = with_constant(a.clone(), 0);
        let a1 = with_constant(a, 1);
        let b1 = with_constant(b.clone(), 1);
        let p0 = QPoly::from_q(&a0, n);
        let want = small(&naive::exp(&big(&a0), n).unwrap());
        prop_assert_eq!(newton::exp(&p0, n).unwrap().to_q(), want);
        let (s, c) = newton::sin_cos(&p0, n).unwrap();
        let (s2, c2) = naive::sin_cos(&big(&a0), n).unwrap();
        prop_assert_eq!(s.to_q(), small(&s2));
        prop_assert_eq!(c.to_q(), small(&c2));
        let pb = QPoly::from_q(&b1, n);
        let want = small(&naive::inv(&big(&b1), n).unwrap());
        prop_assert_eq!(newton::inv(&pb, n).unwrap().to_q(), want);
        let pa = QPoly::from_q(&b, n);
        prop_assert_eq!(
            newton::div(&pa, &pb, n).unwrap().to_q(),
            small(&naive::div(&big(&b), &big(&b1), n).unwrap())
        );
        let want = small(&naive::log(&big(&a1), n).unwrap());
        prop_assert_eq!(newton::log(&QPoly::from_q(&a1, n), n).unwrap().to_q(), want);
        // Public entry points on the same wide inputs (Newton chosen by the cost rule).
        check(fast::tan(&a0, n), naive::tan(&big(&a0), n));
        check(fast::pow(&a1, &q(2, 3), n), naive::pow(&big(&a1), &naive::to_big(&q(2, 3)), n));
        check(fast::pow(&a1, &q(-1, 1), n), naive::pow(&big(&a1), &naive::to_big(&q(-1, 1)), n));
        check(fast::pow(&a1, &q(3, 1), n), naive::pow(&big(&a1), &naive::to_big(&q(3, 1)), n));
    }
}
