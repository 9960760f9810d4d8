//! Coefficient rings for truncated power series: exact rationals (the fast path) and
//! symbolic expressions (π, √2, parameters). Each ring supplies arithmetic and may override
//! the series kernels with faster algorithms; the defaults are the classical O(n²)
//! recurrences.

use crate::math::expr::{self, subst::expand, Expr, MResult, MathError};
use crate::math::number::Q;

/// A coefficient ring. Kernels take input coefficients and an output length `n`.
pub trait Coeff: Clone + PartialEq + std::fmt::Debug + Sized {
    fn zero() -> Self;
    fn one() -> Self;
    fn from_q(q: Q) -> Self;
    /// The coefficient for an exact constant, if this ring can hold it.
    fn from_expr(e: &Expr) -> Option<Self>;
    fn to_expr(&self) -> Expr;
    fn is_zero(&self) -> bool;
    fn add(&self, o: &Self) -> MResult<Self>;
    fn sub(&self, o: &Self) -> MResult<Self>;
    fn mul(&self, o: &Self) -> MResult<Self>;
    fn div(&self, o: &Self) -> MResult<Self>;
    fn neg(&self) -> MResult<Self> {
        Self::zero().sub(self)
    }
    fn mul_q(&self, q: &Q) -> MResult<Self> {
        self.mul(&Self::from_q(q.clone()))
    }

    /// `a·b mod x^n`.
    fn s_mul(a: &[Self], b: &[Self], n: usize) -> MResult<Vec<Self>> {
        let mut out = vec![Self::zero(); n];
        for (i, ai) in a.iter().enumerate().take(n) {
            if ai.is_zero() {
                continue;
            }
            check()?;
            for (j, bj) in b.iter().enumerate().take(n - i) {
                if !bj.is_zero() {
                    out[i + j] = out[i + j].add(&ai.mul(bj)?)?;
                }
            }
        }
        Ok(out)
    }
    /// `Σ_(j = 1 … min(k, len a − 1)) w(j)·a_j·h_(k−j)`: the inner sum of the recurrences
    /// below (a ring may accumulate it in one pass instead of term by term).
    fn tail(a: &[Self], h: &[Self], k: usize, w: impl Fn(usize) -> Q) -> MResult<Self> {
        let mut s = Self::zero();
        for j in 1..=k.min(a.len().saturating_sub(1)) {
            if !a[j].is_zero() {
                let t = a[j].mul(&h[k - j])?;
                let wj = w(j);
                s = s.add(&if wj.is_one() { t } else { t.mul_q(&wj)? })?;
            }
        }
        Ok(s)
    }
    /// `1/a mod x^n` for `a[0] ≠ 0`.
    fn s_inv(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        inv_recurrence(a, n)
    }
    /// `exp(a) mod x^n` for `a[0] = 0`: k·h_k = Σ j·a_j·h_(k−j).
    fn s_exp(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        exp_recurrence(a, n)
    }
    /// `log(a) mod x^n` for `a[0] = 1`: ∫ a'/a.
    fn s_log(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        let d = derivative(a);
        let q = Self::s_div(&d, a, n.saturating_sub(1))?;
        Ok(integral(&q, n))
    }
    /// `(sin a, cos a) mod x^n` for `a[0] = 0`.
    fn s_sin_cos(a: &[Self], n: usize) -> MResult<(Vec<Self>, Vec<Self>)> {
        sin_cos_recurrence(a, n)
    }
    /// `sin a mod x^n` alone (a ring may save the work of the other part).
    fn s_sin(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        Ok(Self::s_sin_cos(a, n)?.0)
    }
    /// `cos a mod x^n` alone.
    fn s_cos(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        Ok(Self::s_sin_cos(a, n)?.1)
    }
    /// `tan(a) mod x^n` for `a[0] = 0`.
    fn s_tan(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        let (s, c) = Self::s_sin_cos(a, n)?;
        Self::s_div(&s, &c, n)
    }
    /// `a^alpha mod x^n` for `a[0] = 1`.
    fn s_pow(a: &[Self], alpha: &Self, n: usize) -> MResult<Vec<Self>> {
        pow_recurrence(a, alpha, n)
    }
    /// `a/b mod x^n` for `b[0] ≠ 0`.
    fn s_div(a: &[Self], b: &[Self], n: usize) -> MResult<Vec<Self>> {
        let inv = Self::s_inv(b, n)?;
        Self::s_mul(a, &inv, n)
    }
}

