//! The P/Q/T binary splitting that π (Chudnovsky) and erf (its all-positive series) share:
//! a balanced tree over the terms whose leaves the caller supplies. (`sum/exact/split.rs`
//! has the hypergeometric engine of exact sums; the foundation may not call it.)

use super::ball::Fail;
use crate::math::expr::MathError;
use rug::Integer;

/// `(P, Q, T)` over the terms `a ≤ k < b` from the leaves `leaf(k) = (p_k, q_k, t_k)`:
/// P = Π p_k, Q = Π q_k, and T/Q = Σ_k (t_k/q_k)·Π_{a ≤ j < k} p_j/q_j, so with
/// t_k = c_k·p_k it is Σ_k c_k·Π_{a ≤ j ≤ k} p_j/q_j. Interruptible between large halves.
pub(super) fn split(
    a: u64,
    b: u64,
    leaf: &dyn Fn(u64) -> (Integer, Integer, Integer),
) -> Result<(Integer, Integer, Integer), Fail> {
    if b - a == 1 {
        return Ok(leaf(a));
    }
    if b - a > 256 && crate::math::interrupted() {
        return Err(Fail::Math(MathError::Interrupted));
    }
    let m = a + (b - a) / 2;
    let (p1, q1, t1) = split(a, m, leaf)?;
    let (p2, q2, t2) = split(m, b, leaf)?;
    let t = t1 * &q2 + &p1 * t2;
    Ok((p1 * p2, q1 * q2, t))
}
