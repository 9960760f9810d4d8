//! Exact values of the number-theoretic functions: harmonic numbers H_n (rational at
//! non-negative integers, `c − 2 ln 2` at half-integers, poles at negative integers),
//! Fibonacci numbers F_n at integers, and `floor`/`ceiling` (exact at rationals, at other real
//! constants decided by a certified enclosure, the identities ⌊u + k⌋ = ⌊u⌋ + k and
//! ⌊−u⌋ = −⌈u⌉ everywhere).

use super::canon::{add, mul, neg, sub};
use super::{Constant, Expr, Func, MResult, MathError};
use crate::math::number::{self, Q};
use rug::Integer;

/// Largest n for which H_n is computed exactly: its numerator and denominator have about
/// 1.44·n bits each (the denominator divides lcm(1, …, n) ≈ e^n, DLMF 27.2.9 ff.).
pub const MAX_HARMONIC: u64 = 1_000_000;

/// Largest |k| at which H at a half-integer k − 1/2 is written exactly.
const MAX_HALF: i64 = 100_000;

/// Bits of F_n per unit of n: log₂ φ = 0.6942… (F_n ≈ φ^n/√5).
const FIB_BITS_PER_N: f64 = 0.694_241_913_630_617_3;

/// The exact value of `f(x)` for the functions of this module, `None` to keep it symbolic.
pub(super) fn special(f: Func, x: &Expr) -> MResult<Option<Expr>> {
    match f {
        Func::Harmonic => harmonic(x),
        Func::Fibonacci => fibonacci(x),
        Func::Floor | Func::Ceiling => floor_ceiling(f == Func::Floor, x),
        _ => Ok(None),
    }
}

/// H_x: exact at non-negative integers (binary splitting) and half-integers; `oo` at `oo`;
/// an error at the poles −1, −2, …
fn harmonic(x: &Expr) -> MResult<Option<Expr>> {
    if *x == Expr::infinity() {
        return Ok(Some(Expr::infinity()));
    }
    if *x == Expr::neg_infinity() {
        return Err(MathError::Domain(
            "harmonic(-oo) is undefined (no limit: poles at every negative integer)".into(),
        ));
    }
    let Some(q) = x.as_num() else {
        return Ok(None);
    };
    if q.is_integer() {
        if q.is_negative() {
            return Err(MathError::Domain(format!(
                "harmonic({q}) is undefined (a pole: H_x = ψ(x + 1) + γ has poles at the negative integers)"
            )));
        }
        let n = q
            .numer()
            .to_u64()
            .filter(|n| *n <= MAX_HARMONIC)
            .ok_or_else(|| too_large_harmonic(q))?;
        return Ok(Some(Expr::Num(harmonic_number(n)?)));
    }
    if *q.denom() == 2 {
        return half_integer(q).map(Some);
    }
    Ok(None)
}

fn too_large_harmonic(q: &Q) -> MathError {
    MathError::TooLarge(format!("harmonic({q}), past n = {MAX_HARMONIC},"))
}

/// H_n = Σ_{k=1}^{n} 1/k in lowest terms, by binary splitting: Σ_{a<k≤b} 1/k = P/Q with
/// Q = (a+1)…b, halves combined as P₁Q₂ + P₂Q₁; one gcd at the end.
pub fn harmonic_number(n: u64) -> MResult<Q> {
    if n > MAX_HARMONIC {
        return Err(too_large_harmonic(&Q::int(n as i64)));
    }
    if n == 0 {
        return Ok(Q::zero());
    }
    let (p, q) = split(0, n)?;
    Ok(Q(rug::Rational::from((p, q))))
}

/// Σ_{a<k≤b} 1/k as (P, Q), Q = (a+1)(a+2)…b.
fn split(a: u64, b: u64) -> MResult<(Integer, Integer)> {
    if b - a <= 16 {
        let mut p = Integer::new();
        let mut q = Integer::from(1);
        for k in a + 1..=b {
            // p/q + 1/k = (p·k + q)/(q·k)
            p *= k;
            p += &q;
            q *= k;
        }
        return Ok((p, q));
    }
    if b - a >= 4096 && crate::math::interrupted() {
        return Err(MathError::Interrupted);
    }
    let m = a + (b - a) / 2;
    let (p1, q1) = split(a, m)?;
    let (p2, q2) = split(m, b)?;
    Ok((p1 * &q2 + p2 * &q1, q1 * q2))
}

/// H_(m − 1/2) = 2·Σ_{i=1}^{m} 1/(2i − 1) − 2 ln 2 for m ≥ 0 (DLMF 5.4.15 with
/// H_x = ψ(x + 1) + γ), and H_(x − 1) = H_x − 1/x below.
fn half_integer(q: &Q) -> MResult<Expr> {
    let m = q
        .add(&Q::frac(1, 2))
        .to_i64()
        .filter(|m| m.abs() <= MAX_HALF)
        .ok_or_else(|| MathError::TooLarge(format!("harmonic({q})")))?;
    let mut c = Q::zero();
    for i in 1..=m.max(0) {
        c = c.add(&Q::frac(2, 2 * i - 1));
    }
    // Below −1/2: H_(x − 1) = H_x − 1/x, stepping x = −1/2, −3/2, …
    let mut x = Q::frac(-1, 2);
    for _ in m..0 {
        c = c.sub(&x.recip()?);
        x = x.sub(&Q::one());
    }
    let ln2 = super::func(Func::Ln, vec![Expr::int(2)])?;
    sub(Expr::Num(c), mul(vec![Expr::int(2), ln2])?)
}

