//! Truncated Laurent series `x^val · Σ c_i x^i`, known modulo `x^prec`, with the precision
//! bookkeeping that makes division by series with zero constant term (sin(x)/x) safe.

use super::ring::Coeff;
use crate::math::expr::{MResult, MathError};

/// A truncated series: coefficient `c[i]` belongs to `x^(val + i)`; everything from `x^prec`
/// on is unknown. `c.len() == prec - val` and `c[0] ≠ 0` unless the series is zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Trunc<C> {
    pub val: i64,
    pub c: Vec<C>,
    pub prec: i64,
}

/// `n` zero coefficients, each made afresh (a new zero rational allocates less than a copy
/// of one).
fn zeros<C: Coeff>(n: usize) -> Vec<C> {
    std::iter::repeat_with(C::zero).take(n).collect()
}

impl<C: Coeff> Trunc<C> {
    /// The constant `k`, known to `x^prec`.
    pub fn constant(k: C, prec: i64) -> Self {
        let n = prec.max(0) as usize;
        let mut c = zeros(n);
        if n > 0 {
            c[0] = k;
        }
        Trunc { val: 0, c, prec }.normalized()
    }

    /// The variable `x`, known to `x^prec`.
    pub fn var(prec: i64) -> Self {
        let n = (prec - 1).max(0) as usize;
        let mut c = zeros(n);
        if n > 0 {
            c[0] = C::one();
        }
        Trunc { val: 1, c, prec }.normalized()
    }

    /// Strips leading zero coefficients into the valuation.
    pub fn normalized(mut self) -> Self {
        let lead = self.c.iter().take_while(|x| x.is_zero()).count();
        if lead > 0 {
            self.c.drain(..lead);
            self.val += lead as i64;
        }
        if self.c.is_empty() {
            self.val = self.prec;
        }
        self
    }

    /// True when no coefficient is known to be non-zero.
    pub fn is_zero(&self) -> bool {
        self.c.is_empty()
    }

    /// The coefficient of `x^k` (zero below the valuation; `None` past the precision).
    pub fn coeff(&self, k: i64) -> Option<C> {
        if k >= self.prec {
            return None;
        }
        if k < self.val {
            return Some(C::zero());
        }
        Some(
            self.c
                .get((k - self.val) as usize)
                .cloned()
                .unwrap_or_else(C::zero),
        )
    }

    /// Dense coefficients of `x^0 .. x^(prec-1)`; requires `val ≥ 0`.
    pub fn dense(&self) -> Vec<C> {
        (0..self.prec.max(0))
            .map(|k| self.coeff(k).unwrap_or_else(C::zero))
            .collect()
    }

    /// From dense coefficients of `x^0 ..`, known to `x^prec`.
    pub fn from_dense(c: Vec<C>, prec: i64) -> Self {
        let mut c = c;
        c.resize_with(prec.max(0) as usize, C::zero);
        Trunc { val: 0, c, prec }.normalized()
    }

    pub fn add(&self, o: &Self) -> MResult<Self> {
        let prec = self.prec.min(o.prec);
        let val = self.val.min(o.val).min(prec);
        let mut c = Vec::with_capacity((prec - val).max(0) as usize);
        for k in val..prec {
            // Zeros are skipped by reference: most coefficients of a sum of monomials are 0,
            // and cloning or adding a zero rational costs allocations.
            c.push(match (self.coeff_ref(k), o.coeff_ref(k)) {
                (None, None) => C::zero(),
                (Some(a), None) => a.clone(),
                (None, Some(b)) => b.clone(),
                (Some(a), Some(b)) => a.add(b)?,
            });
        }
        Ok(Trunc { val, c, prec }.normalized())
    }

    /// The coefficient of `x^k` when it is stored and non-zero.
    fn coeff_ref(&self, k: i64) -> Option<&C> {
        if k < self.val {
            return None;
        }
        self.c
            .get(usize::try_from(k - self.val).ok()?)
            .filter(|x| !x.is_zero())
    }

    /// The one non-zero coefficient when the series is a monomial c·x^val (to its precision).
    fn monomial(&self) -> Option<&C> {
        let (first, rest) = self.c.split_first()?;
        rest.iter().all(C::is_zero).then_some(first)
    }

    pub fn neg(&self) -> MResult<Self> {
        let c = self.c.iter().map(C::neg).collect::<MResult<Vec<_>>>()?;
        Ok(Trunc {
            val: self.val,
            c,
            prec: self.prec,
        })
    }

    pub fn sub(&self, o: &Self) -> MResult<Self> {
        self.add(&o.neg()?)
    }

    pub fn scale(&self, k: &C) -> MResult<Self> {
        let c = self
            .c
            .iter()
            .map(|x| if x.is_zero() { Ok(C::zero()) } else { x.mul(k) })
            .collect::<MResult<Vec<_>>>()?;
        Ok(Trunc {
            val: self.val,
            c,
            prec: self.prec,
        }
        .normalized())
    }

    pub fn mul(&self, o: &Self) -> MResult<Self> {
        let val = self.val + o.val;
        if self.is_zero() || o.is_zero() {
            // O(x^p)·(x^v + …) is O(x^(p + v)).
            let prec = (self.prec + o.val).min(o.prec + self.val);
            return Ok(Trunc {
                val: prec,
                c: Vec::new(),
                prec,
            });
        }
        let n = self.c.len().min(o.c.len());
        // A monomial factor (x², −x, a constant) scales the other series: no product needed.
        let scaled = |m: &C, other: &[C]| -> MResult<Vec<C>> {
            other[..n]
                .iter()
                .map(|y| if y.is_zero() { Ok(C::zero()) } else { y.mul(m) })
                .collect()
        };
        let c = match (self.monomial(), o.monomial()) {
            (Some(m), _) => scaled(m, &o.c)?,
            (None, Some(m)) => scaled(m, &self.c)?,
            (None, None) => C::s_mul(&self.c, &o.c, n)?,
        };
        Ok(Trunc {
            val,
            c,
            prec: val + n as i64,
        }
        .normalized())
    }

    /// `1/self`; the series must not be zero to the working precision.
    pub fn inv(&self) -> MResult<Self> {
        if self.is_zero() {
            // Zero only to the working precision: more terms may reveal the leading one.
            return Err(MathError::NeedPrecision);
        }
        let n = self.c.len();
        let c = C::s_inv(&self.c, n)?;
        Ok(Trunc {
            val: -self.val,
            c,
            prec: -self.val + n as i64,
        }
        .normalized())
    }

    pub fn div(&self, o: &Self) -> MResult<Self> {
        self.mul(&o.inv()?)
    }

    /// `self^k` for an integer `k ≥ 0` by binary powering.
    pub fn pow_u(&self, mut k: u64) -> MResult<Self> {
        let mut result: Option<Self> = None;
        let mut base = self.clone();
        while k > 0 {
            if crate::math::interrupted() {
                return Err(MathError::Interrupted);
            }
            if k & 1 == 1 {
                result = Some(match result {
                    None => base.clone(),
                    Some(r) => r.mul(&base)?,
                });
            }
            k >>= 1;
            if k > 0 {
                base = base.mul(&base)?;
            }
        }
        Ok(result.unwrap_or_else(|| Trunc::constant(C::one(), self.prec.max(1))))
    }
}
