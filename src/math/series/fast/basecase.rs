//! Quadratic-time recurrences on the common-denominator representation, used for short
//! series and for inputs with few nonzero terms (then they cost O(n·terms)): each result is
//! built over a denominator fixed in advance (`(n−1)!·den^(n−1)`, `b₀^n`, ...) so that every
//! step is one exact integer division. Imports [`QPoly`], `rug` and the interrupt flag.

use super::intpoly::{self, QPoly};
use crate::math::expr::MathError;
use crate::math::interrupted;
use rug::ops::Pow;
use rug::{Assign, Integer};
use std::cmp::Ordering;

/// Indices and values of the nonzero numerators of `p` with index ≥ `from`.
fn support(p: &QPoly, from: usize) -> Vec<(usize, &Integer)> {
    p.num
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(_, c)| c.cmp0() != Ordering::Equal)
        .collect()
}

fn poll() -> Result<(), MathError> {
    if interrupted() {
        Err(MathError::Interrupted)
    } else {
        Ok(())
    }
}

/// Refuses a recurrence over a denominator of about `(n−1)·step_bits` bits whose `n`
/// numerators would not fit in memory (this also keeps `n − 1` within `u32`).
fn check(n: usize, step_bits: u64) -> Result<(), MathError> {
    let per = (n as u64).saturating_mul(step_bits);
    intpoly::check_size(n, per)
}

/// `(n−1)!·d^(n−1)`, the denominator the derivative recurrences work over.
fn fact_den(d: &Integer, n: usize) -> Result<Integer, MathError> {
    let log_n = u64::from(usize::BITS - n.leading_zeros());
    check(n, log_n + u64::from(d.significant_bits()) + 1)?;
    let e = (n - 1) as u32;
    Ok(Integer::from(Integer::factorial(e)) * Integer::from(d.pow(e)))
}

/// Makes the denominator positive (flipping all signs) and canonicalises.
fn finish(mut num: Vec<Integer>, mut den: Integer) -> QPoly {
    if den.cmp0() == Ordering::Less {
        den = -den;
        for c in &mut num {
            *c = -std::mem::take(c);
        }
    }
    let mut p = QPoly { num, den };
    p.canonicalise();
    p
}

/// `exp(a) mod x^n` for `a₀ = 0`, from `f' = a'·f`: `k·f_k = Σ j·a_j·f_{k−j}`.
pub fn exp(a: &QPoly, n: usize) -> Result<QPoly, MathError> {
    if n == 0 {
        return Ok(QPoly::zero(0));
    }
    let terms: Vec<(usize, Integer)> = support(a, 1)
        .into_iter()
        .filter(|&(j, _)| j < n)
        .map(|(j, c)| (j, Integer::from(c * j as u64)))
        .collect();
    let den = fact_den(&a.den, n)?;
    let mut f = vec![Integer::new(); n];
    f[0].clone_from(&den);
    let mut t = Integer::new();
    for k in 1..n {
        poll()?;
        t.assign(0);
        for (j, c) in terms.iter().take_while(|(j, _)| *j <= k) {
            t += c * &f[k - j];
        }
        if t.cmp0() != Ordering::Equal {
            t.div_exact_mut(&Integer::from(&a.den * k as u64));
            f[k].clone_from(&t);
        }
    }
    Ok(finish(f, den))
}

/// `(sin a, cos a) mod x^n` for `a₀ = 0`, from `s' = a'·c`, `c' = −a'·s`.
pub fn sin_cos(a: &QPoly, n: usize) -> Result<(QPoly, QPoly), MathError> {
    if n == 0 {
        return Ok((QPoly::zero(0), QPoly::zero(0)));
    }
    let terms: Vec<(usize, Integer)> = support(a, 1)
        .into_iter()
        .filter(|&(j, _)| j < n)
        .map(|(j, c)| (j, Integer::from(c * j as u64)))
        .collect();
    let den = fact_den(&a.den, n)?;
    let mut s = vec![Integer::new(); n];
    let mut c = vec![Integer::new(); n];
    c[0].clone_from(&den);
    let (mut t, mut u) = (Integer::new(), Integer::new());
    for k in 1..n {
        poll()?;
        t.assign(0);
        u.assign(0);
        for (j, x) in terms.iter().take_while(|(j, _)| *j <= k) {
            t += x * &c[k - j];
            u -= x * &s[k - j];
        }
        let d = Integer::from(&a.den * k as u64);
        if t.cmp0() != Ordering::Equal {
            s[k] = Integer::from(t.div_exact_ref(&d));
        }
        if u.cmp0() != Ordering::Equal {
            c[k] = Integer::from(u.div_exact_ref(&d));
        }
    }
    Ok((finish(s, den.clone()), finish(c, den)))
}

