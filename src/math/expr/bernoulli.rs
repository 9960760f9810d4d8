//! Bernoulli numbers B_n and Euler numbers E_n, exact (DLMF 24.2.1, 24.2.6): B_1 = −1/2,
//! B_odd = 0 beyond B_1, E_odd = 0.
//!
//! Two methods, checked against each other in the tests:
//! - indices up to [`TABLE_LIMIT`]: the tangent and secant numbers of Brent–Harvey (*Fast
//!   computation of Bernoulli, tangent and secant numbers*, 2011), O(n²) small-integer
//!   multiply-adds on big integers, computed once and cached;
//! - larger indices, one number at a time: the zeta-function method, |B_2m| = 2 (2m)! ζ(2m) /
//!   (2π)^(2m) (DLMF 25.6.2) and |E_2m| = 2^(2m+2) (2m)! β(2m+1) / π^(2m+1) (β the Dirichlet
//!   beta function, the L-series of the character mod 4), with ζ and β as Euler products over
//!   the primes up to the point where the tail is below the working precision, the
//!   denominator of B_2m from
//!   von Staudt–Clausen (DLMF 24.10.1), and the numerator rounded only when the
//!   approximation is within 1/8 of an integer (it is, by a margin of many bits: the
//!   precision is the size of the result plus 64 bits). Cost: about (n / 17)/ln n prime
//!   powers at shrinking precision and a few full multiplications at n·log₂ n bits, so
//!   quasi-quadratic in the worst case but far below the table's O(n²) big-integer steps.
//!
//! Indices above [`MAX_INDEX`] are refused (the result would have millions of digits).

use super::MathError;
use crate::math::number::{primes_below, Q};
use rug::float::Round;
use rug::ops::{DivAssignRound, MulAssignRound, Pow, PowAssignRound};
use rug::{Float, Integer, Rational};
use std::sync::Mutex;

/// Largest index sigma computes: B_30000 has about 93,000 digits and takes about a second,
/// E_30000 about 100,000 digits and a few seconds (both interruptible between primes).
pub const MAX_INDEX: u64 = 30_000;
/// Indices up to this come from the cached table.
pub const TABLE_LIMIT: usize = 600;

/// B_0, B_2, …, B_(2k) and E_0, E_2, …, E_(2k) computed so far.
struct Table {
    bernoulli: Vec<Q>,
    euler: Vec<Integer>,
}

static TABLE: Mutex<Table> = Mutex::new(Table {
    bernoulli: Vec::new(),
    euler: Vec::new(),
});

fn too_large(what: &str, n: u64) -> MathError {
    MathError::TooLarge(format!(
        "{what}({n}) (indices up to {MAX_INDEX} are computed; its numerator would have about {} digits)",
        digits_estimate(n)
    ))
}

/// log₁₀ |B_n| ≈ n·log₁₀(n/(2πe)): the size of the numerator, for messages.
fn digits_estimate(n: u64) -> u64 {
    let x = n as f64;
    (x * (x / (2.0 * std::f64::consts::PI * std::f64::consts::E)).log10()).max(1.0) as u64
}

/// The Bernoulli number B_n (B_1 = −1/2).
pub fn bernoulli(n: u64) -> Result<Q, MathError> {
    match n {
        0 => return Ok(Q::one()),
        1 => return Ok(Q::frac(-1, 2)),
        _ if n % 2 == 1 => return Ok(Q::zero()),
        _ if n > MAX_INDEX => return Err(too_large("bernoulli", n)),
        _ => {}
    }
    if n as usize <= TABLE_LIMIT {
        return Ok(table(n as usize).0);
    }
    bernoulli_analytic(n)
}

/// The Euler number E_n (E_0 = 1, E_2 = −1, E_4 = 5, odd indices 0).
pub fn euler(n: u64) -> Result<Integer, MathError> {
    match n {
        0 => return Ok(Integer::from(1)),
        _ if n % 2 == 1 => return Ok(Integer::new()),
        _ if n > MAX_INDEX => return Err(too_large("euler", n)),
        _ => {}
    }
    if n as usize <= TABLE_LIMIT {
        return Ok(table(n as usize).1);
    }
    euler_analytic(n)
}

/// B_0 … B_n (the convention B_1 = −1/2), for callers that need them all.
pub fn bernoulli_list(n: usize) -> Result<Vec<Q>, MathError> {
    (0..=n as u64).map(bernoulli).collect()
}

