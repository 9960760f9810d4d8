//! Certified numeric values of infinite sums (placeholder until the numerics work lands).

use crate::math::derivation::Derivation;
use crate::math::expr::{Expr, MResult, MathError};
use crate::math::float::Approx;
use crate::math::number::Q;
use rug::Integer;

/// Σ_{n≥lo} a(n) to `digits` correct digits, with the tail bound in the derivation.
pub fn certified(a: &Expr, n: &str, lo: &Integer, digits: u32) -> MResult<(Approx, Derivation)> {
    let _ = (a, n, lo, digits);
    Err(MathError::Unsupported(
        "certified summation is not built yet".into(),
    ))
}

/// The smallest number of terms whose partial sum is provably within `eps`.
pub fn terms_needed(a: &Expr, n: &str, lo: &Integer, eps: &Q) -> MResult<(Integer, Derivation)> {
    let _ = (a, n, lo, eps);
    Err(MathError::Unsupported(
        "terms_needed for sums is not built yet".into(),
    ))
}
