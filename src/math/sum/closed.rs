//! Closed forms of sums with symbolic bounds (placeholder until the closed-forms work lands).

use crate::math::derivation::Derivation;
use crate::math::expr::{Expr, MResult};

/// Σ_{n=lo}^{hi} a(n) in closed form for symbolic bounds.
pub fn closed_form(a: &Expr, n: &str, lo: &Expr, hi: &Expr) -> MResult<Option<(Expr, Derivation)>> {
    let _ = (a, n, lo, hi);
    Ok(None)
}

/// z with z(n+1) − z(n) = a(n).
pub fn antidifference(a: &Expr, n: &str) -> MResult<Option<(Expr, Derivation)>> {
    let _ = (a, n);
    Ok(None)
}
