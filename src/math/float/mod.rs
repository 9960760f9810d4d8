//! Certified numerical evaluation through MPFR: this is the only place `rug::Float` is used.
//!
//! Every value is computed as a *ball* (a midpoint `Float` at the working precision and a
//! radius rounded upwards) that is guaranteed to contain the exact value: rationals and
//! constants carry their rounding error, `+` and `×` propagate radii, and each function is
//! applied to a ball by evaluating it at the ball's ends and midpoint (MPFR functions are
//! correctly rounded, so each sample is off by at most one ulp) after checking that the ball
//! lies inside the function's domain and away from its poles. [`evaluate`] runs Ziv's loop:
//! it prints `digits` significant digits only when both ends of the final ball round to the
//! same decimal string, and otherwise retries with twice the guard bits, up to a cap.

pub(crate) mod ball;
mod bsplit;
mod decimal;
mod erf;
mod lambert_bessel;
pub mod native;
pub mod numbers;
mod pi;
pub mod sign;
mod special;

use super::expr::{Constant, Expr, Func, MathError, Symbol};
use ball::{domain, short, unsupported, unsure, Op, N};
pub(crate) use ball::{Ball, Fail, R};
use decimal::{certify, format_rational, uncertified};
use rug::float::Round;
use rug::ops::PowAssignRound;
use rug::{Float, Integer};
use special::{binomial, gamma, phi, zeta};
use std::cmp::Ordering;

const LOG2_10: f64 = std::f64::consts::LOG2_10;

/// The most significant digits [`evaluate`] accepts.
pub const MAX_DIGITS: u32 = 100_000;

/// A numeric approximation whose printed digits are all correct.
#[derive(Debug, Clone, PartialEq)]
pub struct Approx {
    /// Decimal text with exactly `digits` significant digits, correctly rounded (round-half-even
    /// on the exact value): e.g. "3.14159265358979", "-0.000123456789012345",
    /// "1.23456789012346e+25", "0" for exact zero.
    pub text: String,
    pub digits: u32,
    /// The working precision in bits of the evaluation that was accepted (0 when the value was
    /// an exact rational, formatted without MPFR).
    pub bits: u32,
    /// How many evaluations were needed (1 = first try; 0 for an exact rational).
    pub attempts: u32,
}

/// Evaluates a constant expression to `digits` correctly rounded significant digits.
pub fn evaluate(expr: &Expr, digits: u32) -> Result<Approx, MathError> {
    if digits == 0 {
        return Err(unsupported("at least 1 digit is needed".into()));
    }
    if digits > MAX_DIGITS {
        let what = format!("a request for {digits} significant digits (at most {MAX_DIGITS})");
        return Err(MathError::TooLarge(what));
    }
    check_evaluable(expr)?;
    if let Expr::Num(q) = expr {
        let too_large = || MathError::TooLarge(format!("the decimal expansion of {q}"));
        let text = format_rational(q, digits).ok_or_else(too_large)?;
        return Ok(approx(text, digits, 0, 0));
    }
    let extra = 32 + 2 * expr.size().min(64) as u32;
    ziv(digits, extra, |bits| eval_watched(expr, bits))
}

/// Working precisions from which [`eval_watched`] evaluates on a helper thread (≈ 5,000
/// digits): below it one MPFR call takes milliseconds.
const WATCH_BITS: u32 = 1 << 14;

/// [`eval`] at `bits`, interruptible: from [`WATCH_BITS`] on it runs on a helper thread while
/// this one polls the interrupt flag, because a single MPFR call (a special function at
/// 50,000 digits) can take minutes and cannot be stopped from inside. An interrupted helper is
/// left to finish on its own; its result is dropped.
fn eval_watched(expr: &Expr, bits: u32) -> R<Ball> {
    use std::sync::mpsc::{channel, RecvTimeoutError};
    if bits < WATCH_BITS {
        return eval(expr, bits);
    }
    let (tx, rx) = channel();
    let owned = expr.clone();
    let helper = std::thread::Builder::new()
        .name("sigma-mpfr".into())
        .stack_size(256 << 20)
        .spawn(move || {
            let _ = tx.send(eval(&owned, bits));
        });
    if helper.is_err() {
        return eval(expr, bits);
    }
    loop {
        match rx.recv_timeout(std::time::Duration::from_millis(20)) {
            Ok(r) => return r,
            Err(RecvTimeoutError::Timeout) if super::interrupted() => {
                return Err(Fail::Math(MathError::Interrupted))
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Fail::Math(MathError::Unsupported(format!(
                    "the evaluation at {bits} bits stopped unexpectedly"
                ))))
            }
        }
    }
}

