//! The telescoping test: when a(n) = z(n+1) − z(n) for an antidifference z (found structurally
//! or by Gosper's algorithm, and verified), the partial sums are z(N+1) − z(n0), so the series
//! converges exactly when z has a finite limit.

use super::antidifference;
use crate::math::derivation::Derivation;
use crate::math::expr::{display::expr as show, Expr, MResult};
use crate::math::limit::{limit_at_infinity, Limit};

/// What the telescoping test shows.
pub struct Telescoped {
    /// Whether the partial sums converge.
    pub converges: bool,
    /// "telescoping: a(n) = z(n+1) − z(n) with z(n) = …; S_N = z(N+1) − z(n0) → …"
    pub reason: String,
    pub steps: Derivation,
    pub antidifference: Expr,
    /// lim z(N), when finite.
    pub limit: Option<Expr>,
}

/// Runs the telescoping test, or `None` when no antidifference is found or its limit is not
/// decided.
pub fn telescoping(a: &Expr, n: &str) -> MResult<Option<Telescoped>> {
    let Some((z, mut steps)) = antidifference(a, n)? else {
        return Ok(None);
    };
    let (l, ls) = limit_at_infinity(&z, n)?;
    steps.extend(ls);
    let head = format!(
        "telescoping: a({n}) = z({n}+1) − z({n}) with z({n}) = {}, so S_N = z(N+1) − z({n}0)",
        show(&z)
    );
    let (converges, tail) = match &l {
        Limit::Value(v) => (true, format!(" and z(N) → {}", show(v))),
        Limit::PlusInfinity => (false, " and z(N) → oo".to_string()),
        Limit::MinusInfinity => (false, " and z(N) → -oo".to_string()),
        Limit::DoesNotExist(why) => (false, format!(" and z(N) has no limit ({why})")),
        Limit::Unknown(_) => return Ok(None),
    };
    Ok(Some(Telescoped {
        converges,
        reason: format!("{head}{tail}"),
        steps,
        antidifference: z,
        limit: match l {
            Limit::Value(v) => Some(v),
            _ => None,
        },
    }))
}