use crate::math::check_interrupt as check;

/// `1/a mod x^n` for `a[0] ≠ 0`: b_k = −(Σ a_j·b_(k−j))/a_0, each sum one [`Coeff::tail`].
pub fn inv_recurrence<C: Coeff>(a: &[C], n: usize) -> MResult<Vec<C>> {
    let a0 = get(a, 0);
    if a0.is_zero() {
        return Err(MathError::DivisionByZero);
    }
    let inv0 = C::one().div(&a0)?;
    let mut b = Vec::with_capacity(n);
    if n > 0 {
        b.push(inv0.clone());
    }
    for k in 1..n {
        check()?;
        let s = C::tail(a, &b, k, |_| Q::one())?;
        b.push(s.mul(&inv0)?.neg()?);
    }
    Ok(b)
}

/// `exp(a) mod x^n` for `a[0] = 0`: k·h_k = Σ j·a_j·h_(k−j).
pub fn exp_recurrence<C: Coeff>(a: &[C], n: usize) -> MResult<Vec<C>> {
    let mut h = Vec::with_capacity(n);
    if n > 0 {
        h.push(C::one());
    }
    for k in 1..n {
        check()?;
        let s = C::tail(a, &h, k, |j| Q::int(j as i64))?;
        h.push(s.mul_q(&Q::frac(1, k as i64))?);
    }
    Ok(h)
}

/// `(sin a, cos a) mod x^n` for `a[0] = 0`: k·s_k = Σ j·a_j·c_(k−j), k·c_k = −Σ j·a_j·s_(k−j).
pub fn sin_cos_recurrence<C: Coeff>(a: &[C], n: usize) -> MResult<(Vec<C>, Vec<C>)> {
    let mut s = Vec::with_capacity(n);
    let mut c = Vec::with_capacity(n);
    if n > 0 {
        s.push(C::zero());
        c.push(C::one());
    }
    for k in 1..n {
        check()?;
        let ss = C::tail(a, &c, k, |j| Q::int(j as i64))?;
        let cc = C::tail(a, &s, k, |j| Q::int(-(j as i64)))?;
        let inv_k = Q::frac(1, k as i64);
        s.push(ss.mul_q(&inv_k)?);
        c.push(cc.mul_q(&inv_k)?);
    }
    Ok((s, c))
}

/// `a^alpha mod x^n` for `a[0] = 1`: k·h_k = Σ (α·j − (k − j))·a_j·h_(k−j), summed as
/// α·Σ j·a_j·h_(k−j) − Σ (k − j)·a_j·h_(k−j).
pub fn pow_recurrence<C: Coeff>(a: &[C], alpha: &C, n: usize) -> MResult<Vec<C>> {
    let mut h = Vec::with_capacity(n);
    if n > 0 {
        h.push(C::one());
    }
    for k in 1..n {
        check()?;
        let with_alpha = C::tail(a, &h, k, |j| Q::int(j as i64))?;
        let rest = C::tail(a, &h, k, |j| Q::int((k - j) as i64))?;
        let s = alpha.mul(&with_alpha)?.sub(&rest)?;
        h.push(s.mul_q(&Q::frac(1, k as i64))?);
    }
    Ok(h)
}

fn get<C: Coeff>(a: &[C], i: usize) -> C {
    a.get(i).cloned().unwrap_or_else(C::zero)
}

/// The formal derivative (one coefficient shorter).
pub fn derivative<C: Coeff>(a: &[C]) -> Vec<C> {
    a.iter()
        .enumerate()
        .skip(1)
        .map(|(k, c)| c.mul_q(&Q::int(k as i64)).unwrap_or_else(|_| C::zero()))
        .collect()
}

