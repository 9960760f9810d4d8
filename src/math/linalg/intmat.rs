//! Products and powers of rational matrices over a common denominator: A = M/d with M an
//! integer matrix, so A·B = (M·N)/(d·e) and A^k = M^k/d^k. The work is integer products
//! accumulated in place (GMP's addmul), with one reduction per entry at the end instead of a
//! gcd after every operation, as fraction-free libraries (PARI, FLINT's fmpz_mat) do. When the
//! denominators factor over small primes (10 = 2·5 for decimal input), the denominator is
//! kept as its factorisation and each entry is reduced by p-adic valuations, without a gcd.

use super::Matrix;
use crate::math::check_interrupt;
use crate::math::expr::{MResult, MathError};
use crate::math::number::{MAX_EXACT_BITS, Q};
use rug::ops::Pow;
use rug::{Integer, Rational};
use std::collections::HashMap;

/// A rational matrix as integer numerators over one positive denominator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntMatrix {
    rows: Vec<Vec<Integer>>,
    cols: usize,
    den: Integer,
    /// The denominator as Π p^e over primes p, when known.
    primes: Option<Vec<(u32, u64)>>,
}

/// Trial division stops here: a cofactor below its square is prime.
const TRIAL_LIMIT: u32 = 1 << 16;

/// The prime factorisation of `d` (≥ 1) by trial division, when it is complete: `None` when
/// a cofactor of 2^32 or more is left.
fn factor_small(d: &Integer) -> Option<Vec<(u32, u64)>> {
    let mut n = d.to_u64()?;
    let mut out = Vec::new();
    let mut p: u32 = 2;
    while n > 1 && p < TRIAL_LIMIT && u64::from(p) * u64::from(p) <= n {
        let mut e = 0;
        while n % u64::from(p) == 0 {
            n /= u64::from(p);
            e += 1;
        }
        if e > 0 {
            out.push((p, e));
        }
        p += if p == 2 { 1 } else { 2 };
    }
    if n > 1 {
        // No factor below min(√n, 2^16): n is prime if it is below 2^32.
        out.push((u32::try_from(n).ok()?, 1));
    }
    Some(out)
}

/// The factorisation of a product: exponents of equal primes added.
fn merge(a: &[(u32, u64)], b: &[(u32, u64)]) -> Vec<(u32, u64)> {
    let mut out = a.to_vec();
    for &(p, e) in b {
        match out.iter_mut().find(|(q, _)| *q == p) {
            Some(x) => x.1 += e,
            None => out.push((p, e)),
        }
    }
    out.sort_unstable();
    out
}

impl IntMatrix {
    /// `a` over the least common denominator of its entries.
    pub fn new(a: &Matrix) -> IntMatrix {
        let mut den = Integer::from(1);
        for q in a.rows().iter().flatten() {
            if *q.denom() != 1 {
                den.lcm_mut(q.denom());
            }
        }
        let rows = a
            .rows()
            .iter()
            .map(|r| {
                r.iter()
                    .map(|q| Integer::from(&den / q.denom()) * q.numer())
                    .collect()
            })
            .collect();
        let primes = factor_small(&den);
        IntMatrix {
            rows,
            cols: a.ncols(),
            den,
            primes,
        }
    }

    /// The `n × n` identity (denominator 1).
    pub fn identity(n: usize) -> IntMatrix {
        let rows = (0..n)
            .map(|i| (0..n).map(|j| Integer::from(u8::from(i == j))).collect())
            .collect();
        IntMatrix {
            rows,
            cols: n,
            den: Integer::from(1),
            primes: Some(Vec::new()),
        }
    }

    /// The product `self · b`; `None` when the shapes do not match. Interruptible between
    /// rows.
    pub fn mul(&self, b: &IntMatrix) -> MResult<Option<IntMatrix>> {
        if self.cols != b.rows.len() {
            return Ok(None);
        }
        let mut rows = Vec::with_capacity(self.rows.len());
        for r in &self.rows {
            check_interrupt()?;
            let mut out = vec![Integer::new(); b.cols];
            // Row times matrix: out += r[t]·b[t] over t, skipping zeros (sparse rows are common).
            for (x, brow) in r.iter().zip(&b.rows) {
                if *x == 0 {
                    continue;
                }
                for (o, y) in out.iter_mut().zip(brow) {
                    if *y != 0 {
                        *o += x * y;
                    }
                }
            }
            rows.push(out);
        }
        let primes = match (&self.primes, &b.primes) {
            (Some(x), Some(y)) => Some(merge(x, y)),
            _ => None,
        };
        Ok(Some(IntMatrix {
            rows,
            cols: b.cols,
            den: Integer::from(&self.den * &b.den),
            primes,
        }))
    }

