//! The dominant part of a term with bounded perturbations: in every sum that holds sin or cos
//! of a growing argument, each oscillating term is at most its factor without sin and cos
//! (|sin|, |cos| ≤ 1); when that factor is o of the rest of the sum, the sum is the rest times
//! (1 + o(1)). So 1/(n³ + n·cos n) = n^(−3)·(1 + o(1)), n/(n + sin n) → 1, and
//! sin(n)/(n² + cos n) = (sin(n)/n²)·(1 + o(1)).

use super::{limit_at_infinity, Limit};
use crate::math::expr::{self, Expr, Func, MResult};
use crate::math::trigpoly::atoms;

/// `r ≠ a` with `a = r·(1 + o(1))`, every perturbed sum replaced by its dominant part (sin and
/// cos that are factors stay), or `None`.
pub(crate) fn dominant(a: &Expr, n: &str) -> MResult<Option<Expr>> {
    if atoms(a, n).is_empty() {
        return Ok(None);
    }
    let r = part(a, n)?;
    Ok(r.filter(|r| r != a))
}

fn part(e: &Expr, n: &str) -> MResult<Option<Expr>> {
    if atoms(e, n).is_empty() {
        return Ok(Some(e.clone()));
    }
    Ok(match e {
        Expr::Func(Func::Sin | Func::Cos, _) => Some(e.clone()),
        Expr::Pow(b, k)
            if matches!(**b, Expr::Func(Func::Sin | Func::Cos, _)) && !k.depends_on(n) =>
        {
            Some(e.clone())
        }
        Expr::Mul(fs) => {
            let mut out = Vec::new();
            for f in fs {
                let Some(r) = part(f, n)? else {
                    return Ok(None);
                };
                out.push(r);
            }
            Some(expr::mul(out)?)
        }
        Expr::Pow(b, k) if !k.depends_on(n) => match part(b, n)? {
            Some(r) => Some(expr::pow(r, (**k).clone())?),
            None => None,
        },
        Expr::Add(ts) => {
            let (wavy, calm): (Vec<Expr>, Vec<Expr>) =
                ts.iter().cloned().partition(|t| !atoms(t, n).is_empty());
            let rest = expr::add(calm)?;
            if rest.is_zero() {
                return Ok(None);
            }
            for t in &wavy {
                let Some(g) = without_atoms(t, n)? else {
                    return Ok(None);
                };
                let ratio = expr::div(g, rest.clone())?;
                match limit_at_infinity(&ratio, n)?.0 {
                    Limit::Value(v) if v.is_zero() => {}
                    _ => return Ok(None),
                }
            }
            Some(rest)
        }
        _ => None,
    })
}

/// `t` with its sin/cos factors (and their positive integer powers) dropped, so |t| ≤ |result|;
/// `None` when sin or cos sits anywhere else in `t`.
fn without_atoms(t: &Expr, n: &str) -> MResult<Option<Expr>> {
    let factors = match t {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let mut kept = Vec::new();
    for f in factors {
        let is_atom = |x: &Expr| matches!(x, Expr::Func(Func::Sin | Func::Cos, _));
        let dropped = match &f {
            x if is_atom(x) => true,
            Expr::Pow(b, k) => {
                is_atom(b)
                    && k.as_num()
                        .is_some_and(|k| k.is_integer() && k.is_positive())
            }
            _ => false,
        };
        if dropped {
            continue;
        }
        if !atoms(&f, n).is_empty() {
            return Ok(None);
        }
        kept.push(f);
    }
    Ok(Some(expr::mul(kept)?))
}