/// (B_n, E_n) for even n ≤ [`TABLE_LIMIT`] from the cached table, extending it if needed.
fn table(n: usize) -> (Q, Integer) {
    let mut t = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    let k = n / 2;
    if t.bernoulli.len() <= k {
        let m = TABLE_LIMIT / 2;
        t.bernoulli = bernoulli_table(m);
        t.euler = secant_numbers(m)
            .into_iter()
            .enumerate()
            .map(|(i, s)| if i % 2 == 1 { -s } else { s })
            .collect();
    }
    (t.bernoulli[k].clone(), t.euler[k].clone())
}

/// Tangent numbers T_1 … T_m (tan x = Σ T_k x^(2k−1)/(2k−1)!), Brent–Harvey algorithm 2.
pub(crate) fn tangent_numbers(m: usize) -> Vec<Integer> {
    let mut t = vec![Integer::new(); m + 1];
    if m == 0 {
        return t;
    }
    t[1] = Integer::from(1);
    for k in 2..=m {
        t[k] = Integer::from(&t[k - 1] * (k - 1) as u64);
    }
    for k in 2..=m {
        for j in k..=m {
            let a = Integer::from(&t[j - 1] * (j - k) as u64);
            t[j] *= (j - k + 2) as u64;
            t[j] += a;
        }
    }
    t
}

/// Secant numbers S_0 … S_m = |E_0| … |E_2m| (sec x = Σ S_k x^(2k)/(2k)!), Brent–Harvey
/// algorithm 1.
fn secant_numbers(m: usize) -> Vec<Integer> {
    let mut s = vec![Integer::from(1); m + 1];
    for k in 1..=m {
        s[k] = Integer::from(&s[k - 1] * k as u64);
    }
    for k in 1..=m {
        for j in (k + 1)..=m {
            let a = Integer::from(&s[j - 1] * (j - k) as u64);
            s[j] *= (j - k + 1) as u64;
            s[j] += a;
        }
    }
    s
}

/// B_0, B_2, …, B_2m from the tangent numbers: B_2k = (−1)^(k−1)·2k·T_k/(4^k (4^k − 1)).
fn bernoulli_table(m: usize) -> Vec<Q> {
    let t = tangent_numbers(m);
    let mut out = vec![Q::one()];
    for (k, tk) in t.iter().enumerate().skip(1) {
        let four = Integer::from(1) << (2 * k as u32);
        let den = &four * Integer::from(&four - 1u32);
        let num = Integer::from(tk * (2 * k) as u64);
        let q = Q(Rational::from((num, den)));
        out.push(if k % 2 == 0 { q.neg() } else { q });
    }
    out
}

/// The Euler product Π_p (1 − χ(p) p^(−s))^(−1) over primes p with χ(p) ≠ 0, to relative
/// precision about 2^(−prec), for s ≥ 3: ζ(s) with χ = 1, β(s) with χ the character mod 4.
/// Each p^(−s) is computed only to the absolute precision it contributes (tiny terms cheaply);
/// the primes stop where p^(−s) < 2^(−prec−8).
fn euler_product(s: u64, prec: u32, chi: fn(u64) -> i32) -> Result<Float, MathError> {
    // p^(−s) < 2^(−prec−8) once s·log₂ p > prec + 8.
    let bound = (((prec + 8) as f64 / s as f64).exp2().ceil()).max(3.0);
    if bound > 1e8 {
        return Err(MathError::Unsupported(format!(
            "the Euler product for index {s} needs too many primes"
        )));
    }
    // bound ≤ 10^8 (checked above).
    let bound = bound as u32;
    let mut inv = Float::with_val(prec, 1); // Π (1 − χ(p) p^(−s)) = 1/product
    if s > i32::MAX as u64 {
        return Err(MathError::TooLarge(format!("an Euler product at {s}")));
    }
    for p in primes_below(bound + 1).into_iter().map(u64::from) {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        let c = chi(p);
        if c == 0 {
            continue;
        }
        // inv·(1 ∓ p^(−s)) = inv ∓ inv·p^(−s): the correction is below 2^(−mag) relative to
        // inv, so it is computed with only the bits that reach the working precision.
        let mag = s as f64 * (p as f64).log2();
        let need = (prec as f64 + 16.0 - mag).max(32.0) as u32;
        let mut t = Float::with_val(need, p);
        t.pow_assign_round(-(s as i32), Round::Nearest);
        t.mul_assign_round(&inv, Round::Nearest);
        if c > 0 {
            inv -= &t;
        } else {
            inv += &t;
        }
    }
    Ok(Float::with_val(prec, 1) / inv)
}