    /// `self^k` by repeated squaring (the identity for k = 0); `None` when not square.
    /// Refused with `TooLarge` when an entry's numerator or the denominator could pass
    /// [`MAX_EXACT_BITS`]: bounded by k·(bits of the largest entry + log₂ n) and k·bits(d).
    pub fn pow(&self, k: u64) -> MResult<Option<IntMatrix>> {
        let n = self.rows.len();
        if self.cols != n {
            return Ok(None);
        }
        let entry = self
            .rows
            .iter()
            .flatten()
            .map(|x| u64::from(x.significant_bits()))
            .max()
            .unwrap_or(0);
        let grow = (entry + u64::from(usize::BITS - n.leading_zeros()))
            .max(u64::from(self.den.significant_bits()));
        if grow > 1 && k.saturating_mul(grow - 1) > MAX_EXACT_BITS {
            return Err(MathError::TooLarge(format!(
                "a {n}×{n} matrix power (exponent {k}) with entries of up to about {} digits",
                (k as f64 * (grow - 1) as f64 * std::f64::consts::LOG10_2) as u64
            )));
        }
        let mut result: Option<IntMatrix> = None;
        let mut base = self.clone();
        let mut k = k;
        while k > 0 {
            if k & 1 == 1 {
                result = Some(match result {
                    None => base.clone(),
                    Some(r) => r.mul(&base)?.expect("square matrices of one size"),
                });
            }
            k >>= 1;
            if k > 0 {
                base = base.mul(&base)?.expect("a square matrix");
            }
        }
        Ok(Some(result.unwrap_or_else(|| IntMatrix::identity(n))))
    }

    /// The rational matrix, each entry reduced to lowest terms: by the p-adic valuations of
    /// its numerator when the denominator's primes are known, else by a gcd.
    pub fn to_matrix(&self) -> MResult<Matrix> {
        let mut dens: HashMap<Vec<u64>, Integer> = HashMap::new();
        let mut rows = Vec::with_capacity(self.rows.len());
        for r in &self.rows {
            check_interrupt()?;
            let mut row = Vec::with_capacity(r.len());
            for x in r {
                row.push(match &self.primes {
                    Some(ps) => self.reduce(x.clone(), ps, &mut dens),
                    None => Q(Rational::from((x.clone(), self.den.clone()))),
                });
            }
            rows.push(row);
        }
        Ok(Matrix {
            rows,
            cols: self.cols,
        })
    }

    /// `num / den` in lowest terms, `den` = Π p^e over `ps`: each prime is removed from the
    /// numerator up to its exponent, so what is left of the denominator is coprime to it.
    /// Denominators are cached by the removed exponents (most entries remove none).
    fn reduce(
        &self,
        mut num: Integer,
        ps: &[(u32, u64)],
        dens: &mut HashMap<Vec<u64>, Integer>,
    ) -> Q {
        if num == 0 {
            return Q::zero();
        }
        let mut removed = Vec::with_capacity(ps.len());
        for &(p, e) in ps {
            let v = if p == 2 {
                let v = u64::from(num.find_one(0).unwrap_or(0)).min(e);
                num >>= u32::try_from(v).unwrap_or(u32::MAX);
                v
            } else {
                let p = Integer::from(p);
                let all = u64::from(num.remove_factor_mut(&p));
                if all > e {
                    // Only e factors cancel against the denominator: put the rest back.
                    num *= p.pow(u32::try_from(all - e).unwrap_or(u32::MAX));
                }
                all.min(e)
            };
            removed.push(v);
        }
        let den = dens
            .entry(removed)
            .or_insert_with_key(|removed| {
                if removed.iter().all(|&v| v == 0) {
                    return self.den.clone();
                }
                let mut d = Integer::from(1);
                for (&(p, e), &v) in ps.iter().zip(removed) {
                    d *= Integer::from(p).pow(u32::try_from(e - v).unwrap_or(u32::MAX));
                }
                d
            })
            .clone();
        Q::from_coprime(num, den)
    }
}