/// Ziv's loop around any ball computation `f(bits)`: `digits` significant digits once both
/// ends of the ball round alike, else a retry with twice the guard bits (starting from
/// `extra`), up to [`max_bits`]. `f` fails with `Fail::Uncertain` when it needs more
/// precision to decide.
pub(crate) fn ziv(
    digits: u32,
    mut extra: u32,
    mut f: impl FnMut(u32) -> R<Ball>,
) -> Result<Approx, MathError> {
    let need = (f64::from(digits) * LOG2_10).ceil() as u32;
    let cap = max_bits(digits);
    let mut attempts = 0;
    loop {
        attempts += 1;
        let bits = (need + extra).min(cap);
        let last = bits >= cap;
        match f(bits) {
            Ok(ball) => {
                if let Some(text) = certify(&ball, digits) {
                    return Ok(approx(text, digits, bits, attempts));
                }
                if last {
                    return Err(uncertified(&ball));
                }
            }
            Err(Fail::Math(e)) => return Err(e),
            Err(Fail::Uncertain(why)) if last => {
                return Err(unsupported(format!("cannot certify the digits: {why}")))
            }
            Err(Fail::Uncertain(_)) => {}
        }
        extra *= 2;
    }
}

fn approx(text: String, digits: u32, bits: u32, attempts: u32) -> Approx {
    Approx {
        text,
        digits,
        bits,
        attempts,
    }
}

/// One evaluation at a working precision of `bits`: the midpoint of the enclosing ball
/// (its error is not reported; use [`evaluate`] for certified digits).
pub fn to_float(expr: &Expr, bits: u32) -> Result<Float, MathError> {
    check_evaluable(expr)?;
    if bits < 2 {
        return Err(unsupported(
            "the working precision must be at least 2 bits".into(),
        ));
    }
    if bits > max_bits(MAX_DIGITS) {
        return Err(MathError::TooLarge(format!(
            "a working precision of {bits} bits"
        )));
    }
    match eval(expr, bits) {
        Ok(ball) => Ok(ball.mid),
        Err(Fail::Math(e)) => Err(e),
        Err(Fail::Uncertain(why)) => Err(unsupported(format!(
            "cannot evaluate at {bits} bits: {why}"
        ))),
    }
}

/// The precision cap of the retry loop for `digits` digits.
pub(crate) fn max_bits(digits: u32) -> u32 {
    20 * (f64::from(digits) * LOG2_10).ceil() as u32 + 20_000
}

pub(crate) fn check_evaluable(expr: &Expr) -> Result<(), MathError> {
    let syms = expr.symbols();
    if !syms.is_empty() {
        return Err(symbol_error(&syms));
    }
    if stray_infinity(expr) {
        return Err(infinity_error());
    }
    if expr.has_imaginary() {
        return Err(imaginary_error());
    }
    Ok(())
}

/// Whether `oo` occurs other than as the upper bound of a sum (which the summation engine
/// evaluates).
fn stray_infinity(e: &Expr) -> bool {
    match e {
        Expr::Func(Func::Sum, v) if v.len() == 4 && v[3] == Expr::infinity() => {
            v[..3].iter().any(stray_infinity)
        }
        Expr::Const(Constant::Infinity) => true,
        Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => false,
        Expr::Pow(b, x) => stray_infinity(b) || stray_infinity(x),
        Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => v.iter().any(stray_infinity),
    }
}

fn symbol_error(syms: &[Symbol]) -> MathError {
    let names: Vec<&str> = syms.iter().map(|s| &**s).collect();
    let what = if names.len() == 1 {
        "symbol"
    } else {
        "symbols"
    };
    let names = names.join(", ");
    unsupported(format!(
        "cannot evaluate numerically: the expression has the free {what} {names}"
    ))
}

fn infinity_error() -> MathError {
    let msg = "cannot evaluate numerically: the expression contains oo (infinity), not a number";
    MathError::Undefined(msg.into())
}

fn imaginary_error() -> MathError {
    let msg = "cannot evaluate numerically: the expression contains I (the imaginary unit), and sigma's numeric evaluation is real";
    MathError::Unsupported(msg.into())
}