/// `∫₀^x a`, truncated to `n` coefficients.
pub fn integral<C: Coeff>(a: &[C], n: usize) -> Vec<C> {
    let mut out = Vec::with_capacity(n);
    if n > 0 {
        out.push(C::zero());
    }
    for k in 1..n {
        let c = get(a, k - 1);
        out.push(c.mul_q(&Q::frac(1, k as i64)).unwrap_or_else(|_| C::zero()));
    }
    out
}

impl Coeff for Q {
    fn zero() -> Self {
        Q::zero()
    }
    fn one() -> Self {
        Q::one()
    }
    fn from_q(q: Q) -> Self {
        q
    }
    fn from_expr(e: &Expr) -> Option<Self> {
        e.as_num().cloned()
    }
    fn to_expr(&self) -> Expr {
        Expr::Num(self.clone())
    }
    fn is_zero(&self) -> bool {
        Q::is_zero(self)
    }
    fn add(&self, o: &Self) -> MResult<Self> {
        Ok(Q::add(self, o))
    }
    fn sub(&self, o: &Self) -> MResult<Self> {
        Ok(Q::sub(self, o))
    }
    fn mul(&self, o: &Self) -> MResult<Self> {
        Ok(Q::mul(self, o))
    }
    fn div(&self, o: &Self) -> MResult<Self> {
        Ok(Q::div(self, o)?)
    }

    // The rationals use the asymptotically fast kernels (common denominators, Kronecker and
    // FFT products, Newton iteration): FLINT's speed on exp(sin x) and tan x through x^1000.
    fn s_mul(a: &[Self], b: &[Self], n: usize) -> MResult<Vec<Self>> {
        Ok(super::fast::mul(a, b, n))
    }
    fn s_inv(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        super::fast::inv(a, n)
    }
    fn s_div(a: &[Self], b: &[Self], n: usize) -> MResult<Vec<Self>> {
        super::fast::div(a, b, n)
    }
    fn s_exp(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        super::fast::exp(a, n)
    }
    fn s_log(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        super::fast::log(a, n)
    }
    fn s_sin_cos(a: &[Self], n: usize) -> MResult<(Vec<Self>, Vec<Self>)> {
        super::fast::sin_cos(a, n)
    }
    fn s_sin(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        super::fast::sin(a, n)
    }
    fn s_cos(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        super::fast::cos(a, n)
    }
    fn s_tan(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        super::fast::tan(a, n)
    }
    fn s_pow(a: &[Self], alpha: &Self, n: usize) -> MResult<Vec<Self>> {
        super::fast::pow(a, alpha, n)
    }
}

impl Coeff for Expr {
    fn zero() -> Self {
        Expr::zero()
    }
    fn one() -> Self {
        Expr::one()
    }
    fn from_q(q: Q) -> Self {
        Expr::Num(q)
    }
    fn from_expr(e: &Expr) -> Option<Self> {
        Some(e.clone())
    }
    fn to_expr(&self) -> Expr {
        self.clone()
    }
    fn is_zero(&self) -> bool {
        Expr::is_zero(self)
    }
    fn add(&self, o: &Self) -> MResult<Self> {
        expr::add(vec![self.clone(), o.clone()])
    }
    fn sub(&self, o: &Self) -> MResult<Self> {
        expr::sub(self.clone(), o.clone())
    }
    fn mul(&self, o: &Self) -> MResult<Self> {
        // Products are expanded so that cancellation between coefficients is seen.
        expand(&expr::mul(vec![self.clone(), o.clone()])?)
    }
    fn div(&self, o: &Self) -> MResult<Self> {
        expand(&expr::div(self.clone(), o.clone())?)
    }
    fn mul_q(&self, q: &Q) -> MResult<Self> {
        expr::mul(vec![Expr::Num(q.clone()), self.clone()])
    }
}
