//! Balls of the Lambert W function (principal branch) and of the Bessel functions J_ν and I_ν.
//!
//! W: Halley's iteration on w·e^w = a at each end of the argument's ball, then a proof: the
//! enclosure [w − δ, w + δ] is accepted only when w·e^w − a, evaluated as a ball, is certainly
//! negative at its lower end and positive at its upper end. w·e^w increases on [−1, ∞), the
//! range of W₀, so the root lies between (DLMF 4.13). J at integer orders: MPFR's correctly
//! rounded jn. Other orders, and I: the power series Σ (±1)^k (x/2)^(2k+ν)/(k!·Γ(k+ν+1))
//! (DLMF 10.2.2, 10.25.2) summed in balls, with the tail bounded by its first neglected term
//! once the term ratio is at most 1/2, at enough extra bits to absorb J's cancellation.

use super::ball::{domain, unsure, up_dist, Ball, Fail, N, R};
use super::special::gamma;
use super::{describe, eval_in, Env};
use crate::math::expr::{Expr, Func, MathError};
use crate::math::number;
use rug::float::Round;
use rug::Float;

/// The largest |x| at which the I_ν series is summed (about 10^5 terms at most).
const MAX_SERIES_ARG: f64 = 1e5;
/// The largest |x| at which the J_ν series is summed: its terms cancel, so the working
/// precision grows by ~1.45·|x| bits (J_ν(4000) takes about a second).
const MAX_SERIES_ARG_J: f64 = 4e3;

use crate::math::check_interrupt as interrupted;

/// W₀ over the ball `x` (`shown` names the call in errors).
pub(super) fn lambert_w(x: &Ball, shown: &str) -> R<Ball> {
    let p = x.prec();
    let q = p + 24;
    let branch = Ball::int(q, -1).op("exp", true, Float::exp_round)?.neg();
    let (blo, bhi) = branch.bounds();
    let (lo, hi) = x.bounds();
    if hi < blo {
        return domain(format!(
            "{shown} is not a real number (the principal branch W₀ is real for x ≥ −1/e)"
        ));
    }
    if lo <= bhi {
        return unsure("lambertw is evaluated too close to its branch point −1/e");
    }
    let (wl, wh) = if x.is_exact() {
        enclose(&x.mid, q)?
    } else {
        (enclose(&lo, q)?.0, enclose(&hi, q)?.1)
    };
    let mid = Float::with_val_round(p, &wl + &wh, N).0 / 2u32;
    let rad = up_dist(&mid, &wl).max(&up_dist(&mid, &wh)).clone();
    Ok(Ball { mid, rad })
}

/// A proven enclosure [wl, wh] of W₀(a) for a > −1/e, at `q` bits.
fn enclose(a: &Float, q: u32) -> R<(Float, Float)> {
    if a.is_zero() {
        return Ok((Float::new(q), Float::new(q)));
    }
    let w = halley(a, q)?;
    // δ = |w|·2^(12−q), and at least one ulp of w; near the branch point w·e^w is flat
    // (its derivative e^w·(1 + w) vanishes at −1), so δ widens until the signs show.
    let mut delta = Float::with_val(q, w.abs_ref()) >> (q - 12);
    if delta.is_zero() {
        delta = Float::with_val(q, 1) >> (q + 16);
    }
    // Up to δ ≈ 2^(−q/4): wider brackets tell the Ziv loop to raise the precision.
    let widest = Float::with_val(q, 1) >> (q / 4);
    while delta <= widest {
        interrupted()?;
        if let Some(found) = bracket(a, &w, &delta, q)? {
            return Ok(found);
        }
        delta <<= 12;
    }
    unsure("lambertw's enclosure could not be certified at this precision")
}

/// [w − δ, w + δ] when w·e^w − a is certainly negative at its lower end and positive at its
/// upper end.
fn bracket(a: &Float, w: &Float, delta: &Float, q: u32) -> R<Option<(Float, Float)>> {
    let mut wl = Float::with_val_round(q, w - delta, Round::Down).0;
    let wh = Float::with_val_round(q, w + delta, Round::Up).0;
    if wl < -1 {
        wl = Float::with_val(q, -1);
    }
    // g(t) = t·e^t − a, increasing on [−1, ∞): g(wl) < 0 < g(wh) puts W₀(a) in (wl, wh).
    let g = |t: &Float| -> R<(Float, Float)> {
        let tb = Ball::exact(t.clone());
        let v = tb
            .op("exp", true, Float::exp_round)?
            .mul(&tb)?
            .sub(&Ball::exact(a.clone()))?;
        Ok(v.bounds())
    };
    let below = wl == -1 || g(&wl)?.1 < 0;
    Ok((below && g(&wh)?.0 > 0).then_some((wl, wh)))
}

