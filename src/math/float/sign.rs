//! The certified sign of a real constant and the comparison of two constants: the one place
//! sigma decides them. Rationals are compared exactly; any other constant is enclosed in a
//! ball at growing precision until the ball lies strictly on one side of 0 (or is exactly 0).
//! A constant whose ball keeps straddling 0 is tested for being exactly zero (it expands to
//! 0); failing that, the answer is an error after the precision cap, never a guess.

use super::ball::{Ball, Fail};
use super::{check_evaluable, eval, max_bits};
use crate::math::expr::{self, subst, Expr, MResult, MathError};
use crate::math::number::Q;
use rug::Float;
use std::cmp::Ordering;

/// The precision cap of a sign is that of certifying this many digits of the constant.
const CAP_DIGITS: u32 = 10;

const LOG10_2: f64 = std::f64::consts::LOG10_2;

/// The sign of a real constant, as its order relative to 0: exact for rationals, otherwise
/// certified by ball arithmetic. Fails on free symbols, infinities and values outside a
/// function's domain (as numeric evaluation does), and with [`MathError::Unsupported`] when
/// the constant can be told neither from 0 nor equal to 0 within the precision cap.
///
/// ```
/// use sigma::math::expr::{self, Expr, Func};
/// use sigma::math::float::sign::sign_const;
/// use std::cmp::Ordering;
///
/// let ln2 = expr::func(Func::Ln, vec![Expr::int(2)]).unwrap();
/// let c = expr::sub(ln2, Expr::int(1)).unwrap(); // ln 2 − 1 < 0
/// assert_eq!(sign_const(&c).unwrap(), Ordering::Less);
/// ```
pub fn sign_const(c: &Expr) -> MResult<Ordering> {
    if let Some(q) = c.as_num() {
        return Ok(q.cmp(&Q::zero()));
    }
    check_evaluable(c)?;
    let cap = max_bits(CAP_DIGITS);
    let mut bits = 64 + 2 * c.size().min(64) as u32;
    let mut zero_tried = false;
    let mut last: Option<Ball> = None;
    loop {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        match eval(c, bits) {
            Ok(b) => {
                if let Some(s) = ball_sign(&b) {
                    return Ok(s);
                }
                last = Some(b);
            }
            Err(Fail::Math(e)) => return Err(e),
            Err(Fail::Uncertain(_)) => {}
        }
        if !zero_tried {
            zero_tried = true;
            if expands_to_zero(c)? {
                return Ok(Ordering::Equal);
            }
        }
        if bits >= cap {
            return Err(undecided(c, bits, last.as_ref()));
        }
        bits = (2 * bits).min(cap);
    }
}

/// `a` compared with `b`, two real constants: the sign of `a − b` (see [`sign_const`]).
pub fn cmp_const(a: &Expr, b: &Expr) -> MResult<Ordering> {
    sign_const(&expr::sub(a.clone(), b.clone())?)
}

/// The sign of every value in the ball, when they share one: `Equal` only for the exact ball
/// 0, `None` when the ball straddles 0.
pub(crate) fn ball_sign(b: &Ball) -> Option<Ordering> {
    if b.is_exact_zero() {
        return Some(Ordering::Equal);
    }
    let (lo, hi) = b.bounds();
    if lo > 0 {
        Some(Ordering::Greater)
    } else if hi < 0 {
        Some(Ordering::Less)
    } else {
        None
    }
}

/// Whether every value of the ball is smaller than `q` in absolute value (`Some(true)`), or
/// none is (`Some(false)`); `None` when the ball cannot tell.
pub(crate) fn ball_abs_below(b: &Ball, q: &Q) -> Option<bool> {
    if b.abs_upper() < q.0 {
        return Some(true);
    }
    let (lo, hi) = b.bounds();
    let low = if lo > 0 {
        lo
    } else if hi < 0 {
        -hi
    } else {
        return None;
    };
    (low >= q.0).then_some(false)
}

/// Whether `c` is exactly 0 by expansion (products distributed, powers of sums expanded).
pub(super) fn expands_to_zero(c: &Expr) -> MResult<bool> {
    match subst::expand(c) {
        Ok(e) => Ok(e.is_zero()),
        Err(MathError::Interrupted) => Err(MathError::Interrupted),
        Err(_) => Ok(false),
    }
}

