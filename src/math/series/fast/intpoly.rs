//! `QPoly`: a truncated series over Q stored as integer numerators over ONE positive common
//! denominator, the representation every fast algorithm here works in. Conversions from and to
//! lists of canonical rationals, exact arithmetic that keeps the denominator small (sums over
//! the lcm, integrals dividing only what must be divided); content removal and the conversion
//! back to rationals are in `canonical`. Imports `rug`, [`Q`] and the Kronecker product.

use super::kronecker;
use crate::math::expr::MathError;
use crate::math::number::Q;
use rug::Integer;
use std::cmp::Ordering;

/// Largest total size, in bits, of the numerators one series may hold (512 MiB; a Newton step
/// holds a few of them and their products): beyond it
/// the operations that can fail report [`MathError::TooLarge`] instead of exhausting memory.
pub const MAX_TOTAL_BITS: u64 = 1 << 32;

/// Fails with [`MathError::TooLarge`] when `len` numerators of `bits` bits each exceed
/// [`MAX_TOTAL_BITS`].
pub fn check_size(len: usize, bits: u64) -> Result<(), MathError> {
    if (len as u64).saturating_mul(bits) > MAX_TOTAL_BITS {
        Err(MathError::TooLarge(format!(
            "a power series with {len} exact coefficients of about {bits} bits"
        )))
    } else {
        Ok(())
    }
}

/// A truncated series `Σ num[k]/den · x^k` with `den > 0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QPoly {
    /// Integer numerators, one per coefficient.
    pub num: Vec<Integer>,
    /// The common denominator (positive).
    pub den: Integer,
}

/// `gcd(c, d)` for a small positive `d`.
fn small_gcd(c: &Integer, d: u64) -> u64 {
    let r = match u32::try_from(d) {
        Ok(d32) => u64::from(c.mod_u(d32)),
        Err(_) => Integer::from(c % d).to_u64().unwrap_or(0),
    };
    let (mut x, mut y) = (d, r);
    while y != 0 {
        (x, y) = (y, x % y);
    }
    x
}

impl QPoly {
    /// The zero series with `n` coefficients.
    pub fn zero(n: usize) -> QPoly {
        QPoly {
            num: vec![Integer::new(); n],
            den: Integer::from(1),
        }
    }

    /// The series `1` with `n ≥ 1` coefficients.
    pub fn one(n: usize) -> QPoly {
        let mut p = QPoly::zero(n);
        if n > 0 {
            p.num[0] = Integer::from(1);
        }
        p
    }

    /// Fails with [`MathError::TooLarge`] when the numerators are too large to go on with.
    pub fn check_size(&self) -> Result<(), MathError> {
        check_size(self.len(), u64::from(kronecker::max_bits(&self.num)))
    }

    /// Number of stored coefficients.
    pub fn len(&self) -> usize {
        self.num.len()
    }

    /// Whether there are no stored coefficients.
    pub fn is_empty(&self) -> bool {
        self.num.is_empty()
    }

    /// The first `n` coefficients of `a` (zero-padded) over their least common denominator.
    pub fn from_q(a: &[Q], n: usize) -> QPoly {
        let a = &a[..a.len().min(n)];
        let mut den = Integer::from(1);
        for c in a {
            let d = c.denom();
            if *d == 1 || c.is_zero() {
                continue;
            }
            if d.is_divisible(&den) {
                den.clone_from(d);
            } else if !den.is_divisible(d) {
                den.lcm_mut(d);
            }
        }
        let mut num = Vec::with_capacity(n);
        for c in a {
            if c.is_zero() {
                num.push(Integer::new());
            } else if *c.denom() == den {
                num.push(c.numer().clone());
            } else {
                let q = Integer::from(den.div_exact_ref(c.denom()));
                num.push(q * c.numer());
            }
        }
        num.resize(n, Integer::new());
        QPoly { num, den }
    }

    /// Coefficients `start..end` (zero-padded past the stored length), same denominator.
    pub fn slice(&self, start: usize, end: usize) -> QPoly {
        // Zeros are made, not cloned: a new zero allocates nothing, GMP's copy of one does.
        let mut num: Vec<Integer> = self
            .num
            .get(start.min(self.len())..end.min(self.len()))
            .unwrap_or(&[])
            .iter()
            .map(|c| {
                if c.cmp0() == Ordering::Equal {
                    Integer::new()
                } else {
                    c.clone()
                }
            })
            .collect();
        num.resize_with(end.saturating_sub(start), Integer::new);
        QPoly {
            num,
            den: self.den.clone(),
        }
    }

