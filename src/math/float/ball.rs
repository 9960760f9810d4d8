//! Ball arithmetic over MPFR: a midpoint `Float` at the working precision and a radius rounded
//! upwards, so that every ball contains the exact value it stands for. Shared by the evaluator
//! of expressions and by certified summation, which builds its enclosures from these balls.

use crate::math::expr::MathError;
use crate::math::number::Q;
use rug::float::Round;
use rug::{Float, Integer};
use std::cmp::Ordering;

/// Precision (bits) of ball radii; radii are always rounded up.
pub(crate) const RAD: u32 = 64;
const LOG10_2: f64 = std::f64::consts::LOG10_2;
pub(crate) const N: Round = Round::Nearest;
/// Largest ball radius at which periodic or many-extrema functions are still sampled.
const NARROW: f64 = 1.0 / 256.0;

/// Why one evaluation failed: a definite error, or too little precision to decide.
pub(crate) enum Fail {
    Math(MathError),
    Uncertain(String),
}

impl From<MathError> for Fail {
    fn from(e: MathError) -> Self {
        Fail::Math(e)
    }
}

pub(crate) type R<T> = Result<T, Fail>;

pub(crate) fn domain<T>(msg: String) -> R<T> {
    Err(Fail::Math(MathError::Domain(msg)))
}

pub(crate) fn unsure<T>(msg: impl Into<String>) -> R<T> {
    Err(Fail::Uncertain(msg.into()))
}

pub(crate) fn unsupported(msg: String) -> MathError {
    MathError::Unsupported(msg)
}

// ---------------------------------------------------------------------------------------------
// Ball arithmetic

pub(crate) fn up_add(a: &Float, b: &Float) -> Float {
    Float::with_val_round(RAD, a + b, Round::Up).0
}

pub(crate) fn up_mul(a: &Float, b: &Float) -> Float {
    Float::with_val_round(RAD, a * b, Round::Up).0
}

pub(crate) fn up_abs(a: &Float) -> Float {
    Float::with_val_round(RAD, a.abs_ref(), Round::Up).0
}

/// |a − b| rounded up.
pub(crate) fn up_dist(a: &Float, b: &Float) -> Float {
    let (x, y) = if a >= b { (a, b) } else { (b, a) };
    Float::with_val_round(RAD, x - y, Round::Up).0
}

