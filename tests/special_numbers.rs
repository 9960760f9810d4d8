//! Euler's constant, harmonic numbers, Fibonacci numbers, floor and ceiling (issue 13 §1),
//! each value against an outside source:
//!
//! - OEIS A001008 / A002805: numerators / denominators of H_n; A000045: Fibonacci numbers,
//!   with F(−n) = (−1)^(n+1)·F(n); A001620: the decimal digits of γ;
//! - DLMF 5.2.3: γ = lim (1 + 1/2 + … + 1/n − ln n); DLMF 5.4.14, 5.4.15: ψ(n + 1) = H_n − γ,
//!   ψ(n + 1/2) = −γ − 2 ln 2 + 2·Σ_{k≤n} 1/(2k − 1); DLMF 5.5.2: ψ(z + 1) = ψ(z) + 1/z;
//!   DLMF §5.4(iii) (Gauss's digamma theorem): ψ(1/3) = −γ − π/(2√3) − (3/2) ln 3;
//!   DLMF 5.11.2: ψ(z) ~ ln z − 1/(2z) − Σ B_2k/(2k z^(2k)), hence
//!   H_n = ln n + γ + 1/(2n) − 1/(12n²) + …;
//! - python-flint `fmpq.harmonic(10^5)` (the digest `tests/sums_exact.rs` also checks).

mod common;

use common::{err, ok, run};
use sigma::session::Session;
use std::time::{Duration, Instant};

#[rustfmt::skip]
const HARMONIC: &[(u32, &str, &str)] = &[
    // (n, numerator A001008(n), denominator A002805(n))
    (1, "1", "1"), (2, "3", "2"), (3, "11", "6"), (4, "25", "12"), (5, "137", "60"),
    (6, "49", "20"), (7, "363", "140"), (8, "761", "280"), (9, "7129", "2520"),
    (10, "7381", "2520"), (11, "83711", "27720"), (12, "86021", "27720"),
    (13, "1145993", "360360"), (14, "1171733", "360360"), (15, "1195757", "360360"),
    (16, "2436559", "720720"), (17, "42142223", "12252240"), (18, "14274301", "4084080"),
    (19, "275295799", "77597520"), (20, "55835135", "15519504"),
];

#[test]
fn harmonic_numbers_at_integers() {
    for (n, num, den) in HARMONIC {
        let want = if *den == "1" {
            num.to_string()
        } else {
            format!("{num}/{den}")
        };
        assert_eq!(
            ok(&format!("harmonic({n})")),
            want,
            "H_{n} (OEIS A001008/A002805)"
        );
    }
    // H_0 = 0 (the empty sum); H_oo = oo.
    assert_eq!(ok("harmonic(0)"), "0");
    assert_eq!(ok("harmonic(oo)"), "oo");
    // The builtin and the exact sum agree.
    assert_eq!(ok("harmonic(37) - sum(1/k, k, 1, 37)"), "0");
}

#[test]
fn harmonic_numbers_at_half_integers_and_between() {
    // DLMF 5.4.15 with H_x = ψ(x + 1) + γ: H_(1/2) = 2 − 2 ln 2, H_(5/2) = 46/15 − 2 ln 2;
    // DLMF 5.5.2 downwards: H_(−1/2) = −2 ln 2, H_(−5/2) = 8/3 − 2 ln 2.
    for (x, want) in [
        ("1/2", "2 - 2*ln(2)"),
        ("5/2", "46/15 - 2*ln(2)"),
        ("-1/2", "-2*ln(2)"),
        ("-5/2", "8/3 - 2*ln(2)"),
    ] {
        assert_eq!(ok(&format!("harmonic({x})")), want, "H_({x})");
    }
    // Gauss's digamma theorem (DLMF §5.4(iii)): H_(1/3) = ψ(4/3) + γ = 3 − π/(2√3) − (3/2) ln 3.
    assert_eq!(
        ok("N(harmonic(1/3), 40)"),
        ok("N(3 - pi/(2*sqrt(3)) - 3*ln(3)/2, 40)")
    );
    // A non-integer argument stays exact and symbolic.
    assert_eq!(ok("harmonic(1/3)"), "harmonic(1/3)");
    assert_eq!(ok("harmonic(n + 1)"), "harmonic(1 + n)");
}

