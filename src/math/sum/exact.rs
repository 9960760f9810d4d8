//! Exact finite sums (placeholder until binary splitting lands): term by term.

use crate::math::expr::{self, subst::subs, Expr, MResult, MathError};
use rug::Integer;

/// Σ_{n=lo}^{hi} a(n), exactly.
pub fn finite_sum(a: &Expr, n: &str, lo: &Integer, hi: &Integer) -> MResult<Expr> {
    let (Some(l), Some(h)) = (lo.to_i64(), hi.to_i64()) else {
        return Err(MathError::TooLarge("a sum with such bounds".into()));
    };
    if h < l {
        return Ok(Expr::zero());
    }
    if h - l >= 100_000 {
        return Err(MathError::TooLarge(format!("a sum of {} terms", h - l + 1)));
    }
    let mut terms = Vec::new();
    for k in l..=h {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        terms.push(subs(a, n, &Expr::int(k))?);
    }
    expr::add(terms)
}
