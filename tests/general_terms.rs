//! Bernoulli and Euler numbers and the classical general terms built on them (issue 13 §1):
//! the numbers against OEIS, the classical series (DLMF 24.2, 4.19; Abramowitz–Stegun
//! 4.3.67–4.3.70) against sigma's own series coefficients, and `term(f, x, n)` checked twice
//! — its printed answer exactly, and, independently, the answer's coefficients against the
//! Maclaurin coefficients for 40 orders. Constants pulled out as powers (3^x, ln(3 + x)).

use sigma::eval::value::Value;
use sigma::math::answer::GeneralTerm;
use sigma::math::expr::bernoulli::{bernoulli, euler};
use sigma::math::expr::subst::{expand, subs};
use sigma::math::expr::{self, Expr};
use sigma::math::series;
use sigma::math::Q;
use sigma::render::text;
use sigma::session::{OutcomeKind, Session};
use std::time::{Duration, Instant};

fn value(src: &str) -> Value {
    let mut s = Session::new();
    let out = s
        .run_collect("<t>", src)
        .unwrap_or_else(|(_, d)| panic!("{src}: {}", s.render_diagnostics(&d, false)));
    match out.into_iter().last().map(|o| o.kind) {
        Some(OutcomeKind::Value(v)) => v,
        other => panic!("{src}: {other:?}"),
    }
}

fn run(src: &str) -> String {
    text::value(&value(src))
}

fn error(src: &str) -> String {
    let mut s = Session::new();
    match s.run_collect("<t>", src) {
        Ok(out) => panic!("{src} should fail, gave {:?}", out.last().map(|o| &o.kind)),
        Err((_, d)) => s.render_diagnostics(&d, false),
    }
}

fn expr_of(src: &str) -> Expr {
    match value(src) {
        Value::Expr(e) => e,
        other => panic!("{src}: not an expression: {other:?}"),
    }
}

/// The first `k` Maclaurin coefficients of `f` (sigma's series engine).
fn coefficients(f: &str, k: usize) -> Vec<Expr> {
    series::taylor(&expr_of(f), "x", &Expr::zero(), k)
        .unwrap_or_else(|e| panic!("{f}: {e}"))
        .coeffs
}

/// The coefficient of x^k that a general term claims: every piece's term at the n with
/// x-degree k (found by trying n = 0 … k), read at x = 1, plus the correction's coefficient.
fn claimed(answer: &GeneralTerm, k: usize) -> Expr {
    let GeneralTerm::Formula { pieces, correction } = answer else {
        panic!("not a formula: {answer}");
    };
    let mut total = vec![];
    if let Some(c) = correction {
        let cs = series::taylor(c, "x", &Expr::zero(), k + 1).expect("correction");
        total.push(cs.coeffs[k].clone());
    }
    for p in pieces {
        for n in p.start..=k as i64 {
            let t = subs(&p.term, &p.index, &Expr::int(n)).expect("substitution");
            // The degree in x: the term at x = 2 over the term at x = 1 is 2^degree.
            let at = |v: i64| expand(&subs(&t, "x", &Expr::int(v)).expect("x")).expect("expand");
            let one = at(1);
            if one.is_zero() {
                continue;
            }
            let two = at(2);
            let ratio = expand(&expr::div(two, one.clone()).expect("div")).expect("expand");
            if ratio == Expr::Num(Q::int(1 << k)) {
                total.push(one);
            }
        }
    }
    expand(&expr::add(total).expect("add")).expect("expand")
}

/// Asserts `term(f, x, n)` prints `want` and agrees with the first 40 coefficients of f.
fn check_term(f: &str, want: &str, source: &str) {
    let got = value(&format!("term({f}, x, n)"));
    assert_eq!(text::value(&got), want, "{f} ({source})");
    let answer = match got {
        Value::Term(t) => t,
        Value::Expr(e) => GeneralTerm::Formula {
            pieces: vec![sigma::math::answer::TermPiece {
                term: e,
                index: "n".into(),
                start: 0,
            }],
            correction: None,
        },
        other => panic!("{f}: {other:?}"),
    };
    let cs = coefficients(f, 40);
    for (k, c) in cs.iter().enumerate() {
        let diff = expand(&expr::sub(claimed(&answer, k), c.clone()).expect("sub")).expect("e");
        assert!(
            diff.is_zero(),
            "{f} ({source}): coefficient of x^{k} differs by {diff}"
        );
    }
}

fn q(n: i64, d: i64) -> Q {
    Q::frac(n, d)
}

fn b(n: u64) -> Q {
    bernoulli(n).expect("bernoulli")
}

fn e(n: u64) -> Q {
    Q::from_integer(euler(n).expect("euler"))
}