/// A bound on the rounding error of `v` given MPFR's ternary value: 0 when exact, else one ulp
/// (twice MPFR's guarantee for round-to-nearest); the least positive float after underflow.
pub(crate) fn rounding_error(v: &Float, ord: Ordering) -> Float {
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

pub(crate) fn overflow(what: &str) -> Fail {
    let limit = (f64::from(rug::float::exp_max()) * LOG10_2) as i64;
    Fail::Math(unsupported(format!(
        "cannot evaluate numerically: {what} overflows the floating-point range (about 10^{limit})"
    )))
}

/// `mid ± rad`, containing the exact value.
#[derive(Clone)]
pub(crate) struct Ball {
    pub(crate) mid: Float,
    pub(crate) rad: Float,
}

pub(crate) type Op = fn(&mut Float, Round) -> Ordering;

impl Ball {
    pub(crate) fn exact(mid: Float) -> Ball {
        let rad = Float::new(RAD);
        Ball { mid, rad }
    }
    pub(crate) fn int(p: u32, n: i32) -> Ball {
        Ball::exact(Float::with_val(p, n))
    }
    /// A value rounded by MPFR, with its ternary value.
    pub(crate) fn rounded((mid, ord): (Float, Ordering), what: &str) -> R<Ball> {
        if !mid.is_finite() {
            return Err(overflow(what));
        }
        let rad = rounding_error(&mid, ord);
        Ok(Ball { mid, rad })
    }
    pub(crate) fn prec(&self) -> u32 {
        self.mid.prec()
    }
    pub(crate) fn is_exact(&self) -> bool {
        self.rad.is_zero()
    }
    pub(crate) fn is_exact_zero(&self) -> bool {
        self.is_exact() && self.mid.is_zero()
    }
    /// The ends of the ball, rounded outwards.
    pub(crate) fn bounds(&self) -> (Float, Float) {
        let p = self.prec();
        let lo = Float::with_val_round(p, &self.mid - &self.rad, Round::Down).0;
        let hi = Float::with_val_round(p, &self.mid + &self.rad, Round::Up).0;
        (lo, hi)
    }
    pub(crate) fn contains_zero(&self) -> bool {
        let (lo, hi) = self.bounds();
        lo <= 0 && hi >= 0
    }
    pub(crate) fn add(&self, o: &Ball) -> R<Ball> {
        let sum = Float::with_val_round(self.prec(), &self.mid + &o.mid, N);
        let mut b = Ball::rounded(sum, "a sum")?;
        b.rad = up_add(&up_add(&b.rad, &self.rad), &o.rad);
        Ok(b)
    }
    pub(crate) fn mul(&self, o: &Ball) -> R<Ball> {
        let product = Float::with_val_round(self.prec(), &self.mid * &o.mid, N);
        let mut b = Ball::rounded(product, "a product")?;
        // |ab − a'b'| ≤ |a|·rb + |b|·ra + ra·rb
        let ab = up_mul(&up_abs(&self.mid), &o.rad);
        let ba = up_mul(&up_abs(&o.mid), &self.rad);
        let cross = up_add(&up_add(&ab, &ba), &up_mul(&self.rad, &o.rad));
        b.rad = up_add(&b.rad, &cross);
        Ok(b)
    }
    /// The ball times a/b for integers a and b ≠ 0: mid·a and then /b, each rounded once, the
    /// radius scaled by |a|/|b| and widened by both roundings (no rational gcds, as a
    /// term-ratio recurrence needs at every step).
    pub(crate) fn mul_ratio(&self, a: &Integer, b: &Integer) -> R<Ball> {
        if b.is_zero() {
            return Err(Fail::Math(MathError::DivisionByZero));
        }
        let p = self.prec();
        let mut t = Ball::rounded(Float::with_val_round(p, &self.mid * a, N), "a product")?;
        let scaled =
            Float::with_val_round(RAD, &self.rad * Integer::from(a.abs_ref()), Round::Up).0;
        t.rad = up_add(&t.rad, &scaled);
        let mut q = Ball::rounded(Float::with_val_round(p, &t.mid / b, N), "a quotient")?;
        let shrunk = Float::with_val_round(RAD, &t.rad / Integer::from(b.abs_ref()), Round::Up).0;
        q.rad = up_add(&q.rad, &shrunk);
        Ok(q)
    }
    pub(crate) fn neg(mut self) -> Ball {
        self.mid = -self.mid;
        self
    }
    /// Applies a correctly rounded MPFR function (an in-place operation returning the ternary
    /// value) to the ball; the caller has checked the domain. For a monotone function the
    /// images of the ends bound the image; otherwise the spread is quadrupled, which covers a
    /// single extremum inside a narrow ball.
    pub(crate) fn apply(
        &self,
        name: &str,
        monotone: bool,
        f: impl Fn(&mut Float) -> Ordering,
    ) -> R<Ball> {
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
    pub(crate) fn op(&self, name: &str, monotone: bool, op: Op) -> R<Ball> {
        self.apply(name, monotone, |y| op(y, N))
    }
    pub(crate) fn narrow(&self, name: &str) -> R<()> {
        if self.rad > NARROW {
            return unsure(format!(
                "the argument of {name} is too large for the working precision"
            ));
        }
        Ok(())
    }
    /// A rational number, rounded to `p` bits.
    pub(crate) fn from_q(q: &Q, p: u32) -> R<Ball> {
        Ball::rounded(Float::with_val_round(p, &q.0, N), "a rational number")
    }
    /// An integer, rounded to `p` bits (exact when it fits).
    pub(crate) fn from_int(k: &Integer, p: u32) -> R<Ball> {
        Ball::rounded(Float::with_val_round(p, k, N), "an integer")
    }
    pub(crate) fn sub(&self, o: &Ball) -> R<Ball> {
        self.add(&o.clone().neg())
    }
    pub(crate) fn div(&self, o: &Ball) -> R<Ball> {
        self.mul(&o.recip()?)
    }
    /// Widens the ball by `e ≥ 0` (a proven bound on a neglected quantity).
    pub(crate) fn widen(mut self, e: &Float) -> Ball {
        self.rad = up_add(&self.rad, &up_abs(e));
        self
    }
    /// An upper bound of |x| over the ball, rounded up at the radius precision.
    pub(crate) fn abs_upper(&self) -> Float {
        up_add(&up_abs(&self.mid), &self.rad)
    }
    pub(crate) fn recip(&self) -> R<Ball> {
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
pub(crate) fn short(x: &Float) -> String {
    let v = x.to_f64();
    if x.is_integer() && v.abs() < 1e15 {
        format!("{v}")
    } else if v.abs() >= 1e6 || v.abs() < 1e-4 {
        format!("≈{v:.5e}")
    } else {
        format!("≈{v:.6}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rug::Rational;

    /// Whether the exact rational `q` lies in the ball.
    fn contains(b: &Ball, q: &Rational) -> bool {
        let (lo, hi) = b.bounds();
        lo.to_rational().is_some_and(|lo| lo <= *q) && hi.to_rational().is_some_and(|hi| *q <= hi)
    }

    #[test]
    fn mul_ratio_contains_the_exact_product() {
        let Ok(third) = Ball::from_q(&Q::frac(1, 3), 64) else {
            panic!("1/3 as a ball")
        };
        // Signs of a and b in every combination; 1/3·a/b exactly.
        for (a, b) in [(7, 5), (-7, 5), (7, -5), (-7, -5), (1, 3), (0, 9)] {
            let Ok(r) = third.mul_ratio(&Integer::from(a), &Integer::from(b)) else {
                panic!("1/3·{a}/{b} failed");
            };
            assert!(contains(&r, &Rational::from((a, 3 * b))), "1/3·{a}/{b}");
            assert!(
                r.rad < Float::with_val(64, 1) >> 60u32,
                "1/3·{a}/{b}: {}",
                r.rad
            );
        }
        // A wide ball stays around every value it contained, scaled by |a|/|b|.
        let wide = third.clone().widen(&Float::with_val(64, 0.25));
        let Ok(r) = wide.mul_ratio(&Integer::from(-10), &Integer::from(4)) else {
            panic!("the wide ball times -10/4")
        };
        for x in [Rational::from((1, 12)), Rational::from((7, 12))] {
            assert!(contains(&r, &(x * Rational::from((-10, 4)))));
        }
        assert!(r.rad >= 0.625 && r.rad < 0.626);
        assert!(matches!(
            third.mul_ratio(&Integer::from(1), &Integer::new()),
            Err(Fail::Math(MathError::DivisionByZero))
        ));
    }
}
