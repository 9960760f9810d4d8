//! The composition root of `math`: binds the two interfaces the foundation declares for work
//! only an algorithm above it can do. Canonical `sum(a, n, lo, hi)` with integer bounds is
//! evaluated exactly ([`FiniteSum`], declared by `expr`) and an unevaluated sum inside a
//! numeric evaluation is enclosed in a ball ([`SumBall`], declared by `float`); both are
//! implemented by the summation engine. `expr` and `float` call these entries and never name
//! the engine, so the arrows inside `math` point down; only this module knows both ends.

use super::expr::func::FiniteSum;
use super::float::SumBall;

/// Exact Σ_{n=lo}^{hi} a(n) for integer bounds (binary splitting, term by term otherwise).
pub(crate) const FINITE_SUM: FiniteSum = super::sum::exact::finite_sum;

/// The ball of an unevaluated `sum(a, n, lo, hi)` at a working precision, under a binding.
pub(crate) const SUM_BALL: SumBall = super::sum::numeric::sum_ball;
