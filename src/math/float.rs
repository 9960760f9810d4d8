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

use super::expr::{Constant, Expr, Func, MathError, Symbol};
use super::number::{self, Q};
use rug::float::{Constant as MpfrConstant, Round};
use rug::ops::{AssignRound, PowAssignRound};
use rug::{Assign, Float, Integer};
use std::cmp::Ordering;

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

/// Precision (bits) of ball radii; radii are always rounded up.
const RAD: u32 = 64;
const LOG2_10: f64 = std::f64::consts::LOG2_10;
const LOG10_2: f64 = std::f64::consts::LOG10_2;
const N: Round = Round::Nearest;
/// Largest ball radius at which periodic or many-extrema functions are still sampled.
const NARROW: f64 = 1.0 / 256.0;

/// Why one evaluation failed: a definite error, or too little precision to decide.
enum Fail {
    Math(MathError),
    Uncertain(String),
}

impl From<MathError> for Fail {
    fn from(e: MathError) -> Self {
        Fail::Math(e)
    }
}

type R<T> = Result<T, Fail>;

fn domain<T>(msg: String) -> R<T> {
    Err(Fail::Math(MathError::Domain(msg)))
}

fn unsure<T>(msg: impl Into<String>) -> R<T> {
    Err(Fail::Uncertain(msg.into()))
}

