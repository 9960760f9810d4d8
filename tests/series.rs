//! Power-series expansion (`sigma::math::series::taylor` and the `maclaurin` / `taylor` /
//! `series` / `coeff` builtins) checked against closed forms computed here, independently of
//! sigma: Bernoulli, Euler, Catalan and Fibonacci numbers and binomial coefficients in exact
//! `rug` arithmetic, symbolic coefficients built with the canonical `Expr` constructors, and
//! the language front end's printed results and error messages.

use rug::ops::Pow;
use rug::{Integer, Rational};
use sigma::math::expr::{self, subst, Expr, Func, MathError};
use sigma::math::series::{self, Expansion, MAX_ORDER};
use sigma::math::Q;
use sigma::render::text;
use sigma::session::{OutcomeKind, Session};

// ---------------------------------------------------------------------------------------------
// Building expressions
// ---------------------------------------------------------------------------------------------

fn x() -> Expr {
    Expr::sym("x")
}

fn int(n: i64) -> Expr {
    Expr::int(n)
}

fn frac(n: i64, d: i64) -> Expr {
    Expr::frac(n, d)
}

fn num(r: Rational) -> Expr {
    Expr::Num(Q(r))
}

fn add(ts: Vec<Expr>) -> Expr {
    expr::add(ts).expect("a sum")
}

fn sub(a: Expr, b: Expr) -> Expr {
    expr::sub(a, b).expect("a difference")
}

fn mul(fs: Vec<Expr>) -> Expr {
    expr::mul(fs).expect("a product")
}

fn div(a: Expr, b: Expr) -> Expr {
    expr::div(a, b).expect("a quotient")
}

fn pow(b: Expr, e: Expr) -> Expr {
    expr::pow(b, e).expect("a power")
}

fn sqrt(a: Expr) -> Expr {
    Expr::sqrt(a).expect("a square root")
}

fn exp(a: Expr) -> Expr {
    Expr::exp(a).expect("an exponential")
}

fn f(func: Func, a: Expr) -> Expr {
    expr::func(func, vec![a]).expect("a function application")
}

// ---------------------------------------------------------------------------------------------
// Running the expander
// ---------------------------------------------------------------------------------------------

fn expand_at(g: &Expr, a: &Expr, n: usize) -> Expansion {
    let e = series::taylor(g, "x", a, n).unwrap_or_else(|err| {
        panic!(
            "taylor({}, x, {}, {n}) failed: {err}",
            text::expr(g),
            text::expr(a)
        )
    });
    assert_eq!(
        e.coeffs.len(),
        n,
        "taylor({}) must return exactly {n} coefficients",
        text::expr(g)
    );
    e
}

/// The first `n` Maclaurin coefficients of `g`, which must all be rational.
fn rational_coeffs_at(g: &Expr, a: &Expr, n: usize) -> Vec<Rational> {
    let e = expand_at(g, a, n);
    assert!(
        !e.symbolic,
        "{} has rational coefficients, yet the symbolic ring was used",
        text::expr(g)
    );
    e.coeffs
        .iter()
        .enumerate()
        .map(|(k, c)| match c {
            Expr::Num(q) => q.0.clone(),
            other => panic!(
                "coefficient {k} of {} is not a number: {}",
                text::expr(g),
                text::expr(other)
            ),
        })
        .collect()
}

fn rational_coeffs(g: &Expr, n: usize) -> Vec<Rational> {
    rational_coeffs_at(g, &Expr::zero(), n)
}

/// The first `n` Maclaurin coefficients of `g` as canonical expressions.
fn symbolic_coeffs(g: &Expr, n: usize) -> Vec<Expr> {
    expand_at(g, &Expr::zero(), n).coeffs
}

#[track_caller]
fn assert_rationals(what: &str, got: &[Rational], want: &[Rational]) {
    assert_eq!(got.len(), want.len(), "{what}: lengths differ");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "{what}: coefficient of x^{k} is {g}, expected {w}");
    }
}