#[test]
fn harmonic_poles_and_sizes_are_errors() {
    // H_x = ψ(x + 1) + γ has poles at the negative integers (DLMF 5.2.1 ff.).
    let e = err("harmonic(-3)");
    assert!(
        e.contains("harmonic(-3) is undefined") && e.contains("pole"),
        "{e}"
    );
    let e = err("N(harmonic(-1))");
    assert!(e.contains("pole"), "{e}");
    let e = err("harmonic(-oo)");
    assert!(e.contains("undefined"), "{e}");
    // Huge n is refused at once, not computed.
    let t = Instant::now();
    let e = err("harmonic(10^9)");
    assert!(e.contains("too large"), "{e}");
    let e = err("harmonic(10^100)");
    assert!(e.contains("too large"), "{e}");
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
}

#[test]
fn harmonic_of_ten_to_the_fifth_is_fast_and_exact() {
    // python-flint fmpq.harmonic(10^5): 43451-digit numerator 613582…214519,
    // 43450-digit denominator 507506…000000.
    let t = Instant::now();
    let v = ok("harmonic(10^5)");
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    let (num, den) = v.split_once('/').expect("a fraction");
    assert_eq!(num.len(), 43451);
    assert_eq!((&num[..6], &num[num.len() - 6..]), ("613582", "214519"));
    assert_eq!(den.len(), 43450);
    assert_eq!((&den[..6], &den[den.len() - 6..]), ("507506", "000000"));
}

#[test]
fn euler_gamma_is_an_exact_constant() {
    // OEIS A001620: γ = 0.57721566490153286060651209008240243104215933593992359880…
    assert_eq!(
        ok("N(EulerGamma, 50)"),
        "≈ 0.57721566490153286060651209008240243104215933593992"
    );
    assert_eq!(ok("EulerGamma"), "EulerGamma");
    assert_eq!(ok("EulerGamma > 0"), "true");
    assert_eq!(ok("EulerGamma < 1/sqrt(3)"), "true"); // 0.57721… < 0.57735…
    assert_eq!(ok("EulerGamma - EulerGamma"), "0");
    let e = err("EulerGamma = 3");
    assert!(e.contains("constant"), "{e}");
}

#[test]
fn fibonacci_numbers() {
    // OEIS A000045: F_0..F_20 and F_100.
    let table = [
        0u64, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765,
    ];
    for (n, f) in table.iter().enumerate() {
        assert_eq!(ok(&format!("fibonacci({n})")), f.to_string(), "F_{n}");
        // F(−n) = (−1)^(n+1)·F(n) (OEIS A000045, comments).
        let neg = if n % 2 == 0 && *f != 0 {
            format!("-{f}")
        } else {
            f.to_string()
        };
        assert_eq!(ok(&format!("fibonacci(-{n})")), neg, "F_(-{n})");
    }
    assert_eq!(ok("fibonacci(100)"), "354224848179261915075");
    assert_eq!(ok("fibonacci(oo)"), "oo");
    assert_eq!(ok("fibonacci(n)"), "fibonacci(n)");
    // Σ_{k=1}^{n} F_k = F_(n+2) − 1 (OEIS A000071) at n = 30.
    assert_eq!(ok("sum(fibonacci(k), k, 1, 30) - fibonacci(32) + 1"), "0");
}

#[test]
fn fibonacci_errors() {
    let e = err("fibonacci(1/2)");
    assert!(e.contains("integers only"), "{e}");
    let t = Instant::now();
    let e = err("fibonacci(10^9)");
    assert!(e.contains("too large"), "{e}");
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    let e = err("diff(fibonacci(x), x)");
    assert!(e.contains("integers only"), "{e}");
}

#[test]
fn floor_and_ceiling() {
    for (x, fl, ce) in [
        ("7/2", "3", "4"),
        ("-7/2", "-4", "-3"),
        ("5", "5", "5"),
        ("sqrt(2)", "1", "2"),
        ("sqrt(4)", "2", "2"),
        ("-sqrt(2)", "-2", "-1"),
        ("pi", "3", "4"),
        ("1000*pi", "3141", "3142"),
        ("e^10", "22026", "22027"), // e^10 = 22026.4657…
        ("ln(2)", "0", "1"),
        ("EulerGamma", "0", "1"),
        (
            "10^20*sqrt(2)",
            "141421356237309504880",
            "141421356237309504881",
        ),
        // (1 + √2)² − 2√2 is exactly 3: settled exactly, never from a float at 2.9999….
        ("(1 + sqrt(2))^2 - 2*sqrt(2)", "3", "3"),
        ("oo", "oo", "oo"),
        ("-oo", "-oo", "-oo"),
    ] {
        assert_eq!(ok(&format!("floor({x})")), fl, "floor({x})");
        assert_eq!(ok(&format!("ceiling({x})")), ce, "ceiling({x})");
    }
    assert_eq!(ok("ceil(pi)"), "4");
    // Identities valid for every real u: ⌊u + k⌋ = ⌊u⌋ + k, ⌊−u⌋ = −⌈u⌉, ⌊⌊u⌋⌋ = ⌊u⌋.
    assert_eq!(ok("floor(x + 3)"), "3 + floor(x)");
    assert_eq!(ok("floor(-x)"), "-ceiling(x)");
    assert_eq!(ok("ceiling(floor(x))"), "floor(x)");
    // Σ_{n=1}^{10} ⌊n/2⌋ = 0+1+1+2+2+3+3+4+4+5.
    assert_eq!(ok("sum(floor(n/2), n, 1, 10)"), "25");
}

