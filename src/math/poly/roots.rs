//! Roots of polynomials over Q: the one rational-root finder (the rational root theorem on
//! the primitive integer form, dividing each root out as it is found, with multiplicities),
//! the splitting into rational linear factors built on it, and the integer roots in a range
//! by bisection on Sturm counts (never missing a root, however large the coefficients).

use super::Poly;
use crate::math::expr::{MResult, MathError};
use crate::math::linalg::primitive;
use crate::math::number::Q;
use rug::{Integer, Rational};

/// Largest |integer| whose divisors are enumerated when looking for rational roots.
pub const MAX_DIVISOR_SEARCH: u64 = 1 << 40;

/// The rational roots of a polynomial and what is left: `p = rest · Π (x − root)^mult`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RationalSplit {
    /// Distinct roots with their multiplicities, in the order the search finds them (0 first,
    /// then ±u/v by increasing u, then v).
    pub roots: Vec<(Q, usize)>,
    /// The cofactor, with no rational root when `complete`.
    pub rest: Poly,
    /// False when the coefficients were too large for the divisor search: then only the root
    /// 0 (if any) was divided out.
    pub complete: bool,
}

impl RationalSplit {
    /// The roots repeated by multiplicity, in search order.
    pub fn with_multiplicity(&self) -> Vec<Q> {
        self.roots
            .iter()
            .flat_map(|(r, m)| std::iter::repeat_n(r.clone(), *m))
            .collect()
    }
}

impl Poly {
    /// The rational roots with multiplicities and the cofactor; `None` for the zero
    /// polynomial.
    pub fn split_rational(&self) -> Option<RationalSplit> {
        if self.is_zero() {
            return None;
        }
        let mut p = self.clone();
        let mut roots = Vec::new();
        let zeros = p.c.iter().take_while(|a| a.is_zero()).count();
        if zeros > 0 {
            p = Poly::new(p.c.split_off(zeros));
            roots.push((Q::zero(), zeros));
        }
        let done = |roots, rest, complete| {
            Some(RationalSplit {
                roots,
                rest,
                complete,
            })
        };
        if p.degree() < 1 {
            return done(roots, p, true);
        }
        let ip = primitive(&p.c);
        let ends = (ip[0].numer().clone().abs().to_u64())
            .zip(ip[ip.len() - 1].numer().clone().abs().to_u64())
            .filter(|(a0, ad)| *a0 <= MAX_DIVISOR_SEARCH && *ad <= MAX_DIVISOR_SEARCH);
        let Some((a0, ad)) = ends else {
            return done(roots, p, false);
        };
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
                    let mut m = 0;
                    while p.degree() >= 1 && p.eval(&x).is_zero() {
                        p = deflate(&p, &x);
                        m += 1;
                    }
                    if m > 0 {
                        roots.push((x, m));
                    }
                    if p.degree() < 1 {
                        break 'outer;
                    }
                }
            }
        }
        done(roots, p, true)
    }

    /// The distinct rational roots, increasing (only 0 is looked for when the coefficients
    /// are too large for the divisor search).
    pub fn rational_roots(&self) -> Vec<Q> {
        let mut roots: Vec<Q> = self
            .split_rational()
            .map(|s| s.roots.into_iter().map(|(r, _)| r).collect())
            .unwrap_or_default();
        roots.sort();
        roots
    }

    /// The distinct roots with multiplicities, increasing, when the polynomial is a non-zero
    /// constant times a product of rational linear factors; `None` otherwise.
    pub fn linear_factors(&self) -> Option<Vec<(Q, usize)>> {
        let s = self.split_rational()?;
        if !s.complete || s.rest.degree() != 0 {
            return None;
        }
        let mut roots = s.roots;
        roots.sort();
        Some(roots)
    }
}

/// `p / (x − r)` for a root `r` of `p` (synthetic division; the remainder is dropped).
fn deflate(p: &Poly, r: &Q) -> Poly {
    let d = p.c.len() - 1;
    let mut out = vec![Q::zero(); d];
    let mut carry = Q::zero();
    for i in (0..d).rev() {
        carry = carry.mul(r).add(&p.c[i + 1]);
        out[i] = carry.clone();
    }
    Poly::new(out)
}

/// The positive divisors of `n` (0 < n ≤ [`MAX_DIVISOR_SEARCH`]), increasing, by trial
/// division.
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

/// The distinct integer roots of `p` in `[lo, hi]`, increasing (bisection on Sturm counts, so
/// it never misses a root however large the coefficients).
pub fn integer_roots_in(p: &Poly, lo: &Integer, hi: &Integer) -> MResult<Vec<Integer>> {
    if p.degree() < 1 {
        return Ok(Vec::new());
    }
    // Cauchy's bound: every root has |r| < 1 + max |c_i / c_n|.
    let lead = p.lead().abs();
    let mut m = Q::zero();
    for a in &p.c {
        let r = a.abs().div(&lead)?;
        if r > m {
            m = r;
        }
    }
    let bound = Integer::from(m.0.ceil_ref()) + 1u32;
    let a = lo.clone().max(Integer::from(-&bound));
    let b = hi.clone().min(bound);
    if a > b {
        return Ok(Vec::new());
    }
    let mut roots = Vec::new();
    if p.eval(&Q::from_integer(a.clone())).is_zero() {
        roots.push(a.clone());
    }
    // Intervals (x, y] that may hold roots.
    let mut stack = vec![(a, b)];
    while let Some((x, y)) = stack.pop() {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        if x >= y || p.count_roots(&Q::from_integer(x.clone()), &Q::from_integer(y.clone())) == 0 {
            continue;
        }
        if Integer::from(&y - &x) == 1 {
            if p.eval(&Q::from_integer(y.clone())).is_zero() {
                roots.push(y);
            }
            continue;
        }
        let mid = Integer::from(&x + &y) >> 1u32;
        stack.push((mid.clone(), y));
        stack.push((x, mid));
    }
    roots.sort();
    roots.dedup();
    Ok(roots)
}

