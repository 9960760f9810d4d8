//! An independent second implementation of the series operations, for cross-checking the fast
//! one (the FLINT habit): plain O(n²) recurrences over num-rational's `BigRational`, one
//! canonical rational per coefficient, sharing no code with the rug-based modules. `tan` solves
//! `T' = a'·(1 + T²)` directly instead of dividing sine by cosine. Imports num-bigint,
//! num-rational, num-traits, and rug only for the conversions.

use crate::math::expr::MathError;
use crate::math::number::Q;
use num_bigint::{BigInt, Sign};
use num_rational::BigRational;
use num_traits::{One, Zero};
use rug::integer::Order;
use rug::Integer;

/// A series coefficient in this implementation.
pub type R = BigRational;

/// Converts a rug integer to a num-bigint one.
fn big(i: &Integer) -> BigInt {
    let sign = match i.cmp0() {
        std::cmp::Ordering::Less => Sign::Minus,
        std::cmp::Ordering::Equal => Sign::NoSign,
        std::cmp::Ordering::Greater => Sign::Plus,
    };
    BigInt::new(sign, i.to_digits::<u32>(Order::Lsf))
}

/// `Q → BigRational`.
pub fn to_big(q: &Q) -> R {
    R::new(big(q.numer()), big(q.denom()))
}

/// `BigRational → Q`.
pub fn from_big(r: &R) -> Q {
    let conv = |b: &BigInt| {
        let (sign, digits) = b.to_u32_digits();
        let m = Integer::from_digits(&digits, Order::Lsf);
        if sign == Sign::Minus {
            -m
        } else {
            m
        }
    };
    Q(rug::Rational::from((conv(r.numer()), conv(r.denom()))))
}

/// Coefficient `k` of `a` (zero past its end).
fn at(a: &[R], k: usize) -> R {
    a.get(k).cloned().unwrap_or_else(R::zero)
}

fn int(k: usize) -> R {
    R::from_integer(BigInt::from(k))
}

/// `a·b mod x^n` by the convolution sum.
pub fn mul(a: &[R], b: &[R], n: usize) -> Vec<R> {
    (0..n)
        .map(|k| (0..=k).fold(R::zero(), |s, j| s + at(a, j) * at(b, k - j)))
        .collect()
}

/// `a/b mod x^n` by `b₀·q_k = a_k − Σ_{j≥1} b_j·q_{k−j}`.
pub fn div(a: &[R], b: &[R], n: usize) -> Result<Vec<R>, MathError> {
    let b0 = at(b, 0);
    if b0.is_zero() {
        return Err(MathError::DivisionByZero);
    }
    let mut q: Vec<R> = Vec::with_capacity(n);
    for k in 0..n {
        let s = (1..=k).fold(at(a, k), |s, j| s - at(b, j) * &q[k - j]);
        q.push(s / &b0);
    }
    Ok(q)
}

/// `1/a mod x^n`.
pub fn inv(a: &[R], n: usize) -> Result<Vec<R>, MathError> {
    div(&[R::one()], a, n)
}

/// `a' mod x^n`.
pub fn derivative(a: &[R], n: usize) -> Vec<R> {
    (0..n).map(|k| at(a, k + 1) * int(k + 1)).collect()
}

/// `∫₀ˣ a mod x^n`.
pub fn integral(a: &[R], n: usize) -> Vec<R> {
    (0..n)
        .map(|k| {
            if k == 0 {
                R::zero()
            } else {
                at(a, k - 1) / int(k)
            }
        })
        .collect()
}

fn need_constant(a: &[R], c: i32) -> Result<(), MathError> {
    if at(a, 0) == R::from_integer(BigInt::from(c)) {
        Ok(())
    } else {
        Err(MathError::Domain(format!("constant term must be {c}")))
    }
}