#[test]
fn an_undecidable_floor_stays_symbolic() {
    // ln 6 − ln 2 − ln 3 is 0, but neither a ball nor expansion shows it: no integer is claimed.
    let v = ok("floor(ln(6) - ln(2) - ln(3))");
    assert!(v.starts_with("floor("), "{v}");
    let e = err("N(floor(ln(6) - ln(2) - ln(3)))");
    assert!(
        e.contains("cannot certify") || e.contains("too close"),
        "{e}"
    );
}

#[test]
fn limits_and_series_with_the_new_functions() {
    for (src, want) in [
        // DLMF 5.2.3.
        ("limit(harmonic(n) - ln(n), n, oo)", "EulerGamma"),
        ("limit(sum(1/k, k, 1, n) - ln(n), n, oo)", "EulerGamma"),
        // DLMF 5.11.2: n·(H_n − ln n − γ) → 1/2.
        ("limit(n*(harmonic(n) - ln(n) - EulerGamma), n, oo)", "1/2"),
        ("limit(harmonic(n)/ln(n), n, oo)", "1"),
        ("limit(harmonic(2*n) - harmonic(n), n, oo)", "ln(2)"),
        // Binet (OEIS A000045): F_(n+1)/F_n → φ = (1 + √5)/2, F_n/φ^n → 1/√5.
        (
            "limit(fibonacci(n+1)/fibonacci(n), n, oo)",
            "1/2 + sqrt(5)/2",
        ),
        (
            "limit(fibonacci(n)/((1 + sqrt(5))/2)^n, n, oo)",
            "sqrt(5)/5",
        ),
        ("limit(fibonacci(n)^(1/n), n, oo)", "1/2 + sqrt(5)/2"),
    ] {
        assert_eq!(run(src).unwrap_or_else(|e| e), want, "{src}");
    }
    // F(−n)/F(n) = (−1)^(n+1): no limit.
    let v = ok("limit(fibonacci(-n)/fibonacci(n), n, oo)");
    assert!(v.starts_with("does not exist"), "{v}");
    // Σ_{k=1}^{n} 1/k is H_n; Σ_{k=1}^{n} 1/(k + 2) = H_(n+2) − H_2.
    assert_eq!(ok("sum(1/k, k, 1, n)"), "harmonic(n)");
    assert_eq!(ok("sum(1/(k + 2), k, 1, n)"), "harmonic(2 + n) - 3/2");
    assert_eq!(ok("sum(1/k, k, n + 1, 2*n)"), "harmonic(2*n) - harmonic(n)");
}

#[test]
fn printed_output_parses_back() {
    for src in [
        "EulerGamma",
        "2*EulerGamma - harmonic(n)",
        "harmonic(1/2)",
        "fibonacci(n + 1)^2",
        "floor(x/2) + ceiling(-y)",
        "limit(harmonic(n) - ln(n), n, oo)",
    ] {
        let shown = ok(src);
        let again = Session::expr(&shown).unwrap_or_else(|e| panic!("{shown}: {e:?}"));
        assert_eq!(again.to_string(), shown, "{src} → {shown}");
    }
}

#[test]
fn latex_names() {
    use sigma::math::expr::print::{print, Style};
    for (src, want) in [
        ("EulerGamma", "\\gamma"),
        ("harmonic(n)", "H_{n}"),
        ("fibonacci(n)", "F_{n}"),
        ("floor(x)", "\\left\\lfloor x \\right\\rfloor"),
        ("ceiling(x)", "\\left\\lceil x \\right\\rceil"),
    ] {
        let e = Session::expr(src).unwrap();
        assert_eq!(print(&e, Style::Latex), want, "{src}");
    }
}
