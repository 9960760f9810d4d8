//! The guesser's fitting on top of the exact linear algebra of [`crate::math::linalg`] (a
//! null vector fitted on a prefix of the rows and verified on the rest), and polynomial root
//! finding over Q: the rational roots of small integer polynomials. Every routine is bounded
//! (entry sizes, divisor searches) and gives up with `None` rather than running away.

use crate::math::expr::{add, mul, pow, Expr, MResult};
pub(super) use crate::math::linalg::primitive;
use crate::math::linalg::{dot, Matrix};
use crate::math::number::Q;
use rug::{Integer, Rational};

/// Largest |integer| whose divisors are enumerated when looking for rational roots.
const MAX_DIVISOR_SEARCH: u64 = 1 << 40;

/// Fits a null vector on a prefix of `rows` (each `u` long) and verifies it on the rest:
/// starts with `u + 2` rows and adds rows while the prefix leaves more than one solution (up to
/// `2u + 6`). Returns the vector and the number of rows fitted on, or `None` when no unique
/// solution exists, it fails on a later row, or fewer than `min_checked` rows would be left
/// to check.
pub(super) fn fit_prefix(rows: &[Vec<Q>], u: usize, min_checked: usize) -> Option<(Vec<Q>, usize)> {
    let mut f = u + 2;
    loop {
        if f + min_checked > rows.len() {
            return None;
        }
        let ns = Matrix::new(rows[..f].to_vec(), u)?.nullspace().ok()?;
        match ns.len() {
            0 => return None,
            1 => {
                let v = ns.into_iter().next()?;
                return rows[f..]
                    .iter()
                    .all(|r| dot_is_zero(&v, r))
                    .then_some((v, f));
            }
            _ if f >= 2 * u + 6 => return None,
            _ => f += 2,
        }
    }
}

/// True when `v` (a row of coefficients) annihilates `row`: Σ v_i row_i = 0.
pub(super) fn dot_is_zero(v: &[Q], row: &[Q]) -> bool {
    dot(v, row).is_zero()
}

/// Removes trailing zero coefficients (coefficient lists run from the constant term up).
pub(super) fn trim(p: &[Q]) -> Vec<Q> {
    let mut v = p.to_vec();
    while v.last().is_some_and(Q::is_zero) {
        v.pop();
    }
    v
}

/// `p(x)` by Horner's rule.
pub(super) fn eval_poly(p: &[Q], x: &Q) -> Q {
    let mut acc = Q::zero();
    for c in p.iter().rev() {
        acc = acc.mul(x).add(c);
    }
    acc
}

/// `p(x)` as a canonical expression in the symbol `var`.
pub(super) fn poly_expr(p: &[Q], var: &str) -> MResult {
    let x = Expr::sym(var);
    let mut terms = Vec::new();
    for (j, c) in p.iter().enumerate() {
        if !c.is_zero() {
            terms.push(mul(vec![
                Expr::Num(c.clone()),
                pow(x.clone(), Expr::int(j as i64))?,
            ])?);
        }
    }
    add(terms)
}

/// `p / (x - r)` for a root `r` of `p` (synthetic division; the remainder is dropped).
fn deflate(p: &[Q], r: &Q) -> Vec<Q> {
    let d = p.len() - 1;
    let mut out = vec![Q::zero(); d];
    let mut carry = Q::zero();
    for i in (0..d).rev() {
        carry = carry.mul(r).add(&p[i + 1]);
        out[i] = carry.clone();
    }
    out
}

/// The positive divisors of `n` (0 < n ≤ [`MAX_DIVISOR_SEARCH`]) by trial division.
fn divisors(n: u64) -> Vec<u64> {
    let mut small = Vec::new();
    let mut large = Vec::new();
    let mut d = 1u64;
    while d * d <= n {
        if n.is_multiple_of(d) {
            small.push(d);
            if d * d != n {
                large.push(n / d);
            }
        }
        d += 1;
    }
    small.extend(large.into_iter().rev());
    small
}

/// The rational roots of `p` (with multiplicity) and what is left after dividing them out:
/// `p = rest · Π (x − root)`. `None` when `p` is zero or its coefficients are too large for
/// the divisor search.
pub(super) fn rational_roots(p: &[Q]) -> Option<(Vec<Q>, Vec<Q>)> {
    let mut p = trim(p);
    if p.is_empty() {
        return None;
    }
    let mut roots = Vec::new();
    while p.len() > 1 && p[0].is_zero() {
        roots.push(Q::zero());
        p.remove(0);
    }
    if p.len() == 1 {
        return Some((roots, p));
    }
    let ip = primitive(&p);
    let a0 = ip[0].numer().clone().abs().to_u64()?;
    let ad = ip[ip.len() - 1].numer().clone().abs().to_u64()?;
    if a0 > MAX_DIVISOR_SEARCH || ad > MAX_DIVISOR_SEARCH {
        return None;
    }
    let (num_divs, den_divs) = (divisors(a0), divisors(ad));
    'outer: for u in &num_divs {
        for v in &den_divs {
            if Integer::from(*u).gcd(&Integer::from(*v)) != 1 {
                continue;
            }
            for sign in [1i64, -1] {
                let x = Q(Rational::from((
                    Integer::from(*u) * sign,
                    Integer::from(*v),
                )));
                while p.len() > 1 && eval_poly(&p, &x).is_zero() {
                    p = deflate(&p, &x);
                    roots.push(x.clone());
                }
                if p.len() == 1 {
                    break 'outer;
                }
            }
        }
    }
    Some((roots, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qs(v: &[i64]) -> Vec<Q> {
        v.iter().map(|&x| Q::int(x)).collect()
    }

    #[test]
    fn finds_rational_roots_with_multiplicity() {
        // (2x + 1)(x - 3)^2 (x^2 + 1) = 2x^5 - 11x^4 + 14x^3 - 2x^2 + 12x + 9
        let (roots, rest) = rational_roots(&qs(&[9, 12, -2, 14, -11, 2])).unwrap_or_default();
        let mut roots = roots;
        roots.sort();
        assert_eq!(roots, vec![Q::frac(-1, 2), Q::int(3), Q::int(3)]);
        assert_eq!(rest.len(), 3);
    }
}