#[test]
fn bernoulli_numbers_match_oeis() {
    // OEIS A027641 (numerators) / A027642 (denominators), B_1 = −1/2 (DLMF 24.2.1).
    let num = [
        1, -1, 1, 0, -1, 0, 1, 0, -1, 0, 5, 0, -691, 0, 7, 0, -3617, 0, 43867, 0, -174611,
    ];
    let den = [
        1, 2, 6, 1, 30, 1, 42, 1, 30, 1, 66, 1, 2730, 1, 6, 1, 510, 1, 798, 1, 330,
    ];
    for n in 0..num.len() {
        assert_eq!(b(n as u64), q(num[n], den[n]), "B_{n}");
        assert_eq!(
            run(&format!("bernoulli({n})")),
            q(num[n], den[n]).to_string()
        );
    }
    // DLMF table 24.2.1: B_30 = 8615841276005/14322.
    assert_eq!(run("bernoulli(30)"), "8615841276005/14322");
}

#[test]
fn euler_numbers_match_oeis() {
    // OEIS A122045 (E_n, odd ones 0); |E_2n| is A000364 (the secant numbers).
    let en: [i64; 21] = [
        1,
        0,
        -1,
        0,
        5,
        0,
        -61,
        0,
        1385,
        0,
        -50521,
        0,
        2702765,
        0,
        -199360981,
        0,
        19391512145,
        0,
        -2404879675441,
        0,
        370371188237525,
    ];
    for (n, v) in en.iter().enumerate() {
        assert_eq!(e(n as u64), Q::int(*v), "E_{n}");
        assert_eq!(run(&format!("euler({n})")), v.to_string());
    }
}

#[test]
fn large_indices_satisfy_the_defining_recurrences() {
    // Beyond the table, by the zeta-function method: Σ_{k<n+1} binomial(n+1, k) B_k = 0
    // (DLMF 24.5.3) and Σ_k binomial(2m, 2k) E_2k = 0 (sec·cos = 1, DLMF 24.5.5), m ≥ 1.
    let binom = |n: u64, k: u64| {
        Q::from_integer(rug::Integer::from(rug::Integer::binomial_u(
            n as u32, k as u32,
        )))
    };
    for n in [700u64, 1001] {
        let mut s = Q::zero();
        for k in 0..=n {
            s = s.add(&binom(n + 1, k).mul(&b(k)));
        }
        assert!(s.is_zero(), "Bernoulli recurrence at n = {n}");
    }
    let m = 650;
    let mut s = Q::zero();
    for k in 0..=m {
        s = s.add(&binom(2 * m, 2 * k).mul(&e(2 * k)));
    }
    assert!(s.is_zero(), "Euler recurrence at 2m = {}", 2 * m);
}

#[test]
fn bernoulli_of_a_thousand_is_fast_and_exact_in_size() {
    let t = Instant::now();
    let v = b(1000);
    assert!(t.elapsed() < Duration::from_secs(2));
    // B_1000 = −N/D with D = 2·3·5·11·41·101·251, the primes p with p − 1 | 1000
    // (von Staudt–Clausen, DLMF 24.10.1), and |B_1000| = 2·1000!·ζ(1000)/(2π)^1000 (DLMF
    // 25.6.2, ζ(1000) = 1 to 300 digits): N has ⌊log₁₀(D·2·1000!/(2π)^1000)⌋ + 1 digits.
    let d = 2u64 * 3 * 5 * 11 * 41 * 101 * 251;
    assert_eq!(v.denom().to_string(), d.to_string());
    assert!(v.is_negative());
    let log10: f64 = (1..=1000).map(|k| (k as f64).log10()).sum::<f64>() + 2f64.log10()
        - 1000.0 * (2.0 * std::f64::consts::PI).log10()
        + (d as f64).log10();
    let digits = v.numer().to_string().trim_start_matches('-').len();
    assert_eq!(digits, log10.floor() as usize + 1);
    // The leading digits agree with the same estimate.
    let lead: f64 = v.numer().to_string()[1..7].parse().expect("digits");
    let want = 10f64.powf(log10 - log10.floor() + 5.0);
    assert!((lead - want).abs() < 2.0, "{lead} vs {want}");
}

#[test]
fn zeta_at_even_integers_agrees_with_bernoulli() {
    // ζ(2k) = (−1)^(k+1) B_2k (2π)^(2k)/(2 (2k)!) (DLMF 25.6.2).
    for k in 1..=40i64 {
        let rhs = run(&format!(
            "(-1)^({k}+1)*bernoulli(2*{k})*(2*pi)^(2*{k})/(2*factorial(2*{k}))"
        ));
        assert_eq!(run(&format!("zeta(2*{k})")), rhs, "zeta({})", 2 * k);
    }
    // ζ(−n) = −B_(n+1)/(n+1) (DLMF 25.6.3).
    assert_eq!(run("zeta(-11)"), "691/32760");
}