    /// Changes the length to `n`, dropping or zero-padding coefficients.
    pub fn resize(&mut self, n: usize) {
        self.num.resize(n, Integer::new());
    }

    /// The first `n` coefficients of `self·other`, canonicalised.
    pub fn mullow(&self, other: &QPoly, n: usize) -> QPoly {
        let mut p = self.mullow_raw(other, n);
        p.canonicalise();
        p
    }

    /// The first `n` coefficients of `self·other` over the product of the denominators (for
    /// results that are sliced and canonicalised afterwards).
    pub fn mullow_raw(&self, other: &QPoly, n: usize) -> QPoly {
        self.mul_range_raw(other, 0, n)
    }

    /// Coefficients `lo..hi` of `self·other` over the product of the denominators.
    pub fn mul_range_raw(&self, other: &QPoly, lo: usize, hi: usize) -> QPoly {
        let num = if std::ptr::eq(self, other) {
            kronecker::mul_range(&self.num, &self.num, lo, hi)
        } else {
            kronecker::mul_range(&self.num, &other.num, lo, hi)
        };
        QPoly {
            num,
            den: Integer::from(&self.den * &other.den),
        }
    }

    /// Brings `self` and `other` to a common denominator; returns the two multipliers.
    fn common_den(&self, other: &QPoly) -> (Integer, Integer, Integer) {
        if self.den == other.den {
            return (Integer::from(1), Integer::from(1), self.den.clone());
        }
        let g = self.den.clone().gcd(&other.den);
        let fa = Integer::from(other.den.div_exact_ref(&g));
        let fb = Integer::from(self.den.div_exact_ref(&g));
        let den = Integer::from(&self.den * &fa);
        (fa, fb, den)
    }

    /// `self + s·other` for `s = ±1`, with `max(len)` coefficients, canonicalised.
    fn add_signed(&self, other: &QPoly, negate: bool) -> QPoly {
        let (fa, fb, den) = self.common_den(other);
        let n = self.len().max(other.len());
        let mut num = Vec::with_capacity(n);
        for k in 0..n {
            let mut c = match self.num.get(k) {
                Some(x) => Integer::from(x * &fa),
                None => Integer::new(),
            };
            if let Some(y) = other.num.get(k) {
                if negate {
                    c -= y * &fb;
                } else {
                    c += y * &fb;
                }
            }
            num.push(c);
        }
        let mut p = QPoly { num, den };
        p.canonicalise();
        p
    }

    /// `self + other`.
    pub fn add(&self, other: &QPoly) -> QPoly {
        self.add_signed(other, false)
    }

    /// `self − other`.
    pub fn sub(&self, other: &QPoly) -> QPoly {
        self.add_signed(other, true)
    }

    /// `−self`.
    pub fn negated(mut self) -> QPoly {
        for c in &mut self.num {
            *c = -std::mem::take(c);
        }
        self
    }

    /// `q·self`, canonicalised.
    pub fn scale(&self, q: &Q) -> QPoly {
        let mut p = QPoly {
            num: self
                .num
                .iter()
                .map(|c| Integer::from(c * q.numer()))
                .collect(),
            den: Integer::from(&self.den * q.denom()),
        };
        p.canonicalise();
        p
    }

    /// The derivative, with `len − 1` coefficients.
    pub fn derivative(&self) -> QPoly {
        let num = self
            .num
            .iter()
            .enumerate()
            .skip(1)
            .map(|(k, c)| Integer::from(c * k as u64))
            .collect();
        let mut p = QPoly {
            num,
            den: self.den.clone(),
        };
        p.canonicalise();
        p
    }

    /// `Σ c_k x^k ↦ Σ c_k/(k+m) x^k` (the integral of `x^(m−1)·self`, divided by `x^m`),
    /// multiplying the denominator only by what the numerators cannot absorb.
    pub fn integral_offset(&self, m: usize) -> QPoly {
        let mut num = self.num.clone();
        let mut divisors = vec![1u64; num.len()];
        let mut t = Integer::from(1);
        for (k, c) in num.iter_mut().enumerate() {
            if c.cmp0() == Ordering::Equal {
                continue;
            }
            let d = (k + m) as u64;
            let g = small_gcd(c, d);
            if g > 1 {
                *c = Integer::from(c.div_exact_ref(&Integer::from(g)));
            }
            let rest = d / g;
            divisors[k] = rest;
            if rest > 1 {
                let h = small_gcd(&t, rest);
                if h != rest {
                    t *= rest / h;
                }
            }
        }
        if t != 1 {
            for (c, &d) in num.iter_mut().zip(&divisors) {
                if c.cmp0() == Ordering::Equal {
                    continue;
                }
                if d == 1 {
                    *c *= &t;
                } else {
                    *c *= Integer::from(t.div_exact_ref(&Integer::from(d)));
                }
            }
        }
        QPoly {
            num,
            den: Integer::from(&self.den * &t),
        }
    }

