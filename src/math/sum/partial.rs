//! Partial fractions over Q of a proper rational function whose denominator splits into
//! rational linear factors, and ψ(x) + γ at positive integers and half-integers: the pieces
//! from which rational sums and integrals are assembled.

use crate::math::expr::{self, Expr, Func, MResult};
use crate::math::number::Q;
use crate::math::poly::Poly;
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

/// p/q = Σ c/(x − r)^k over the rational roots r of q (with multiplicity), or `None` when q
/// does not split over Q. Entries are (r, k, c).
pub fn partial_fractions(p: &Poly, q: &Poly) -> Option<Vec<(Q, usize, Q)>> {
    let roots = q.rational_roots();
    let mut rest = q.clone();
    let mut mult = Vec::new();
    for r in &roots {
        let lin = Poly::new(vec![r.neg(), Q::one()]);
        let mut m = 0;
        loop {
            let (quo, rem) = rest.div_rem(&lin);
            if !rem.is_zero() {
                break;
            }
            rest = quo;
            m += 1;
        }
        mult.push((r.clone(), m));
    }
    if rest.degree() != 0 {
        return None;
    }
    principal_parts(p, q, &mult)
}

/// The principal parts of p/q at the given roots of q with their exact multiplicities:
/// (r, k, c) for each c/(x − r)^k, from the Taylor coefficients of p/q̃ at r where
/// q = (x − r)^m·q̃ (the polynomial part of p/q does not affect them).
pub fn principal_parts(p: &Poly, q: &Poly, roots: &[(Q, usize)]) -> Option<Vec<(Q, usize, Q)>> {
    let mut out = Vec::new();
    for (r, m) in roots {
        let lin = Poly::new(vec![r.neg(), Q::one()]);
        let mut qt = q.clone();
        for _ in 0..*m {
            qt = qt.div_rem(&lin).0;
        }
        let (ps, qs) = (p.shift(r), qt.shift(r));
        // series of ps/qs to order m
        let q0 = qs.c.first()?.clone();
        let mut coef: Vec<Q> = Vec::with_capacity(*m);
        for i in 0..*m {
            let mut acc = ps.c.get(i).cloned().unwrap_or_else(Q::zero);
            for (j, cj) in coef.iter().enumerate() {
                if let Some(qq) = qs.c.get(i - j) {
                    acc = acc.sub(&cj.mul(qq));
                }
            }
            coef.push(acc.div(&q0).ok()?);
        }
        for (i, c) in coef.into_iter().enumerate() {
            if !c.is_zero() {
                out.push((r.clone(), m - i, c));
            }
        }
    }
    Some(out)
}
