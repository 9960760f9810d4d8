//! ψ(x) + γ at positive integers and half-integers, the value that the simple poles of a
//! partial-fraction expansion (`math::poly::partial`) add up to in rational sums.

use crate::math::expr::{self, Expr, Func, MResult};
use crate::math::number::Q;
use rug::Integer;

/// `k` as an integer, when it is one.
pub(super) fn int(k: &Q) -> Option<Integer> {
    k.is_integer().then(|| k.numer().clone())
}

/// ψ(x) + γ for a positive integer or half-integer x.
pub fn digamma_plus_gamma(x: &Q) -> MResult<Option<Expr>> {
    if !x.is_positive() {
        return Ok(None);
    }
    if let Some(m) = int(x) {
        let Some(m) = m.to_i64().filter(|m| *m <= 1_000_000) else {
            return Ok(None);
        };
        let mut h = Q::zero();
        for i in 1..m {
            h = h.add(&Q::frac(1, i));
        }
        return Ok(Some(Expr::Num(h)));
    }
    let twice = x.mul(&Q::int(2));
    let Some(m) = int(&twice).and_then(|t| t.to_i64()) else {
        return Ok(None);
    };
    let m = (m - 1) / 2; // x = m + 1/2
    let mut h = Q::zero();
    for i in 1..=m {
        h = h.add(&Q::frac(2, 2 * i - 1));
    }
    let ln2 = expr::func(Func::Ln, vec![Expr::int(2)])?;
    Ok(Some(expr::sub(
        Expr::Num(h),
        expr::mul(vec![Expr::int(2), ln2])?,
    )?))
}