    /// The integral `∫₀ˣ self`, with `len + 1` coefficients.
    pub fn integral(&self) -> QPoly {
        let mut p = self.integral_offset(1);
        p.num.insert(0, Integer::new());
        p
    }

    /// The first `n` coefficients, canonicalised on their own.
    pub fn prefix(&self, n: usize) -> QPoly {
        let mut p = self.slice(0, n);
        p.canonicalise();
        p
    }

    /// Index of the first nonzero coefficient below `n` (`None` if there is none).
    pub fn valuation(&self, n: usize) -> Option<usize> {
        self.num
            .iter()
            .take(n)
            .position(|c| c.cmp0() != Ordering::Equal)
    }

    /// The gcd of `k − r` over the nonzero coefficients `k < n` (0 when there are none
    /// besides `r`): every nonzero coefficient sits at `r + multiple of the result`.
    pub fn stride_from(&self, r: usize, n: usize) -> usize {
        let mut d = 0usize;
        for (k, c) in self.num.iter().enumerate().take(n).skip(r + 1) {
            if c.cmp0() != Ordering::Equal {
                let (mut x, mut y) = (d, k - r);
                while y != 0 {
                    (x, y) = (y, x % y);
                }
                d = x;
                if d == 1 {
                    break;
                }
            }
        }
        d
    }

    /// Coefficients `r, r + d, r + 2d, ...` below `n`: the series `A` with
    /// `self = x^r·A(x^d) mod x^n`, canonicalised.
    pub fn compress(&self, r: usize, d: usize, n: usize) -> QPoly {
        let mut p = self.compress_raw(r, d, n);
        p.canonicalise();
        p
    }

    /// [`QPoly::compress`] keeping the denominator as it is.
    pub fn compress_raw(&self, r: usize, d: usize, n: usize) -> QPoly {
        let len = n.saturating_sub(r).div_ceil(d);
        let mut num = Vec::with_capacity(len);
        for i in 0..len {
            num.push(self.num.get(r + i * d).cloned().unwrap_or_default());
        }
        QPoly {
            num,
            den: self.den.clone(),
        }
    }

    /// `x^r·self(x^d) mod x^n`, the inverse of [`QPoly::compress`].
    pub fn expand(self, r: usize, d: usize, n: usize) -> QPoly {
        let mut num = vec![Integer::new(); n];
        for (i, c) in self.num.into_iter().enumerate() {
            match num.get_mut(r + i * d) {
                Some(slot) => *slot = c,
                None => break,
            }
        }
        QPoly { num, den: self.den }
    }

    /// Appends `high` (coefficients `len..len+high.len()`) to `self`, on a common denominator.
    pub fn concat(mut self, high: QPoly) -> QPoly {
        let (fa, fb, den) = self.common_den(&high);
        if fa != 1 {
            for c in &mut self.num {
                *c *= &fa;
            }
        }
        for mut c in high.num {
            if fb != 1 {
                c *= &fb;
            }
            self.num.push(c);
        }
        self.den = den;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qs(v: &[(i64, i64)]) -> Vec<Q> {
        v.iter().map(|&(a, b)| Q::frac(a, b)).collect()
    }

    #[test]
    fn round_trip_and_lcm() {
        let a = qs(&[(1, 2), (-1, 3), (0, 1), (5, 6), (1, 4)]);
        let p = QPoly::from_q(&a, 7);
        assert_eq!(p.den, 12);
        let mut back = a.clone();
        back.resize(7, Q::zero());
        assert_eq!(p.to_q(), back);
    }

    #[test]
    fn integral_and_concat() {
        let a = qs(&[(1, 1), (1, 1), (1, 1), (1, 1)]);
        let p = QPoly::from_q(&a, 4).integral();
        assert_eq!(p.to_q(), qs(&[(0, 1), (1, 1), (1, 2), (1, 3), (1, 4)]));
        let lo = QPoly::from_q(&qs(&[(1, 2)]), 1);
        let hi = QPoly::from_q(&qs(&[(1, 3), (2, 9)]), 2);
        assert_eq!(lo.concat(hi).to_q(), qs(&[(1, 2), (1, 3), (2, 9)]));
    }
}
