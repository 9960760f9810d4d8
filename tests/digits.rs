//! Certified numerics (`sigma::math::float`): printed digits must all be correct.
//!
//! The 1000-digit references in `tests/fixtures/digits/*.txt` come from an independent
//! implementation, mpmath 1.3.0 (Python), generated with
//!
//! ```python
//! import mpmath
//! mpmath.mp.dps = 1100
//! for name, v in [("pi", mpmath.pi), ("e", mpmath.e), ("zeta3", mpmath.zeta(3)),
//!                 ("erf_half", mpmath.erf(mpmath.mpf(1) / 2)),
//!                 ("zeta_3_2", mpmath.zeta(mpmath.mpf(3) / 2)),
//!                 ("zeta_7_3", mpmath.zeta(mpmath.mpf(7) / 3)),
//!                 ("zeta_minus_1_2", mpmath.zeta(mpmath.mpf(-1) / 2))]:
//!     open(name + ".txt", "w").write(mpmath.nstr(v, 1000, strip_zeros=False) + "\n")
//! ```
//!
//! The 30-digit values in `function_values` were produced the same way (`mp.dps = 80`,
//! `nstr(v, 30, strip_zeros=False)`), re-laid out in sigma's notation where needed.

use sigma::math::expr::{add, func, mul, pow, Expr, Func, MathError};
use sigma::math::float::{evaluate, to_float, MAX_DIGITS};

fn n(e: &Expr, digits: u32) -> String {
    match evaluate(e, digits) {
        Ok(a) => {
            assert_eq!(a.digits, digits);
            a.text
        }
        Err(err) => panic!("evaluate({e:?}, {digits}) failed: {err}"),
    }
}

fn f(which: Func, x: Expr) -> Expr {
    func(which, vec![x]).expect("canonical function application")
}

/// A function application built without the canonicalising constructor (which would already
/// reject it or fold it), to test the numeric evaluator's own checks.
fn raw(which: Func, x: Expr) -> Expr {
    Expr::Func(which, vec![x])
}

fn ten_pow(k: i64) -> Expr {
    pow(Expr::int(10), Expr::int(k)).expect("exact power")
}

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/digits/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
        .trim()
        .to_string()
}

fn constants() -> Vec<(&'static str, Expr)> {
    vec![
        ("pi", Expr::pi()),
        ("e", Expr::e()),
        ("zeta3", f(Func::Zeta, Expr::int(3))),
        // Non-integer s: Borwein's series with the powers j^(−s) built from prime powers,
        // and (for s < 1/4) the functional equation.
        ("zeta_3_2", f(Func::Zeta, Expr::frac(3, 2))),
        ("zeta_7_3", f(Func::Zeta, Expr::frac(7, 3))),
        ("zeta_minus_1_2", f(Func::Zeta, Expr::frac(-1, 2))),
        ("erf_half", f(Func::Erf, Expr::frac(1, 2))),
    ]
}

#[test]
fn thousand_digits_match_mpmath() {
    for (name, e) in constants() {
        let reference = fixture(name);
        let got = evaluate(&e, 1000).expect("evaluates");
        assert_eq!(got.text, reference, "{name} to 1000 digits");
        assert!(
            got.bits >= 3322,
            "{name}: working precision {} is too low",
            got.bits
        );
        assert!(got.attempts >= 1);
    }
}