/// The integer roots of `q` with their multiplicities when `q` is a constant times a product of
/// `(x − r)` over integers `r`; `None` when some factor is not of that form.
pub fn split_integer_roots(q: &Poly) -> MResult<Option<Vec<(Integer, u32)>>> {
    let d = q.degree();
    if d < 1 {
        return Ok(Some(Vec::new()));
    }
    let big = Integer::from(1) << 4096u32;
    let roots = integer_roots_in(q, &Integer::from(-&big), &big)?;
    let mut rest = q.clone();
    let mut out = Vec::new();
    for r in roots {
        let lin = Poly::new(vec![Q::from_integer(Integer::from(-&r)), Q::one()]);
        let mut m = 0u32;
        loop {
            let (quot, rem) = rest.div_rem(&lin);
            if !rem.is_zero() {
                break;
            }
            rest = quot;
            m += 1;
        }
        out.push((r, m));
    }
    Ok((rest.degree() == 0).then_some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&a| Q::int(a)).collect())
    }

    #[test]
    fn finds_rational_roots_with_multiplicity() {
        // (2x + 1)(x − 3)²(x² + 1) = 2x⁵ − 11x⁴ + 14x³ − 2x² + 12x + 9
        let p = poly(&[9, 12, -2, 14, -11, 2]);
        let s = p.split_rational().unwrap();
        assert!(s.complete);
        // Search order: ±1, ±1/2, ±3, …
        assert_eq!(s.roots, vec![(Q::frac(-1, 2), 1), (Q::int(3), 2)]);
        assert_eq!(
            s.with_multiplicity(),
            vec![Q::frac(-1, 2), Q::int(3), Q::int(3)]
        );
        assert_eq!(s.rest, poly(&[2, 0, 2]));
        assert_eq!(p.rational_roots(), vec![Q::frac(-1, 2), Q::int(3)]);
        assert_eq!(p.linear_factors(), None);
        assert!(Poly::zero().split_rational().is_none());
    }

    #[test]
    fn splits_into_linear_factors() {
        // x²(3x − 2)(x + 4)²/7
        let p = poly(&[0, 0, -2, 3])
            .mul(&poly(&[4, 1]))
            .mul(&poly(&[4, 1]))
            .scale(&Q::frac(1, 7));
        assert_eq!(
            p.linear_factors(),
            Some(vec![(Q::int(-4), 2), (Q::zero(), 2), (Q::frac(2, 3), 1)])
        );
        assert_eq!(poly(&[5]).linear_factors(), Some(Vec::new()));
        assert_eq!(poly(&[1, 0, 1]).rational_roots(), Vec::<Q>::new());
    }

    #[test]
    fn huge_coefficients_give_up_but_keep_zero() {
        // x (x − 2⁴¹ − 1)(x − 3): the constant term is too large to enumerate divisors.
        let big = Q::from_integer((Integer::from(1) << 41u32) + 1u32);
        let p = Poly::x()
            .mul(&Poly::new(vec![big.neg(), Q::one()]))
            .mul(&poly(&[-3, 1]));
        let s = p.split_rational().unwrap();
        assert!(!s.complete);
        assert_eq!(s.roots, vec![(Q::zero(), 1)]);
        assert_eq!(p.rational_roots(), vec![Q::zero()]);
        assert_eq!(p.linear_factors(), None);
        // Sturm bisection still finds the integer roots.
        let big_i = (Integer::from(1) << 41u32) + 1u32;
        let lim = Integer::from(1) << 50u32;
        let r = integer_roots_in(&p, &Integer::from(-&lim), &lim).unwrap();
        assert_eq!(r, vec![Integer::from(0), Integer::from(3), big_i.clone()]);
        let split = split_integer_roots(&p).unwrap().unwrap();
        assert_eq!(
            split,
            vec![(Integer::from(0), 1), (Integer::from(3), 1), (big_i, 1)]
        );
    }

    #[test]
    fn roots_found_in_range_only() {
        // (x − 3)(x + 5)(2x − 1)
        let p = poly(&[-3, 1]).mul(&poly(&[5, 1])).mul(&poly(&[-1, 2]));
        let r = integer_roots_in(&p, &Integer::from(-10), &Integer::from(10)).unwrap();
        assert_eq!(r, vec![Integer::from(-5), Integer::from(3)]);
        let r = integer_roots_in(&p, &Integer::from(0), &Integer::from(2)).unwrap();
        assert!(r.is_empty());
        let r = integer_roots_in(&p, &Integer::from(3), &Integer::from(3)).unwrap();
        assert_eq!(r, vec![Integer::from(3)]);
        // (x + 1)² x does split over the integers; x² + 1 does not.
        let q = poly(&[1, 1]).mul(&poly(&[1, 1])).mul(&poly(&[0, 1]));
        assert_eq!(
            split_integer_roots(&q).unwrap(),
            Some(vec![(Integer::from(-1), 2), (Integer::from(0), 1)])
        );
        assert!(split_integer_roots(&poly(&[1, 0, 1])).unwrap().is_none());
    }
}
