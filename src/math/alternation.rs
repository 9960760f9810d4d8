//! Reading an explicit alternation off a term: `a(n) = (−1)^(n+k)·s(n)` (or `(−b)^(n+k)·s(n)`)
//! split into the sign pattern and the rest. Shared by the convergence tests (Leibniz, the
//! named tests of `test()`) and by certified summation, which both sit above it; it needs only
//! the expression layer.

use crate::math::expr::{self, diff::diff, Expr, MResult};

/// `a(n) = sign·(−1)^n·f(n)`: the magnitude `f` once an explicit (−1)^(n+k) (or (−b)^(n+k))
/// factor is split off.
pub(crate) fn split_alternation(a: &Expr, n: &str) -> MResult<Option<Expr>> {
    Ok(match strip_alternation(a, n)? {
        Some((s, true)) => Some(expr::neg(s)?),
        Some((s, false)) => Some(s),
        None => None,
    })
}

/// `a(n) = (−1)^(n+k)·s(n)` with k an integer: `s` and whether k is odd (so `s` is the
/// magnitude up to the sign (−1)^k, which the caller may or may not want).
pub(crate) fn strip_alternation(a: &Expr, n: &str) -> MResult<Option<(Expr, bool)>> {
    let factors = match a {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let mut rest = Vec::new();
    let mut odd = None;
    for f in factors {
        if let Expr::Pow(b, e) = &f {
            if let (Expr::Num(q), None) = (&**b, odd) {
                if q.is_negative() && diff(e, n)?.is_one() {
                    let k = expr::sub((**e).clone(), Expr::sym(n))?;
                    if let Some(k) = k.as_num().filter(|k| k.is_integer()) {
                        odd = Some(k.numer().is_odd());
                        rest.push(expr::pow(Expr::Num(q.abs()), (**e).clone())?);
                        continue;
                    }
                }
            }
        }
        rest.push(f);
    }
    match odd {
        Some(odd) => Ok(Some((expr::mul(rest)?, odd))),
        None => Ok(None),
    }
}