/// Halley's iteration for w·e^w = a from a starting value that suits the size of a.
fn halley(a: &Float, q: u32) -> R<Float> {
    let one = Float::with_val(q, 1);
    let mut w = if *a < -0.25 {
        // Near the branch point: W = −1 + s − s²/3 + 11s³/72 − …, s = √(2(e·a + 1)) (DLMF 4.13.6).
        let e = Float::with_val(q, one.exp_ref());
        let t = Float::with_val(q, &e * a) + 1u32;
        let s = (t * 2u32).max(&Float::new(q)).sqrt();
        let s2 = Float::with_val(q, s.square_ref());
        let s3 = Float::with_val(q, &s2 * &s);
        Float::with_val(q, &s - 1u32) - s2 / 3u32 + s3 * 11u32 / 72u32
    } else if *a < 3 {
        Float::with_val(q, a + 1u32).ln()
    } else {
        // W ≈ L₁ − L₂ + L₂/L₁ with L₁ = ln a, L₂ = ln ln a (DLMF 4.13.10).
        let l1 = Float::with_val(q, a.ln_ref());
        let l2 = Float::with_val(q, l1.ln_ref());
        let r = Float::with_val(q, &l2 / &l1);
        l1 - &l2 + r
    };
    for _ in 0..(64 + q / 4) {
        interrupted()?;
        let ew = Float::with_val(q, w.exp_ref());
        let f = Float::with_val(q, &w * &ew) - a;
        if f.is_zero() {
            return Ok(w);
        }
        let w1 = Float::with_val(q, &w + 1u32);
        if w1.is_zero() {
            break;
        }
        let w2 = Float::with_val(q, &w + 2u32);
        let denom = Float::with_val(q, &ew * &w1) - w2 * &f / (w1 * 2u32);
        let step = f / denom;
        w -= &step;
        let small = Float::with_val(q, w.abs_ref()) >> (q - 8);
        if !step.is_finite() {
            break;
        }
        if step.abs() <= small {
            return Ok(w);
        }
    }
    // Near the branch point rounding noise keeps the steps from settling; the bracket that
    // follows is the proof either way.
    Ok(w)
}

/// J_ν(x) or I_ν(x) (`f` names which) for constant arguments.
pub(super) fn bessel(f: Func, args: &[Expr], p: u32, env: Env) -> R<Ball> {
    let (nu, x) = (&args[0], &args[1]);
    let is_j = f == Func::BesselJ;
    let order = nu
        .as_num()
        .filter(|n| n.is_integer())
        .and_then(|n| n.numer().to_i32());
    let xb = eval_in(x, p, env)?;
    let nub = eval_in(nu, p, env)?;
    let shown = format!("{}({}, {})", f.name(), describe(nu, &nub), describe(x, &xb));
    if let (true, Some(n)) = (is_j, order) {
        xb.narrow(f.name())?;
        return xb.apply(f.name(), false, |y| y.jn_round(n, N));
    }
    let size = xb.abs_upper().to_f64();
    let limit = if is_j {
        MAX_SERIES_ARG_J
    } else {
        MAX_SERIES_ARG
    };
    if size > limit {
        return Err(Fail::Math(MathError::Unsupported(format!(
            "{shown}: sigma sums this Bessel series for |x| ≤ {limit} only{}",
            if is_j {
                " at a non-integer order (integer orders have no limit)"
            } else {
                ""
            }
        ))));
    }
    if order.is_none() {
        let (lo, hi) = xb.bounds();
        if hi < 0 {
            return domain(format!(
                "{shown} is not a real number ((x/2)^ν is not real for x < 0 at a non-integer order)"
            ));
        }
        if lo <= 0 {
            return unsure(format!("{} is evaluated too close to 0", f.name()));
        }
    }
    // J's terms grow to about e^|x| before they cancel; I's have one sign.
    let extra = if is_j { (size * 1.45) as u32 + 24 } else { 24 };
    let q = p + extra;
    let (xq, nuq) = (eval_in(x, q, env)?, eval_in(nu, q, env)?);
    let half = xq.mul(&Ball::exact(Float::with_val(q, 0.5)))?;
    let first = match order {
        Some(n) => {
            let n = n.unsigned_abs();
            if n > 100_000 {
                return Err(Fail::Math(MathError::TooLarge(shown.clone())));
            }
            let mut t = Ball::int(q, 1);
            for _ in 0..n {
                t = t.mul(&half)?;
            }
            let fact = number::factorial(u64::from(n)).map_err(MathError::from)?;
            t.div(&Ball::from_int(&fact, q)?)?
        }
        None => {
            let g = gamma(&nuq.add(&Ball::int(q, 1))?, &shown)?;
            half.op("ln", true, Float::ln_round)?
                .mul(&nuq)?
                .op("exp", true, Float::exp_round)?
                .div(&g)?
        }
    };
    let mut z = half.mul(&half)?;
    if is_j {
        z = z.neg();
    }
    let z_up = z.abs_upper();
    let (nu_lo, _) = nuq.bounds();
    let mut term = first;
    let mut sum = term.clone();
    let mut k: u32 = 0;
    loop {
        interrupted()?;
        k += 1;
        let kk = Ball::int(q, k as i32);
        let denom = kk.mul(&kk.add(&nuq)?)?;
        term = term.mul(&z)?.div(&denom)?;
        sum = sum.add(&term)?;
        // ρ = |z|/((k + 1)(k + 1 + ν)) bounds every later ratio once k + 1 + ν > 0.
        let next = Float::with_val_round(q, &nu_lo + (k + 1), Round::Down).0;
        if next > 0 {
            let d = Float::with_val_round(q, &next * (k + 1), Round::Down).0;
            let rho = Float::with_val_round(q, &z_up / &d, Round::Up).0;
            let t_up = term.abs_upper();
            let s_lo = Float::with_val(q, sum.mid.abs_ref()) >> q;
            if rho <= 0.5 && (t_up <= s_lo || t_up.is_zero()) {
                let tr = Float::with_val_round(64, &t_up * &rho, Round::Up).0;
                let tail = tr * 2u32;
                return Ok(sum.widen(&tail));
            }
        }
        if k > 1_000_000 {
            return unsure(format!("{shown}: the Bessel series did not settle"));
        }
    }
}
