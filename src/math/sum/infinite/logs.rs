//! Sums whose terms are logarithms of rational functions that split into linear factors over
//! Q: ln R(n) = ln κ + Σ eᵢ·ln(n + cᵢ), valid for n ≥ lo when every n + cᵢ > 0.
//!
//! - A pure combination Σ qⱼ·ln Rⱼ(n) with κ = 1, Σ eᵢ = 0 and Σ eᵢ·cᵢ = 0 telescopes through
//!   Γ: Σ_{n=lo}^{N} ln(n + c) = ln Γ(N + 1 + c) − ln Γ(lo + c), and ln Γ(N + c) = ln Γ(N) +
//!   c·ln N + o(1), so Σ_{n≥lo} = −Σ eᵢ·ln Γ(lo + cᵢ) (Σ ln((n+1)²/(n(n+2))) = ln 2).
//! - Anything else with such logarithms (ratios of logarithms, ln(1 + 1/n)/(ln n·ln(n+1))) is
//!   split and expanded, then handed to the antidifference search (1/ln n − 1/ln(n+1)).

use super::*;
use crate::math::poly::split_linear;

/// `e` with every ln of a rational function of n split into logs of linear factors, when each
/// factor is positive for n ≥ lo; `None` when some log does not split or may be negative.
fn split_logs(e: &Expr, n: &str, lo: &Q, changed: &mut bool) -> MResult<Option<Expr>> {
    Ok(Some(match e {
        Expr::Func(Func::Ln, args) if args[0].depends_on(n) => {
            let Some((kappa, factors)) = split_linear(&args[0], n) else {
                return Ok(None);
            };
            if factors.len() < 2 && kappa.is_one() {
                return Ok(Some(e.clone()));
            }
            if !kappa.is_positive() || factors.iter().any(|(c, _)| !lo.add(c).is_positive()) {
                return Ok(None);
            }
            *changed = true;
            let mut parts = vec![expr::func(Func::Ln, vec![Expr::Num(kappa)])?];
            for (c, m) in factors {
                let lin = expr::add(vec![Expr::sym(n), Expr::Num(c)])?;
                parts.push(expr::mul(vec![
                    Expr::int(m),
                    expr::func(Func::Ln, vec![lin])?,
                ])?);
            }
            expr::add(parts)?
        }
        Expr::Add(v) | Expr::Mul(v) => {
            let mut out = Vec::new();
            for x in v {
                let Some(y) = split_logs(x, n, lo, changed)? else {
                    return Ok(None);
                };
                out.push(y);
            }
            if matches!(e, Expr::Add(_)) {
                expr::add(out)?
            } else {
                expr::mul(out)?
            }
        }
        Expr::Pow(b, x) => {
            let Some(b2) = split_logs(b, n, lo, changed)? else {
                return Ok(None);
            };
            expr::pow(b2, (**x).clone())?
        }
        other => other.clone(),
    }))
}

/// a = Σ qⱼ·ln Rⱼ(n) as the multiset of (cᵢ, eᵢ) with rational weights, and Π κⱼ^qⱼ's log
/// vanishing; `None` when a is not such a combination.
fn pure_logs(a: &Expr, n: &str) -> Option<Vec<(Q, Q)>> {
    let terms = match a {
        Expr::Add(ts) => ts.clone(),
        other => vec![other.clone()],
    };
    let mut out: Vec<(Q, Q)> = Vec::new();
    for t in &terms {
        let (q, l) = match t {
            Expr::Mul(fs) => match fs.as_slice() {
                [Expr::Num(q), l] => (q.clone(), l),
                _ => return None,
            },
            l => (Q::one(), l),
        };
        let Expr::Func(Func::Ln, args) = l else {
            return None;
        };
        let (kappa, factors) = split_linear(&args[0], n)?;
        if !kappa.is_one() {
            return None;
        }
        for (c, e) in factors {
            let w = q.mul(&Q::int(e));
            match out.iter_mut().find(|(c2, _)| *c2 == c) {
                Some(slot) => slot.1 = slot.1.add(&w),
                None => out.push((c, w)),
            }
        }
    }
    Some(out)
}

/// Σ_{n≥lo} a(n) for terms built from logarithms of rational functions that split.
pub(super) fn by_split_logs(
    a: &Expr,
    n: &str,
    lo: &Integer,
) -> MResult<Option<(Expr, Derivation)>> {
    let lo_q = Q::from_integer(lo.clone());
    let mut changed = false;
    let Some(split) = split_logs(a, n, &lo_q, &mut changed)? else {
        return Ok(None);
    };
    if !changed {
        return Ok(None);
    }
    let mut d = Derivation::new();
    d.push(
        rich![a, Op::Eq, &split],
        "the logarithms split over the linear factors, each positive for n ≥ the start",
    );
    if let Some(pairs) = pure_logs(a, n) {
        let total = pairs.iter().fold(Q::zero(), |s, (_, e)| s.add(e));
        let moment = pairs.iter().fold(Q::zero(), |s, (c, e)| s.add(&c.mul(e)));
        if !total.is_zero() || !moment.is_zero() {
            return Ok(None);
        }
        // −Σ eᵢ·ln Γ(lo + cᵢ) = ln Π Γ(lo + cᵢ)^(−eᵢ), every Γ value positive (lo + cᵢ > 0).
        let mut parts = Vec::new();
        for (c, e) in &pairs {
            let g = expr::func(Func::Gamma, vec![Expr::Num(lo_q.add(c))])?;
            parts.push(expr::pow(g, Expr::Num(e.neg()))?);
        }
        let value = expr::func(Func::Ln, vec![expr::mul(parts)?])?;
        d.push_expr(
            rich![
                names::sigma_from(n, &lo.to_string()),
                " ",
                &split,
                Notation::new(" =", " =")
            ],
            value.clone(),
            "the sum of ln(n + c) for n from lo to N is ln Γ(N + 1 + c) − ln Γ(lo + c); the weights e of the logs ln(n + c) sum to 0 and so do the products e·c, so the Γ terms at N cancel as N → oo (ln Γ(N + c) = ln Γ(N) + c·ln N + o(1))",
        );
        return Ok(Some((value, d)));
    }
    let expanded = crate::math::expr::subst::expand(&split)?;
    let Some((v, steps)) = by_antidifference(&expanded, n, &Expr::Num(lo_q))? else {
        return Ok(None);
    };
    d.extend(steps);
    Ok(Some((v, d)))
}
