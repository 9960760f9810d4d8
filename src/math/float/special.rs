//! Special functions on balls: Φ, Γ (with its poles), ζ (Borwein's series and the functional
//! equation) and binomial coefficients.

use super::ball::{domain, unsure, Ball, N, R};
use super::{describe, eval, eval_in, Env};
use crate::math::expr::{Expr, MathError};
use crate::math::number;
use rug::float::Constant as MpfrConstant;
use rug::ops::{AssignRound, PowAssignRound};
use rug::{Assign, Float, Integer};
use std::cmp::Ordering;

/// Φ(x) = erfc(−x/√2)/2.
pub(super) fn phi(x: &Ball) -> R<Ball> {
    let half = Ball::exact(Float::with_val(x.prec(), 0.5));
    let r = half.op("sqrt", true, Float::sqrt_round)?.neg();
    x.mul(&r)?.op("erfc", true, Float::erfc_round)?.mul(&half)
}

/// Γ(x), refusing the poles at 0, −1, −2, …; `shown` names the call in errors.
pub(super) fn gamma(x: &Ball, shown: &str) -> R<Ball> {
    let (lo, hi) = x.bounds();
    let c = Float::with_val(x.prec(), lo.ceil_ref());
    if lo <= 0 && c <= hi && c <= 0 {
        if x.is_exact() {
            return domain(format!(
                "{shown} is undefined (a pole of the gamma function)"
            ));
        }
        return unsure("gamma is evaluated too close to a pole");
    }
    if lo < 0 {
        x.narrow("gamma")?;
    }
    x.op("gamma", false, Float::gamma_round)
}

/// ζ(s): Borwein's series for s ≥ 1/4, below that the functional equation
/// ζ(s) = 2^s π^(s−1) sin(πs/2) Γ(1−s) ζ(1−s). (MPFR's own zeta is much slower.)
pub(super) fn zeta(x: &Ball) -> R<Ball> {
    let p = x.prec();
    let (lo, hi) = x.bounds();
    if lo <= 1 && hi >= 1 {
        if x.is_exact() {
            let why = "the harmonic series diverges; zeta has a pole at 1";
            return domain(format!("zeta(1) is undefined ({why})"));
        }
        return unsure("zeta is evaluated too close to its pole at 1");
    }
    if x.is_exact() && x.mid.is_integer() && x.mid <= 0 {
        // ζ(0) = −1/2 and the trivial zeros ζ(−2) = ζ(−4) = … = 0 are exact.
        if x.mid.is_zero() {
            return Ok(Ball::exact(Float::with_val(p, -0.5)));
        }
        if Float::with_val(p, &x.mid / 2u32).is_integer() {
            return Ok(Ball::int(p, 0));
        }
    }
    if lo >= 0.25 {
        return x.apply("zeta", true, zeta_borwein);
    }
    x.narrow("zeta")?;
    let one = Ball::int(p, 1);
    let pi = eval(&Expr::pi(), p)?;
    let ln2 = Ball::rounded(Float::with_val_round(p, MpfrConstant::Log2, N), "ln 2")?;
    let ln_pi = pi.op("ln", true, Float::ln_round)?;
    let two_s = x.mul(&ln2)?.op("exp", true, Float::exp_round)?;
    let s1 = x.add(&one.clone().neg())?;
    let pi_s1 = s1.mul(&ln_pi)?.op("exp", true, Float::exp_round)?;
    let angle = x.mul(&pi)?.mul(&Ball::exact(Float::with_val(p, 0.5)))?;
    angle.narrow("sin")?;
    let sine = angle.op("sin", false, Float::sin_round)?;
    let r = s1.neg();
    let g = gamma(&r, "gamma")?;
    two_s.mul(&pi_s1)?.mul(&sine)?.mul(&g)?.mul(&zeta(&r)?)
}

