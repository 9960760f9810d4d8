//! Sturm sequences of polynomials over Q: the sign at a rational point, the sign changes of
//! the sequence, and from them the exact number of distinct real roots in an interval.

use super::Poly;
use crate::math::number::Q;
use std::cmp::Ordering;

impl Poly {
    /// Sign at `x` (−1, 0, 1).
    pub fn sign_at(&self, x: &Q) -> i32 {
        match self.eval(x).0.cmp0() {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        }
    }

    /// The Sturm sequence p₀ = p, p₁ = p′, p_{i+1} = −rem(p_{i−1}, p_i) until a remainder
    /// vanishes (empty for the zero polynomial).
    pub fn sturm_sequence(&self) -> Vec<Poly> {
        if self.is_zero() {
            return Vec::new();
        }
        let mut seq = vec![self.clone(), self.derivative()];
        if seq[1].is_zero() {
            seq.pop();
            return seq;
        }
        loop {
            let n = seq.len();
            let (_, r) = seq[n - 2].div_rem(&seq[n - 1]);
            if r.is_zero() {
                break;
            }
            seq.push(r.neg());
        }
        seq
    }

    /// Number of distinct real roots in the half-open interval (a, b] (Sturm's theorem).
    pub fn count_roots(&self, a: &Q, b: &Q) -> usize {
        if self.degree() < 1 {
            return 0;
        }
        let seq = self.square_free_part().sturm_sequence();
        sign_changes(&seq, a).saturating_sub(sign_changes(&seq, b))
    }

    /// Whether the polynomial has a root in the closed interval [a, b].
    pub fn has_root_in(&self, a: &Q, b: &Q) -> bool {
        self.sign_at(a) == 0 || self.count_roots(a, b) > 0
    }
}

/// The number of sign changes of a sequence of polynomials at `x` (zeros skipped).
pub fn sign_changes(seq: &[Poly], x: &Q) -> usize {
    let signs: Vec<i32> = seq
        .iter()
        .map(|s| s.sign_at(x))
        .filter(|&s| s != 0)
        .collect();
    signs.windows(2).filter(|w| w[0] != w[1]).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&a| Q::int(a)).collect())
    }

    #[test]
    fn counts_distinct_real_roots_in_intervals() {
        // (x − 1)²(x + 2)(x² + 1): distinct real roots −2 and 1.
        let p = poly(&[-1, 1])
            .mul(&poly(&[-1, 1]))
            .mul(&poly(&[2, 1]))
            .mul(&poly(&[1, 0, 1]));
        assert_eq!(p.count_roots(&Q::int(-10), &Q::int(10)), 2);
        assert_eq!(p.count_roots(&Q::int(-2), &Q::int(10)), 1); // (−2, 10]
        assert_eq!(p.count_roots(&Q::int(-3), &Q::int(0)), 1);
        assert_eq!(p.count_roots(&Q::frac(1, 2), &Q::int(1)), 1);
        assert_eq!(p.count_roots(&Q::int(1), &Q::int(5)), 0);
        assert!(p.has_root_in(&Q::int(1), &Q::int(5)));
        assert!(!poly(&[1, 0, 1]).has_root_in(&Q::int(-9), &Q::int(9)));
        assert_eq!(p.sign_at(&Q::int(0)), 1);
        assert_eq!(p.sign_at(&Q::frac(-5, 2)), -1);
        assert_eq!(p.sign_at(&Q::int(1)), 0);
    }

    #[test]
    fn the_sequence_of_a_cubic() {
        // x³ − x: p₀, p₁ = 3x² − 1, p₂ = (2/3)x, p₃ = 1.
        let seq = poly(&[0, -1, 0, 1]).sturm_sequence();
        assert_eq!(seq.len(), 4);
        assert_eq!(seq[1], poly(&[-1, 0, 3]));
        assert_eq!(seq[2], Poly::new(vec![Q::zero(), Q::frac(2, 3)]));
        assert_eq!(seq[3], poly(&[1]));
        assert_eq!(sign_changes(&seq, &Q::int(-2)), 3);
        assert_eq!(sign_changes(&seq, &Q::int(2)), 0);
    }
}
