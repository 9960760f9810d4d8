//! π as a ball: MPFR's cached constant at ordinary precisions, and above a few thousand
//! digits the Chudnovsky series summed exactly by binary splitting (MPFR's AGM took 3–4× as
//! long at 10^5 digits), remembered per thread for the last precision asked.

use super::ball::{Ball, N, R};
use super::bsplit;
use rug::float::Constant as MpfrConstant;
use rug::{Float, Integer};
use std::cell::RefCell;

/// From this many bits on, the Chudnovsky series is faster than MPFR's constant.
const CHUDNOVSKY_FROM: u32 = 30_000;

/// 640320³/24.
const C3_OVER_24: u64 = 10_939_058_860_032_000;

/// Each term of the series adds log₂(151931373056000) ≈ 47.11 bits.
const BITS_PER_TERM: f64 = 47.11;

thread_local! {
    static LAST: RefCell<Option<Ball>> = const { RefCell::new(None) };
}

/// π at `p` bits.
pub(super) fn pi(p: u32) -> R<Ball> {
    if p < CHUDNOVSKY_FROM {
        return Ball::rounded(Float::with_val_round(p, MpfrConstant::Pi, N), "pi");
    }
    if let Some(b) = LAST.with(|l| l.borrow().clone().filter(|b| b.prec() == p)) {
        return Ok(b);
    }
    let b = chudnovsky(p)?;
    LAST.with(|l| *l.borrow_mut() = Some(b.clone()));
    Ok(b)
}

/// The leaf of term k: p_k/q_k is the ratio of term k to term k − 1 (1 for k = 0) and
/// t_k = (13591409 + 545140134·k)·(−1)^k·p_k.
fn leaf(k: u64) -> (Integer, Integer, Integer) {
    let (p, q) = if k == 0 {
        (Integer::from(1), Integer::from(1))
    } else {
        let p = Integer::from(6 * k - 5) * (2 * k - 1) * (6 * k - 1);
        let q = Integer::from(k) * k * k * C3_OVER_24;
        (p, q)
    };
    let mut t = Integer::from(545_140_134u64) * k + 13_591_409u64;
    t *= &p;
    if k % 2 == 1 {
        t = -t;
    }
    (p, q, t)
}

/// π = 426880·√10005·Q/T with N terms, at p + 32 working bits, rounded to p.
///
/// Error: the k-th term is at most 41k·(1728/640320³)^k of the first ((6k)!/((3k)!k!³) ≤
/// 1728^k, and the linear factor grows at most 41k-fold), so with 47.11·N ≥ p + 48 the
/// tail is below 2^(−p−48+7+log₂N) ≤ 2^(−p−8) relative for any p below 2^32; Q and T are
/// rounded to p + 32 bits, and the square root, product and quotient round once each there
/// (five relative errors of 2^(−p−32)). With π < 4 the absolute error before the final
/// rounding is below 2^(−p−4); the final rounding is counted by the ball.
fn chudnovsky(p: u32) -> R<Ball> {
    let terms = ((p as f64 + 48.0) / BITS_PER_TERM).ceil() as u64 + 1;
    let (_, q, t) = bsplit::split(0, terms, &leaf)?;
    let w = p + 32;
    let mut x = Float::with_val(w, 10005);
    x.sqrt_mut();
    x *= 426_880;
    x *= Float::with_val(w, &q);
    x /= Float::with_val(w, &t);
    let rounded = Ball::rounded(Float::with_val_round(p, &x, N), "pi")?;
    let err = Float::with_val(32, Float::u_exp(1, -(p as i32) - 4));
    Ok(rounded.widen(&err))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chudnovsky_agrees_with_mpfr() {
        for p in [64u32, 1000, 40_000, 100_003] {
            let Ok(b) = chudnovsky(p) else {
                panic!("p = {p}: the series failed")
            };
            let m = Float::with_val(p + 64, MpfrConstant::Pi);
            let d = Float::with_val(p + 64, &b.mid - &m).abs();
            assert!(d <= b.rad, "p = {p}: |mid − π| = {d} > radius {}", b.rad);
            // The radius is about an ulp: 2^(3−p) covers the rounding and the series.
            assert!(
                b.rad <= Float::with_val(32, Float::u_exp(1, 3 - p as i32)),
                "p = {p}"
            );
        }
    }
}
