//! The bridge between exact values and machine `f64`: an exact constant rounded to the nearest
//! double (through a certified ball, so the double is the rounding of the true value, not of
//! an unchecked guess), a function sampled at rational points the same way, and a double read
//! back as the exact dyadic rational it is. The float64 linear algebra starts and ends here.

use super::ball::{unsupported, Ball, Fail};
use super::{check_evaluable, eval_in};
use crate::math::expr::{Expr, MathError};
use crate::math::number::Q;
use rug::float::Round;
use rug::{Float, Rational};

/// Working precisions tried in turn until the ball is narrow enough to round to one double.
const PRECISIONS: [u32; 4] = [96, 192, 512, 2048];

/// The double nearest to the value of the ball, if the whole ball rounds to it.
fn round_ball(b: &Ball) -> Option<f64> {
    let (lo, hi) = b.bounds();
    let lo = Float::with_val_round(53, &lo, Round::Nearest).0.to_f64();
    let hi = Float::with_val_round(53, &hi, Round::Nearest).0.to_f64();
    (lo == hi || b.is_exact()).then_some(lo)
}

/// `e` (constant, or with `var` bound to the rational `at`) rounded to the nearest double:
/// evaluated as a certified ball at growing precision until both ends of the ball round to
/// the same double. A value beyond the double range is an error, not an infinity.
pub fn nearest_at(e: &Expr, var: Option<(&str, &Q)>, what: &str) -> Result<f64, MathError> {
    if let Expr::Num(q) = e {
        return finite(
            Float::with_val_round(53, &q.0, Round::Nearest).0.to_f64(),
            what,
        );
    }
    if var.is_none() {
        check_evaluable(e)?;
    }
    let mut last = String::new();
    for p in PRECISIONS {
        let x = match var {
            Some((_, q)) => Some(Ball::from_q(q, p).map_err(fail)?),
            None => None,
        };
        let env = var.zip(x.as_ref()).map(|((name, _), b)| (name, b));
        match eval_in(e, p, env) {
            Ok(b) => {
                if let Some(v) = round_ball(&b) {
                    return finite(v, what);
                }
                last = "the value lies too close to a rounding boundary".into();
            }
            Err(Fail::Math(m)) => return Err(m),
            Err(Fail::Uncertain(why)) => last = why,
        }
    }
    Err(unsupported(format!(
        "cannot round {what} to a double: {last}"
    )))
}

/// A constant expression rounded to the nearest double.
pub fn nearest(e: &Expr) -> Result<f64, MathError> {
    nearest_at(e, None, "the value")
}

fn fail(f: Fail) -> MathError {
    match f {
        Fail::Math(m) => m,
        Fail::Uncertain(why) => unsupported(why),
    }
}

fn finite(v: f64, what: &str) -> Result<f64, MathError> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(unsupported(format!(
            "{what} is beyond the double range (about 1.8e308)"
        )))
    }
}

/// The exact rational value of a finite double (`None` for an infinity or NaN).
pub fn exact(x: f64) -> Option<Q> {
    Rational::from_f64(x).map(Q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::expr::{self, Func};

    #[test]
    fn rationals_round_to_nearest() {
        assert_eq!(nearest(&Expr::frac(1, 10)).unwrap(), 0.1);
        assert_eq!(nearest(&Expr::frac(-2, 3)).unwrap(), -2.0 / 3.0);
        assert_eq!(exact(0.5), Some(Q::frac(1, 2)));
        assert!(exact(f64::NAN).is_none());
    }

    #[test]
    fn functions_round_to_nearest_at_a_point() {
        let e = expr::func(Func::Erf, vec![Expr::sym("x")]).unwrap();
        let v = nearest_at(&e, Some(("x", &Q::frac(1, 2))), "erf").unwrap();
        assert_eq!(v, 0.5204998778130465);
        assert_eq!(nearest(&Expr::pi()).unwrap(), std::f64::consts::PI);
    }
}
