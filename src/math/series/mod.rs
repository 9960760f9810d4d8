//! Truncated power series: coefficient rings, Laurent-aware truncation, and the expansion of
//! symbolic expressions at a point — the engine behind `maclaurin`, `taylor` and `coeff`.

pub mod bounds;
pub mod expand;
pub mod fast;
pub mod guess;
pub mod ring;
pub mod trunc;

use crate::math::expr::{self, subst, Expr, MResult, MathError};
use crate::math::number::Q;
use expand::{ExpandError, Expander};
use ring::Coeff;

/// Largest expansion order sigma accepts (coefficients are exact, so memory grows fast).
pub const MAX_ORDER: usize = 100_000;

/// The first coefficients of a function's Taylor series at a point, with the rules used.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// `coeffs[k]` is the coefficient of `(x − a)^k`.
    pub coeffs: Vec<Expr>,
    /// The rules applied, in words, for the derivation.
    pub trail: Vec<String>,
    /// Whether the coefficients needed symbolic constants (π, √2, parameters).
    pub symbolic: bool,
}

/// A symbol name no user can type, standing for `x − a` during a Taylor expansion.
const SHIFT: &str = "_t";

/// The coefficients of `(x − a)^0 … (x − a)^(n−1)` in the Taylor series of `f` at `a`.
pub fn taylor(f: &Expr, x: &str, a: &Expr, n: usize) -> MResult<Expansion> {
    if n > MAX_ORDER {
        return Err(MathError::TooLarge(format!("a series with {n} terms")));
    }
    let (g, var) = if a.is_zero() {
        (f.clone(), x.to_string())
    } else {
        let shifted = expr::add(vec![a.clone(), Expr::sym(SHIFT)])?;
        (subst::subs(f, x, &shifted)?, SHIFT.to_string())
    };
    let rename = |e: MathError| -> MathError {
        if a.is_zero() {
            return e;
        }
        let point = crate::math::expr::display::expr(a);
        let shifted = format!("({x} - {point})");
        let fix = |s: String| {
            s.replace(&format!("{SHIFT} = 0"), &format!("{x} = {point}"))
                .replace(SHIFT, &shifted)
        };
        match e {
            MathError::Domain(s) => MathError::Domain(fix(s)),
            MathError::Unsupported(s) => MathError::Unsupported(fix(s)),
            MathError::Undefined(s) => MathError::Undefined(fix(s)),
            other => other,
        }
    };
    let mut e = expand_rings(&g, &var, n).map_err(rename)?;
    if !a.is_zero() {
        let shifted = format!("({x} - {})", crate::math::expr::display::expr(a));
        for t in &mut e.trail {
            *t = t.replace(SHIFT, &shifted);
        }
    }
    Ok(e)
}

/// Expands over the rationals, or over symbolic coefficients when a constant needs them.
fn expand_rings(g: &Expr, var: &str, n: usize) -> MResult<Expansion> {
    match run::<Q>(g, var, n) {
        Ok((c, trail)) => Ok(Expansion {
            coeffs: c.iter().map(Coeff::to_expr).collect(),
            trail,
            symbolic: false,
        }),
        Err(ExpandError::NeedSymbolic) => match run::<Expr>(g, var, n) {
            Ok((c, trail)) => Ok(Expansion {
                coeffs: c
                    .into_iter()
                    .map(|e| subst::expand(&e))
                    .collect::<MResult<Vec<_>>>()?,
                trail,
                symbolic: true,
            }),
            Err(ExpandError::Math(e)) => Err(e),
            Err(ExpandError::NeedSymbolic) => Err(MathError::Unsupported(
                "a coefficient could not be represented".into(),
            )),
        },
        Err(ExpandError::Math(e)) => Err(e),
    }
}

/// Runs the expander over ring `C`, raising the working precision until `n` coefficients
/// are known (divisions by series that vanish at 0 cost precision).
fn run<C: Coeff>(g: &Expr, x: &str, n: usize) -> Result<(Vec<C>, Vec<String>), ExpandError> {
    let mut work = n as i64;
    // Cancellations at the point rarely cost more than a few hundred orders.
    let limit = 4 * n as i64 + 512;
    for _ in 0..8 {
        let mut ex = Expander::<C>::new(x, work.max(1));
        let s = match ex.series(g) {
            Err(ExpandError::Math(MathError::NeedPrecision)) => {
                // A divisor vanished to this order: double the working precision.
                work = work.max(1) * 2 + 4;
                if work > limit {
                    break;
                }
                continue;
            }
            other => other?,
        };
        if s.val < 0 && !s.is_zero() {
            return Err(ExpandError::Math(MathError::Domain(format!(
                "the expression has a pole of order {} at the expansion point; Laurent series are not supported",
                -s.val
            ))));
        }
        if s.prec >= n as i64 {
            let c = (0..n as i64)
                .map(|k| s.coeff(k).unwrap_or_else(C::zero))
                .collect();
            return Ok((c, ex.trail));
        }
        work += (n as i64 - s.prec) + 2;
        if work as usize > MAX_ORDER * 2 {
            break;
        }
    }
    Err(ExpandError::Math(MathError::Unsupported(format!(
        "the expansion loses too much precision: a divisor vanishes through order {work} (is it identically zero?)"
    ))))
}