/// ζ(s) for real s ≥ 1/4 into `y` (at `y`'s precision p), within 1/16 ulp before the final
/// rounding. Borwein (2000), Algorithm 2: η(s) = Σ_{k<n} (−1)^k (d_n − d_k)/(d_n (k+1)^s) with
/// error ≤ 3/(3+√8)^n, where d_k = n Σ_{i≤k} (n+i−1)! 4^i/((n−i)! (2i)!); and
/// ζ(s) = η(s)/(1 − 2^(1−s)). For an integer 1 ≤ s ≤ 16 every step takes linear time.
fn zeta_borwein(y: &mut Float) -> Ordering {
    let p = y.prec();
    let s = y.clone();
    if s > p + 2 {
        // 0 < ζ(s) − 1 < 3·2^(−s), less than half an ulp of 1.
        y.assign(1);
        return Ordering::Less;
    }
    let n = ((f64::from(p) + 10.0) / (3.0 + 8f64.sqrt()).log2()).ceil() as u32 + 1;
    let (nf, sa) = (f64::from(n), s.to_f64().abs());
    // Relative error of the sum, in units of 2^-q: 2n terms of ≤ 3n + 2s·ln n + 2·log2 n ulps
    // (a power built as a product of prime powers adds one ulp per prime factor, fewer than
    // log2 n: counted again in the last term).
    let budget = nf * (6.0 * nf + 2.0 * sa * (nf + 1.0).ln() + 4.0 * (nf + 1.0).log2() + sa + 5.0);
    let q = p + 12 + budget.log2().ceil() as u32;
    let int_s = if s.is_integer() {
        s.to_i32_saturating()
    } else {
        None
    };
    let small = int_s.filter(|&v| (1..=16).contains(&v));
    // s = a/2 with a odd and at most 63: j^(−s) = 1/√(j^a), two roundings (a logarithm and
    // an exponential cost ten times as much at thousands of digits).
    let twice = Float::with_val(p + 8, &s * 2u32);
    let half = (int_s.is_none() && twice.is_integer())
        .then(|| twice.to_u32_saturating())
        .flatten()
        .filter(|&a| a <= 63);
    // j^(−s), to within a few ulps (or 2s·ln j ulps for a non-integer s).
    let direct = |j: u32| -> Float {
        let mut w = Float::with_val(q, j);
        if let Some(v) = int_s {
            w.pow_assign_round(-v, N);
        } else if let Some(a) = half {
            w.assign_round(Integer::from(Integer::u_pow_u(j, a)), N);
            w.recip_sqrt_round(N);
        } else {
            w.ln_round(N);
            w *= &s;
            w = -w;
            w.exp_round(N);
        }
        w
    };
    // For a non-integer s, j^(−s) = p^(−s)·(j/p)^(−s) for the least prime p of j: only the
    // primes (about n/ln n of them) need a logarithm and an exponential, the rest one product.
    let table: Option<Vec<Float>> = int_s.is_none().then(|| prime_power_table(n, q, &direct));
    // Downwards: u_i = t_i/t_n (t_i the summands of d), C_k = Σ_{i>k} u_i, D = C_{−1}; the
    // terms C_k·(k+1)^(−s) decrease, so every partial sum lies in [0, D].
    let (mut u, mut c, mut sum) = (Float::with_val(q, 1), Float::new(q), Float::new(q));
    for k in (0..n).rev() {
        c += &u;
        let mut term = c.clone();
        match small {
            Some(v) => (0..v).for_each(|_| term /= k + 1),
            None => match &table {
                Some(t) => term *= &t[k as usize + 1],
                None => term *= direct(k + 1),
            },
        }
        if k % 2 == 0 {
            sum += term;
        } else {
            sum -= term;
        }
        // u_k = u_{k+1} (2k+1)(k+1) / (2(n+k)(n−k))
        u *= 2 * k + 1;
        u *= k + 1;
        u /= 2 * (n + k);
        u /= n - k;
    }
    c += &u;
    let eta = sum / c;
    // 1/(1 − 2^(1−s)) = −1/expm1((1−s)·ln 2)
    let mut t = Float::with_val(q + 64, 1 - &s);
    t *= Float::with_val(q, MpfrConstant::Log2);
    t.exp_m1_round(N);
    match y.assign_round(-(eta / t), N) {
        Ordering::Equal => Ordering::Less,
        ord => ord,
    }
}

/// `t[j] = j^(−s)` for 1 ≤ j ≤ n (t[0] unused), from `direct` at the primes and by
/// multiplicativity elsewhere (the least prime factors come from a sieve).
fn prime_power_table(n: u32, q: u32, direct: &dyn Fn(u32) -> Float) -> Vec<Float> {
    let len = n as usize + 1;
    let mut least = vec![0u32; len];
    for i in 2..len {
        if least[i] == 0 {
            for m in (i..len).step_by(i) {
                if least[m] == 0 {
                    least[m] = i as u32;
                }
            }
        }
    }
    let mut t: Vec<Float> = Vec::with_capacity(len);
    t.push(Float::new(q));
    if len > 1 {
        t.push(Float::with_val(q, 1));
    }
    for j in 2..len {
        let p = least[j] as usize;
        let v = if p == j {
            direct(j as u32)
        } else {
            Float::with_val_round(q, &t[p] * &t[j / p], N).0
        };
        t.push(v);
    }
    t
}

/// binomial(n, k): exact for integers, Γ(n+1)/(Γ(k+1)·Γ(n−k+1)) otherwise.
pub(super) fn binomial(n: &Expr, k: &Expr, p: u32, env: Env) -> R<Ball> {
    if let (Expr::Num(nq), Expr::Num(kq)) = (n, k) {
        if nq.is_integer() && kq.is_integer() {
            if kq.is_negative() {
                return Ok(Ball::int(p, 0));
            }
            let too_large = || MathError::TooLarge(format!("binomial({nq}, {kq})"));
            let kk = kq.numer().to_u64().ok_or_else(too_large)?;
            let v = number::binomial(nq.numer(), kk).map_err(MathError::from)?;
            return Ball::rounded(Float::with_val_round(p, &v, N), "binomial");
        }
    }
    let (nb, kb) = (eval_in(n, p, env)?, eval_in(k, p, env)?);
    let shown = format!("binomial({}, {})", describe(n, &nb), describe(k, &kb));
    let one = Ball::int(p, 1);
    let top = gamma(&nb.add(&one)?, &shown)?;
    let d1 = gamma(&kb.add(&one)?, &shown)?;
    let d2 = gamma(&nb.add(&kb.neg())?.add(&one)?, &shown)?;
    top.mul(&d1.mul(&d2)?.recip()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Half-integer s (the 1/√(j^a) path, including a = 1 and a = 63) and a neighbour that
    /// takes the logarithm path, against MPFR's own ζ at 40 more bits.
    #[test]
    fn borwein_at_half_integers_agrees_with_mpfr() {
        for s in [0.5, 1.5, 2.5, 31.5, 32.5, 1.25] {
            for p in [200u32, 1_500] {
                let mut y = Float::with_val(p, s);
                zeta_borwein(&mut y);
                let r = Float::with_val(p + 40, s).zeta();
                let ulp = Float::with_val(64, y.clone().abs()) >> (p - 1);
                let d = Float::with_val(p + 40, &y - &r).abs();
                assert!(d <= ulp, "zeta({s}) at {p} bits: off by {d}, ulp {ulp}");
            }
        }
    }
}