fn undecided(c: &Expr, bits: u32, last: Option<&Ball>) -> MathError {
    let near = last.map(|b| within(&b.abs_upper())).unwrap_or_default();
    MathError::Unsupported(format!(
        "cannot decide the sign of {c}: at {bits} bits of precision it is not told apart from \
         0{near}, and it does not simplify to 0"
    ))
}

/// ` (|value| < 10^-n)` for a bound `up` of the absolute value, when that says something.
fn within(up: &Float) -> String {
    match up.get_exp() {
        Some(ex) => {
            let n = (-(f64::from(ex)) * LOG10_2 - 1e-6).floor() as i64;
            if n >= 1 {
                format!(" (|value| < 10^-{n})")
            } else {
                String::new()
            }
        }
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::expr::{Expr, Func};

    fn f(g: Func, x: Expr) -> Expr {
        expr::func(g, vec![x]).unwrap()
    }

    #[test]
    fn rationals_are_compared_exactly() {
        assert_eq!(
            sign_const(&Expr::Num(Q::frac(-1, 3))).unwrap(),
            Ordering::Less
        );
        assert_eq!(sign_const(&Expr::zero()).unwrap(), Ordering::Equal);
        let (a, b) = (Expr::Num(Q::frac(22, 7)), Expr::Num(Q::frac(333, 106)));
        assert_eq!(cmp_const(&a, &b).unwrap(), Ordering::Greater);
    }

    #[test]
    fn close_constants_are_told_apart_by_the_ball() {
        let pi = Expr::pi();
        assert_eq!(
            cmp_const(&pi, &Expr::Num(Q::frac(355, 113))).unwrap(),
            Ordering::Less
        );
        assert_eq!(
            cmp_const(&pi, &Expr::Num(Q::frac(22, 7))).unwrap(),
            Ordering::Less
        );
        // e^(π√163) = 640320³ + 744 − 7.4997…·10^−13.
        let x = expr::mul(vec![pi, Expr::sqrt(Expr::int(163)).unwrap()]).unwrap();
        let ramanujan = expr::pow(Expr::e(), x).unwrap();
        let n = Expr::int(640_320i64 * 640_320 * 640_320 + 744);
        assert_eq!(cmp_const(&ramanujan, &n).unwrap(), Ordering::Less);
        assert_eq!(cmp_const(&n, &ramanujan).unwrap(), Ordering::Greater);
    }

    #[test]
    fn an_exact_zero_is_found_by_expansion() {
        // (1 + √2)² − 3 − 2√2 = 0: its ball always straddles 0; its expansion is 0.
        let s = Expr::sqrt(Expr::int(2)).unwrap();
        let sq = expr::pow(
            expr::add(vec![Expr::one(), s.clone()]).unwrap(),
            Expr::int(2),
        )
        .unwrap();
        let two_s = expr::mul(vec![Expr::int(2), s]).unwrap();
        let rest = expr::add(vec![Expr::int(3), two_s]).unwrap();
        let d = expr::sub(sq.clone(), rest.clone()).unwrap();
        assert!(d.as_num().is_none(), "{d} simplified");
        assert_eq!(cmp_const(&sq, &rest).unwrap(), Ordering::Equal);
    }

    #[test]
    fn an_undecidable_sign_is_an_error_not_a_guess() {
        // ln 6 − ln 2 − ln 3 is 0, but neither its ball nor its expansion shows it.
        let ln = |k| f(Func::Ln, Expr::int(k));
        let c = expr::sub(ln(6), expr::add(vec![ln(2), ln(3)]).unwrap()).unwrap();
        assert!(c.as_num().is_none(), "{c} simplified");
        match sign_const(&c) {
            Err(MathError::Unsupported(m)) => {
                assert!(m.starts_with("cannot decide the sign of"), "{m}");
                assert!(m.contains("does not simplify to 0"), "{m}");
            }
            other => panic!("expected an undecided sign, got {other:?}"),
        }
    }

    #[test]
    fn symbols_and_infinity_have_no_sign() {
        assert!(sign_const(&Expr::sym("x")).is_err());
        assert!(sign_const(&Expr::infinity()).is_err());
    }
}
