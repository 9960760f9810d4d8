//! Composition `a(b(x)) mod x^n` (`b₀ = 0`) and powers `a^e` on the common-denominator
//! representation. Composition is Paterson–Stockmeyer: with `k ≈ √len(a)` baby steps
//! `b, b², ..., b^k`, each block `Σ_{i<k} a_{jk+i}·b^i` is a linear combination, and the blocks
//! are combined by Horner's rule in `b^k` — about `2√len(a)` series products instead of
//! `len(a)`. Imports [`QPoly`], the dispatching helpers of the parent and the interrupt flag.

use super::basecase::{self, Recurrence};
use super::intpoly::QPoly;
use super::newton;
use crate::math::expr::MathError;
use crate::math::interrupted;
use crate::math::number::Q;
use rug::Integer;

fn poll() -> Result<(), MathError> {
    if interrupted() {
        Err(MathError::Interrupted)
    } else {
        Ok(())
    }
}

/// Integer exponents up to this size use binary powering on dense inputs.
const MAX_BINARY_POWER: u64 = 64;

/// `Σ c_i·p_i` over one common denominator, skipping zero scalars (`len` coefficients).
fn linear_combination(cs: &[Q], ps: &[QPoly], len: usize) -> QPoly {
    let mut den = Integer::from(1);
    for (c, p) in cs.iter().zip(ps) {
        if !c.is_zero() {
            let d = Integer::from(c.denom() * &p.den);
            if !den.is_divisible(&d) {
                den.lcm_mut(&d);
            }
        }
    }
    let mut num = vec![Integer::new(); len];
    for (c, p) in cs.iter().zip(ps) {
        if c.is_zero() {
            continue;
        }
        let d = Integer::from(c.denom() * &p.den);
        let f = Integer::from(den.div_exact_ref(&d)) * c.numer();
        for (acc, x) in num.iter_mut().zip(&p.num) {
            if x.cmp0() != std::cmp::Ordering::Equal {
                *acc += x * &f;
            }
        }
    }
    let mut q = QPoly { num, den };
    q.canonicalise();
    q
}

/// `a(b) mod x^n` for `b₀ = 0`; `a` is given by its (canonical) coefficients.
pub fn compose(a: &[Q], b: &QPoly, n: usize) -> Result<QPoly, MathError> {
    let mut out = QPoly::zero(n);
    if n == 0 {
        return Ok(out);
    }
    let Some(r) = b.valuation(n) else {
        // b = 0: only the constant term survives.
        return Ok(QPoly::from_q(&a[..a.len().min(1)], n));
    };
    // b^k = O(x^(k·r)), so only the terms k < n/r matter.
    let la = a.len().min((n - 1) / r + 1);
    let d = b.stride_from(0, n);
    if d > 1 && r % d == 0 {
        let len = n.div_ceil(d);
        return Ok(compose(a, &b.compress(0, d, n), len)?.expand(0, d, n));
    }
    if la <= 1 {
        return Ok(QPoly::from_q(&a[..la], n));
    }
    let k = ((la as f64).sqrt().ceil() as usize).max(2);
    // Baby steps: powers[i] = b^i, i = 0..=k.
    let mut powers = vec![QPoly::one(n), b.prefix(n)];
    while powers.len() <= k {
        poll()?;
        let last = &powers[powers.len() - 1];
        let next = super::mul_q(last, b, n);
        powers.push(next);
    }
    let giant = powers[k].clone();
    let blocks = la.div_ceil(k);
    for j in (0..blocks).rev() {
        poll()?;
        let lo = j * k;
        let hi = ((j + 1) * k).min(la);
        let block = linear_combination(&a[lo..hi], &powers[..hi - lo], n);
        out = if j + 1 == blocks {
            block
        } else {
            super::mul_q(&out, &giant, n).add(&block)
        };
    }
    out.resize(n);
    Ok(out)
}

/// `a^e mod x^n` for `a₀ = 1` and rational `e`.
pub fn pow(a: &QPoly, e: &Q, n: usize) -> Result<QPoly, MathError> {
    if n == 0 {
        return Ok(QPoly::zero(0));
    }
    if e.is_zero() {
        return Ok(QPoly::one(n));
    }
    let lead = Integer::from(&a.den * e.denom());
    if basecase::prefer_recurrence(a, n, &lead, Recurrence::Derivative) {
        return basecase::pow(&a.prefix(n), e.numer(), e.denom(), n);
    }
    if e.is_integer() {
        if let Some(k) = e.numer().to_u64().filter(|&k| k <= MAX_BINARY_POWER) {
            let base = a.prefix(n);
            let mut acc: Option<QPoly> = None;
            for bit in (0..u64::BITS - k.leading_zeros()).rev() {
                poll()?;
                if let Some(x) = acc.take() {
                    acc = Some(super::mul_q(&x, &x, n));
                }
                if (k >> bit) & 1 == 1 {
                    acc = Some(match acc.take() {
                        Some(x) => super::mul_q(&x, &base, n),
                        None => base.clone(),
                    });
                }
            }
            return Ok(acc.unwrap_or_else(|| QPoly::one(n)));
        }
        if *e.numer() == -1 {
            return super::div_q(&QPoly::one(1), a, n);
        }
    }
    let l = newton::log(a, n)?;
    poll()?;
    super::exp_q(&l.scale(e), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qp(v: &[i64], n: usize) -> QPoly {
        let q: Vec<Q> = v.iter().map(|&x| Q::int(x)).collect();
        QPoly::from_q(&q, n)
    }

    #[test]
    fn compose_geometric() {
        // 1/(1 − y) at y = x + x² is 1/(1 − x − x²): Fibonacci numbers.
        let a: Vec<Q> = vec![Q::one(); 12];
        let b = qp(&[0, 1, 1], 12);
        let f = compose(&a, &b, 12).unwrap().to_q();
        let fib = [1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144];
        assert_eq!(f, fib.iter().map(|&v| Q::int(v)).collect::<Vec<_>>());
    }

    #[test]
    fn binary_power_matches_recurrence() {
        let a: Vec<Q> = (0..40).map(|k| Q::frac(1 + k % 4, 1 + k)).collect();
        let mut a = a;
        a[0] = Q::one();
        let p = QPoly::from_q(&a, 40);
        let fast = pow(&p, &Q::int(5), 40).unwrap();
        let slow = basecase::pow(&p, &Integer::from(5), &Integer::from(1), 40).unwrap();
        assert_eq!(fast.to_q(), slow.to_q());
    }
}
