//! Exact values and normal forms of the Lambert W function and the Bessel functions J_ν and I_ν:
//! W(0) = 0, W(q·e^q) = q, J_ν(0), integer orders made non-negative, the sign of an argument
//! pulled out at integer orders, and the half-integer orders ±1/2 written through sin, cos, sinh
//! and cosh. Each identity cites DLMF; anything else stays a symbolic call.

use super::canon::{div, mul, neg, pow};
use super::func::negated;
use super::{func, Constant, Expr, Func, MResult, MathError};
use crate::math::number::Q;

/// Rational bounds of e, used to place a rational argument against the branch point −1/e:
/// 2.718281828 < e < 2.718281829.
fn e_bounds() -> (Q, Q) {
    (
        Q::frac(2_718_281_828, 1_000_000_000),
        Q::frac(2_718_281_829, 1_000_000_000),
    )
}

/// W₀ at the points where it is exact: W(0) = 0, W(+∞) = +∞ and W(q·e^q) = q for rational
/// q ≥ −1 (the principal branch takes the values ≥ −1; W(e) = 1, W(−1/e) = −1, DLMF 4.13.1).
/// A rational argument certainly below −1/e is outside the real domain.
pub(super) fn lambert_w(x: &Expr) -> MResult<Option<Expr>> {
    if x.is_zero() {
        return Ok(Some(Expr::zero()));
    }
    if *x == Expr::infinity() {
        return Ok(Some(Expr::infinity()));
    }
    if *x == Expr::neg_infinity() {
        return Err(out_of_domain(x));
    }
    if matches!(x, Expr::Const(Constant::E)) {
        return Ok(Some(Expr::one()));
    }
    if let Expr::Mul(fs) = x {
        if let [Expr::Num(c), Expr::Pow(b, e)] = fs.as_slice() {
            if matches!(**b, Expr::Const(Constant::E)) && e.as_num() == Some(c) && c.0 >= -1 {
                return Ok(Some(Expr::Num(c.clone())));
            }
        }
    }
    if let Some(q) = x.as_num() {
        // q < −1/e ⇔ 1/|q| < e for q < 0.
        if q.is_negative() {
            let inv = Q::one().div(&q.abs())?;
            if inv <= e_bounds().0 {
                return Err(out_of_domain(x));
            }
        }
    }
    Ok(None)
}

fn out_of_domain(x: &Expr) -> MathError {
    MathError::Domain(format!(
        "lambertw({x}) is not a real number (the principal branch W₀ is real for x ≥ −1/e)"
    ))
}

/// J_ν(x) and I_ν(x) in normal form (`f` is [`Func::BesselJ`] or [`Func::BesselI`]).
pub(super) fn bessel(f: Func, args: &[Expr]) -> MResult<Option<Expr>> {
    let (nu, x) = (&args[0], &args[1]);
    let name = f.name();
    if nu.has_infinity() {
        return Err(MathError::Domain(format!(
            "{name}({nu}, {x}) is undefined: the order must be finite"
        )));
    }
    let order = nu.as_num().cloned();
    let is_j = f == Func::BesselJ;
    // Negative integer orders: J₋ₙ = (−1)ⁿ·Jₙ (DLMF 10.4.1), I₋ₙ = Iₙ (DLMF 10.27.1).
    if let Some(n) = order.as_ref().filter(|n| n.is_integer() && n.is_negative()) {
        let v = func(f, vec![Expr::Num(n.neg()), x.clone()])?;
        return Ok(Some(if is_j && n.numer().is_odd() {
            neg(v)?
        } else {
            v
        }));
    }
    if x.is_zero() {
        return match order {
            Some(n) if n.is_zero() => Ok(Some(Expr::one())),
            Some(n) if n.is_positive() => Ok(Some(Expr::zero())),
            Some(n) => Err(MathError::Domain(format!(
                "{name}({n}, 0) is undefined: J_ν and I_ν are infinite at 0 for negative non-integer orders ν"
            ))),
            None => Ok(None),
        };
    }
    if *x == Expr::infinity() && order.is_some() {
        // J_ν(x) = O(x^(−1/2)) (DLMF 10.7.8); I_ν(x) ~ e^x/√(2πx) (DLMF 10.30.4).
        return Ok(Some(if is_j { Expr::zero() } else { Expr::infinity() }));
    }
    // Integer orders are entire and of parity n: Jₙ(−x) = (−1)ⁿ·Jₙ(x) (DLMF 10.4.1 with
    // 10.11.1), likewise Iₙ (DLMF 10.34.1).
    if let Some(n) = order.as_ref().filter(|n| n.is_integer()) {
        if let Some(pos) = negated(x) {
            let v = func(f, vec![nu.clone(), pos])?;
            return Ok(Some(if n.numer().is_odd() { neg(v)? } else { v }));
        }
    }
    // Orders ±1/2: J_{1/2}(x) = √(2/(πx))·sin x, J_{−1/2}(x) = √(2/(πx))·cos x (DLMF 10.16.1),
    // and sinh, cosh for I (DLMF 10.39.1).
    if let Some(h) = order.filter(|n| n.abs() == Q::frac(1, 2)) {
        let g = match (is_j, h.is_positive()) {
            (true, true) => Func::Sin,
            (true, false) => Func::Cos,
            (false, true) => Func::Sinh,
            (false, false) => Func::Cosh,
        };
        let factor = pow(
            div(Expr::int(2), mul(vec![Expr::pi(), x.clone()])?)?,
            Expr::frac(1, 2),
        )?;
        return Ok(Some(mul(vec![factor, func(g, vec![x.clone()])?])?));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(x: Expr) -> MResult {
        func(Func::LambertW, vec![x])
    }

    #[test]
    fn lambert_w_exact_values() {
        let e = Expr::Const(Constant::E);
        assert_eq!(w(Expr::zero()).unwrap(), Expr::zero());
        assert_eq!(w(e.clone()).unwrap(), Expr::one());
        let two_e2 = mul(vec![Expr::int(2), pow(e.clone(), Expr::int(2)).unwrap()]).unwrap();
        assert_eq!(w(two_e2).unwrap(), Expr::int(2));
        let minus_inv_e = neg(pow(e, Expr::int(-1)).unwrap()).unwrap();
        assert_eq!(w(minus_inv_e).unwrap(), Expr::int(-1));
        // −1/2 < −1/e: outside the real domain; −1/3 > −1/e stays symbolic.
        assert!(matches!(w(Expr::frac(-1, 2)), Err(MathError::Domain(_))));
        assert!(matches!(w(Expr::frac(-1, 3)).unwrap(), Expr::Func(..)));
    }

    #[test]
    fn bessel_normal_forms() {
        let x = Expr::sym("x");
        let j = |n: i64, a: Expr| func(Func::BesselJ, vec![Expr::int(n), a]).unwrap();
        assert_eq!(j(-3, x.clone()), neg(j(3, x.clone())).unwrap());
        assert_eq!(j(2, neg(x.clone()).unwrap()), j(2, x.clone()));
        assert_eq!(j(0, Expr::zero()), Expr::one());
        assert_eq!(j(4, Expr::zero()), Expr::zero());
        let i = |n: i64, a: Expr| func(Func::BesselI, vec![Expr::int(n), a]).unwrap();
        assert_eq!(i(-3, x.clone()), i(3, x.clone()));
        assert_eq!(i(1, neg(x.clone()).unwrap()), neg(i(1, x)).unwrap());
        let bad = func(Func::BesselJ, vec![Expr::frac(-1, 3), Expr::zero()]);
        assert!(matches!(bad, Err(MathError::Domain(_))));
    }
}
