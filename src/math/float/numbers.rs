//! Balls of the number-theoretic functions — Euler's constant γ, harmonic numbers through
//! the digamma function (H_x = ψ(x + 1) + γ, DLMF 5.4.14 with 5.2.2), Fibonacci numbers at
//! exact integers, floor and ceiling — and the certified floor or ceiling of a real constant.

use super::ball::{domain, unsure, Ball, Fail, N, R};
use super::sign::expands_to_zero;
use super::{check_evaluable, eval};
use crate::math::expr::{self, Expr, MResult, MathError};
use crate::math::number::Q;
use rug::float::Constant as MpfrConstant;
use rug::{Float, Integer};

/// Euler's constant γ at `p` bits (MPFR's correctly rounded value).
pub(super) fn euler_gamma(p: u32) -> R<Ball> {
    Ball::rounded(
        Float::with_val_round(p, MpfrConstant::Euler, N),
        "EulerGamma",
    )
}

/// H_x = ψ(x + 1) + γ, refusing the poles at x = −1, −2, …; ψ increases between its poles,
/// so the images of a pole-free ball's ends bound it.
pub(super) fn harmonic(x: &Ball, shown: &str) -> R<Ball> {
    let p = x.prec();
    let y = x.add(&Ball::int(p, 1))?;
    let (lo, hi) = y.bounds();
    let c = Float::with_val(p, lo.ceil_ref());
    if lo <= 0 && c <= hi && c <= 0 {
        if y.is_exact() {
            return domain(format!(
                "{shown} is undefined (a pole: H_x = ψ(x + 1) + γ has poles at the negative integers)"
            ));
        }
        return unsure("harmonic is evaluated too close to a pole");
    }
    y.op("digamma", true, Float::digamma_round)?
        .add(&euler_gamma(p)?)
}

/// F_n at an exact integer ball (a summation index); other arguments are not integers.
pub(super) fn fibonacci(x: &Ball, shown: &str) -> R<Ball> {
    if x.is_exact() && x.mid.is_integer() {
        let n = x.mid.to_integer().unwrap_or_default();
        let f = expr::numbers::fibonacci_number(&n)?;
        return Ball::from_int(&f, x.prec());
    }
    let (lo, hi) = x.bounds();
    if Float::with_val(x.prec(), lo.ceil_ref()) > hi {
        return domain(format!(
            "{shown} is undefined (Fibonacci numbers are defined at integers only)"
        ));
    }
    unsure("fibonacci's argument is not told apart from an integer")
}

/// ⌊x⌋ or ⌈x⌉ of a ball: exact when every value of the ball has the same one.
pub(super) fn floor_ceiling(x: &Ball, is_floor: bool) -> R<Ball> {
    match rounded_alike(x, is_floor) {
        Some(k) => Ball::from_int(&k, x.prec()),
        None => unsure("the value is too close to an integer to round it"),
    }
}

/// The common floor (or ceiling) of every value in the ball, if there is one.
fn rounded_alike(b: &Ball, is_floor: bool) -> Option<Integer> {
    let (lo, hi) = b.bounds();
    let round = |f: &Float| {
        let r = if is_floor {
            f.clone().floor()
        } else {
            f.clone().ceil()
        };
        r.to_integer()
    };
    let (a, z) = (round(&lo)?, round(&hi)?);
    (a == z).then_some(a)
}

/// Working precisions [`floor_const`] tries beyond the value's magnitude: up to this many bits.
const FLOOR_EXTRA_CAP: u32 = 8192;

/// Largest magnitude (in bits) of a constant whose floor is computed: ≈ 40,000 digits.
const FLOOR_MAGNITUDE_CAP: i32 = 131_072;

