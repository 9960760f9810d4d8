//! Exact values of the circular functions at rational multiples of π, and their inverses on
//! those values: sin and cos at multiples of π/12 (and π/4, π/6), tan at multiples of π/12
//! and π/8 (`tan(π/12) = 2 − √3`, `tan(π/8) = √2 − 1`), asin on the sine table and atan on
//! the tangent table, so `atan(tan(π/12))` is `π/12` again.

use super::canon::{add, div, neg, sub};
use super::{Expr, MResult, MathError};
use crate::math::number::Q;

pub(super) fn q(n: i64, d: i64) -> Expr {
    Expr::frac(n, d)
}

/// `sqrt(n)/d`.
pub(super) fn surd(n: i64, d: i64) -> MResult {
    div(Expr::sqrt(Expr::int(n))?, Expr::int(d))
}

/// sin(r·π) for r in [0, 2) with denominator 1, 2, 3, 4, 6 or 12.
pub(super) fn sin_table(r: &Q) -> MResult<Option<Expr>> {
    // Reduce to [0, 1/2] using sin(π - t) = sin t and sin(π + t) = -sin t.
    let two = Q::int(2);
    let half = rug::Rational::from(&r.0 / &two.0);
    let mut t = r.sub(&two.mul(&Q(half.floor())));
    let mut sign = 1;
    if t.0 >= 1 {
        t = t.sub(&Q::one());
        sign = -1;
    }
    if t.0 > Q::frac(1, 2).0 {
        t = Q::one().sub(&t);
    }
    let v = match (t.numer().to_i64(), t.denom().to_i64()) {
        (Some(0), _) => Expr::zero(),
        (Some(1), Some(12)) => div(
            sub(Expr::sqrt(Expr::int(6))?, Expr::sqrt(Expr::int(2))?)?,
            Expr::int(4),
        )?,
        (Some(1), Some(6)) => q(1, 2),
        (Some(1), Some(4)) => surd(2, 2)?,
        (Some(1), Some(3)) => surd(3, 2)?,
        (Some(5), Some(12)) => div(
            add(vec![Expr::sqrt(Expr::int(6))?, Expr::sqrt(Expr::int(2))?])?,
            Expr::int(4),
        )?,
        (Some(1), Some(2)) => Expr::one(),
        _ => return Ok(None),
    };
    Ok(Some(if sign < 0 { neg(v)? } else { v }))
}

/// asin(x)/π for the tabulated values of x, if x is one.
pub(super) fn inverse_sin(x: &Expr) -> MResult<Option<Q>> {
    let table: [(Expr, Q); 9] = [
        (Expr::zero(), Q::zero()),
        (q(1, 2), Q::frac(1, 6)),
        (surd(2, 2)?, Q::frac(1, 4)),
        (surd(3, 2)?, Q::frac(1, 3)),
        (Expr::one(), Q::frac(1, 2)),
        (q(-1, 2), Q::frac(-1, 6)),
        (neg(surd(2, 2)?)?, Q::frac(-1, 4)),
        (neg(surd(3, 2)?)?, Q::frac(-1, 3)),
        (Expr::int(-1), Q::frac(-1, 2)),
    ];
    Ok(table.into_iter().find(|(v, _)| v == x).map(|(_, r)| r))
}

/// `a + b·√n`.
fn a_plus_b_surd(a: i64, b: i64, n: i64) -> MResult {
    add(vec![
        Expr::int(a),
        super::canon::mul(vec![Expr::int(b), Expr::sqrt(Expr::int(n))?])?,
    ])
}

/// The tangent table on [0, π/2): `(tan(r·π), r)`.
fn tan_values() -> MResult<Vec<(Expr, Q)>> {
    Ok(vec![
        (Expr::zero(), Q::zero()),
        (a_plus_b_surd(2, -1, 3)?, Q::frac(1, 12)),
        (a_plus_b_surd(-1, 1, 2)?, Q::frac(1, 8)),
        (surd(3, 3)?, Q::frac(1, 6)),
        (Expr::one(), Q::frac(1, 4)),
        (Expr::sqrt(Expr::int(3))?, Q::frac(1, 3)),
        (a_plus_b_surd(1, 1, 2)?, Q::frac(3, 8)),
        (a_plus_b_surd(2, 1, 3)?, Q::frac(5, 12)),
    ])
}

/// tan(r·π) when r has denominator 1, 2, 3, 4, 6, 8 or 12; `tan((k + 1/2)·π)` is a pole.
pub(super) fn tan_table(r: &Q) -> MResult<Option<Expr>> {
    // Reduce to [0, 1) by the period, then to [0, 1/2] by tan(π − t) = −tan(t).
    let mut t = r.sub(&Q(r.0.clone().floor()));
    let mut sign = 1;
    if t.0 > Q::frac(1, 2).0 {
        t = Q::one().sub(&t);
        sign = -1;
    }
    if t == Q::frac(1, 2) {
        let at = match (r.numer().to_i64(), r.denom().to_i64()) {
            (Some(1), Some(d)) => format!("pi/{d}"),
            (Some(-1), Some(d)) => format!("-pi/{d}"),
            (Some(n), Some(d)) => format!("{n}*pi/{d}"),
            _ => format!("({r})*pi"),
        };
        return Err(MathError::Domain(format!(
            "tan is undefined at {at} (cos is 0 there)"
        )));
    }
    let Some((v, _)) = tan_values()?.into_iter().find(|(_, s)| *s == t) else {
        return Ok(None);
    };
    Ok(Some(if sign < 0 { neg(v)? } else { v }))
}

/// atan(x)/π for the tabulated tangents x (and their negatives), if x is one.
pub(super) fn inverse_tan(x: &Expr) -> MResult<Option<Q>> {
    let minus = neg(x.clone())?;
    for (v, r) in tan_values()? {
        if v == *x {
            return Ok(Some(r));
        }
        if v == minus {
            return Ok(Some(r.neg()));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::expr::{func, Func};

    fn at(f: Func, x: Expr) -> String {
        func(f, vec![x]).unwrap().to_string()
    }

    fn pi_times(n: i64, d: i64) -> Expr {
        super::super::canon::mul(vec![q(n, d), Expr::pi()]).unwrap()
    }

    #[test]
    fn tangent_table_and_its_inverse() {
        for (n, d, tan) in [
            (1, 12, "2 - sqrt(3)"),
            (1, 8, "sqrt(2) - 1"),
            (3, 8, "1 + sqrt(2)"),
            (5, 12, "2 + sqrt(3)"),
            (7, 12, "-2 - sqrt(3)"),
            (-1, 12, "sqrt(3) - 2"),
        ] {
            let x = pi_times(n, d);
            let t = func(Func::Tan, vec![x.clone()]).unwrap();
            assert_eq!(t.to_string(), tan, "tan({n}pi/{d})");
            // atan inverts tan on (−π/2, π/2) only.
            if 2 * n.abs() < d {
                assert_eq!(at(Func::Atan, t), x.to_string(), "atan(tan({n}pi/{d}))");
            }
        }
        assert_eq!(
            at(
                Func::Atan,
                sub(Expr::one(), Expr::sqrt(Expr::int(2)).unwrap()).unwrap()
            ),
            "-pi/8"
        );
        assert!(func(Func::Tan, vec![pi_times(-3, 2)]).is_err());
    }
}