/// `exp(a) mod x^n` by `k·f_k = Σ j·a_j·f_{k−j}`.
pub fn exp(a: &[R], n: usize) -> Result<Vec<R>, MathError> {
    need_constant(a, 0)?;
    let mut f: Vec<R> = Vec::with_capacity(n);
    for k in 0..n {
        if k == 0 {
            f.push(R::one());
            continue;
        }
        let s = (1..=k).fold(R::zero(), |s, j| s + at(a, j) * int(j) * &f[k - j]);
        f.push(s / int(k));
    }
    Ok(f)
}

/// `log(a) mod x^n` as `∫ a'/a`.
pub fn log(a: &[R], n: usize) -> Result<Vec<R>, MathError> {
    need_constant(a, 1)?;
    let q = div(&derivative(a, n), a, n)?;
    Ok(integral(&q, n))
}

/// `(sin a, cos a) mod x^n` by `k·s_k = Σ j·a_j·c_{k−j}`, `k·c_k = −Σ j·a_j·s_{k−j}`.
pub fn sin_cos(a: &[R], n: usize) -> Result<(Vec<R>, Vec<R>), MathError> {
    need_constant(a, 0)?;
    let (mut s, mut c): (Vec<R>, Vec<R>) = (Vec::new(), Vec::new());
    for k in 0..n {
        if k == 0 {
            s.push(R::zero());
            c.push(R::one());
            continue;
        }
        let mut ts = R::zero();
        let mut tc = R::zero();
        for j in 1..=k {
            let w = at(a, j) * int(j);
            ts += &w * &c[k - j];
            tc -= w * &s[k - j];
        }
        s.push(ts / int(k));
        c.push(tc / int(k));
    }
    Ok((s, c))
}

/// `tan a mod x^n` from `T' = a'·(1 + T²)`.
pub fn tan(a: &[R], n: usize) -> Result<Vec<R>, MathError> {
    need_constant(a, 0)?;
    let mut t: Vec<R> = Vec::with_capacity(n);
    // sq[m] = [x^m](1 + T²), filled once T_0..T_m are known.
    let mut sq: Vec<R> = Vec::with_capacity(n);
    for k in 0..n {
        if k == 0 {
            t.push(R::zero());
        } else {
            let s = (1..=k).fold(R::zero(), |s, j| s + at(a, j) * int(j) * &sq[k - j]);
            t.push(s / int(k));
        }
        let m = k;
        let mut v = (0..=m).fold(R::zero(), |s, i| s + &t[i] * &t[m - i]);
        if m == 0 {
            v += R::one();
        }
        sq.push(v);
    }
    Ok(t)
}

/// `atan a mod x^n` as `∫ a'/(1 + a²)`.
pub fn atan(a: &[R], n: usize) -> Result<Vec<R>, MathError> {
    need_constant(a, 0)?;
    let mut d = mul(a, a, n.max(1));
    d[0] += R::one();
    let q = div(&derivative(a, n), &d, n)?;
    Ok(integral(&q, n))
}

/// `a^e mod x^n` for `a₀ = 1` by `k·f_k = Σ_{j≥1} (e·j − (k − j))·a_j·f_{k−j}` (Miller).
pub fn pow(a: &[R], e: &R, n: usize) -> Result<Vec<R>, MathError> {
    need_constant(a, 1)?;
    let mut f: Vec<R> = Vec::with_capacity(n);
    for k in 0..n {
        if k == 0 {
            f.push(R::one());
            continue;
        }
        let s = (1..=k).fold(R::zero(), |s, j| {
            s + (e * int(j) - int(k - j)) * at(a, j) * &f[k - j]
        });
        f.push(s / int(k));
    }
    Ok(f)
}

/// `a(b) mod x^n` for `b₀ = 0`, by Horner's rule.
pub fn compose(a: &[R], b: &[R], n: usize) -> Result<Vec<R>, MathError> {
    if !at(b, 0).is_zero() {
        return Err(MathError::Domain("inner constant term must be 0".into()));
    }
    let mut r = vec![R::zero(); n];
    for c in a.iter().take(n).rev() {
        r = mul(&r, b, n);
        if let Some(r0) = r.first_mut() {
            *r0 += c;
        }
    }
    Ok(r)
}
