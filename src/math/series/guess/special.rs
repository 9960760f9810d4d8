//! Bernoulli and Euler templates: a class sequence d_n = c_(m·n+r) of the form
//! Q(n)·B_j/j! or Q(n)·E_j/j! with j = m·n + r + s, where Q(n) (or n·Q(n)) is hypergeometric or
//! C-finite. This is how the classical series of x/(eˣ − 1), x·cot x, tan x, sec x, tanh x,
//! x·coth x and ln(cos x) are recognised (DLMF 24.2.1, 24.2.6, 4.19): from their coefficients,
//! not from the function. The quotient Q is fitted like any other sequence and the product is
//! re-evaluated exactly against every term, as for every closed form.

use super::{cfinite, hyper, settle, Found, Index};
use crate::math::expr::{bernoulli, div, func, mul, Expr, Func};
use crate::math::number::{self, Q};
use crate::rich;

/// Fewest class terms a template is fitted and checked on.
const MIN_TERMS: usize = 30;
/// Largest shift s of the number's index beyond the class index m·n + r.
const MAX_SHIFT: usize = 2;

/// A closed form d_n = Q(n)·N_(mn+r+s)/(mn+r+s)! with N a Bernoulli or Euler number.
pub(super) fn closed(d: &[Q], m: usize, r: usize, var: &str, idx: &Index) -> Option<Found> {
    if d.len() < MIN_TERMS || d.iter().all(Q::is_zero) {
        return None;
    }
    for kind in [Func::Bernoulli, Func::Euler] {
        for s in 0..=MAX_SHIFT {
            if let Some(found) = with_template(d, m, r, s, kind, var, idx) {
                return Some(found);
            }
        }
    }
    None
}

/// N_j/j! for j = m·n + r + s, n = 0 … len − 1; `None` when the number is 0 at some n ≥ 1
/// (the template would not determine Q there).
fn weights(len: usize, m: usize, r: usize, s: usize, kind: Func) -> Option<Vec<Q>> {
    let mut out = Vec::with_capacity(len);
    for n in 0..len {
        let j = (m * n + r + s) as u64;
        let num = match kind {
            Func::Euler => Q::from_integer(bernoulli::euler(j).ok()?),
            _ => bernoulli::bernoulli(j).ok()?,
        };
        if num.is_zero() && n >= 1 {
            return None;
        }
        out.push(num.div(&Q::from_integer(number::factorial(j).ok()?)).ok()?);
    }
    Some(out)
}

fn with_template(
    d: &[Q],
    m: usize,
    r: usize,
    s: usize,
    kind: Func,
    var: &str,
    idx: &Index,
) -> Option<Found> {
    let w = weights(d.len(), m, r, s, kind)?;
    // Q(n) = d_n/w_n (0 where both vanish at n = 0).
    let mut q = Vec::with_capacity(d.len());
    for (dn, wn) in d.iter().zip(&w) {
        if wn.is_zero() {
            if !dn.is_zero() {
                return None;
            }
            q.push(Q::zero());
        } else {
            q.push(dn.div(wn).ok()?);
        }
    }
    let n = Expr::sym(var);
    let j = crate::math::expr::add(vec![
        mul(vec![Expr::int(m as i64), n.clone()]).ok()?,
        Expr::int((r + s) as i64),
    ])
    .ok()?;
    let number = func(kind, vec![j.clone()]).ok()?;
    let fact = func(Func::Factorial, vec![j]).ok()?;
    // Q itself, or n·Q(n) (the 1/n of ln(cos x)).
    for over_n in [false, true] {
        let target: Vec<Q> = if over_n {
            q.iter()
                .enumerate()
                .map(|(i, x)| x.mul(&Q::int(i as i64)))
                .collect()
        } else {
            q.clone()
        };
        let quotient = Index { m: 1, r: 0, var };
        let Some(inner) = hyper::closed(&target, var, &quotient)
            .or_else(|| cfinite::closed(&target, var, &quotient))
        else {
            continue;
        };
        let mut factors = vec![inner.formula.clone(), number.clone()];
        if over_n {
            factors.push(crate::math::expr::pow(n.clone(), Expr::int(-1)).ok()?);
        }
        let formula = div(mul(factors).ok()?, fact.clone()).ok()?;
        // Verified on every class term from the inner fit's start (n ≥ 1 when divided by n).
        let start = inner.n0.max(usize::from(over_n));
        let (n0, exceptions) = settle(d, start, &formula, var)?;
        let label = if kind == Func::Euler { "E" } else { "B" };
        let j_text = idx.at(0).replace("c(", "").replace(')', "");
        let shown = if s == 0 {
            j_text
        } else {
            format!("{j_text}+{s}")
        };
        return Some(Found {
            formula,
            n0,
            exceptions,
            fitted: inner.fitted,
            checked: inner.checked,
            method: rich![
                format!(
                    "{} template: c({var}) here stands for {}{}·({shown})!/{label}({shown}), which satisfies ",
                    if kind == Func::Euler {
                        "Euler-number"
                    } else {
                        "Bernoulli-number"
                    },
                    if over_n { format!("{var}·") } else { String::new() },
                    idx.at(0),
                ),
                inner.method
            ],
        });
    }
    None
}