#[track_caller]
fn assert_exprs(what: &str, got: &[Expr], want: &[Expr]) {
    assert_eq!(got.len(), want.len(), "{what}: lengths differ");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(
            g,
            w,
            "{what}: coefficient {k} is {}, expected {}",
            text::expr(g),
            text::expr(w)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Independent exact reference numbers
// ---------------------------------------------------------------------------------------------

fn rat(n: i64, d: i64) -> Rational {
    Rational::from((n, d))
}

fn factorial(n: u32) -> Integer {
    (1..=n).fold(Integer::from(1), |acc, k| acc * k)
}

/// C(n, k) for integers by the multiplicative formula (exact at every step).
fn binomial(n: u32, k: u32) -> Integer {
    if k > n {
        return Integer::new();
    }
    let mut r = Integer::from(1);
    for i in 0..k {
        r *= n - i;
        r /= i + 1;
    }
    r
}

/// The generalised binomial coefficient C(a, k) = a(a−1)…(a−k+1)/k! for rational `a`.
fn gen_binomial(a: &Rational, k: u32) -> Rational {
    let mut r = Rational::from(1);
    for j in 0..k {
        r *= Rational::from(a - j);
        r /= j + 1;
    }
    r
}

fn inv_factorial(n: u32) -> Rational {
    Rational::from((Integer::from(1), factorial(n)))
}

/// B_0 … B_n by Σ_{k=0}^{m} C(m+1, k) B_k = 0 (so B_1 = −1/2).
fn bernoulli(n: usize) -> Vec<Rational> {
    let mut b: Vec<Rational> = vec![Rational::from(1)];
    for m in 1..=n {
        let mut s = Rational::new();
        for (k, bk) in b.iter().enumerate() {
            s += Rational::from(binomial(m as u32 + 1, k as u32)) * bk;
        }
        b.push(-s / (m as u32 + 1));
    }
    b
}

/// The Euler numbers E_0 … E_n (E_odd = 0) by Σ_{k=0}^{n/2} C(n, 2k) E_{2k} = 0.
fn euler_numbers(n: usize) -> Vec<Integer> {
    let mut e = vec![Integer::new(); n + 1];
    e[0] = Integer::from(1);
    for m in (2..=n).step_by(2) {
        let mut s = Integer::new();
        for k in (0..m).step_by(2) {
            s += binomial(m as u32, k as u32) * &e[k];
        }
        e[m] = -s;
    }
    e
}

fn pow2(k: u32) -> Integer {
    Integer::from(1) << k
}

fn zeros(n: usize) -> Vec<Rational> {
    vec![Rational::new(); n]
}

// ---------------------------------------------------------------------------------------------
// Reference numbers sanity (so a mistake in the references cannot hide a mistake in sigma)
// ---------------------------------------------------------------------------------------------

#[test]
fn reference_numbers_are_the_textbook_ones() {
    let b = bernoulli(12);
    assert_eq!(b[0], 1);
    assert_eq!(b[1], rat(-1, 2));
    assert_eq!(b[2], rat(1, 6));
    assert_eq!(b[3], 0);
    assert_eq!(b[4], rat(-1, 30));
    assert_eq!(b[6], rat(1, 42));
    assert_eq!(b[8], rat(-1, 30));
    assert_eq!(b[10], rat(5, 66));
    assert_eq!(b[12], rat(-691, 2730));
    let e = euler_numbers(10);
    let want = [1, 0, -1, 0, 5, 0, -61, 0, 1385, 0, -50521];
    for (k, w) in want.iter().enumerate() {
        assert_eq!(e[k], *w, "E_{k}");
    }
    assert_eq!(binomial(10, 3), 120);
    assert_eq!(gen_binomial(&rat(1, 2), 2), rat(-1, 8));
    assert_eq!(factorial(10), 3_628_800);
}

// ---------------------------------------------------------------------------------------------
// Closed forms over the rationals
// ---------------------------------------------------------------------------------------------

/// tan x = Σ_{k≥1} (−1)^(k−1) 2^(2k) (2^(2k) − 1) B_(2k) x^(2k−1)/(2k)!, through x^41.
#[test]
fn tan_through_x41_matches_bernoulli_numbers() {
    let n = 42;
    let b = bernoulli(n);
    let mut want = zeros(n);
    for k in 1..=21u32 {
        let four_k = pow2(2 * k);
        let t = Rational::from(&four_k * Integer::from(&four_k - 1)) * &b[2 * k as usize]
            / factorial(2 * k);
        want[2 * k as usize - 1] = if k % 2 == 1 { t } else { -t };
    }
    assert_rationals("tan x", &rational_coeffs(&f(Func::Tan, x()), n), &want);
    // Spot values, to pin the reference itself.
    assert_eq!(want[9], rat(62, 2835));
    assert_eq!(
        want[41],
        Rational::from((
            "1410211493828985228276049834684"
                .parse::<Integer>()
                .unwrap(),
            "121699582862361447435141825020548828125"
                .parse::<Integer>()
                .unwrap()
        ))
    );
}

/// tanh x = Σ_{k≥1} 2^(2k) (2^(2k) − 1) B_(2k) x^(2k−1)/(2k)!, through x^41.
#[test]
fn tanh_through_x41_matches_bernoulli_numbers() {
    let n = 42;
    let b = bernoulli(n);
    let mut want = zeros(n);
    for k in 1..=21u32 {
        let four_k = pow2(2 * k);
        want[2 * k as usize - 1] = Rational::from(&four_k * Integer::from(&four_k - 1))
            * &b[2 * k as usize]
            / factorial(2 * k);
    }
    assert_rationals("tanh x", &rational_coeffs(&f(Func::Tanh, x()), n), &want);
}

/// sec x = 1/cos x = Σ |E_2k| x^(2k)/(2k)!, through x^30.
#[test]
fn sec_through_x30_matches_euler_numbers() {
    let n = 31;
    let e = euler_numbers(n);
    let mut want = zeros(n);
    for k in (0..n).step_by(2) {
        want[k] = Rational::from((Integer::from(e[k].abs_ref()), factorial(k as u32)));
    }
    let sec = div(int(1), f(Func::Cos, x()));
    assert_rationals("1/cos x", &rational_coeffs(&sec, n), &want);
    assert_eq!(want[30], {
        // |E_30| = 441543893249023104553682821, a check on the reference.
        Rational::from((
            "441543893249023104553682821".parse::<Integer>().unwrap(),
            factorial(30),
        ))
    });
}

/// (1 − sqrt(1 − 4x))/(2x) = Σ C(2n, n)/(n + 1) x^n: the division by x needs the Laurent
/// bookkeeping (the numerator's constant term cancels).
#[test]
fn catalan_generating_function_through_x30() {
    let n = 31;
    let g = div(
        sub(int(1), sqrt(sub(int(1), mul(vec![int(4), x()])))),
        mul(vec![int(2), x()]),
    );
    let want: Vec<Rational> = (0..n as u32)
        .map(|k| Rational::from(binomial(2 * k, k) / Integer::from(k + 1)))
        .collect();
    assert_eq!(want[10], 16796);
    assert_eq!(want[30], 3_814_986_502_092_304_u64);
    assert_rationals("catalan", &rational_coeffs(&g, n), &want);
}

fn fibonacci(n: usize) -> Vec<Integer> {
    let mut v = vec![Integer::from(0), Integer::from(1)];
    while v.len() < n {
        let next = Integer::from(&v[v.len() - 1] + &v[v.len() - 2]);
        v.push(next);
    }
    v
}

/// 1/(1 − x − x²) = Σ F_(k+1) x^k, through x^60 (and x^100 through the language).
#[test]
fn fibonacci_through_x60() {
    let n = 61;
    let fib = fibonacci(n + 2);
    let want: Vec<Rational> = (0..n).map(|k| Rational::from(&fib[k + 1])).collect();
    let g = div(int(1), sub(sub(int(1), x()), pow(x(), int(2))));
    assert_rationals("1/(1 - x - x^2)", &rational_coeffs(&g, n), &want);
    assert_eq!(want[60], "2504730781961".parse::<Integer>().unwrap());
    // x^100 coefficient, the same number the language test below prints.
    let fib = fibonacci(103);
    assert_eq!(
        fib[101],
        "573147844013817084101".parse::<Integer>().unwrap()
    );
    let c = rational_coeffs(&g, 101);
    assert_eq!(c[100], fib[101]);
}

/// (1 + x)^a = Σ C(a, k) x^k for rational exponents.
#[test]
fn binomial_series_for_rational_exponents() {
    let n = 21;
    for (p, q) in [(1, 3), (-5, 2), (1, 2), (-1, 2), (7, 4), (-2, 3)] {
        let a = rat(p, q);
        let g = pow(add(vec![int(1), x()]), frac(p, q));
        let want: Vec<Rational> = (0..n as u32).map(|k| gen_binomial(&a, k)).collect();
        assert_rationals(
            &format!("(1 + x)^({p}/{q})"),
            &rational_coeffs(&g, n),
            &want,
        );
    }
    // The first terms, written out.
    let c = rational_coeffs(&pow(add(vec![int(1), x()]), frac(-5, 2)), 5);
    assert_eq!(
        c,
        [
            rat(1, 1),
            rat(-5, 2),
            rat(35, 8),
            rat(-105, 16),
            rat(1155, 128)
        ]
    );
}

/// A constant term other than 1: (c + x)^a = c^a (1 + x/c)^a, with c^a rational.
#[test]
fn binomial_series_around_other_constants() {
    let n = 12;
    // (4 + x)^(3/2) = 8 (1 + x/4)^(3/2)
    let g = pow(add(vec![int(4), x()]), frac(3, 2));
    let want: Vec<Rational> = (0..n as u32)
        .map(|k| gen_binomial(&rat(3, 2), k) * Rational::from(8) / Rational::from(pow2(2 * k)))
        .collect();
    assert_rationals("(4 + x)^(3/2)", &rational_coeffs(&g, n), &want);
    // (x − 8)^(1/3) = −2 (1 − x/8)^(1/3) (the real cube root)
    let g = pow(sub(x(), int(8)), frac(1, 3));
    let want: Vec<Rational> = (0..n as u32)
        .map(|k| {
            let sign = if k % 2 == 0 { 1 } else { -1 };
            gen_binomial(&rat(1, 3), k) * Rational::from(-2 * sign) / Rational::from(pow2(3 * k))
        })
        .collect();
    assert_rationals("(x - 8)^(1/3)", &rational_coeffs(&g, n), &want);
}

/// n!·[x^n] exp(sin x) = 1, 1, 1, 0, −3, −8, −3, 56, 217, 64, −2951 (OEIS A002017), and on to
/// x^30 against an exponential recurrence written here.
#[test]
fn exp_of_sin_matches_oeis_a002017() {
    let n = 31;
    let c = rational_coeffs(&exp(f(Func::Sin, x())), n);
    let oeis = [1, 1, 1, 0, -3, -8, -3, 56, 217, 64, -2951];
    for (k, w) in oeis.iter().enumerate() {
        let scaled = Rational::from(&c[k] * factorial(k as u32));
        assert_eq!(scaled, *w, "{k}!·[x^{k}] exp(sin x)");
    }
    // h = exp(s): k·h_k = Σ_j j·s_j·h_(k−j), s = sin.
    let s: Vec<Rational> = (0..n as u32)
        .map(|k| match k % 4 {
            1 => inv_factorial(k),
            3 => -inv_factorial(k),
            _ => Rational::new(),
        })
        .collect();
    let mut h = vec![Rational::from(1)];
    for k in 1..n {
        let mut acc = Rational::new();
        for j in 1..=k {
            acc += Rational::from(&s[j] * &h[k - j]) * j as u32;
        }
        h.push(acc / k as u32);
    }
    assert_rationals("exp(sin x)", &c, &h);
    // The recurrence written here reproduces the listed OEIS terms too.
    for (k, w) in oeis.iter().enumerate() {
        assert_eq!(Rational::from(&h[k] * factorial(k as u32)), *w);
    }
}

/// ln(1 + x), atan, asin, atanh, asinh, sinh, cosh through x^25.
#[test]
fn elementary_functions_through_x25() {
    let n = 26;
    let one_plus_x = add(vec![int(1), x()]);
    let odd = |c: &dyn Fn(u32) -> Rational| -> Vec<Rational> {
        (0..n as u32)
            .map(|k| {
                if k % 2 == 1 {
                    c((k - 1) / 2)
                } else {
                    Rational::new()
                }
            })
            .collect()
    };
    let sign = |k: u32| if k.is_multiple_of(2) { 1 } else { -1 };

    let ln: Vec<Rational> = (0..n as i64)
        .map(|k| {
            if k == 0 {
                Rational::new()
            } else {
                rat(if k % 2 == 1 { 1 } else { -1 }, k)
            }
        })
        .collect();
    assert_rationals(
        "ln(1 + x)",
        &rational_coeffs(&f(Func::Ln, one_plus_x), n),
        &ln,
    );

    let atan = odd(&|m| rat(sign(m), 2 * m as i64 + 1));
    assert_rationals("atan x", &rational_coeffs(&f(Func::Atan, x()), n), &atan);

    let atanh = odd(&|m| rat(1, 2 * m as i64 + 1));
    assert_rationals("atanh x", &rational_coeffs(&f(Func::Atanh, x()), n), &atanh);

    // asin x = Σ C(2m, m) x^(2m+1)/(4^m (2m + 1))
    let asin =
        odd(&|m| Rational::from((binomial(2 * m, m), pow2(2 * m) * Integer::from(2 * m + 1))));
    assert_rationals("asin x", &rational_coeffs(&f(Func::Asin, x()), n), &asin);

    let asinh = odd(&|m| {
        Rational::from((
            binomial(2 * m, m) * sign(m),
            pow2(2 * m) * Integer::from(2 * m + 1),
        ))
    });
    assert_rationals("asinh x", &rational_coeffs(&f(Func::Asinh, x()), n), &asinh);

    let sinh = odd(&|m| inv_factorial(2 * m + 1));
    assert_rationals("sinh x", &rational_coeffs(&f(Func::Sinh, x()), n), &sinh);

    let cosh: Vec<Rational> = (0..n as u32)
        .map(|k| {
            if k % 2 == 0 {
                inv_factorial(k)
            } else {
                Rational::new()
            }
        })
        .collect();
    assert_rationals("cosh x", &rational_coeffs(&f(Func::Cosh, x()), n), &cosh);

    let sin = odd(&|m| inv_factorial(2 * m + 1) * sign(m));
    assert_rationals("sin x", &rational_coeffs(&f(Func::Sin, x()), n), &sin);

    // sigmoid x = 1/2 + x/4 − x³/48 + x⁵/480 − 17x⁷/80640 + …: sigmoid x = 1/2 + tanh(x/2)/2.
    let b = bernoulli(n);
    let mut sigmoid = zeros(n);
    sigmoid[0] = rat(1, 2);
    for k in 1..=(n as u32 / 2) {
        let idx = 2 * k as usize - 1;
        if idx >= n {
            break;
        }
        let four_k = pow2(2 * k);
        // tanh coefficient times (1/2)^(2k−1)/2
        sigmoid[idx] = Rational::from(&four_k * Integer::from(&four_k - 1)) * &b[2 * k as usize]
            / factorial(2 * k)
            / pow2(2 * k);
    }
    assert_eq!(sigmoid[7], rat(-17, 80640));
    assert_rationals(
        "sigmoid x",
        &rational_coeffs(&f(Func::Sigmoid, x()), n),
        &sigmoid,
    );
}

/// Removable singularities: the precision bookkeeping must deliver every requested
/// coefficient after dividing by a power of x.
#[test]
fn removable_singularities_through_x30() {
    let n = 31;
    let sign = |k: u32| if k.is_multiple_of(2) { 1 } else { -1 };
    // sin(x)/x = Σ (−1)^k x^(2k)/(2k + 1)!
    let want: Vec<Rational> = (0..n as u32)
        .map(|k| {
            if k % 2 == 0 {
                inv_factorial(k + 1) * sign(k / 2)
            } else {
                Rational::new()
            }
        })
        .collect();
    let g = div(f(Func::Sin, x()), x());
    assert_rationals("sin(x)/x", &rational_coeffs(&g, n), &want);

    // (exp(x) − 1)/x = Σ x^k/(k + 1)!
    let want: Vec<Rational> = (0..n as u32).map(|k| inv_factorial(k + 1)).collect();
    let g = div(sub(exp(x()), int(1)), x());
    assert_rationals("(exp(x) - 1)/x", &rational_coeffs(&g, n), &want);

    // x/(exp(x) − 1) = Σ B_k x^k/k!
    let b = bernoulli(n);
    let want: Vec<Rational> = (0..n as u32)
        .map(|k| &b[k as usize] * inv_factorial(k))
        .collect();
    let g = div(x(), sub(exp(x()), int(1)));
    assert_rationals("x/(exp(x) - 1)", &rational_coeffs(&g, n), &want);

    // (1 − cos x)/x² = Σ (−1)^k x^(2k)/(2k + 2)!
    let want: Vec<Rational> = (0..n as u32)
        .map(|k| {
            if k % 2 == 0 {
                inv_factorial(k + 2) * sign(k / 2)
            } else {
                Rational::new()
            }
        })
        .collect();
    let g = div(sub(int(1), f(Func::Cos, x())), pow(x(), int(2)));
    assert_rationals("(1 - cos x)/x^2", &rational_coeffs(&g, n), &want);

    // (sin x − x)/x³ = Σ_{k≥0} (−1)^(k+1) x^(2k)/(2k + 3)!
    let want: Vec<Rational> = (0..n as u32)
        .map(|k| {
            if k % 2 == 0 {
                inv_factorial(k + 3) * -sign(k / 2)
            } else {
                Rational::new()
            }
        })
        .collect();
    let g = div(sub(f(Func::Sin, x()), x()), pow(x(), int(3)));
    assert_rationals("(sin x - x)/x^3", &rational_coeffs(&g, n), &want);

    // ln(1 + x)/x = Σ (−1)^k x^k/(k + 1)
    let want: Vec<Rational> = (0..n as i64)
        .map(|k| rat(if k % 2 == 0 { 1 } else { -1 }, k + 1))
        .collect();
    let g = div(f(Func::Ln, add(vec![int(1), x()])), x());
    assert_rationals("ln(1 + x)/x", &rational_coeffs(&g, n), &want);

    // sin(x)²/x² = (1 − cos 2x)/(2x²) = Σ_{k≥0} (−1)^k 2^(2k+1) x^(2k)/(2k + 2)!
    let want: Vec<Rational> = (0..n as u32)
        .map(|k| {
            if k % 2 == 0 {
                inv_factorial(k + 2) * Rational::from(pow2(k + 1)) * sign(k / 2)
            } else {
                Rational::new()
            }
        })
        .collect();
    let g = div(pow(f(Func::Sin, x()), int(2)), pow(x(), int(2)));
    assert_rationals("sin(x)^2/x^2", &rational_coeffs(&g, n), &want);
}

/// A series that is exactly zero, and one whose denominator is exactly zero.
#[test]
fn identically_zero_series_and_zero_divisors() {
    let s2c2m1 = sub(
        add(vec![
            pow(f(Func::Sin, x()), int(2)),
            pow(f(Func::Cos, x()), int(2)),
        ]),
        int(1),
    );
    assert_rationals("sin² + cos² − 1", &rational_coeffs(&s2c2m1, 12), &zeros(12));
    let g = div(s2c2m1.clone(), pow(x(), int(5)));
    assert_rationals("(sin² + cos² − 1)/x^5", &rational_coeffs(&g, 6), &zeros(6));
    let g = div(int(1), s2c2m1);
    // sigma cannot prove a series identically zero; it says the divisor vanishes to every
    // order it tried.
    match series::taylor(&g, "x", &Expr::zero(), 4) {
        Err(MathError::Unsupported(m)) => assert!(m.contains("vanishes"), "{m}"),
        other => panic!("expected an error about a vanishing divisor, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Symbolic coefficients
// ---------------------------------------------------------------------------------------------

fn sqrt_pi() -> Expr {
    sqrt(Expr::pi())
}

fn sqrt_two_pi() -> Expr {
    sqrt(mul(vec![int(2), Expr::pi()]))
}

/// erf x = 2/√π Σ (−1)^n x^(2n+1)/(n!(2n + 1)), through x^13.
#[test]
fn erf_symbolic_coefficients() {
    let n = 14;
    let got = expand_at(&f(Func::Erf, x()), &Expr::zero(), n);
    assert!(got.symbolic, "erf needs √π");
    let want: Vec<Expr> = (0..n as u32)
        .map(|k| {
            if k % 2 == 0 {
                return Expr::zero();
            }
            let m = (k - 1) / 2;
            let sign = if m % 2 == 0 { 1 } else { -1 };
            let r = Rational::from((Integer::from(2 * sign), factorial(m) * (2 * m + 1)));
            div(num(r), sqrt_pi())
        })
        .collect();
    assert_exprs("erf x", &got.coeffs, &want);

    // erfc = 1 − erf
    let got = symbolic_coeffs(&f(Func::Erfc, x()), n);
    let want: Vec<Expr> = want
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let one = if k == 0 { int(1) } else { int(0) };
            sub(one, c.clone())
        })
        .collect();
    assert_exprs("erfc x", &got, &want);
}

/// Φ(x) = 1/2 + 1/√(2π) Σ (−1)^n x^(2n+1)/(2^n n! (2n + 1)), through x^13.
#[test]
fn phi_symbolic_coefficients() {
    let n = 14;
    let got = symbolic_coeffs(&f(Func::Phi, x()), n);
    let want: Vec<Expr> = (0..n as u32)
        .map(|k| {
            if k == 0 {
                return frac(1, 2);
            }
            if k % 2 == 0 {
                return Expr::zero();
            }
            let m = (k - 1) / 2;
            let sign = if m % 2 == 0 { 1 } else { -1 };
            let r = Rational::from((Integer::from(sign), pow2(m) * factorial(m) * (2 * m + 1)));
            div(num(r), sqrt_two_pi())
        })
        .collect();
    assert_exprs("Phi x", &got, &want);
}

/// gelu x = x Φ(x) = x/2 + x²/√(2π) − x⁴/(6√(2π)) + x⁶/(40√(2π)) − x⁸/(336√(2π)) + …
#[test]
fn gelu_symbolic_coefficients() {
    let got = symbolic_coeffs(&f(Func::Gelu, x()), 9);
    let s = sqrt_two_pi;
    let want = vec![
        int(0),
        frac(1, 2),
        div(int(1), s()),
        int(0),
        div(int(-1), mul(vec![int(6), s()])),
        int(0),
        div(int(1), mul(vec![int(40), s()])),
        int(0),
        div(int(-1), mul(vec![int(336), s()])),
    ];
    assert_exprs("gelu x", &got, &want);
    // and further, from the Φ series: [x^(2m+2)] = (−1)^m/(√(2π) 2^m m! (2m + 1))
    let got = symbolic_coeffs(&f(Func::Gelu, x()), 16);
    for m in 0..7u32 {
        let sign = if m % 2 == 0 { 1 } else { -1 };
        let r = Rational::from((Integer::from(sign), pow2(m) * factorial(m) * (2 * m + 1)));
        assert_eq!(
            got[2 * m as usize + 2],
            div(num(r), s()),
            "gelu coefficient of x^{}",
            2 * m + 2
        );
    }
}

/// exp(a·x) = Σ a^k x^k/k!, through x^5.
#[test]
fn exp_of_a_times_x() {
    let a = Expr::sym("a");
    let g = exp(mul(vec![a.clone(), x()]));
    let got = expand_at(&g, &Expr::zero(), 6);
    assert!(got.symbolic);
    let want: Vec<Expr> = (0..6u32)
        .map(|k| mul(vec![num(inv_factorial(k)), pow(a.clone(), int(k as i64))]))
        .collect();
    assert_exprs("exp(a*x)", &got.coeffs, &want);
}

/// (1 + x)^a: C(a, k), compared as canonical expanded polynomials in a and by substituting
/// rational values of a.
#[test]
fn binomial_series_with_a_symbolic_exponent() {
    let a = Expr::sym("a");
    let g = pow(add(vec![int(1), x()]), a.clone());
    let got = symbolic_coeffs(&g, 4);
    // C(a, k) = a(a − 1)…(a − k + 1)/k!
    for (k, c) in got.iter().enumerate() {
        let mut falling = vec![num(inv_factorial(k as u32))];
        for j in 0..k as i64 {
            falling.push(sub(a.clone(), int(j)));
        }
        let want = subst::expand(&mul(falling)).expect("expand");
        assert_eq!(
            *c,
            want,
            "(1 + x)^a, coefficient {k}: {} vs {}",
            text::expr(c),
            text::expr(&want)
        );
        for (p, q) in [(7, 3), (-5, 2), (4, 1), (0, 1)] {
            let v = subst::subs(c, "a", &frac(p, q)).expect("substitute");
            assert_eq!(
                v,
                num(gen_binomial(&rat(p, q), k as u32)),
                "(1 + x)^a at a = {p}/{q}, coefficient {k}"
            );
        }
    }
    assert_eq!(got[1], a);
}

/// sin(x + 1) at 0: sin 1, cos 1, −sin(1)/2, −cos(1)/6, sin(1)/24, …
#[test]
fn sin_of_x_plus_one_has_sin1_and_cos1() {
    let g = f(Func::Sin, add(vec![x(), int(1)]));
    let got = expand_at(&g, &Expr::zero(), 8);
    assert!(got.symbolic);
    let s1 = f(Func::Sin, int(1));
    let c1 = f(Func::Cos, int(1));
    let want: Vec<Expr> = (0..8u32)
        .map(|k| {
            let base = if k % 2 == 0 { s1.clone() } else { c1.clone() };
            let sign = if (k / 2) % 2 == 0 { 1 } else { -1 };
            mul(vec![num(inv_factorial(k) * sign), base])
        })
        .collect();
    assert_exprs("sin(x + 1)", &got.coeffs, &want);
    // The same through the expansion point: sin(x) at 1.
    let at1 = expand_at(&f(Func::Sin, x()), &int(1), 8);
    assert_exprs("sin x at 1", &at1.coeffs, &want);
}

// ---------------------------------------------------------------------------------------------
// Taylor series at a point other than 0
// ---------------------------------------------------------------------------------------------

#[test]
fn ln_at_one() {
    let n = 20;
    let got = rational_coeffs_at(&f(Func::Ln, x()), &int(1), n);
    let want: Vec<Rational> = (0..n as i64)
        .map(|k| {
            if k == 0 {
                Rational::new()
            } else {
                rat(if k % 2 == 1 { 1 } else { -1 }, k)
            }
        })
        .collect();
    assert_rationals("ln x at 1", &got, &want);
}

#[test]
fn exp_at_two() {
    let got = expand_at(&exp(x()), &int(2), 10);
    assert!(got.symbolic);
    let want: Vec<Expr> = (0..10u32)
        .map(|k| mul(vec![num(inv_factorial(k)), exp(int(2))]))
        .collect();
    assert_exprs("exp x at 2", &got.coeffs, &want);
}

#[test]
fn sqrt_at_four() {
    // sqrt(4 + t) = 2 (1 + t/4)^(1/2) = Σ 2 C(1/2, k) t^k / 4^k
    let n = 15;
    let got = rational_coeffs_at(&sqrt(x()), &int(4), n);
    let want: Vec<Rational> = (0..n as u32)
        .map(|k| gen_binomial(&rat(1, 2), k) * Rational::from(2) / Rational::from(pow2(2 * k)))
        .collect();
    assert_rationals("sqrt x at 4", &got, &want);
    assert_eq!(&got[..4], [rat(2, 1), rat(1, 4), rat(-1, 64), rat(1, 512)]);
}

#[test]
fn more_expansion_points() {
    // 1/x at 3: (−1)^k/3^(k+1)
    let got = rational_coeffs_at(&div(int(1), x()), &int(3), 10);
    let want: Vec<Rational> = (0..10u32)
        .map(|k| {
            let d = Integer::from(3).pow(k + 1);
            Rational::from((Integer::from(if k % 2 == 0 { 1 } else { -1 }), d))
        })
        .collect();
    assert_rationals("1/x at 3", &got, &want);

    // sqrt(x) at 1/4: (1/4 + t)^(1/2) = (1/2)(1 + 4t)^(1/2)
    let got = rational_coeffs_at(&sqrt(x()), &frac(1, 4), 8);
    let want: Vec<Rational> = (0..8u32)
        .map(|k| gen_binomial(&rat(1, 2), k) * Rational::from(pow2(2 * k)) / 2)
        .collect();
    assert_rationals("sqrt x at 1/4", &got, &want);

    // x^x at 1: 1, 1, 1, 1/2, 1/3, 1/12 (OEIS A005727 / k!)
    let xx = pow(x(), x());
    let got = rational_coeffs_at(&xx, &int(1), 6);
    assert_eq!(
        got,
        [
            rat(1, 1),
            rat(1, 1),
            rat(1, 1),
            rat(1, 2),
            rat(1, 3),
            rat(1, 12)
        ]
    );

    // tan at π/4: 1, 2, 2, 8/3, 10/3, 64/15
    let got = expand_at(&f(Func::Tan, x()), &div(Expr::pi(), int(4)), 6).coeffs;
    let want: Vec<Expr> = [(1, 1), (2, 1), (2, 1), (8, 3), (10, 3), (64, 15)]
        .iter()
        .map(|&(p, q)| frac(p, q))
        .collect();
    assert_exprs("tan x at pi/4", &got, &want);

    // sin at π: −(x − π) + (x − π)³/6 − …
    let got = expand_at(&f(Func::Sin, x()), &Expr::pi(), 8).coeffs;
    let want: Vec<Expr> = (0..8u32)
        .map(|k| {
            if k % 2 == 0 {
                int(0)
            } else {
                num(inv_factorial(k) * if (k / 2) % 2 == 0 { -1 } else { 1 })
            }
        })
        .collect();
    assert_exprs("sin x at pi", &got, &want);

    // ln(x) at a symbolic point a: ln a, 1/a, −1/(2a²), 1/(3a³)
    let a = Expr::sym("a");
    let got = expand_at(&f(Func::Ln, x()), &a, 4).coeffs;
    let want = vec![
        f(Func::Ln, a.clone()),
        div(int(1), a.clone()),
        div(int(-1), mul(vec![int(2), pow(a.clone(), int(2))])),
        div(int(1), mul(vec![int(3), pow(a.clone(), int(3))])),
    ];
    assert_exprs("ln x at a", &got, &want);
}

// ---------------------------------------------------------------------------------------------
// The library entry point: sizes and errors
// ---------------------------------------------------------------------------------------------

#[test]
fn requested_length_is_honoured() {
    let g = exp(x());
    assert!(expand_at(&g, &Expr::zero(), 0).coeffs.is_empty());
    assert_eq!(expand_at(&g, &Expr::zero(), 1).coeffs, vec![int(1)]);
    // A constant (free of x) still gets n coefficients, all but the first zero.
    let c = expand_at(&exp(Expr::sym("y")), &Expr::zero(), 4).coeffs;
    assert_eq!(
        c,
        vec![exp(Expr::sym("y")), int(0), int(0), int(0)],
        "exp(y) in x"
    );
    // A polynomial is its own series, padded with zeros.
    let p = add(vec![int(3), mul(vec![int(-2), x()]), pow(x(), int(4))]);
    let got = rational_coeffs(&p, 7);
    assert_eq!(
        got,
        [
            rat(3, 1),
            rat(-2, 1),
            rat(0, 1),
            rat(0, 1),
            rat(1, 1),
            rat(0, 1),
            rat(0, 1)
        ]
    );
    // and truncated when n is smaller than its degree + 1
    assert_eq!(rational_coeffs(&p, 2), [rat(3, 1), rat(-2, 1)]);
}

#[test]
fn library_errors() {
    let zero = Expr::zero();
    let too_many = series::taylor(&exp(x()), "x", &zero, MAX_ORDER + 1);
    assert!(
        matches!(too_many, Err(MathError::TooLarge(_))),
        "{too_many:?}"
    );

    match series::taylor(&div(int(1), x()), "x", &zero, 3) {
        Err(MathError::Domain(m)) => {
            assert!(m.contains("pole of order 1"), "{m}");
            assert!(m.to_lowercase().contains("laurent"), "{m}");
        }
        other => panic!("1/x: {other:?}"),
    }
    match series::taylor(&div(int(1), pow(f(Func::Sin, x()), int(2))), "x", &zero, 3) {
        Err(MathError::Domain(m)) => assert!(m.contains("pole of order 2"), "{m}"),
        other => panic!("1/sin(x)^2: {other:?}"),
    }
    match series::taylor(&f(Func::Ln, x()), "x", &zero, 3) {
        Err(MathError::Domain(m)) => assert!(m.contains("ln(x) is singular at x = 0"), "{m}"),
        other => panic!("ln x: {other:?}"),
    }
    match series::taylor(&sqrt(x()), "x", &zero, 3) {
        Err(MathError::Domain(m)) => assert!(m.contains("branch point"), "{m}"),
        other => panic!("sqrt x: {other:?}"),
    }
    match series::taylor(&f(Func::Gamma, x()), "x", &zero, 3) {
        Err(MathError::Unsupported(m)) => assert!(m.contains("gamma"), "{m}"),
        other => panic!("gamma x: {other:?}"),
    }
    match series::taylor(&f(Func::Abs, x()), "x", &zero, 3) {
        Err(MathError::Domain(m)) => assert!(m.contains("abs(x) is not analytic"), "{m}"),
        other => panic!("abs x: {other:?}"),
    }
    // tan has a pole at π/2
    match series::taylor(&f(Func::Tan, x()), "x", &div(Expr::pi(), int(2)), 3) {
        Err(MathError::Domain(m)) => assert!(m.contains("pole of order 1"), "{m}"),
        other => panic!("tan x at pi/2: {other:?}"),
    }
    // exp(1/x) has an essential singularity
    match series::taylor(&exp(div(int(1), x())), "x", &zero, 3) {
        Err(MathError::Domain(m)) => assert!(m.contains("pole at x = 0"), "{m}"),
        other => panic!("exp(1/x): {other:?}"),
    }
    // ln of a negative constant term is not real
    match series::taylor(&f(Func::Ln, sub(x(), int(1))), "x", &zero, 3) {
        Err(MathError::Domain(m)) => assert!(m.contains("negative"), "{m}"),
        other => panic!("ln(x - 1): {other:?}"),
    }
}

/// At a point a ≠ 0 sigma expands in an internal variable standing for x − a; error
/// messages must still talk about the user's variable.
#[test]
fn errors_at_a_nonzero_point_name_the_users_variable() {
    for (g, a) in [
        (f(Func::Ln, sub(x(), int(1))), int(1)),
        (sqrt(sub(x(), int(1))), int(1)),
        (exp(div(int(1), sub(x(), int(1)))), int(1)),
        (f(Func::Abs, sub(x(), int(1))), int(1)),
        (f(Func::Asin, x()), int(1)),
    ] {
        let err = series::taylor(&g, "x", &a, 3).expect_err("singular");
        let m = err.to_string();
        assert!(
            !m.contains("_t"),
            "taylor({}, x, {}, 3): {m}",
            text::expr(&g),
            text::expr(&a)
        );
    }
}

/// (1 + x)^N for a huge integer N has small, exactly computable coefficients C(N, k).
#[test]
fn huge_integer_exponent_is_a_binomial_series() {
    let big: Integer = Integer::from(10).pow(30);
    let g = pow(add(vec![int(1), x()]), num(Rational::from(&big)));
    let got = rational_coeffs(&g, 4);
    let bq = Rational::from(&big);
    let want: Vec<Rational> = (0..4).map(|k| gen_binomial(&bq, k)).collect();
    assert_rationals("(1 + x)^(10^30)", &got, &want);
}

// ---------------------------------------------------------------------------------------------
// The language
// ---------------------------------------------------------------------------------------------

/// Runs `src` (one statement) in a fresh session; the printed value, or the diagnostics'
/// messages. Panics are caught and reported as a test failure naming the input.
fn run(src: &str) -> Result<String, Vec<sigma::diagnostics::Diagnostic>> {
    let owned = src.to_string();
    let r = std::panic::catch_unwind(move || {
        let mut s = Session::new();
        match s.run_collect("series.sigma", &owned) {
            Ok(out) => {
                assert_eq!(out.len(), 1, "one statement, one outcome");
                match &out[0].kind {
                    OutcomeKind::Value(v) => Ok(text::value(v)),
                    k => panic!("not a value: {k:?}"),
                }
            }
            Err((_, d)) => Err(d),
        }
    });
    match r {
        Ok(v) => v,
        Err(_) => panic!("{src:?} panicked"),
    }
}

#[track_caller]
fn prints(src: &str, want: &str) {
    match run(src) {
        Ok(got) => assert_eq!(got, want, "{src}"),
        Err(d) => panic!("{src} failed: {:?}", d),
    }
}

/// The single diagnostic of a failing statement; checks the house style of messages.
#[track_caller]
fn fails(src: &str) -> sigma::diagnostics::Diagnostic {
    match run(src) {
        Ok(v) => panic!("{src} must fail, but printed {v}"),
        Err(mut d) => {
            assert_eq!(d.len(), 1, "{src}: {d:?}");
            let d = d.remove(0);
            assert!(d.span.is_some(), "{src}: the error points at the source");
            assert!(
                !d.message.starts_with(char::is_uppercase) && !d.message.ends_with('.'),
                "{src}: message style: {:?}",
                d.message
            );
            d
        }
    }
}

#[test]
fn language_prints_series() {
    prints(
        "maclaurin(exp(a*x), x, 3)",
        "1 + a*x + a^2*x^2/2 + a^3*x^3/6 + O(x^4)",
    );
    prints(
        "maclaurin(exp(-x), x, 4)",
        "1 - x + x^2/2 - x^3/6 + x^4/24 + O(x^5)",
    );
    prints(
        "taylor(ln(x), x, 1, 3)",
        "(x - 1) - (x - 1)^2/2 + (x - 1)^3/3 + O((x - 1)^4)",
    );
    prints("series(exp(x), x, 0, 2)", "1 + x + x^2/2 + O(x^3)");
    prints(
        "series(ln(x), x, 1, 3)",
        "(x - 1) - (x - 1)^2/2 + (x - 1)^3/3 + O((x - 1)^4)",
    );
    prints("maclaurin(exp(x), x, 0)", "1 + O(x)");
    prints("maclaurin(sin(x), x, 0)", "O(x)");
    prints("maclaurin(x^3, x, 1)", "O(x^2)");
    prints(
        "maclaurin(1/cos(x), x, 8)",
        "1 + x^2/2 + 5*x^4/24 + 61*x^6/720 + 277*x^8/8064 + O(x^9)",
    );
    prints(
        "maclaurin((1-sqrt(1-4*x))/(2*x), x, 6)",
        "1 + x + 2*x^2 + 5*x^3 + 14*x^4 + 42*x^5 + 132*x^6 + O(x^7)",
    );
    prints(
        "maclaurin(erf(x), x, 5)",
        "2*x/sqrt(pi) - 2*x^3/(3*sqrt(pi)) + x^5/(5*sqrt(pi)) + O(x^6)",
    );
    prints(
        "taylor(sqrt(x), x, 4, 3)",
        "2 + (x - 4)/4 - (x - 4)^2/64 + (x - 4)^3/512 + O((x - 4)^4)",
    );
    prints(
        "maclaurin(sin(x+1), x, 3)",
        "sin(1) + x*cos(1) - x^2*sin(1)/2 - x^3*cos(1)/6 + O(x^4)",
    );
    // A bound value is a constant, not the expansion variable.
    let mut s = Session::new();
    let out = s
        .run_collect("bound.sigma", "a = 2\nmaclaurin(exp(a*x), x, 2)")
        .expect("runs");
    match &out[1].kind {
        OutcomeKind::Value(v) => assert_eq!(text::value(v), "1 + 2*x + 2*x^2 + O(x^3)"),
        k => panic!("{k:?}"),
    }
}

#[test]
fn language_coeff() {
    prints("coeff(1/(1-x-x^2), x, 100)", "573147844013817084101");
    prints("coeff(1/(1 - x - x^2), x, 10)", "89");
    prints("coeff(exp(sin(x)), x, 10)", "-2951/3628800");
    prints("coeff(exp(x), x, 0)", "1");
    prints("coeff(sin(x), x, 2)", "0");
    prints("coeff(exp(a*x), x, 3)", "a^3/6");
    prints("coeff(tan(x), x, 9)", "62/2835");
}

#[test]
fn language_records_a_derivation() {
    let mut s = Session::new();
    let out = s
        .run_collect("steps.sigma", "maclaurin(exp(x), x, 3)")
        .expect("runs");
    let steps = &out[0].steps.steps;
    assert!(!steps.is_empty());
    assert!(
        steps[0].claim.starts_with("expand exp(x) through order 3"),
        "{:?}",
        steps[0]
    );
    assert!(steps[0].reason.contains("rationals"), "{:?}", steps[0]);
    let out = s
        .run_collect("steps2.sigma", "taylor(exp(x), x, 2, 1)")
        .expect("runs");
    let steps = &out[0].steps.steps;
    assert!(steps[0].claim.contains("at x = 2"), "{:?}", steps[0]);
    assert!(steps[0].reason.contains("symbolic"), "{:?}", steps[0]);
}

#[test]
fn language_bad_orders() {
    for src in ["maclaurin(f, x, -1)", "maclaurin(exp(x), x, -1)"] {
        let d = fails(src);
        assert_eq!(
            d.message, "the order must be a non-negative integer",
            "{src}"
        );
        assert_eq!(d.label, "this is -1", "{src}");
    }
    let d = fails("maclaurin(exp(x), x, 1/2)");
    assert_eq!(d.message, "the order must be a non-negative integer");
    let d = fails("maclaurin(exp(x), x, n)");
    assert_eq!(d.message, "the order must be a non-negative integer");
    assert_eq!(d.label, "this is n");
    let d = fails("maclaurin(exp(x), x, 10^9)");
    assert_eq!(
        d.message,
        format!(
            "the order 1000000000 is too large (at most {})",
            MAX_ORDER - 1
        )
    );
    let d = fails("taylor(exp(x), x, 0, 10^30)");
    assert!(d.message.contains("is too large"), "{}", d.message);
    let d = fails("coeff(exp(x), x, 10^9)");
    assert!(d.message.contains("is too large"), "{}", d.message);
}

#[test]
fn language_singular_inputs() {
    let d = fails("maclaurin(1/x, x, 3)");
    assert!(
        d.message.to_lowercase().contains("laurent"),
        "{}",
        d.message
    );
    assert!(d.message.contains("pole of order 1"), "{}", d.message);
    let d = fails("maclaurin(1/(sin(x)-x), x, 3)");
    assert!(d.message.contains("pole of order 3"), "{}", d.message);
    let d = fails("maclaurin(ln(x), x, 3)");
    assert!(
        d.message.starts_with("ln(x) is singular at x = 0"),
        "{}",
        d.message
    );
    let d = fails("maclaurin(sqrt(x), x, 3)");
    assert_eq!(
        d.message,
        "sqrt(x) is not analytic at x = 0 (a branch point): a Puiseux series in x^(1/2) whose term in x^(1/2) is 1; Puiseux series are not supported"
    );
    let d = fails("maclaurin(x^(3/2), x, 3)");
    assert!(d.message.contains("branch point"), "{}", d.message);
    // cos(√x) has only integer powers of x (DLMF §4.19 with z = √x): a power series.
    assert_eq!(
        run("maclaurin(cos(sqrt(x)), x, 3)").unwrap(),
        "1 - x/2 + x^2/24 - x^3/720 + O(x^4)"
    );
    let d = fails("maclaurin(sqrt(x-1), x, 3)");
    assert!(d.message.contains("not a real number"), "{}", d.message);
    let d = fails("maclaurin(exp(1/x), x, 3)");
    assert!(d.message.contains("pole at x = 0"), "{}", d.message);
    let d = fails("maclaurin(abs(x), x, 3)");
    assert!(d.message.contains("not analytic"), "{}", d.message);
    let d = fails("taylor(tan(x), x, pi/2, 3)");
    assert!(d.message.contains("pole of order 1"), "{}", d.message);
    let d = fails("maclaurin(1/(sin(x)^2+cos(x)^2-1), x, 3)");
    assert!(d.message.contains("a divisor vanishes"), "{}", d.message);
    let d = fails("taylor(exp(x), x, oo, 3)");
    assert!(d.message.contains("infinite"), "{}", d.message);
}

#[test]
fn language_bad_variables_and_points() {
    for src in [
        "maclaurin(exp(x), 2, 3)",
        "maclaurin(exp(x), x^2, 3)",
        "maclaurin(exp(x), pi, 3)",
        "maclaurin(exp(x), sin, 3)",
        "taylor(exp(x), 1, 0, 3)",
        "coeff(exp(x), x+1, 3)",
    ] {
        let d = fails(src);
        assert_eq!(
            d.message, "the series variable must be a variable name",
            "{src}"
        );
        assert_eq!(d.label, "not a variable", "{src}");
    }
    let d = fails("taylor(exp(x), x, x, 3)");
    assert_eq!(
        d.message,
        "the expansion point cannot depend on the variable"
    );
    let d = fails("taylor(exp(x), x, 2*x + 1, 3)");
    assert_eq!(
        d.message,
        "the expansion point cannot depend on the variable"
    );
}

#[test]
fn language_unsupported_functions() {
    for (src, name) in [
        ("maclaurin(gamma(x), x, 2)", "gamma"),
        ("maclaurin(zeta(x), x, 2)", "zeta"),
        ("maclaurin(x!, x, 2)", "factorial"),
        ("maclaurin(binomial(x, 2), x, 2)", "binomial"),
        ("taylor(gamma(x), x, 1, 2)", "gamma"),
    ] {
        let d = fails(src);
        assert!(
            d.message.starts_with(&format!(
                "series of {name} in the expansion variable are not supported"
            )),
            "{src}: {}",
            d.message
        );
    }
}

/// Taylor series at a negative point print as (x + 2), like (x − 1) for a positive one.
#[test]
fn negative_center_prints_x_first() {
    prints(
        "taylor(1/x, x, -2, 2)",
        "-1/2 - (x + 2)/4 - (x + 2)^2/8 + O((x + 2)^3)",
    );
}

/// Removable singularities at orders below the divisor's valuation: sin(x)/x through x^0 is
/// 1 + O(x), but the divisor x (or sin(x) − x) is zero at a working precision of n.
#[test]
fn low_orders_of_removable_singularities() {
    let g = div(pow(x(), int(3)), sub(f(Func::Sin, x()), x()));
    let long = rational_coeffs(&g, 12);
    assert_eq!(&long[..3], [rat(-6, 1), rat(0, 1), rat(-3, 10)]);
    for n in 1..12 {
        assert_rationals(
            &format!("x^3/(sin x - x) with {n} coefficients"),
            &rational_coeffs(&g, n),
            &long[..n],
        );
    }
    prints("maclaurin(sin(x)/x, x, 0)", "1 + O(x)");
    prints("coeff(sin(x)/x, x, 0)", "1");
    prints("maclaurin(x/(exp(x)-1), x, 0)", "1 + O(x)");
    prints("maclaurin((1-cos(x))/x^2, x, 0)", "1/2 + O(x)");
    prints("maclaurin(x^3/(sin(x)-x), x, 2)", "-6 - 3*x^2/10 + O(x^3)");
    // A real pole of order 3 is reported as one at every order, not as a division by zero.
    for src in [
        "maclaurin(1/(sin(x)-x), x, 0)",
        "maclaurin(1/(sin(x)-x), x, 2)",
        "maclaurin(1/(sin(x)^2+cos(x)^2-1+x^3), x, 2)",
    ] {
        let d = fails(src);
        assert!(
            d.message.contains("pole of order 3"),
            "{src}: {}",
            d.message
        );
    }
}