/// `a/b mod x^n` ([`MathError::DivisionByZero`] when `b₀ = 0`), from
/// `b₀·q_k = a_k − Σ_{j≥1} b_j·q_{k−j}` over the denominator `den(a)·b₀^n`. With `a = None`
/// this is `1/b`.
pub fn div(a: Option<&QPoly>, b: &QPoly, n: usize) -> Result<QPoly, MathError> {
    if n == 0 {
        return Ok(QPoly::zero(0));
    }
    let b0 = b.num.first().cloned().unwrap_or_default();
    if b0.cmp0() == Ordering::Equal {
        return Err(MathError::DivisionByZero);
    }
    let terms: Vec<(usize, &Integer)> = support(b, 1).into_iter().filter(|&(j, _)| j < n).collect();
    // q = (db/da)·A/B; Q_k = q_k·da·b0^n = db·A_k·b0^(n−1) − (Σ B_j Q_{k−j})/b0.
    let scale = Integer::from(&b.den * &Integer::from((&b0).pow((n - 1) as u32)));
    let (anum, aden): (&[Integer], Integer) = match a {
        Some(a) => (&a.num, a.den.clone()),
        None => (&[], Integer::from(1)),
    };
    let one = [Integer::from(1)];
    let anum = if a.is_none() { &one[..] } else { anum };
    if b0.significant_bits() > 1 {
        check(n, u64::from(b0.significant_bits()))?;
    }
    let den = Integer::from(&aden * &b0) * Integer::from((&b0).pow((n - 1) as u32));
    let mut q = vec![Integer::new(); n];
    let mut t = Integer::new();
    for k in 0..n {
        poll()?;
        t.assign(0);
        for (j, x) in terms.iter().take_while(|(j, _)| *j <= k) {
            t += *x * &q[k - j];
        }
        if t.cmp0() != Ordering::Equal {
            t.div_exact_mut(&b0);
        }
        let mut v = match anum.get(k) {
            Some(x) if x.cmp0() != Ordering::Equal => Integer::from(x * &scale),
            _ => Integer::new(),
        };
        v -= &t;
        q[k] = v;
    }
    Ok(finish(q, den))
}

/// `a^(p/q) mod x^n` for `a₀ = 1`, from `a·f' = e·a'·f` (J. C. P. Miller):
/// `k·a₀·f_k = Σ_{j≥1} (e·j − (k − j))·a_j·f_{k−j}`.
pub fn pow(a: &QPoly, p: &Integer, q: &Integer, n: usize) -> Result<QPoly, MathError> {
    if n == 0 {
        return Ok(QPoly::zero(0));
    }
    // a₀ = 1 means num[0] = den.
    let a0 = a.num.first().cloned().unwrap_or_default();
    if a0.cmp0() == Ordering::Equal {
        return Err(MathError::Domain(
            "the series power needs a nonzero constant term".into(),
        ));
    }
    let terms: Vec<(usize, &Integer)> = support(a, 1).into_iter().filter(|&(j, _)| j < n).collect();
    let log_n = u64::from(usize::BITS - n.leading_zeros());
    check(
        n,
        log_n + u64::from(q.significant_bits() + a0.significant_bits()) + 1,
    )?;
    let e = (n - 1) as u32;
    let den = Integer::from(Integer::factorial(e))
        * Integer::from(q.pow(e))
        * Integer::from((&a0).pow(e));
    let pq = Integer::from(p + q);
    let mut f = vec![Integer::new(); n];
    f[0].clone_from(&den);
    let mut t = Integer::new();
    for k in 1..n {
        poll()?;
        t.assign(0);
        for (j, x) in terms.iter().take_while(|(j, _)| *j <= k) {
            // ((p+q)·j − q·k)·a_j·f_{k−j}
            let w = Integer::from(&pq * *j as u64) - Integer::from(q * k as u64);
            if w.cmp0() != Ordering::Equal {
                t += w * Integer::from(*x * &f[k - j]);
            }
        }
        if t.cmp0() != Ordering::Equal {
            let d = Integer::from(q * k as u64) * &a0;
            f[k] = Integer::from(t.div_exact_ref(&d));
        }
    }
    Ok(finish(f, den))
}