/// Rounds a positional reference `d.ddd…` or `0.ddd…` (an irrational value, so never a tie),
/// possibly negative, to `d` significant digits, in the same layout.
fn round_reference(reference: &str, d: usize) -> String {
    if let Some(magnitude) = reference.strip_prefix('-') {
        return format!("-{}", round_reference(magnitude, d));
    }
    let (prefix, body) = match reference.strip_prefix("0.") {
        Some(rest) => ("0.", rest.to_string()),
        None => ("", reference.replace('.', "")),
    };
    let mut digits: Vec<u8> = body.bytes().map(|b| b - b'0').collect();
    let round_up = digits[d] >= 5;
    digits.truncate(d);
    if round_up {
        let mut i = d;
        loop {
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let s: String = digits.iter().map(|v| char::from(b'0' + v)).collect();
    if !prefix.is_empty() || d == 1 {
        format!("{prefix}{s}")
    } else {
        format!("{}.{}", &s[..1], &s[1..])
    }
}

#[test]
fn every_shorter_length_is_correctly_rounded() {
    for (name, e) in constants() {
        let reference = fixture(name);
        for d in 1..=150 {
            assert_eq!(
                n(&e, d),
                round_reference(&reference, d as usize),
                "{name} to {d} digits"
            );
        }
    }
}

#[test]
fn sqrt_two_to_fifty_digits() {
    let s = Expr::sqrt(Expr::int(2)).expect("sqrt");
    assert_eq!(
        n(&s, 50),
        "1.4142135623730950488016887242096980785696718753769"
    );
}

#[test]
fn exact_rationals_are_rounded_half_even() {
    let cases: [(Expr, u32, &str); 19] = [
        (Expr::frac(1, 3), 10, "0.3333333333"),
        (Expr::frac(1, 4), 5, "0.25000"),
        (Expr::frac(-2, 3), 5, "-0.66667"),
        (Expr::frac(1, 8), 2, "0.12"),
        (Expr::frac(3, 8), 2, "0.38"),
        (Expr::frac(5, 8), 2, "0.62"),
        (Expr::frac(-5, 2), 1, "-2"),
        (Expr::frac(7, 2), 1, "4"),
        (Expr::int(0), 5, "0"),
        (Expr::int(123456), 3, "1.23e+05"),
        (Expr::frac(1, 1000), 5, "0.0010000"),
        (Expr::frac(1, 100000), 3, "0.0000100"),
        (Expr::frac(1, 1000000), 5, "1.0000e-06"),
        (Expr::frac(999999, 1000000), 3, "1.00"),
        (Expr::frac(-99999, 10), 4, "-1.000e+04"),
        (ten_pow(20), 5, "1.0000e+20"),
        (Expr::int(12345), 5, "12345"),
        (ten_pow(21), 3, "1.00e+21"),
        (ten_pow(-400), 2, "1.0e-400"),
    ];
    for (e, d, want) in cases {
        let got = evaluate(&e, d).expect("evaluates");
        assert_eq!(got.text, want, "N({e:?}, {d})");
        assert_eq!(
            (got.bits, got.attempts),
            (0, 0),
            "exact rationals skip MPFR"
        );
    }
    let big = mul(vec![ten_pow(30), Expr::frac(1, 7)]).expect("product");
    assert_eq!(n(&big, 5), "1.4286e+29");
}

#[test]
fn tiny_and_huge_values_use_scientific_notation() {
    let tiny = Expr::exp(Expr::int(-100)).expect("exp");
    assert_eq!(n(&tiny, 10), "3.720075976e-44");
    let huge = mul(vec![
        pow(Expr::int(2), Expr::int(100)).expect("2^100"),
        Expr::pi(),
    ])
    .expect("product");
    assert_eq!(n(&huge, 30), "3.98244181299569736368835111395e+30");
    let small = mul(vec![f(Func::Ln, Expr::int(3)), ten_pow(-8)]).expect("product");
    assert_eq!(n(&small, 30), "1.09861228866810969139524523692e-08");
    assert_eq!(n(&Expr::pi(), 1), "3");
    assert_eq!(
        n(
            &mul(vec![Expr::int(-1000), Expr::pi()]).expect("product"),
            3
        ),
        "-3.14e+03"
    );
}

#[test]
fn function_values() {
    let x3 = Expr::frac(1, 3);
    let two = Expr::int(2);
    let cases: Vec<(Expr, &str)> = vec![
        (
            f(Func::Phi, Expr::int(1)),
            "0.841344746068542948585232545632",
        ),
        (
            f(Func::Phi, Expr::int(-3)),
            "0.00134989803163009452665181476759",
        ),
        (
            f(Func::Gelu, Expr::int(1)),
            "0.841344746068542948585232545632",
        ),
        (
            f(Func::Sigmoid, Expr::int(1)),
            "0.731058578630004879251159241822",
        ),
        (
            f(Func::Gamma, x3.clone()),
            "2.67893853470774763365569294097",
        ),
        (
            f(Func::Gamma, Expr::frac(-1, 3)),
            "-4.06235381827920125083586408446",
        ),
        (
            f(Func::Gamma, Expr::frac(-33, 14)),
            "-1.22410484053719868503468280396",
        ),
        (
            f(Func::Factorial, x3.clone()),
            "0.892979511569249211218564313658",
        ),
        (
            f(Func::Zeta, Expr::frac(1, 2)),
            "-1.46035450880958681288949915252",
        ),
        (
            f(Func::Zeta, Expr::frac(-3, 2)),
            "-0.0254852018898330359495429869107",
        ),
        (
            f(Func::Atan, x3.clone()),
            "0.321750554396642193401404614359",
        ),
        (
            f(Func::Asin, x3.clone()),
            "0.339836909454121937096392513392",
        ),
        (f(Func::Acos, x3.clone()), "1.23095941734077468213492917825"),
        (
            f(Func::Asinh, two.clone()),
            "1.44363547517881034249327674027",
        ),
        (
            f(Func::Acosh, two.clone()),
            "1.31695789692481670862504634731",
        ),
        (
            f(Func::Atanh, Expr::frac(1, 2)),
            "0.549306144334054845697622618461",
        ),
        (
            f(Func::Sinh, Expr::int(1)),
            "1.17520119364380145688238185060",
        ),
        (
            f(Func::Cosh, Expr::int(1)),
            "1.54308063481524377847790562076",
        ),
        (
            f(Func::Tanh, Expr::int(1)),
            "0.761594155955764888119458282605",
        ),
        (
            f(Func::Sin, Expr::int(1)),
            "0.841470984807896506652502321630",
        ),
        (
            f(Func::Cos, Expr::int(1)),
            "0.540302305868139717400936607443",
        ),
        (
            f(Func::Tan, Expr::int(1)),
            "1.55740772465490223050697480746",
        ),
        (
            f(Func::Sin, ten_pow(22)),
            "-0.852200849767188801772705893753",
        ),
        (
            f(Func::Erfc, two.clone()),
            "0.00467773498104726583793074363275",
        ),
        (f(Func::Ln, two.clone()), "0.693147180559945309417232121458"),
        (
            f(
                Func::Abs,
                add(vec![
                    Expr::int(1),
                    mul(vec![Expr::int(-1), Expr::pi()]).expect("-pi"),
                ])
                .expect("1-pi"),
            ),
            "2.14159265358979323846264338328",
        ),
        (
            pow(Expr::pi(), Expr::pi()).expect("pi^pi"),
            "36.4621596072079117709908260227",
        ),
        (
            pow(two.clone(), Expr::sqrt(two.clone()).expect("sqrt2")).expect("2^sqrt2"),
            "2.66514414269022518865029724987",
        ),
        (
            Expr::exp(Expr::pi()).expect("e^pi"),
            "23.1406926327792690057290863679",
        ),
        (
            pow(Expr::int(-2), x3.clone()).expect("real cube root"),
            "-1.25992104989487316476721060728",
        ),
        (
            Expr::Pow(Box::new(Expr::int(-2)), Box::new(x3.clone())),
            "-1.25992104989487316476721060728",
        ),
        (
            func(Func::Binomial, vec![Expr::frac(1, 2), Expr::int(3)]).expect("binomial"),
            "0.0625000000000000000000000000000",
        ),
    ];
    for (e, want) in cases {
        assert_eq!(n(&e, 30), want, "N({e:?}, 30)");
    }
}

#[test]
fn odd_roots_of_negative_numbers_are_real() {
    assert_eq!(
        n(&pow(Expr::int(-8), Expr::frac(1, 3)).expect("folds"), 5),
        "-2.0000"
    );
    let raw_root = Expr::Pow(Box::new(Expr::int(-8)), Box::new(Expr::frac(1, 3)));
    assert_eq!(n(&raw_root, 5), "-2.0000");
    let raw_square = Expr::Pow(Box::new(Expr::int(-8)), Box::new(Expr::frac(2, 3)));
    assert_eq!(n(&raw_square, 5), "4.0000");
}

fn domain_error(e: &Expr) -> String {
    match evaluate(e, 15) {
        Err(MathError::Domain(msg)) => msg,
        other => panic!("expected a domain error for {e:?}, got {other:?}"),
    }
}

#[test]
fn domain_errors() {
    assert!(domain_error(&raw(Func::Ln, Expr::int(-1))).starts_with("ln(-1) is not a real number"));
    assert!(domain_error(&raw(Func::Ln, Expr::int(0))).starts_with("ln(0) is undefined"));
    let one_minus_pi = add(vec![
        Expr::int(1),
        mul(vec![Expr::int(-1), Expr::pi()]).expect("-pi"),
    ])
    .expect("1-pi");
    assert!(domain_error(&f(Func::Ln, one_minus_pi)).contains("not a real number"));
    assert!(
        domain_error(&raw(Func::Asin, Expr::int(2))).starts_with("asin(2) is not a real number")
    );
    let half_pi = mul(vec![Expr::frac(1, 2), Expr::pi()]).expect("pi/2");
    assert!(domain_error(&f(Func::Acos, half_pi)).starts_with("acos(≈1.570796)"));
    assert!(domain_error(&raw(Func::Gamma, Expr::int(0))).starts_with("gamma(0) is undefined"));
    assert!(domain_error(&raw(Func::Gamma, Expr::int(-2))).contains("pole of the gamma function"));
    assert!(domain_error(&raw(Func::Factorial, Expr::int(-3))).starts_with("factorial(-3)"));
    assert!(domain_error(&raw(Func::Zeta, Expr::int(1))).starts_with("zeta(1) is undefined"));
    assert!(domain_error(&raw(Func::Acosh, Expr::frac(1, 2))).starts_with("acosh(1/2)"));
    assert!(domain_error(&raw(Func::Atanh, Expr::int(1))).starts_with("atanh(1)"));
    let raw_sqrt = Expr::Pow(Box::new(Expr::int(-2)), Box::new(Expr::frac(1, 2)));
    assert!(domain_error(&raw_sqrt).contains("even root of a negative number"));
    let neg_pi = pow(Expr::int(-2), Expr::pi()).expect("stays symbolic");
    assert!(domain_error(&neg_pi).contains("negative base"));
    let raw_recip = Expr::Pow(Box::new(Expr::int(0)), Box::new(Expr::int(-1)));
    assert_eq!(evaluate(&raw_recip, 5), Err(MathError::DivisionByZero));
}

#[test]
fn free_symbols_infinity_and_bad_digit_counts_are_refused() {
    let x = add(vec![Expr::sym("x"), Expr::int(1)]).expect("x+1");
    assert_eq!(
        evaluate(&x, 10),
        Err(MathError::Unsupported(
            "cannot evaluate numerically: the expression has the free symbol x".into()
        ))
    );
    assert!(
        matches!(evaluate(&Expr::infinity(), 10), Err(MathError::Undefined(m)) if m.contains("oo"))
    );
    assert!(matches!(to_float(&x, 64), Err(MathError::Unsupported(_))));
    assert!(matches!(
        evaluate(&Expr::pi(), 0),
        Err(MathError::Unsupported(_))
    ));
    assert!(matches!(
        evaluate(&Expr::pi(), MAX_DIGITS + 1),
        Err(MathError::TooLarge(_))
    ));
}

#[test]
fn values_indistinguishable_from_zero_are_not_printed() {
    let ln2 = raw(Func::Ln, Expr::int(2));
    let diff = Expr::Add(vec![ln2.clone(), Expr::Mul(vec![Expr::int(-1), ln2])]);
    let sin_pi = raw(Func::Sin, Expr::pi());
    for e in [diff, sin_pi] {
        match evaluate(&e, 10) {
            Err(MathError::Unsupported(msg)) => {
                assert!(
                    msg.starts_with("cannot certify the digits: the value is within 10^-"),
                    "{msg}"
                );
                assert!(msg.ends_with("of zero"), "{msg}");
            }
            other => panic!("expected a certification failure for {e:?}, got {other:?}"),
        }
    }
}

#[test]
fn cancellation_is_resolved_by_raising_the_precision() {
    // exp(10^-1000) - 1 = 10^-1000 + …: the first attempts cannot tell it from zero.
    let e = add(vec![Expr::exp(ten_pow(-1000)).expect("exp"), Expr::int(-1)]).expect("difference");
    let got = evaluate(&e, 10).expect("certified after retries");
    assert_eq!(got.text, "1.000000000e-1000");
    assert!(got.attempts > 1 && got.bits > 3322, "{got:?}");
}

#[test]
fn to_float_is_one_evaluation() {
    let v = to_float(&Expr::pi(), 200).expect("pi");
    assert_eq!(v.prec(), 200);
    let err = v - rug::Float::with_val(300, rug::float::Constant::Pi);
    assert!(err.abs() < rug::Float::with_val(64, 1) >> 199u32);
    assert!(matches!(
        to_float(&Expr::pi(), 1),
        Err(MathError::Unsupported(_))
    ));
}

#[test]
fn overflow_is_an_error_not_infinity() {
    let e = Expr::exp(ten_pow(12)).expect("exp");
    match evaluate(&e, 10) {
        Err(MathError::Unsupported(msg)) => assert!(msg.contains("overflows"), "{msg}"),
        other => panic!("expected an overflow error, got {other:?}"),
    }
}