/// The nearest integer to `x` when `x` is within 1/8 of it; otherwise an error (the
/// precision was not enough, which the margins make impossible in practice).
fn certain_round(x: &Float, what: &str) -> Result<Integer, MathError> {
    let r = Float::with_val(x.prec(), x.round_ref());
    let gap = Float::with_val(x.prec(), x - &r).abs();
    if gap > 0.125 {
        return Err(MathError::Unsupported(format!(
            "{what} could not be rounded with certainty"
        )));
    }
    r.to_integer()
        .ok_or_else(|| MathError::Unsupported(format!("{what} is not finite")))
}

/// Working precision for a result of about `bits` bits.
fn precision_for(bits: f64) -> u32 {
    (bits.max(0.0) as u32).saturating_add(96)
}

/// B_n for even n ≥ 2 by the zeta-function method.
fn bernoulli_analytic(n: u64) -> Result<Q, MathError> {
    // von Staudt–Clausen: the denominator is the product of the primes p with (p − 1) | n.
    let mut den = Integer::from(1);
    // n ≤ MAX_INDEX.
    for p in primes_below(n as u32 + 2).into_iter().map(u64::from) {
        if n.is_multiple_of(p - 1) {
            den *= p;
        }
    }
    let x = n as f64;
    let log2_b = x * (x / (2.0 * std::f64::consts::PI * std::f64::consts::E)).log2()
        + 0.5 * (x * std::f64::consts::PI).log2()
        + 2.0;
    let prec = precision_for(log2_b + den.significant_bits() as f64);
    let zeta = euler_product(n, prec, |_| 1)?;
    // |B_n|·den = 2·n!·ζ(n)·den/(2π)^n
    let mut v = Float::with_val(prec, Integer::from(Integer::factorial(n as u32)));
    v *= &zeta;
    v *= 2u32;
    v *= &den;
    let two_pi = Float::with_val(prec, rug::float::Constant::Pi) * 2u32;
    let denom = two_pi.pow(n);
    v.div_assign_round(&denom, Round::Nearest);
    let mut num = certain_round(&v, &format!("bernoulli({n})"))?;
    if n.is_multiple_of(4) {
        num = -num;
    }
    Ok(Q(Rational::from((num, den))))
}

/// E_n for even n ≥ 2 by the Dirichlet beta function.
fn euler_analytic(n: u64) -> Result<Integer, MathError> {
    let x = n as f64;
    let log2_e =
        x * (2.0 * x / (std::f64::consts::PI * std::f64::consts::E)).log2() + 0.5 * x.log2() + 4.0;
    let prec = precision_for(log2_e);
    let chi = |p: u64| match p % 4 {
        1 => 1,
        3 => -1,
        _ => 0,
    };
    let beta = euler_product(n + 1, prec, chi)?;
    // |E_n| = 2^(n+2)·n!·β(n+1)/π^(n+1)
    let mut v = Float::with_val(prec, Integer::from(Integer::factorial(n as u32)));
    v *= &beta;
    v <<= (n + 2) as u32;
    let pi = Float::with_val(prec, rug::float::Constant::Pi);
    v.div_assign_round(&pi.pow(n + 1), Round::Nearest);
    let num = certain_round(&v, &format!("euler({n})"))?;
    Ok(if n % 4 == 2 { -num } else { num })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_values() {
        // DLMF table 24.2.1 / 24.2.2.
        assert_eq!(bernoulli(2), Ok(Q::frac(1, 6)));
        assert_eq!(bernoulli(4), Ok(Q::frac(-1, 30)));
        assert_eq!(bernoulli(12), Ok(Q::frac(-691, 2730)));
        assert_eq!(euler(2), Ok(Integer::from(-1)));
        assert_eq!(euler(6), Ok(Integer::from(-61)));
        assert_eq!(euler(10), Ok(Integer::from(-50521)));
    }

    #[test]
    fn analytic_method_agrees_with_the_table() {
        for n in (10..=TABLE_LIMIT as u64).step_by(2) {
            assert_eq!(bernoulli_analytic(n), bernoulli(n), "B_{n}");
            assert_eq!(euler_analytic(n), euler(n), "E_{n}");
        }
    }
}
