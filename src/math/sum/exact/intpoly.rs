//! Polynomial tools for exact finite sums: integer-coefficient polynomials evaluated in
//! machine words (converted from and to `math::poly::Poly` at the edge), and exact sums of a
//! polynomial (and of (−1)^k times a polynomial) over any integer range.

use crate::math::expr::MResult;
use crate::math::number::Q;
use crate::math::poly::{horner_int, Poly};
use rug::{Integer, Rational};
use std::cmp::Ordering;

/// A polynomial with integer coefficients `c[0] + c[1] x + …` (no trailing zeros), with the
/// coefficients also kept as `i128` when they all fit so that values at small arguments are
/// computed in machine words.
#[derive(Debug, Clone)]
pub struct ZPoly {
    pub c: Vec<Integer>,
    small: Option<Vec<i128>>,
}

impl ZPoly {
    pub fn new(mut c: Vec<Integer>) -> ZPoly {
        while c.last().is_some_and(|a| a.cmp0() == Ordering::Equal) {
            c.pop();
        }
        let small = c.iter().map(Integer::to_i128).collect();
        ZPoly { c, small }
    }

    /// `p = factor · z` with `z` primitive, integer coefficients and a positive leading
    /// coefficient; `None` for the zero polynomial.
    pub fn from_poly(p: &Poly) -> Option<(ZPoly, Q)> {
        if p.is_zero() {
            return None;
        }
        let (mut ints, l) = p.integral();
        let mut g = Integer::new();
        for a in &ints {
            g.gcd_mut(a);
        }
        if ints.last().is_some_and(|a| a.cmp0() == Ordering::Less) {
            g = -g;
        }
        for a in &mut ints {
            a.div_exact_mut(&g);
        }
        let factor = Q(Rational::from((g, l)));
        Some((ZPoly::new(ints), factor))
    }

    /// The value at a small argument, in machine words when nothing overflows.
    pub fn eval_small(&self, x: i128) -> Option<i128> {
        let c = self.small.as_ref()?;
        let mut acc: i128 = 0;
        for a in c.iter().rev() {
            acc = acc.checked_mul(x)?.checked_add(*a)?;
        }
        Some(acc)
    }

    /// The exact value at `x`.
    pub fn eval(&self, x: &Integer) -> Integer {
        horner_int(&self.c, x)
    }

    /// `p(x + a)` (Taylor shift by repeated synthetic division).
    pub fn shift(&self, a: &Integer) -> ZPoly {
        let mut c = self.c.clone();
        let n = c.len();
        for i in 0..n {
            for j in (i..n - 1).rev() {
                let t = Integer::from(&c[j + 1] * a);
                c[j] += t;
            }
        }
        ZPoly::new(c)
    }

    /// Largest |value| bit size at the two ends of `[0, len)`, a cheap size estimate.
    pub fn end_bits(&self, len: u64) -> u64 {
        let at = |x: u64| u64::from(self.eval(&Integer::from(x)).significant_bits());
        at(0).max(at(len.saturating_sub(1))).max(1)
    }
}

/// Σ_{k=lo}^{hi} p(k) exactly for any range size, from Newton's forward differences:
/// Σ_{j<len} p(lo + j) = Σ_i Δ^i p(lo) · C(len, i + 1).
pub fn poly_sum(p: &Poly, lo: &Integer, hi: &Integer) -> MResult<Q> {
    if hi < lo || p.is_zero() {
        return Ok(Q::zero());
    }
    let len = Integer::from(hi - lo) + 1u32;
    let d = p.degree() as usize;
    let mut diffs: Vec<Q> = (0..=d)
        .map(|i| p.eval(&Q::from_integer(Integer::from(lo + i as u32))))
        .collect();
    let mut total = Q::zero();
    for i in 0..=d {
        let c = Integer::from(len.binomial_ref(i as u32 + 1));
        total = total.add(&diffs[0].mul(&Q::from_integer(c)));
        for j in 0..diffs.len() - 1 {
            diffs[j] = diffs[j + 1].sub(&diffs[j]);
        }
        diffs.pop();
    }
    Ok(total)
}

/// Σ_{k=lo}^{hi} (−1)^k p(k) exactly: the even terms minus the odd ones, each a polynomial sum.
pub fn alternating_poly_sum(p: &Poly, lo: &Integer, hi: &Integer) -> MResult<Q> {
    let two = Q::int(2);
    // Even k = 2j: ⌈lo/2⌉ ≤ j ≤ ⌊hi/2⌋.
    let even = poly_sum(
        &p.compose_linear(&two, &Q::zero()),
        &(Integer::from(lo + 1u32) >> 1u32),
        &(hi.clone() >> 1u32),
    )?;
    // Odd k = 2j + 1: ⌈(lo−1)/2⌉ ≤ j ≤ ⌊(hi−1)/2⌋.
    let odd = poly_sum(
        &p.compose_linear(&two, &Q::one()),
        &(lo.clone() >> 1u32),
        &(Integer::from(hi - 1u32) >> 1u32),
    )?;
    Ok(even.sub(&odd))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&a| Q::int(a)).collect())
    }

    #[test]
    fn polynomial_sums_match_loops() {
        let p = poly(&[3, -1, 0, 2]);
        for (lo, hi) in [(-7i64, 11i64), (0, 0), (5, 4), (-3, -1)] {
            let naive = (lo..=hi).fold(Q::zero(), |s, k| s.add(&p.eval(&Q::int(k))));
            let alt = (lo..=hi).fold(Q::zero(), |s, k| {
                let v = p.eval(&Q::int(k));
                if k % 2 == 0 {
                    s.add(&v)
                } else {
                    s.sub(&v)
                }
            });
            let (l, h) = (Integer::from(lo), Integer::from(hi));
            assert_eq!(poly_sum(&p, &l, &h).unwrap(), naive);
            assert_eq!(alternating_poly_sum(&p, &l, &h).unwrap(), alt);
        }
    }

    #[test]
    fn integer_forms_and_shifts() {
        let p = Poly::new(vec![Q::frac(1, 2), Q::frac(-1, 3)]);
        let (z, f) = ZPoly::from_poly(&p).unwrap();
        assert_eq!(z.c, vec![Integer::from(-3), Integer::from(2)]);
        assert_eq!(f, Q::frac(-1, 6));
        let s = z.shift(&Integer::from(10));
        assert_eq!(s.eval_small(1), Some(-3 + 2 * 11));
        assert_eq!(s.eval(&Integer::from(1)), Integer::from(19));
    }
}