/// ⌊c⌋ (or ⌈c⌉) of a real constant, certified: the constant's ball at growing precision until
/// every value in it rounds alike; a ball that keeps containing an integer k is settled by the
/// exact test c − k = 0 (by expansion). `None` when neither settles it within the cap: a
/// floor is never decided from a float that sits at 1.9999….
pub fn floor_const(c: &Expr, is_floor: bool) -> MResult<Option<Integer>> {
    if let Some(q) = c.as_num() {
        let v = if is_floor {
            q.0.clone().floor()
        } else {
            q.0.clone().ceil()
        };
        return Ok(Some(v.numer().clone()));
    }
    if let Err(e) = check_evaluable(c) {
        return match e {
            MathError::Interrupted => Err(e),
            _ => Ok(None),
        };
    }
    let mut bits = 64 + 2 * c.size().min(64) as u32;
    let mut cap = FLOOR_EXTRA_CAP;
    let mut zero_tried = false;
    loop {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        match eval(c, bits) {
            Ok(b) => {
                if let Some(k) = rounded_alike(&b, is_floor) {
                    return Ok(Some(k));
                }
                let (lo, hi) = b.bounds();
                let magnitude = hi.get_exp().unwrap_or(0).max(lo.get_exp().unwrap_or(0));
                if magnitude > FLOOR_MAGNITUDE_CAP {
                    return Ok(None);
                }
                cap = cap.max(FLOOR_EXTRA_CAP + magnitude.max(0) as u32);
                // A narrow ball around one integer k: c may be exactly k.
                let k = Float::with_val(bits, hi.floor_ref());
                if !zero_tried && k >= lo && Float::with_val(bits, &hi - &lo) < 0.5 {
                    zero_tried = true;
                    let k = k.to_integer().unwrap_or_default();
                    let d = expr::sub(c.clone(), Expr::Num(Q::from_integer(k.clone())))?;
                    if expands_to_zero(&d)? {
                        return Ok(Some(k));
                    }
                }
            }
            Err(Fail::Math(MathError::Interrupted)) => return Err(MathError::Interrupted),
            Err(Fail::Math(e @ MathError::Domain(_))) => return Err(e),
            Err(Fail::Math(_)) => return Ok(None),
            Err(Fail::Uncertain(_)) => {}
        }
        if bits >= cap {
            return Ok(None);
        }
        bits = (2 * bits).min(cap);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::expr::Func;

    fn floor(c: &Expr) -> Option<Integer> {
        floor_const(c, true).unwrap()
    }

    #[test]
    fn floors_of_constants_are_certified() {
        let s2 = Expr::sqrt(Expr::int(2)).unwrap();
        assert_eq!(floor(&s2), Some(Integer::from(1)));
        assert_eq!(floor_const(&s2, false).unwrap(), Some(Integer::from(2)));
        // 1000·π = 3141.59…, −e = −2.71… (floor −3).
        let kpi = expr::mul(vec![Expr::int(1000), Expr::pi()]).unwrap();
        assert_eq!(floor(&kpi), Some(Integer::from(3141)));
        let me = expr::neg(Expr::e()).unwrap();
        assert_eq!(floor(&me), Some(Integer::from(-3)));
    }

    #[test]
    fn an_integer_in_disguise_is_found_exactly() {
        // (1 + √2)² − 2√2 = 3 exactly; its ball always straddles 3.
        let s2 = Expr::sqrt(Expr::int(2)).unwrap();
        let sq = expr::pow(
            expr::add(vec![Expr::one(), s2.clone()]).unwrap(),
            Expr::int(2),
        )
        .unwrap();
        let c = expr::sub(sq, expr::mul(vec![Expr::int(2), s2]).unwrap()).unwrap();
        assert!(c.as_num().is_none(), "{c} simplified");
        assert_eq!(floor(&c), Some(Integer::from(3)));
        assert_eq!(floor_const(&c, false).unwrap(), Some(Integer::from(3)));
    }

    #[test]
    fn an_undecidable_floor_stays_open() {
        // ln 6 − ln 2 − ln 3 + 1 is 1, but neither its ball nor its expansion shows it.
        let ln = |k| expr::func(Func::Ln, vec![Expr::int(k)]).unwrap();
        let c = expr::add(vec![
            Expr::one(),
            expr::sub(ln(6), expr::add(vec![ln(2), ln(3)]).unwrap()).unwrap(),
        ])
        .unwrap();
        assert!(c.as_num().is_none(), "{c} simplified");
        assert_eq!(floor(&c), None);
    }
}