impl Matrix {
    /// The product `A B` over common denominators (see the module); `None` when the shapes do
    /// not match.
    pub fn mul_fraction_free(&self, b: &Matrix) -> MResult<Option<Matrix>> {
        match IntMatrix::new(self).mul(&IntMatrix::new(b))? {
            Some(p) => p.to_matrix().map(Some),
            None => Ok(None),
        }
    }

    /// `A^k` for a whole number k, over a common denominator; `None` when A is not square.
    pub fn pow_int(&self, k: u64) -> MResult<Option<Matrix>> {
        match IntMatrix::new(self).pow(k)? {
            Some(p) => p.to_matrix().map(Some),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i64, d: i64) -> Q {
        Q::frac(n, d)
    }

    fn m(rows: &[&[(i64, i64)]]) -> Matrix {
        let cols = rows[0].len();
        Matrix::new(
            rows.iter()
                .map(|r| r.iter().map(|&(n, d)| q(n, d)).collect())
                .collect(),
            cols,
        )
        .unwrap()
    }

    #[test]
    fn products_agree_with_rational_arithmetic() {
        let a = m(&[&[(1, 2), (-3, 4), (0, 1)], &[(2, 3), (5, 1), (-1, 6)]]);
        let b = m(&[&[(7, 5), (1, 1)], &[(0, 1), (-2, 9)], &[(3, 8), (4, 7)]]);
        assert_eq!(a.mul_fraction_free(&b).unwrap(), a.mul(&b));
        assert_eq!(a.mul_fraction_free(&a).unwrap(), None);
    }

    #[test]
    fn small_denominators_factor_and_others_do_not() {
        assert_eq!(factor_small(&Integer::from(1)), Some(vec![]));
        assert_eq!(
            factor_small(&Integer::from(360)),
            Some(vec![(2, 3), (3, 2), (5, 1)])
        );
        // 65537 · 65539 has no factor below 2^16: its cofactor passes 2^32, so it is unknown.
        assert_eq!(factor_small(&Integer::from(65537u64 * 65539)), None);
        assert_eq!(
            factor_small(&Integer::from(4_294_967_291u64)),
            Some(vec![(4_294_967_291, 1)])
        );
        assert_eq!(factor_small(&(Integer::from(1) << 70)), None);
        assert_eq!(
            merge(&[(2, 1), (5, 1)], &[(3, 2), (5, 4)]),
            vec![(2, 1), (3, 2), (5, 5)]
        );
    }

    #[test]
    fn reduction_by_valuations_agrees_with_gcds() {
        // Entries with factors of 2, 3 and 5 beyond, at and below the denominator's.
        let a = m(&[
            &[(1, 360), (7, 12), (0, 1)],
            &[(25, 6), (-9, 10), (4, 45)],
            &[(1, 1), (3, 8), (-5, 9)],
        ]);
        let mut p = Matrix::identity(3);
        for k in 0..9 {
            let fast = a.pow_int(k).unwrap().unwrap();
            assert_eq!(fast, p, "k = {k}");
            p = p.mul(&a).unwrap();
        }
        // An unfactored denominator takes the gcd path.
        let big = m(&[&[(1, 65537 * 65539), (2, 1)], &[(3, 1), (4, 1)]]);
        assert!(IntMatrix::new(&big).primes.is_none());
        assert_eq!(
            big.pow_int(3).unwrap().unwrap(),
            big.mul(&big).unwrap().mul(&big).unwrap()
        );
    }

    #[test]
    fn powers_agree_with_repeated_products() {
        // SEEDS B1(b-ii): A = [[7/10, 1/10], [1/5, 3/5]], eigenvalues 4/5 and 1/2.
        let a = m(&[&[(7, 10), (1, 10)], &[(1, 5), (3, 5)]]);
        let mut p = Matrix::identity(2);
        for k in 0..12 {
            assert_eq!(a.pow_int(k).unwrap(), Some(p.clone()), "k = {k}");
            p = p.mul(&a).unwrap();
        }
        // The (1,1) entry of A^k is (2/3)(4/5)^k + (1/3)(1/2)^k.
        let p = a.pow_int(100).unwrap().unwrap();
        let expected = Q(Rational::from((2, 3)) * Rational::from((4, 5)).pow(100u32)
            + Rational::from((1, 3)) * Rational::from((1, 2)).pow(100u32));
        assert_eq!(p.get(0, 0), Some(&expected));
        assert_eq!(m(&[&[(1, 1), (2, 1)]]).pow_int(2).unwrap(), None);
    }
}