/// How an argument is shown in an error: exactly when it is a rational.
fn describe(arg: &Expr, x: &Ball) -> String {
    match arg {
        Expr::Num(q) => q.to_string(),
        _ => short(&x.mid),
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluation of expressions

/// A bound variable and the ball it stands for (the index of a sum being evaluated).
pub(crate) type Env<'a> = Option<(&'a str, &'a Ball)>;

/// The ball of an unevaluated `sum(a, n, lo, hi)` (its arguments) at `p` bits under a binding:
/// the interface through which this evaluator reaches certified summation, which sits above
/// the foundation. The summation engine provides it at run time (its `install`, called by
/// the evaluator); this module never names it.
pub(crate) type SumBall = fn(&[Expr], u32, Env) -> R<Ball>;

static SUM_BALL: std::sync::OnceLock<SumBall> = std::sync::OnceLock::new();

/// Provides the enclosure of sums (once; later calls keep the first).
pub(crate) fn provide_sum_ball(f: SumBall) {
    let _ = SUM_BALL.set(f);
}

/// Evaluates a constant expression as a ball at a working precision of `p` bits.
pub(crate) fn eval(e: &Expr, p: u32) -> R<Ball> {
    eval_in(e, p, None)
}

/// Evaluates `e` as a ball with the variable of `env` (if any) bound to its ball.
pub(crate) fn eval_in(e: &Expr, p: u32, env: Env) -> R<Ball> {
    match e {
        Expr::Num(q) => Ball::rounded(Float::with_val_round(p, &q.0, N), "a rational number"),
        Expr::Const(Constant::Pi) => pi::pi(p),
        Expr::Const(Constant::E) => Ball::int(p, 1).op("exp", true, Float::exp_round),
        Expr::Const(Constant::EulerGamma) => numbers::euler_gamma(p),
        Expr::Const(Constant::Infinity) => Err(Fail::Math(infinity_error())),
        Expr::Const(Constant::I) => Err(Fail::Math(imaginary_error())),
        Expr::Sym(s) => match env {
            Some((name, v)) if name == &**s => Ok(v.clone()),
            _ => Err(Fail::Math(symbol_error(std::slice::from_ref(s)))),
        },
        Expr::Add(ts) => ts
            .iter()
            .try_fold(Ball::int(p, 0), |acc, t| acc.add(&eval_in(t, p, env)?)),
        Expr::Mul(fs) => fs
            .iter()
            .try_fold(Ball::int(p, 1), |acc, f| acc.mul(&eval_in(f, p, env)?)),
        Expr::Pow(b, x) => eval_pow(b, x, p, env),
        Expr::Func(f, args) => eval_func(*f, args, p, env),
    }
}

fn eval_pow(base: &Expr, ex: &Expr, p: u32, env: Env) -> R<Ball> {
    if *base == Expr::e() {
        return eval_in(ex, p, env)?.op("exp", true, Float::exp_round);
    }
    let b = eval_in(base, p, env)?;
    let (lo, hi) = b.bounds();
    let x = eval_in(ex, p, env)?;
    let shown = format!("({})^({})", describe(base, &b), describe(ex, &x));
    let q = match ex {
        Expr::Num(q) if q.is_integer() => return pow_int(&b, q.numer()),
        Expr::Num(q) => q,
        // An exponent that is exactly an integer (a summation index): (−1)^n is real.
        _ if x.is_exact() && x.mid.is_integer() => match x.mid.to_integer() {
            Some(k) => return pow_int(&b, &k),
            None => return general_pow(&b, &x, &shown),
        },
        _ => return general_pow(&b, &x, &shown),
    };
    let Some(k) = q.denom().to_u32() else {
        return general_pow(&b, &x, &shown);
    };
    if k % 2 == 0 && lo < 0 {
        if hi < 0 {
            let why = "an even root of a negative number";
            return domain(format!("{shown} is not a real number ({why})"));
        }
        return unsure("the base of an even root is too close to zero");
    }
    // Odd roots of negative numbers are real: (-8)^(1/3) = -2.
    let r = b.apply("root", true, |y| y.root_round(k, N))?;
    pow_int(&r, q.numer())
}

pub(crate) fn pow_int(b: &Ball, n: &Integer) -> R<Ball> {
    if *n < 0 && b.is_exact_zero() {
        return Err(Fail::Math(MathError::DivisionByZero));
    }
    if *n < 0 && b.contains_zero() {
        return unsure("the base of a negative power is too close to zero");
    }
    b.apply("a power", n.is_odd(), |y| y.pow_assign_round(n, N))
}

/// `b^x = exp(x·ln b)` for an exponent that is not a rational number: needs `b > 0`.
fn general_pow(b: &Ball, x: &Ball, shown: &str) -> R<Ball> {
    let (lo, hi) = b.bounds();
    let (xlo, xhi) = x.bounds();
    if lo > 0 {
        let l = b.op("ln", true, Float::ln_round)?;
        return x.mul(&l)?.op("exp", true, Float::exp_round);
    }
    if b.is_exact_zero() && xlo > 0 {
        return Ok(Ball::int(b.prec(), 0));
    }
    if b.is_exact_zero() && xhi < 0 {
        return Err(Fail::Math(MathError::DivisionByZero));
    }
    if hi < 0 {
        let why = "a negative base needs a rational exponent";
        return domain(format!("{shown} is not a real number ({why})"));
    }
    unsure("the base of a power is too close to zero")
}

fn abs_op(y: &mut Float, _: Round) -> Ordering {
    y.abs_mut();
    Ordering::Equal
}

/// A real domain `(a, b, open interval?, why)`.
type Domain = Option<(f64, f64, bool, &'static str)>;
const POSITIVE: Domain = Some((0.0, f64::INFINITY, true, "needs a positive argument"));
const UNIT: Domain = Some((-1.0, 1.0, false, "the argument must lie in [-1, 1]"));
const AT_LEAST_ONE: Domain = Some((1.0, f64::INFINITY, false, "needs an argument ≥ 1"));
const OPEN_UNIT: Domain = Some((-1.0, 1.0, true, "needs an argument in (-1, 1)"));

/// A root object `root(q, x, k)` as a ball: its isolating interval refined by Sturm
/// bisection below 2^(−p−4), so the ball is certified.
fn root_ball(e: &Expr, p: u32) -> R<Ball> {
    use crate::math::number::Q;
    let width = Q::from_integer(Integer::from(1) << (p + 4))
        .recip()
        .map_err(|x| Fail::Math(x.into()))?;
    let Some((lo, hi)) = crate::math::expr::rootof::certified_enclosure(e, &width) else {
        return Err(Fail::Math(unsupported(format!(
            "{e} is not a valid root object"
        ))));
    };
    let two = Q::int(2);
    let mid = lo.add(&hi).div(&two).map_err(|x| Fail::Math(x.into()))?;
    let half = hi.sub(&lo).div(&two).map_err(|x| Fail::Math(x.into()))?;
    let rad = Float::with_val_round(64, &half.0, rug::float::Round::Up).0;
    Ok(Ball::from_q(&mid, p)?.widen(&rad))
}

/// B_n or E_n at a ball that is exactly an integer n ≥ 0 (the numbers exist only there).
fn number_at(f: Func, x: &Ball, shown: &str, p: u32) -> R<Ball> {
    let (lo, hi) = x.bounds();
    let n = match (lo == hi, lo.to_integer()) {
        (true, Some(n)) if lo.is_integer() && n >= 0 => n,
        _ => {
            return Err(Fail::Math(MathError::Domain(format!(
                "{shown} is undefined: {} is defined at integers n ≥ 0 only",
                f.name()
            ))))
        }
    };
    let v = crate::math::expr::func(f, vec![Expr::Num(crate::math::number::Q::from_integer(n))])
        .map_err(Fail::Math)?;
    match v.as_num() {
        Some(q) => Ball::from_q(q, p),
        None => Err(Fail::Math(unsupported(format!(
            "{shown} has no exact value"
        )))),
    }
}

fn eval_func(f: Func, args: &[Expr], p: u32, env: Env) -> R<Ball> {
    let name = f.name();
    if args.len() != f.arity() {
        let (want, got) = (f.arity(), args.len());
        let msg = format!("{name} takes {want} argument(s), got {got}");
        return Err(Fail::Math(unsupported(msg)));
    }
    let arg = &args[0];
    if f == Func::Integral {
        return Err(Fail::Math(unsupported(
            "numeric integration is not available yet; expand the integrand as a series instead"
                .into(),
        )));
    }
    if f == Func::Sum {
        return match SUM_BALL.get() {
            Some(f) => f(args, p, env),
            None => Err(Fail::Math(unsupported(
                "a numeric value of a sum needs the summation engine, which is not installed (the summation module's install)".into(),
            ))),
        };
    }
    if f == Func::Binomial {
        return binomial(arg, &args[1], p, env);
    }
    if f == Func::Root {
        return root_ball(&Expr::Func(f, args.to_vec()), p);
    }
    if matches!(f, Func::BesselJ | Func::BesselI) {
        return lambert_bessel::bessel(f, args, p, env);
    }
    if let (Func::Erf, Expr::Num(q)) = (f, arg) {
        if let Some(b) = erf::erf_rational(&q.0, p) {
            return b;
        }
    }
    let x = eval_in(arg, p, env)?;
    let (lo, hi) = x.bounds();
    let shown = format!("{name}({})", describe(arg, &x));
    let (op, monotone, dom): (Op, bool, Domain) = match f {
        Func::Ln if x.is_exact_zero() => {
            return domain("ln(0) is undefined (the logarithm has a pole at 0)".into())
        }
        Func::Ln => (Float::ln_round, true, POSITIVE),
        Func::Sin => (Float::sin_round, false, None),
        Func::Cos => (Float::cos_round, false, None),
        Func::Tan => (Float::tan_round, true, None),
        Func::Asin => (Float::asin_round, true, UNIT),
        Func::Acos => (Float::acos_round, true, UNIT),
        Func::Atan => (Float::atan_round, true, None),
        Func::Sinh => (Float::sinh_round, true, None),
        Func::Cosh => (Float::cosh_round, false, None),
        Func::Tanh => (Float::tanh_round, true, None),
        Func::Asinh => (Float::asinh_round, true, None),
        Func::Acosh => (Float::acosh_round, true, AT_LEAST_ONE),
        Func::Atanh => (Float::atanh_round, true, OPEN_UNIT),
        Func::Erf => (Float::erf_round, true, None),
        Func::Erfc => (Float::erfc_round, true, None),
        Func::Abs => (abs_op, false, None),
        Func::Phi => return phi(&x),
        Func::Gelu => return x.mul(&phi(&x)?),
        Func::Sigmoid => {
            let t = x.neg().op("exp", true, Float::exp_round)?;
            return t.add(&Ball::int(p, 1))?.recip();
        }
        Func::Gamma => return gamma(&x, &shown),
        Func::Factorial => return gamma(&x.add(&Ball::int(p, 1))?, &shown),
        Func::Zeta => return zeta(&x),
        Func::Harmonic => return numbers::harmonic(&x, &shown),
        Func::Fibonacci => return numbers::fibonacci(&x, &shown),
        Func::Floor => return numbers::floor_ceiling(&x, true),
        Func::Ceiling => return numbers::floor_ceiling(&x, false),
        Func::Bernoulli | Func::Euler => return number_at(f, &x, &shown, p),
        Func::LambertW => return lambert_bessel::lambert_w(&x, &shown),
        Func::BesselJ | Func::BesselI => return lambert_bessel::bessel(f, args, p, env),
        Func::Binomial => return binomial(arg, &args[1], p, env),
        Func::Root => return root_ball(&Expr::Func(f, args.to_vec()), p),
        Func::Integral | Func::Sum => {
            return Err(Fail::Math(unsupported(
                "numeric integration is not available yet".into(),
            )))
        }
    };
    if let Some((a, b, open, why)) = dom {
        let (inside, outside) = match open {
            true => (lo > a && hi < b, hi <= a || lo >= b),
            false => (lo >= a && hi <= b, hi < a || lo > b),
        };
        if outside {
            return domain(format!("{shown} is not a real number ({why})"));
        }
        if !inside {
            return unsure(format!(
                "the argument of {name} is too close to the edge of its domain"
            ));
        }
    }
    if matches!(f, Func::Sin | Func::Cos | Func::Tan) {
        x.narrow(name)?;
    }
    if f == Func::Tan {
        let c1 = Float::with_val(p, lo.cos_ref());
        let c2 = Float::with_val(p, hi.cos_ref());
        if c1.is_zero() || c2.is_zero() || c1.is_sign_positive() != c2.is_sign_positive() {
            return unsure("tan is evaluated too close to a pole");
        }
    }
    x.op(name, monotone, op)
}