#[test]
fn symbolic_and_numeric_use() {
    assert_eq!(run("bernoulli(n)"), "bernoulli(n)");
    assert_eq!(run("subs(euler(2*k), k, 3)"), "-61");
    assert_eq!(run("N(bernoulli(20), 20)"), "≈ -529.12424242424242424");
    assert_eq!(run("sum(bernoulli(k)*binomial(6, k), k, 0, 5)"), "0");
}

#[test]
fn bad_indices_are_clear_errors_and_huge_ones_are_refused_fast() {
    assert!(error("bernoulli(-1)").contains("defined at integers n ≥ 0"));
    assert!(error("euler(1/2)").contains("defined at integers n ≥ 0"));
    assert!(error("diff(bernoulli(x), x)").contains("no derivative"));
    let t = Instant::now();
    assert!(error("bernoulli(10^9)").contains("too large"));
    assert!(error("euler(10^9)").contains("too large"));
    assert!(t.elapsed() < Duration::from_secs(2));
    // Odd indices are 0 whatever their size.
    assert_eq!(run("bernoulli(10^9 + 1)"), "0");
}

/// The classical series, coefficient by coefficient against sigma's expansion, for n ≤ 20:
/// each row is (f, the degree of its n-th term, its coefficient, source).
#[test]
fn classical_series_formulas_agree_with_the_expansions() {
    type Coef = fn(u64) -> Q;
    type Row = (&'static str, fn(u64) -> u64, Coef, &'static str);
    let rows: [Row; 7] = [
        (
            "x/(exp(x) - 1)",
            |n| n,
            |n| {
                b(n).div(&Q::from_integer(rug::Integer::from(
                    rug::Integer::factorial(n as u32),
                )))
                .unwrap()
            },
            "DLMF 24.2.1",
        ),
        (
            "x*cos(x)/sin(x)",
            |n| 2 * n,
            |n| {
                // (−4)^n B_2n/(2n)!
                let f = Q::from_integer(rug::Integer::from(rug::Integer::factorial(2 * n as u32)));
                let p = Q::from_integer(rug::Integer::from(1) << (2 * n as u32));
                let s = if n % 2 == 0 { Q::one() } else { Q::int(-1) };
                s.mul(&p).mul(&b(2 * n)).div(&f).unwrap()
            },
            "DLMF 4.19.6 (A&S 4.3.70)",
        ),
        (
            "tan(x)",
            |n| 2 * n + 1,
            |n| {
                // (−1)^n 2^(2m)(2^(2m) − 1) B_2m/(2m)!, m = n + 1
                let m = n + 1;
                let f = Q::from_integer(rug::Integer::from(rug::Integer::factorial(2 * m as u32)));
                let p = Q::from_integer(rug::Integer::from(1) << (2 * m as u32));
                let s = if n % 2 == 0 { Q::one() } else { Q::int(-1) };
                s.mul(&p)
                    .mul(&p.sub(&Q::one()))
                    .mul(&b(2 * m))
                    .div(&f)
                    .unwrap()
            },
            "DLMF 4.19.3 (A&S 4.3.67)",
        ),
        (
            "1/cos(x)",
            |n| 2 * n,
            |n| {
                let f = Q::from_integer(rug::Integer::from(rug::Integer::factorial(2 * n as u32)));
                let s = if n % 2 == 0 { Q::one() } else { Q::int(-1) };
                s.mul(&e(2 * n)).div(&f).unwrap()
            },
            "DLMF 4.19.5 (A&S 4.3.69)",
        ),
        (
            "tanh(x)",
            |n| 2 * n + 1,
            |n| {
                let m = n + 1;
                let f = Q::from_integer(rug::Integer::from(rug::Integer::factorial(2 * m as u32)));
                let p = Q::from_integer(rug::Integer::from(1) << (2 * m as u32));
                p.mul(&p.sub(&Q::one())).mul(&b(2 * m)).div(&f).unwrap()
            },
            "DLMF 4.33.3 (A&S 4.5.64)",
        ),
        (
            "x*cosh(x)/sinh(x)",
            |n| 2 * n,
            |n| {
                let f = Q::from_integer(rug::Integer::from(rug::Integer::factorial(2 * n as u32)));
                let p = Q::from_integer(rug::Integer::from(1) << (2 * n as u32));
                p.mul(&b(2 * n)).div(&f).unwrap()
            },
            "DLMF 4.33.6 (A&S 4.5.67)",
        ),
        (
            "ln(cos(x))",
            |n| 2 * (n + 1),
            |n| {
                // (−1)^m 2^(2m−1)(2^(2m) − 1) B_2m/(m (2m)!), m = n + 1 ≥ 1
                let m = n + 1;
                let f = Q::from_integer(rug::Integer::from(rug::Integer::factorial(2 * m as u32)));
                let p = Q::from_integer(rug::Integer::from(1) << (2 * m as u32));
                let s = if m % 2 == 0 { Q::one() } else { Q::int(-1) };
                s.mul(&p.div(&Q::int(2)).unwrap())
                    .mul(&p.sub(&Q::one()))
                    .mul(&b(2 * m))
                    .div(&f.mul(&Q::int(m as i64)))
                    .unwrap()
            },
            "DLMF 4.19.8 (A&S 4.3.72)",
        ),
    ];
    for (f, degree, coef, source) in rows {
        let cs = coefficients(f, 44);
        for n in 0..20 {
            let k = degree(n) as usize;
            assert_eq!(cs[k], Expr::Num(coef(n)), "{f} ({source}): x^{k}");
        }
    }
}

