//! Quadratic factors over Q by Kronecker's method: a polynomial without rational roots (such
//! as the characteristic polynomial of a block-diagonal matrix of rotations) may still be a
//! product of quadratics. A factor a·x² + b·x + c of the primitive integer polynomial P has
//! a | lead(P), c | P(0), q(1) | P(1) and q(−1) | P(−1); each candidate is tried by exact
//! division. The search gives up (keeping the factor whole) when the divisor lists are large.

use super::Poly;
use crate::math::number::Q;
use rug::Integer;

/// Most candidates tried before the search gives up.
const MAX_CANDIDATES: usize = 200_000;

/// Largest |integer| whose divisors are listed by trial division.
const MAX_DIVISOR_INPUT: u64 = 1_000_000_000_000;

impl Poly {
    /// Splits off the quadratic factors over Q of a polynomial with no rational roots:
    /// returns the monic quadratics found and the monic cofactor (of degree 0, or ≥ 3 with no
    /// quadratic factor found).
    pub fn split_quadratics(&self) -> (Vec<Poly>, Poly) {
        let mut rest = monic(self);
        let mut found = Vec::new();
        while rest.degree() >= 4 {
            match quadratic_factor(&rest) {
                Some(q) => {
                    rest = monic(&rest.div_rem(&q).0);
                    found.push(q);
                }
                None => break,
            }
        }
        if rest.degree() == 2 {
            found.push(rest);
            rest = Poly::constant(Q::one());
        }
        (found, rest)
    }
}

fn monic(p: &Poly) -> Poly {
    match p.lead().recip() {
        Ok(l) => p.scale(&l),
        Err(_) => p.clone(),
    }
}

/// The primitive integer coefficients of `p` (a positive multiple).
fn integer_coeffs(p: &Poly) -> Vec<Integer> {
    crate::math::linalg::primitive(&p.c)
        .iter()
        .map(|q| q.numer().clone())
        .collect()
}

/// The positive divisors of |n| (n ≠ 0), or `None` when |n| is too large to list.
fn divisors(n: &Integer) -> Option<Vec<Integer>> {
    let n = n
        .clone()
        .abs()
        .to_u64()
        .filter(|&n| n <= MAX_DIVISOR_INPUT)?;
    let mut small = Vec::new();
    let mut large = Vec::new();
    let mut d = 1u64;
    while d * d <= n {
        if n % d == 0 {
            small.push(Integer::from(d));
            if d * d != n {
                large.push(Integer::from(n / d));
            }
        }
        d += 1;
    }
    small.extend(large.into_iter().rev());
    Some(small)
}

/// One monic quadratic factor of `p` over Q, if Kronecker's search finds one.
fn quadratic_factor(p: &Poly) -> Option<Poly> {
    let ints = integer_coeffs(p);
    let big = Poly::new(ints.iter().map(|i| Q::from_integer(i.clone())).collect());
    let at = |x: i64| -> Integer {
        let mut acc = Integer::new();
        for c in ints.iter().rev() {
            acc = acc * x + c;
        }
        acc
    };
    let (p0, p1, pm1) = (at(0), at(1), at(-1));
    if p0 == 0 || p1 == 0 || pm1 == 0 {
        return None;
    }
    let lead = ints.last()?.clone();
    let (da, dc, d1) = (divisors(&lead)?, divisors(&p0)?, divisors(&p1)?);
    if da.len() * dc.len() * d1.len() * 4 > MAX_CANDIDATES {
        return None;
    }
    for a in &da {
        for c0 in &dc {
            for c in [c0.clone(), -c0.clone()] {
                for s0 in &d1 {
                    for s in [s0.clone(), -s0.clone()] {
                        // q(1) = a + b + c = s.
                        let b = Integer::from(&s - a) - &c;
                        let qm1 = Integer::from(a - &b) + &c;
                        if qm1 == 0 || !pm1.is_divisible(&qm1) {
                            continue;
                        }
                        let q = Poly::new(vec![
                            Q::from_integer(c.clone()),
                            Q::from_integer(b),
                            Q::from_integer(a.clone()),
                        ]);
                        if big.div_rem(&q).1.is_zero() {
                            return Some(monic(&q));
                        }
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&a| Q::int(a)).collect())
    }

    #[test]
    fn splits_products_of_quadratics() {
        // (x² − 2x + 5)(x² − x − 1)
        let p = poly(&[5, -2, 1]).mul(&poly(&[-1, -1, 1]));
        let (qs, rest) = p.split_quadratics();
        assert_eq!(rest.degree(), 0);
        assert_eq!(qs.len(), 2);
        assert!(qs.contains(&poly(&[5, -2, 1])) && qs.contains(&poly(&[-1, -1, 1])));
        // (2x² + 1)(x³ − 2): the cubic stays.
        let p = poly(&[1, 0, 2]).mul(&poly(&[-2, 0, 0, 1]));
        let (qs, rest) = p.split_quadratics();
        assert_eq!(
            qs,
            vec![Poly::new(vec![Q::frac(1, 2), Q::zero(), Q::one()])]
        );
        assert_eq!(rest, poly(&[-2, 0, 0, 1]));
        // x⁴ + x² − 3 has no quadratic factor over Q.
        let (qs, rest) = poly(&[-3, 0, 1, 0, 1]).split_quadratics();
        assert!(qs.is_empty());
        assert_eq!(rest.degree(), 4);
    }
}