/// Which recurrence a cost estimate is for: the derivative recurrences (`exp`, `sin_cos`,
/// `pow`) work over `(n−1)!·lead^(n−1)`, the quotient over `lead^n` — both numerators grow
/// with `bits(lead)` per step, which is what makes them lose to Newton on dense inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recurrence {
    /// `exp`, `sin_cos`, `pow`; `lead` is the input's denominator.
    Derivative,
    /// `div`, `inv`; `lead` is the divisor's constant numerator.
    Quotient,
}

/// Whether the O(n·terms) recurrence is expected to beat Newton iteration on the first `n`
/// coefficients of `p` (measured crossovers, n ≈ 1000): always for short outputs; for small
/// `lead`, while terms × coefficient bits stays small; for large `lead` (where the fixed
/// denominator `lead^n` grossly overestimates the true one) only for a handful of terms.
pub fn prefer_recurrence(p: &QPoly, n: usize, lead: &Integer, kind: Recurrence) -> bool {
    if n <= super::newton::CUTOFF {
        return true;
    }
    let mut terms = 0u64;
    let mut bits = 0u64;
    for c in p.num.iter().take(n).filter(|c| c.cmp0() != Ordering::Equal) {
        terms += 1;
        bits = bits.max(u64::from(c.significant_bits()));
    }
    let lead_bits = u64::from(lead.significant_bits());
    let (small_budget, big_budget) = match kind {
        Recurrence::Derivative => (6000, 400),
        Recurrence::Quotient => (800, 160),
    };
    if lead_bits <= 16 {
        terms * bits.max(8) <= small_budget
    } else {
        terms <= 8 && terms * lead_bits <= big_budget
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::number::Q;

    fn qp(v: &[(i64, i64)], n: usize) -> QPoly {
        let q: Vec<Q> = v.iter().map(|&(a, b)| Q::frac(a, b)).collect();
        QPoly::from_q(&q, n)
    }

    #[test]
    fn exp_of_x() {
        let e = exp(&qp(&[(0, 1), (1, 1)], 2), 6).unwrap().to_q();
        let want: Vec<Q> = [1, 1, 2, 6, 24, 120]
            .iter()
            .map(|&d| Q::frac(1, d))
            .collect();
        assert_eq!(e, want);
    }

    #[test]
    fn fibonacci_and_division() {
        let b = qp(&[(1, 1), (-1, 1), (-1, 1)], 3);
        let f = div(None, &b, 10).unwrap().to_q();
        let fib: Vec<Q> = [1, 1, 2, 3, 5, 8, 13, 21, 34, 55]
            .iter()
            .map(|&v| Q::int(v))
            .collect();
        assert_eq!(f, fib);
        let a = qp(&[(1, 2), (1, 3)], 2);
        let b = qp(&[(2, 3), (1, 5)], 2);
        let q = div(Some(&a), &b, 3).unwrap().to_q();
        // (1/2 + x/3)/(2/3 + x/5) = 3/4 + 11/40 x − 33/400 x² + ...
        assert_eq!(q, vec![Q::frac(3, 4), Q::frac(11, 40), Q::frac(-33, 400)]);
    }

    #[test]
    fn sqrt_catalan() {
        // (1 − 4x)^(1/2) = 1 − 2x − 2x² − 4x³ − 10x⁴
        let a = qp(&[(1, 1), (-4, 1)], 2);
        let r = pow(&a, &Integer::from(1), &Integer::from(2), 5)
            .unwrap()
            .to_q();
        let want: Vec<Q> = [1, -2, -2, -4, -10].iter().map(|&v| Q::int(v)).collect();
        assert_eq!(r, want);
    }
}