/// F_n at integers, F_(−n) = (−1)^(n+1)·F_n; `oo` at `oo`; an error at non-integers.
fn fibonacci(x: &Expr) -> MResult<Option<Expr>> {
    if *x == Expr::infinity() {
        return Ok(Some(Expr::infinity()));
    }
    if *x == Expr::neg_infinity() {
        return Err(MathError::Domain(
            "fibonacci(-oo) is undefined (F_(-n) = (-1)^(n+1)·F_n alternates in sign and grows)"
                .into(),
        ));
    }
    let Some(q) = x.as_num() else {
        return Ok(None);
    };
    if !q.is_integer() {
        return Err(MathError::Domain(format!(
            "fibonacci({q}) is undefined (Fibonacci numbers are defined at integers only)"
        )));
    }
    Ok(Some(Expr::Num(Q::from_integer(fibonacci_number(
        q.numer(),
    )?))))
}

/// F_n for any integer n, refused when it would pass the exact-size limit.
pub fn fibonacci_number(n: &Integer) -> MResult<Integer> {
    let too_large = || MathError::TooLarge(format!("fibonacci({n})"));
    let m = n.clone().abs().to_u32().ok_or_else(too_large)?;
    number::check_bits((f64::from(m) * FIB_BITS_PER_N) as u64, "a Fibonacci number")?;
    let f = Integer::from(Integer::fibonacci(m));
    Ok(if *n < 0 && m % 2 == 0 { -f } else { f })
}

/// ⌊x⌋ (`floor`) or ⌈x⌉: exact at rationals and ±oo, decided at other real constants when a
/// certified enclosure (or an exact zero test) settles it; ⌊u + k⌋ = ⌊u⌋ + k for an integer
/// k, ⌊−u⌋ = −⌈u⌉, and a floor or ceiling of an integer-valued function is itself.
fn floor_ceiling(is_floor: bool, x: &Expr) -> MResult<Option<Expr>> {
    let (f, other) = if is_floor {
        (Func::Floor, Func::Ceiling)
    } else {
        (Func::Ceiling, Func::Floor)
    };
    if *x == Expr::infinity() || *x == Expr::neg_infinity() {
        return Ok(Some(x.clone()));
    }
    if let Some(q) = x.as_num() {
        let v = if is_floor {
            q.0.clone().floor()
        } else {
            q.0.clone().ceil()
        };
        return Ok(Some(Expr::Num(Q(v))));
    }
    if integer_valued(x) {
        return Ok(Some(x.clone()));
    }
    // ⌊u + k⌋ = ⌊u⌋ + k for an integer k.
    if let Expr::Add(ts) = x {
        if let Some(Expr::Num(k)) = ts
            .first()
            .filter(|t| matches!(t, Expr::Num(k) if k.is_integer()))
        {
            let rest = add(ts[1..].to_vec())?;
            return Ok(Some(add(vec![
                Expr::Num(k.clone()),
                super::func(f, vec![rest])?,
            ])?));
        }
    }
    // ⌊−u⌋ = −⌈u⌉.
    if let Expr::Mul(fs) = x {
        if matches!(fs.first(), Some(Expr::Num(c)) if c.is_negative()) {
            return Ok(Some(neg(super::func(other, vec![neg(x.clone())?])?)?));
        }
    }
    let real_constant = x.is_constant() && !x.has_infinity() && !x.has_imaginary();
    if !real_constant {
        return Ok(None);
    }
    Ok(crate::math::float::numbers::floor_const(x, is_floor)?
        .map(|k| Expr::Num(Q::from_integer(k))))
}

/// Whether `x` is an integer wherever it is defined: integers, Fibonacci numbers, floors and
/// ceilings, and sums, products and non-negative integer powers of those.
fn integer_valued(x: &Expr) -> bool {
    match x {
        Expr::Num(q) => q.is_integer(),
        Expr::Func(Func::Floor | Func::Ceiling | Func::Fibonacci, _) => true,
        Expr::Add(v) | Expr::Mul(v) => v.iter().all(integer_valued),
        Expr::Pow(b, e) => {
            integer_valued(b) && matches!(&**e, Expr::Num(k) if k.is_integer() && !k.is_negative())
        }
        Expr::Const(Constant::Infinity) => false,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harmonic_numbers_by_binary_splitting_match_the_direct_sum() {
        for n in [0u64, 1, 2, 10, 17, 100, 1000] {
            let mut h = Q::zero();
            for k in 1..=n {
                h = h.add(&Q::frac(1, k as i64));
            }
            assert_eq!(harmonic_number(n).unwrap(), h, "H_{n}");
        }
    }

    #[test]
    fn fibonacci_numbers_extend_to_negative_indices() {
        // F_{-n} = (-1)^(n+1) F_n and F_10 = 55 (OEIS A000045).
        let f = |n: i64| fibonacci_number(&Integer::from(n)).unwrap();
        assert_eq!(f(10), 55);
        assert_eq!(f(-10), -55);
        assert_eq!(f(-9), 34);
        assert_eq!(f(0), 0);
    }
}
