//! Exact real-root isolation over Q: disjoint rational intervals (a, b], each holding exactly
//! one real root of a polynomial, found by bisection with a Sturm sequence from a Cauchy
//! bound, and refined by bisection to any width. Every interval is certified by Sturm's
//! theorem, so decimals read off it are certified too.

use super::sturm::sign_changes;
use super::Poly;
use crate::math::number::Q;
use std::cmp::Ordering;

/// The real roots of a polynomial, isolated.
#[derive(Debug, Clone, PartialEq)]
pub struct Isolated {
    /// The square-free part the intervals refer to.
    pub poly: Poly,
    /// The Sturm sequence of `poly`.
    seq: Vec<Poly>,
    /// One interval (a, b] per distinct real root, increasing.
    pub intervals: Vec<(Q, Q)>,
}

impl Poly {
    /// A bound B with every root in (−B, B) (Cauchy: 1 + max |c_i / c_n|).
    pub fn root_bound(&self) -> Q {
        let lead = self.lead().abs();
        let m = self
            .c
            .iter()
            .map(|c| c.abs().div(&lead).unwrap_or_default())
            .max_by(|a, b| a.0.cmp(&b.0))
            .unwrap_or_default();
        Q::one().add(&m)
    }

    /// Isolates the distinct real roots (`None` for the zero polynomial).
    pub fn isolate_real_roots(&self) -> Option<Isolated> {
        if self.is_zero() {
            return None;
        }
        let poly = self.square_free_part();
        let seq = poly.sturm_sequence();
        let b = poly.root_bound();
        let mut intervals = Vec::new();
        let mut todo = vec![(b.neg(), b)];
        while let Some((lo, hi)) = todo.pop() {
            let n = count(&seq, &lo, &hi);
            if n == 0 {
                continue;
            }
            if n == 1 {
                intervals.push((lo, hi));
                continue;
            }
            let mid = lo.add(&hi).div(&Q::int(2)).unwrap_or_default();
            todo.push((lo, mid.clone()));
            todo.push((mid, hi));
        }
        intervals.sort_by(|x, y| x.0 .0.cmp(&y.0 .0));
        Some(Isolated {
            poly,
            seq,
            intervals,
        })
    }
}

fn count(seq: &[Poly], a: &Q, b: &Q) -> usize {
    sign_changes(seq, a).saturating_sub(sign_changes(seq, b))
}

impl Isolated {
    /// The number of distinct real roots.
    pub fn len(&self) -> usize {
        self.intervals.len()
    }
    pub fn is_empty(&self) -> bool {
        self.intervals.is_empty()
    }

    /// The interval of root `i` (0-based, increasing) narrowed below `width` (> 0); a root
    /// met exactly gives the point interval (r, r].
    pub fn refine(&self, i: usize, width: &Q) -> (Q, Q) {
        let (mut lo, mut hi) = self.intervals[i].clone();
        let half = |lo: &Q, hi: &Q| lo.add(hi).div(&Q::int(2)).unwrap_or_default();
        while hi.sub(&lo).0 >= width.0 {
            let (s_lo, s_hi) = (self.poly.sign_at(&lo), self.poly.sign_at(&hi));
            if s_hi == 0 {
                return (hi.clone(), hi);
            }
            let mid = half(&lo, &hi);
            if s_lo != 0 {
                // One simple root inside and none at the ends: the signs differ at the ends,
                // so plain bisection on the sign of p is enough (cheaper than Sturm).
                let s_mid = self.poly.sign_at(&mid);
                if s_mid == 0 {
                    return (mid.clone(), mid);
                }
                if s_mid == s_lo {
                    lo = mid;
                } else {
                    hi = mid;
                }
            } else if count(&self.seq, &lo, &mid) == 1 {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        (lo, hi)
    }

    /// Root `i` compared with the rational `x`.
    pub fn cmp_root(&self, i: usize, x: &Q) -> Ordering {
        let (lo, hi) = &self.intervals[i];
        if x.0 <= lo.0 {
            return Ordering::Greater;
        }
        if x.0 > hi.0 {
            return Ordering::Less;
        }
        // x in (lo, hi]: the root is at most x exactly when (lo, x] holds it.
        if count(&self.seq, lo, x) == 1 {
            if self.poly.sign_at(x) == 0 {
                Ordering::Equal
            } else {
                Ordering::Less
            }
        } else {
            Ordering::Greater
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&a| Q::int(a)).collect())
    }

    #[test]
    fn isolates_and_refines() {
        // x³ − 2: one real root 2^(1/3) ≈ 1.259921.
        let iso = poly(&[-2, 0, 0, 1]).isolate_real_roots().unwrap();
        assert_eq!(iso.len(), 1);
        let (lo, hi) = iso.refine(0, &Q::frac(1, 1_000_000));
        assert!(lo.0 < 1.259922 && hi.0 > 1.259920);
        // (x − 1)(x − 2)(x + 3)²: three distinct real roots, 1 met exactly by bisection.
        let p = poly(&[-1, 1])
            .mul(&poly(&[-2, 1]))
            .mul(&poly(&[3, 1]))
            .mul(&poly(&[3, 1]));
        let iso = p.isolate_real_roots().unwrap();
        assert_eq!(iso.len(), 3);
        assert_eq!(iso.cmp_root(1, &Q::int(1)), Ordering::Equal);
        assert_eq!(iso.cmp_root(2, &Q::frac(3, 2)), Ordering::Greater);
        assert_eq!(iso.cmp_root(0, &Q::int(-3)), Ordering::Equal);
        let (lo, hi) = iso.refine(2, &Q::frac(1, 1000));
        // Bisection from (−B, B] meets 2 exactly: the point interval [2, 2].
        assert_eq!((lo, hi), (Q::int(2), Q::int(2)));
        assert!(poly(&[1, 0, 1]).isolate_real_roots().unwrap().is_empty());
    }
}
