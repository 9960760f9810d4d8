//! erf at a small exact rational argument and high precision: the all-positive series
//! erf(x) = (2x/√π)·e^(−x²)·Σ_k (2x²)^k/(1·3·5···(2k+1)) summed exactly by binary splitting
//! (MPFR's Taylor loop multiplies full-precision floats once per term; at 10⁴ digits it took
//! five times as long).

use super::ball::{Ball, N, R};
use super::bsplit;
use rug::float::Constant;
use rug::{Float, Integer, Rational};

/// From this many bits on, binary splitting beats MPFR's erf.
const SPLIT_FROM: u32 = 2_000;

/// Arguments with |x| ≤ 16 and numerator and denominator below 2^32 take this path.
const MAX_ABS: u32 = 16;
const MAX_BITS: u32 = 32;

/// erf(x) at `p` bits, or `None` when MPFR's erf is the better (or the only) route.
pub(super) fn erf_rational(x: &Rational, p: u32) -> Option<R<Ball>> {
    let (num, den) = (x.numer(), x.denom());
    if p < SPLIT_FROM
        || num.is_zero()
        || num.significant_bits() > MAX_BITS
        || den.significant_bits() > MAX_BITS
        || x.clone().abs() > MAX_ABS
    {
        return None;
    }
    Some(series(x, p))
}

/// How many terms make the tail of Σ (2x²)^k/(2k+1)!! smaller than 2^(−p−15) of the sum.
///
/// From k on, with 2k + 3 ≥ 4x², each ratio 2x²/(2k + 3) is at most 1/2, so the tail after
/// term N − 1 is at most twice term N; the sum is at least its first term, 1. log₂ of term k
/// is tracked in f64 with a margin of 4 bits for its rounding.
fn terms(x2: f64, p: u32) -> u64 {
    let target = -(p as f64) - 20.0;
    let mut log_term = 0.0f64;
    let mut k = 0u64;
    loop {
        k += 1;
        log_term += (2.0 * x2).log2() - ((2 * k + 1) as f64).log2();
        if (2 * k + 3) as f64 >= 4.0 * x2 && log_term < target {
            return k + 1;
        }
    }
}

/// Error: at w = p + 32 bits, T and Q are rounded once each and divided (three relative
/// errors of 2^(−w)); x² is rounded once, which moves e^(−x²) by at most x²·2^(−w) ≤ 2^(8−w)
/// relative; exp, π, √, x and the four products and quotients add eight more. Together
/// below 2^(9−w) = 2^(−p−23); the truncated tail is below 2^(−p−15) relative. So the value
/// before the final rounding is within 2^(−p−14)·|erf x|, and the ball adds 2^(−p−13)·|mid|.
fn series(x: &Rational, p: u32) -> R<Ball> {
    let n2 = Integer::from(x.numer().square_ref());
    let d2 = Integer::from(x.denom().square_ref());
    let x2 = Rational::from(x.square_ref());
    let count = terms(x2.to_f64(), p);
    // Term k is Π_{1 ≤ j ≤ k} 2n²/((2j + 1)·d²), term 0 is 1: leaves (p_j, q_j, p_j).
    let leaf = |j: u64| {
        if j == 0 {
            return (Integer::from(1), Integer::from(1), Integer::from(1));
        }
        let p = Integer::from(&n2 * 2u32);
        (p.clone(), Integer::from(&d2 * (2 * j + 1)), p)
    };
    let (_, q, t) = bsplit::split(0, count, &leaf)?;
    let w = p + 32;
    let mut s = Float::with_val(w, &t);
    s /= Float::with_val(w, &q);
    let mut e = Float::with_val(w, -x2);
    e.exp_mut();
    let mut root_pi = Float::with_val(w, Constant::Pi);
    root_pi.sqrt_mut();
    let mut v = Float::with_val(w, x);
    v *= 2;
    v *= &s;
    v *= &e;
    v /= &root_pi;
    let rounded = Ball::rounded(Float::with_val_round(p, &v, N), "erf")?;
    let mut err = Float::with_val(64, rounded.mid.clone().abs());
    err >>= p + 13;
    Ok(rounded.widen(&err))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_mpfr_erf() {
        let xs = [
            (1, 2),
            (-1, 2),
            (1, 1000),
            (3, 1),
            (7, 5),
            (-31, 2),
            (16, 1),
            (12345, 67891),
        ];
        for (n, d) in xs {
            let x = Rational::from((n, d));
            for p in [2_000u32, 3_500, 33_300] {
                let Some(Ok(b)) = erf_rational(&x, p) else {
                    panic!("erf({n}/{d}) at {p} bits took the other path or failed")
                };
                let mut m = Float::with_val(p + 64, &x);
                m.erf_mut();
                let dist = Float::with_val(p + 64, &b.mid - &m).abs();
                assert!(
                    dist <= b.rad,
                    "erf({n}/{d}), p = {p}: |mid − erf| = {dist} > {}",
                    b.rad
                );
                // The radius is a few ulps of the value.
                let ulp = Float::with_val(64, m.clone().abs()) >> (p - 3);
                assert!(
                    b.rad <= ulp,
                    "erf({n}/{d}), p = {p}: radius {} too wide",
                    b.rad
                );
            }
        }
    }

    #[test]
    fn small_precision_and_large_arguments_take_mpfr() {
        assert!(erf_rational(&Rational::from((1, 2)), 1_000).is_none());
        assert!(erf_rational(&Rational::from((33, 2)), 10_000).is_none());
        assert!(erf_rational(&Rational::from((0, 1)), 10_000).is_none());
        let huge = Rational::from((Integer::from(1) << 40u32, Integer::from(3) << 40u32));
        // 2^40/(3·2^40) reduces to 1/3, which qualifies; an unreduced size never reaches here.
        assert!(erf_rational(&huge, 10_000).is_some());
        let wide = Rational::from((Integer::from(1), (Integer::from(1) << 40u32) + 1));
        assert!(erf_rational(&wide, 10_000).is_none());
    }
}