fn unsupported(msg: String) -> MathError {
    MathError::Unsupported(msg)
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
    let need = (f64::from(digits) * LOG2_10).ceil() as u32;
    let cap = max_bits(digits);
    let mut extra = 32 + 2 * expr.size().min(64) as u32;
    let mut attempts = 0;
    loop {
        attempts += 1;
        let bits = (need + extra).min(cap);
        let last = bits >= cap;
        match eval(expr, bits) {
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
fn max_bits(digits: u32) -> u32 {
    20 * (f64::from(digits) * LOG2_10).ceil() as u32 + 20_000
}

fn check_evaluable(expr: &Expr) -> Result<(), MathError> {
    let syms = expr.symbols();
    if !syms.is_empty() {
        return Err(symbol_error(&syms));
    }
    if expr.has_infinity() {
        return Err(infinity_error());
    }
    Ok(())
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

// ---------------------------------------------------------------------------------------------
// Ball arithmetic

fn up_add(a: &Float, b: &Float) -> Float {
    Float::with_val_round(RAD, a + b, Round::Up).0
}

fn up_mul(a: &Float, b: &Float) -> Float {
    Float::with_val_round(RAD, a * b, Round::Up).0
}

fn up_abs(a: &Float) -> Float {
    Float::with_val_round(RAD, a.abs_ref(), Round::Up).0
}

/// |a − b| rounded up.
fn up_dist(a: &Float, b: &Float) -> Float {
    let (x, y) = if a >= b { (a, b) } else { (b, a) };
    Float::with_val_round(RAD, x - y, Round::Up).0
}

/// A bound on the rounding error of `v` given MPFR's ternary value: 0 when exact, else one ulp
/// (twice MPFR's guarantee for round-to-nearest); the least positive float after underflow.
fn rounding_error(v: &Float, ord: Ordering) -> Float {
    let mut u = Float::new(RAD);
    if ord == Ordering::Equal {
        return u;
    }
    if let Some(e) = v.get_exp() {
        u = Float::with_val(RAD, 1) << (e - v.prec() as i32);
    }
    if u.is_zero() {
        u.next_up();
    }
    u
}

fn overflow(what: &str) -> Fail {
    let limit = (f64::from(rug::float::exp_max()) * LOG10_2) as i64;
    Fail::Math(unsupported(format!(
        "cannot evaluate numerically: {what} overflows the floating-point range (about 10^{limit})"
    )))
}

/// `mid ± rad`, containing the exact value.
#[derive(Clone)]
struct Ball {
    mid: Float,
    rad: Float,
}

type Op = fn(&mut Float, Round) -> Ordering;

impl Ball {
    fn exact(mid: Float) -> Ball {
        let rad = Float::new(RAD);
        Ball { mid, rad }
    }
    fn int(p: u32, n: i32) -> Ball {
        Ball::exact(Float::with_val(p, n))
    }
    /// A value rounded by MPFR, with its ternary value.
    fn rounded((mid, ord): (Float, Ordering), what: &str) -> R<Ball> {
        if !mid.is_finite() {
            return Err(overflow(what));
        }
        let rad = rounding_error(&mid, ord);
        Ok(Ball { mid, rad })
    }
    fn prec(&self) -> u32 {
        self.mid.prec()
    }
    fn is_exact(&self) -> bool {
        self.rad.is_zero()
    }
    fn is_exact_zero(&self) -> bool {
        self.is_exact() && self.mid.is_zero()
    }
    /// The ends of the ball, rounded outwards.
    fn bounds(&self) -> (Float, Float) {
        let p = self.prec();
        let lo = Float::with_val_round(p, &self.mid - &self.rad, Round::Down).0;
        let hi = Float::with_val_round(p, &self.mid + &self.rad, Round::Up).0;
        (lo, hi)
    }
    fn contains_zero(&self) -> bool {
        let (lo, hi) = self.bounds();
        lo <= 0 && hi >= 0
    }
    fn add(&self, o: &Ball) -> R<Ball> {
        let sum = Float::with_val_round(self.prec(), &self.mid + &o.mid, N);
        let mut b = Ball::rounded(sum, "a sum")?;
        b.rad = up_add(&up_add(&b.rad, &self.rad), &o.rad);
        Ok(b)
    }
    fn mul(&self, o: &Ball) -> R<Ball> {
        let product = Float::with_val_round(self.prec(), &self.mid * &o.mid, N);
        let mut b = Ball::rounded(product, "a product")?;
        // |ab − a'b'| ≤ |a|·rb + |b|·ra + ra·rb
        let ab = up_mul(&up_abs(&self.mid), &o.rad);
        let ba = up_mul(&up_abs(&o.mid), &self.rad);
        let cross = up_add(&up_add(&ab, &ba), &up_mul(&self.rad, &o.rad));
        b.rad = up_add(&b.rad, &cross);
        Ok(b)
    }
    fn neg(mut self) -> Ball {
        self.mid = -self.mid;
        self
    }
    /// Applies a correctly rounded MPFR function (an in-place operation returning the ternary
    /// value) to the ball; the caller has checked the domain. For a monotone function the
    /// images of the ends bound the image; otherwise the spread is quadrupled, which covers a
    /// single extremum inside a narrow ball.
    fn apply(&self, name: &str, monotone: bool, f: impl Fn(&mut Float) -> Ordering) -> R<Ball> {
        let sample = |x: &Float| -> R<(Float, Float)> {
            let mut y = x.clone();
            let ord = f(&mut y);
            if y.is_nan() {
                return domain(format!("{name} is not a real number at {}", short(x)));
            }
            if !y.is_finite() {
                return Err(overflow(&format!("{name}({})", short(x))));
            }
            let u = rounding_error(&y, ord);
            Ok((y, u))
        };
        let (m, um) = sample(&self.mid)?;
        if self.is_exact() {
            return Ok(Ball { mid: m, rad: um });
        }
        let (lo, hi) = self.bounds();
        let ((a, ua), (b, ub)) = (sample(&lo)?, sample(&hi)?);
        let mut spread = up_dist(&a, &m).max(&up_dist(&b, &m)).clone();
        if !monotone {
            spread = up_mul(&spread, &Float::with_val(RAD, 4));
        }
        let rad = up_add(&up_add(&spread, &um), &up_add(&ua, &ub));
        Ok(Ball { mid: m, rad })
    }
    fn op(&self, name: &str, monotone: bool, op: Op) -> R<Ball> {
        self.apply(name, monotone, |y| op(y, N))
    }
    fn narrow(&self, name: &str) -> R<()> {
        if self.rad > NARROW {
            return unsure(format!(
                "the argument of {name} is too large for the working precision"
            ));
        }
        Ok(())
    }
    fn recip(&self) -> R<Ball> {
        if self.is_exact_zero() {
            return Err(Fail::Math(MathError::DivisionByZero));
        }
        if self.contains_zero() {
            return unsure("a divisor is too close to zero");
        }
        self.op("1/x", true, Float::recip_round)
    }
}

/// A few digits of `x` for error messages (never for results).
fn short(x: &Float) -> String {
    let v = x.to_f64();
    if x.is_integer() && v.abs() < 1e15 {
        format!("{v}")
    } else if v.abs() >= 1e6 || v.abs() < 1e-4 {
        format!("≈{v:.5e}")
    } else {
        format!("≈{v:.6}")
    }
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

fn eval(e: &Expr, p: u32) -> R<Ball> {
    match e {
        Expr::Num(q) => Ball::rounded(Float::with_val_round(p, &q.0, N), "a rational number"),
        Expr::Const(Constant::Pi) => {
            Ball::rounded(Float::with_val_round(p, MpfrConstant::Pi, N), "pi")
        }
        Expr::Const(Constant::E) => Ball::int(p, 1).op("exp", true, Float::exp_round),
        Expr::Const(Constant::Infinity) => Err(Fail::Math(infinity_error())),
        Expr::Sym(s) => Err(Fail::Math(symbol_error(std::slice::from_ref(s)))),
        Expr::Add(ts) => ts
            .iter()
            .try_fold(Ball::int(p, 0), |acc, t| acc.add(&eval(t, p)?)),
        Expr::Mul(fs) => fs
            .iter()
            .try_fold(Ball::int(p, 1), |acc, f| acc.mul(&eval(f, p)?)),
        Expr::Pow(b, x) => eval_pow(b, x, p),
        Expr::Func(f, args) => eval_func(*f, args, p),
    }
}

fn eval_pow(base: &Expr, ex: &Expr, p: u32) -> R<Ball> {
    if *base == Expr::e() {
        return eval(ex, p)?.op("exp", true, Float::exp_round);
    }
    let b = eval(base, p)?;
    let (lo, hi) = b.bounds();
    let x = eval(ex, p)?;
    let shown = format!("({})^({})", describe(base, &b), describe(ex, &x));
    let q = match ex {
        Expr::Num(q) if q.is_integer() => return pow_int(&b, q.numer()),
        Expr::Num(q) => q,
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

fn pow_int(b: &Ball, n: &Integer) -> R<Ball> {
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

fn eval_func(f: Func, args: &[Expr], p: u32) -> R<Ball> {
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
        return Err(Fail::Math(unsupported(
            "numeric evaluation of an unevaluated sum is not available yet (certified summation is the sums issue)".into(),
        )));
    }
    if f == Func::Binomial {
        return binomial(arg, &args[1], p);
    }
    let x = eval(arg, p)?;
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
        Func::Binomial => return binomial(arg, &args[1], p),
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

/// Φ(x) = erfc(−x/√2)/2.
fn phi(x: &Ball) -> R<Ball> {
    let half = Ball::exact(Float::with_val(x.prec(), 0.5));
    let r = half.op("sqrt", true, Float::sqrt_round)?.neg();
    x.mul(&r)?.op("erfc", true, Float::erfc_round)?.mul(&half)
}

/// Γ(x), refusing the poles at 0, −1, −2, …; `shown` names the call in errors.
fn gamma(x: &Ball, shown: &str) -> R<Ball> {
    let (lo, hi) = x.bounds();
    let c = Float::with_val(x.prec(), lo.ceil_ref());
    if lo <= 0 && c <= hi && c <= 0 {
        if x.is_exact() {
            return domain(format!(
                "{shown} is undefined (a pole of the gamma function)"
            ));
        }
        return unsure("gamma is evaluated too close to a pole");
    }
    if lo < 0 {
        x.narrow("gamma")?;
    }
    x.op("gamma", false, Float::gamma_round)
}

/// ζ(s): Borwein's series for s ≥ 1/4, below that the functional equation
/// ζ(s) = 2^s π^(s−1) sin(πs/2) Γ(1−s) ζ(1−s). (MPFR's own zeta is much slower.)
fn zeta(x: &Ball) -> R<Ball> {
    let p = x.prec();
    let (lo, hi) = x.bounds();
    if lo <= 1 && hi >= 1 {
        if x.is_exact() {
            let why = "the harmonic series diverges; zeta has a pole at 1";
            return domain(format!("zeta(1) is undefined ({why})"));
        }
        return unsure("zeta is evaluated too close to its pole at 1");
    }
    if x.is_exact() && x.mid.is_integer() && x.mid <= 0 {
        // ζ(0) = −1/2 and the trivial zeros ζ(−2) = ζ(−4) = … = 0 are exact.
        if x.mid.is_zero() {
            return Ok(Ball::exact(Float::with_val(p, -0.5)));
        }
        if Float::with_val(p, &x.mid / 2u32).is_integer() {
            return Ok(Ball::int(p, 0));
        }
    }
    if lo >= 0.25 {
        return x.apply("zeta", true, zeta_borwein);
    }
    x.narrow("zeta")?;
    let one = Ball::int(p, 1);
    let pi = eval(&Expr::pi(), p)?;
    let ln2 = Ball::rounded(Float::with_val_round(p, MpfrConstant::Log2, N), "ln 2")?;
    let ln_pi = pi.op("ln", true, Float::ln_round)?;
    let two_s = x.mul(&ln2)?.op("exp", true, Float::exp_round)?;
    let s1 = x.add(&one.clone().neg())?;
    let pi_s1 = s1.mul(&ln_pi)?.op("exp", true, Float::exp_round)?;
    let angle = x.mul(&pi)?.mul(&Ball::exact(Float::with_val(p, 0.5)))?;
    angle.narrow("sin")?;
    let sine = angle.op("sin", false, Float::sin_round)?;
    let r = s1.neg();
    let g = gamma(&r, "gamma")?;
    two_s.mul(&pi_s1)?.mul(&sine)?.mul(&g)?.mul(&zeta(&r)?)
}

/// ζ(s) for real s ≥ 1/4 into `y` (at `y`'s precision p), within 1/16 ulp before the final
/// rounding. Borwein (2000), Algorithm 2: η(s) = Σ_{k<n} (−1)^k (d_n − d_k)/(d_n (k+1)^s) with
/// error ≤ 3/(3+√8)^n, where d_k = n Σ_{i≤k} (n+i−1)! 4^i/((n−i)! (2i)!); and
/// ζ(s) = η(s)/(1 − 2^(1−s)). For an integer 1 ≤ s ≤ 16 every step takes linear time.
fn zeta_borwein(y: &mut Float) -> Ordering {
    let p = y.prec();
    let s = y.clone();
    if s > p + 2 {
        // 0 < ζ(s) − 1 < 3·2^(−s), less than half an ulp of 1.
        y.assign(1);
        return Ordering::Less;
    }
    let n = ((f64::from(p) + 10.0) / (3.0 + 8f64.sqrt()).log2()).ceil() as u32 + 1;
    let (nf, sa) = (f64::from(n), s.to_f64().abs());
    // Relative error of the sum, in units of 2^-q: 2n terms of ≤ 3n + 2s·ln n + 2·log2 n ulps.
    let budget = nf * (6.0 * nf + 2.0 * sa * (nf + 1.0).ln() + 2.0 * (nf + 1.0).log2() + sa + 5.0);
    let q = p + 12 + budget.log2().ceil() as u32;
    let int_s = if s.is_integer() {
        s.to_i32_saturating()
    } else {
        None
    };
    let small = int_s.filter(|&v| (1..=16).contains(&v));
    // j^(−s), to within a few ulps (or 2s·ln j ulps for a non-integer s).
    let power = |j: u32| -> Float {
        let mut w = Float::with_val(q, j);
        if let Some(v) = int_s {
            w.pow_assign_round(-v, N);
        } else {
            w.ln_round(N);
            w *= &s;
            w = -w;
            w.exp_round(N);
        }
        w
    };
    // Downwards: u_i = t_i/t_n (t_i the summands of d), C_k = Σ_{i>k} u_i, D = C_{−1}; the
    // terms C_k·(k+1)^(−s) decrease, so every partial sum lies in [0, D].
    let (mut u, mut c, mut sum) = (Float::with_val(q, 1), Float::new(q), Float::new(q));
    for k in (0..n).rev() {
        c += &u;
        let mut term = c.clone();
        match small {
            Some(v) => (0..v).for_each(|_| term /= k + 1),
            None => term *= power(k + 1),
        }
        if k % 2 == 0 {
            sum += term;
        } else {
            sum -= term;
        }
        // u_k = u_{k+1} (2k+1)(k+1) / (2(n+k)(n−k))
        u *= 2 * k + 1;
        u *= k + 1;
        u /= 2 * (n + k);
        u /= n - k;
    }
    c += &u;
    let eta = sum / c;
    // 1/(1 − 2^(1−s)) = −1/expm1((1−s)·ln 2)
    let mut t = Float::with_val(q + 64, 1 - &s);
    t *= Float::with_val(q, MpfrConstant::Log2);
    t.exp_m1_round(N);
    match y.assign_round(-(eta / t), N) {
        Ordering::Equal => Ordering::Less,
        ord => ord,
    }
}

/// binomial(n, k): exact for integers, Γ(n+1)/(Γ(k+1)·Γ(n−k+1)) otherwise.
fn binomial(n: &Expr, k: &Expr, p: u32) -> R<Ball> {
    if let (Expr::Num(nq), Expr::Num(kq)) = (n, k) {
        if nq.is_integer() && kq.is_integer() {
            if kq.is_negative() {
                return Ok(Ball::int(p, 0));
            }
            let too_large = || MathError::TooLarge(format!("binomial({nq}, {kq})"));
            let kk = kq.numer().to_u64().ok_or_else(too_large)?;
            let v = number::binomial(nq.numer(), kk).map_err(MathError::from)?;
            return Ball::rounded(Float::with_val_round(p, &v, N), "binomial");
        }
    }
    let (nb, kb) = (eval(n, p)?, eval(k, p)?);
    let shown = format!("binomial({}, {})", describe(n, &nb), describe(k, &kb));
    let one = Ball::int(p, 1);
    let top = gamma(&nb.add(&one)?, &shown)?;
    let d1 = gamma(&kb.add(&one)?, &shown)?;
    let d2 = gamma(&nb.add(&kb.neg())?.add(&one)?, &shown)?;
    top.mul(&d1.mul(&d2)?.recip()?)
}

// ---------------------------------------------------------------------------------------------
// Correctly rounded decimal output

/// Rounds `fl + frac` to an integer, half to even, where `ord` compares `frac` with 1/2.
fn half_even(fl: Integer, ord: Ordering) -> Integer {
    match ord {
        Ordering::Greater => fl + 1,
        Ordering::Equal if fl.is_odd() => fl + 1,
        _ => fl,
    }
}

/// A non-negative finite float rounded to an integer, half to even (exactly).
fn round_float(s: &Float) -> Option<Integer> {
    let (m, e) = s.to_integer_exp()?;
    let sh = e.unsigned_abs();
    if e >= 0 {
        return Some(m << sh);
    }
    let fl = Integer::from(&m >> sh);
    let rem = m - Integer::from(&fl << sh);
    let twice: Integer = rem << 1u32;
    let ord = twice.cmp(&(Integer::from(1) << sh));
    Some(half_even(fl, ord))
}

/// Finds `(N, E)` with `10^(d−1) ≤ N < 10^d` such that `N·10^(E−d+1)` is the value rounded to
/// `d` significant digits, given `n_at(E)` = the value scaled by `10^(d−1−E)` and rounded to an
/// integer (None when that is not certain). The answer is the smallest `E` with
/// `n_at(E) ≤ 10^d`, with a carry when `n_at(E) = 10^d`.
fn decimal(d: u32, guess: i64, n_at: impl Fn(i64) -> Option<Integer>) -> Option<(Integer, i64)> {
    let top = Integer::from(Integer::u_pow_u(10, d));
    let mut e = guess;
    for _ in 0..64 {
        let n = n_at(e)?;
        if n > top {
            e += 1;
        } else if n_at(e - 1)? <= top {
            e -= 1;
        } else if n == top {
            return Some((n / 10, e + 1));
        } else {
            return Some((n, e));
        }
    }
    None
}

/// Lays out `±N·10^(E−d+1)`: positional for `E` in [−5, min(21, d)), else `d.ddd…e±XX` —
/// so no zero is printed that is not a correct digit (123456789 to 3 digits is 1.23e+08).
fn layout(negative: bool, n: &Integer, e: i64, d: u32) -> String {
    let s = n.to_string();
    let d = d as usize;
    let sign = if negative { "-" } else { "" };
    if !(-5..21).contains(&e) || e >= d as i64 {
        let (head, tail) = s.split_at(1);
        let dot = if d > 1 { "." } else { "" };
        let esign = if e < 0 { '-' } else { '+' };
        return format!("{sign}{head}{dot}{tail}e{esign}{:02}", e.unsigned_abs());
    }
    if e < 0 {
        return format!("{sign}0.{}{s}", "0".repeat(e.unsigned_abs() as usize - 1));
    }
    let int_len = e as usize + 1;
    if int_len >= d {
        return format!("{sign}{s}{}", "0".repeat(int_len - d));
    }
    format!("{sign}{}.{}", &s[..int_len], &s[int_len..])
}

/// An exact rational to `d` significant digits, half to even, by integer arithmetic.
fn format_rational(q: &Q, d: u32) -> Option<String> {
    if q.is_zero() {
        return Some("0".into());
    }
    let num = q.numer().clone().abs();
    let den = q.denom();
    let ex = i64::from(num.significant_bits()) - i64::from(den.significant_bits());
    let guess = ((ex - 1) as f64 * LOG10_2).floor() as i64;
    let (n, e) = decimal(d, guess, |e10| {
        let k = i64::from(d) - 1 - e10;
        let pow = Integer::from(Integer::u_pow_u(10, u32::try_from(k.unsigned_abs()).ok()?));
        let (a, b) = if k >= 0 {
            (Integer::from(&num * &pow), den.clone())
        } else {
            (num.clone(), Integer::from(den * &pow))
        };
        let (fl, rem) = a.div_rem_floor(b.clone());
        let twice: Integer = rem << 1u32;
        Some(half_even(fl, twice.cmp(&b)))
    })?;
    Some(layout(q.is_negative(), &n, e, d))
}

/// The decimal text when every value in the ball rounds to the same `d` digits.
fn certify(b: &Ball, d: u32) -> Option<String> {
    if b.is_exact_zero() {
        return Some("0".into());
    }
    let q = b.prec() + 64;
    let lo = Float::with_val_round(q, &b.mid - &b.rad, Round::Down).0;
    let hi = Float::with_val_round(q, &b.mid + &b.rad, Round::Up).0;
    if !(lo > 0 || hi < 0) {
        return None;
    }
    let negative = hi < 0;
    let (a, z) = if negative { (-hi, -lo) } else { (lo, hi) };
    let guess = ((f64::from(a.get_exp()?) - 1.0) * LOG10_2).floor() as i64;
    // Scales the ends outwards by 10^(d−1−E) and rounds both; they must agree.
    let (n, e) = decimal(d, guess, |e10| {
        let k = i32::try_from(i64::from(d) - 1 - e10).ok()?;
        let scaled = |x: &Float, r: Round| {
            let mut t = Float::with_val(q, 10);
            t.pow_assign_round(k, r);
            Float::with_val_round(q, x * &t, r).0
        };
        let n1 = round_float(&scaled(&a, Round::Down))?;
        let n2 = round_float(&scaled(&z, Round::Up))?;
        (n1 == n2).then_some(n1)
    })?;
    Some(layout(negative, &n, e, d))
}

/// The error after the precision cap: the value cannot be told from zero, or it sits on a
/// rounding boundary.
fn uncertified(b: &Ball) -> MathError {
    let (lo, hi) = b.bounds();
    if !b.contains_zero() {
        let why = "the value lies too close to a rounding boundary";
        return unsupported(format!("cannot certify the digits: {why}"));
    }
    // |value| ≤ max(|lo|, |hi|) < 2^ex ≤ 10^−n
    let ex = up_abs(&lo).max(&up_abs(&hi)).get_exp().unwrap_or(0);
    let n = (-(f64::from(ex)) * LOG10_2 - 1e-6).floor() as i64;
    if n < 1 {
        let why = "the value cannot be told apart from zero";
        return unsupported(format!("cannot certify the digits: {why}"));
    }
    unsupported(format!(
        "cannot certify the digits: the value is within 10^-{n} of zero"
    ))
}