#[test]
fn classical_general_terms() {
    let rows: [(&str, &str, &str); 10] = [
        ("x/(exp(x) - 1)", "x^n*bernoulli(n)/n!", "DLMF 24.2.1"),
        (
            "x*exp(x)/(exp(x) - 1)",
            "(-1)^n*x^n*bernoulli(n)/n!",
            "DLMF 24.2.1 at −x",
        ),
        (
            "x*cos(x)/sin(x)",
            "(-4)^n*x^(2*n)*bernoulli(2*n)/(2*n)!",
            "DLMF 4.19.6",
        ),
        (
            "x*cosh(x)/sinh(x)",
            "4^n*x^(2*n)*bernoulli(2*n)/(2*n)!",
            "DLMF 4.33.6 (A&S 4.5.67)",
        ),
        ("sec(x)", "(-1)^n*x^(2*n)*euler(2*n)/(2*n)!", "DLMF 4.19.5"),
        (
            "1/cosh(x)",
            "x^(2*n)*euler(2*n)/(2*n)!",
            "DLMF 4.33.5, 24.2.6",
        ),
        (
            "tan(x)",
            "-4*x^(1 + 2*n)*bernoulli(2 + 2*n)*((-4)^n - 4*(-16)^n)/(2 + 2*n)!",
            "DLMF 4.19.3",
        ),
        (
            "tanh(x)",
            "4*x^(1 + 2*n)*bernoulli(2 + 2*n)*(4*16^n - 4^n)/(2 + 2*n)!",
            "DLMF 4.33.3 (A&S 4.5.64)",
        ),
        (
            "ln(cos(x))",
            "-x^(2*n)*bernoulli(2*n)*((-4)^n - (-16)^n)/(2*n*(2*n)!) for n ≥ 1",
            "DLMF 4.19.8 (A&S 4.3.72)",
        ),
        (
            "x/sin(x)",
            "x^(2*n)*bernoulli(2*n)*(2*(-1)^n - (-4)^n)/(2*n)!",
            "DLMF 4.19.4 (A&S 4.3.68) times x",
        ),
    ];
    for (f, want, source) in rows {
        check_term(f, want, source);
    }
}

#[test]
fn transcendental_constants_are_pulled_out_as_powers() {
    // e^(x ln a) = Σ (ln a)^n x^n/n! (DLMF 4.2.19 with 4.2.36); ln(a + x) = ln a + ln(1 + x/a)
    // (DLMF 4.6.1).
    check_term("3^x", "x^n*ln(3)^n/n!", "DLMF 4.2.19");
    check_term("(3/2)^x", "x^n*ln(3/2)^n/n!", "DLMF 4.2.19");
    check_term("exp(2*x)*3^x", "x^n*(2 + ln(3))^n/n!", "DLMF 4.2.19");
    check_term(
        "ln(3 + x)",
        "(-1)^(1 + n)*(1/3)^n*x^n/n for n ≥ 1, plus the correction ln(3) to the initial terms",
        "DLMF 4.6.1",
    );
    check_term(
        "ln(5 - x)",
        "-(1/5)^n*x^n/n for n ≥ 1, plus the correction ln(5) to the initial terms",
        "DLMF 4.6.1",
    );
    // Not of either shape: an honest unknown.
    assert!(run("term(2^x*sin(x), x, n)").starts_with("unknown"));
}

#[test]
fn a_large_index_is_interruptible() {
    // euler(30000) takes a second or more; Ctrl-C after 200 ms stops it between primes.
    let start = Instant::now();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_sigma"))
        .args(["-e", "euler(30000)"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("sigma starts");
    std::thread::sleep(Duration::from_millis(200));
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let out = child.wait_with_output().expect("sigma ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("interrupted") || out.status.success(),
        "stderr: {err}"
    );
    if !out.status.success() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
    }
}
