//! Power-tower templates: a class sequence d_n = Q(n)·(n + b)^(n + s) with Q hypergeometric,
//! the shape of the Lambert W series W(x) = Σ (−n)^(n−1)·xⁿ/n! (DLMF 4.13.5) and of its
//! relatives (e^(a·W(x)), W(x)/x, the tree function T(x) = −W(−x)). Q is fitted like any other
//! sequence and the product is re-evaluated exactly against every term.

use super::{hyper, settle, Found, Index, MAX_EXCEPTIONS};
use crate::math::expr::{add, mul, pow, Expr};
use crate::math::number::Q;
use crate::rich;
use rug::Integer;

/// Fewest class terms a template is fitted and checked on.
const MIN_TERMS: usize = 30;

/// A closed form d_n = Q(n)·(n + b)^(n + s) for b ∈ {−1, …, 2}, s ∈ {−2, …, 1}; s = −1
/// first, the exponent of the textbook forms.
pub(super) fn closed(d: &[Q], var: &str, idx: &Index) -> Option<Found> {
    if d.len() < MIN_TERMS || d.iter().all(Q::is_zero) {
        return None;
    }
    for b in [0, 1, -1, 2] {
        for s in [-1, 0, 1, -2] {
            if let Some(found) = with_template(d, b, s, var, idx) {
                return Some(found);
            }
        }
    }
    None
}

/// (n + b)^(n + s) for n = 0 … len − 1; `None` (undefined) where n + b = 0 and n + s < 0.
fn weight(n: i64, b: i64, s: i64) -> Option<Q> {
    let (base, e) = (n + b, n + s);
    if base == 0 {
        return (e > 0).then(Q::zero).or_else(|| (e == 0).then(Q::one));
    }
    let p = Integer::from(Integer::i_pow_u(
        i32::try_from(base).ok()?,
        e.unsigned_abs() as u32,
    ));
    let p = Q::from_integer(p);
    if e >= 0 {
        Some(p)
    } else {
        Q::one().div(&p).ok()
    }
}

fn with_template(d: &[Q], b: i64, s: i64, var: &str, idx: &Index) -> Option<Found> {
    // Q(n) = d_n/w_n where the weight is defined and non-zero; the first such n starts the fit.
    let mut start = None;
    let mut q = Vec::with_capacity(d.len());
    for (n, dn) in d.iter().enumerate() {
        match weight(n as i64, b, s) {
            Some(w) if !w.is_zero() => {
                start.get_or_insert(n);
                q.push(dn.div(&w).ok()?);
            }
            _ => {
                if start.is_some() {
                    return None;
                }
                q.push(Q::zero());
            }
        }
    }
    let start = start?;
    let quotient = Index { m: 1, r: 0, var };
    let inner = hyper::closed(&q[start..], var, &quotient)?;
    // The inner formula is in n − start; shift it back.
    let n = Expr::sym(var);
    let shifted = crate::math::expr::subst::subs(
        &inner.formula,
        var,
        &add(vec![n.clone(), Expr::int(-(start as i64))]).ok()?,
    )
    .ok()?;
    let tower = pow(
        add(vec![n.clone(), Expr::int(b)]).ok()?,
        add(vec![n, Expr::int(s)]).ok()?,
    )
    .ok()?;
    let formula = mul(vec![shifted, tower]).ok()?;
    // The formula is checked where its base is positive (0^0 has no value); earlier terms
    // may be exceptions.
    let from = (start + inner.n0).max((1 - b).max(0) as usize);
    let (mut n0, mut exceptions) = settle(d, from, &formula, var)?;
    if n0 < from {
        // Never let the formula stand for a term where its base is 0 or negative.
        n0 = from;
        exceptions = (0..from)
            .filter(|&n| !d[n].is_zero())
            .map(|n| (n, d[n].clone()))
            .collect();
        if exceptions.len() > MAX_EXCEPTIONS {
            return None;
        }
    }
    let shown = |k: i64| match k {
        0 => var.to_string(),
        k if k > 0 => format!("{var}+{k}"),
        k => format!("{var}{k}"),
    };
    Some(Found {
        formula,
        n0,
        exceptions,
        fitted: inner.fitted,
        checked: inner.checked,
        method: rich![
            format!(
                "power-tower template: c({var}) here stands for {}/{}^({}){}, which satisfies ",
                idx.at(0),
                if b == 0 {
                    var.to_string()
                } else {
                    format!("({})", shown(b))
                },
                shown(s),
                if start > 0 {
                    format!(", counted from {var} = {start}")
                } else {
                    String::new()
                }
            ),
            inner.method
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::number;

    /// c_n = sign·(n + b)^(n + s)/n! for n = 0 … 59, the weight's convention at 0^0.
    fn seq(b: i64, s: i64, alternate: bool) -> Vec<Q> {
        (0..60)
            .map(|n: i64| {
                let w = weight(n, b, s).unwrap_or_else(Q::zero);
                let f = Q::from_integer(number::factorial(n as u64).unwrap());
                let v = w.div(&f).unwrap();
                if alternate && n % 2 == 1 {
                    v.neg()
                } else {
                    v
                }
            })
            .collect()
    }

    #[test]
    fn finds_the_lambert_shapes() {
        let idx = Index {
            m: 1,
            r: 0,
            var: "n",
        };
        // W(x) = Σ (−n)^(n−1)xⁿ/n! (DLMF 4.13.5), e^W = x/W with base n − 1.
        for (b, s) in [(0, -1), (-1, -1), (1, -1)] {
            let d = seq(b, s, true);
            let found = closed(&d, "n", &idx);
            assert!(found.is_some(), "b = {b}, s = {s}");
        }
    }
}
