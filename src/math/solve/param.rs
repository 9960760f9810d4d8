//! Relations whose coefficients hold other symbols (parameters such as s in `s^2/(s^2 + λ) >=
//! 4/5`, solved for λ): numerator and denominator of degree at most 1 in the variable, each
//! coefficient's sign taken from the assumptions, the critical points ordered by the same
//! oracle. Anything whose signs or order do not follow is refused with the reason.

use super::chart::Chart;
use super::ratfun::PolyE;
use super::Solver;
use crate::math::answer::Rich;
use crate::math::expr::{self, Expr, MResult, MathError};
use crate::math::logic::Rel;
use std::cmp::Ordering;

/// One linear or constant factor: its root (if linear), the sign of its leading coefficient,
/// and whether it is in the denominator.
struct Lin {
    root: Option<Expr>,
    sign: Ordering,
    pole: bool,
}

/// The set where `n/d rel 0`, `n` and `d` of degree ≤ 1 in the variable.
pub fn solve(s: &mut Solver, n: &PolyE, d: &PolyE, rel: Rel) -> MResult<Chart> {
    let x = s.x.clone();
    if n.degree() > 1 || d.degree() > 1 {
        return Err(MathError::Unsupported(format!(
            "{}/({}) {} 0 has symbolic coefficients and degree above 1 in {x}",
            n.to_expr(&x)?,
            d.to_expr(&x)?,
            rel.symbol()
        )));
    }
    let mut factors = Vec::new();
    for (p, pole) in [(n, false), (d, true)] {
        if p.is_zero() {
            // n ≡ 0: the relation at equality wherever d ≠ 0.
            continue;
        }
        let lead = p.lead();
        let sign = s
            .ctx()
            .sign(&lead)?
            .strict()
            .filter(|o| *o != Ordering::Equal);
        let Some(sign) = sign else {
            return Err(MathError::Unsupported(format!(
                "the sign of the coefficient {lead} does not follow from what is assumed"
            )));
        };
        let root = if p.degree() == 1 {
            let r = expr::div(expr::neg(p.0[0].clone())?, lead.clone())?;
            let r = expr::subst::expand(&r).unwrap_or(r);
            let claim = Rich::math(p.to_expr(&x)?)
                .and(Rich::text(" = 0 at "))
                .and(Expr::Sym(x.as_str().into()))
                .and(" = ")
                .and(&r);
            let why = format!(
                "a linear {} whose leading coefficient is {}",
                if pole { "denominator" } else { "numerator" },
                if sign == Ordering::Greater {
                    "positive"
                } else {
                    "negative"
                }
            );
            s.steps.push(claim, why);
            Some(r)
        } else {
            None
        };
        factors.push(Lin { root, sign, pole });
    }
    let ctx_facts = s.facts.clone();
    let ctx = super::order::Ctx { facts: &ctx_facts };
    if n.is_zero() {
        let mut c = if rel.holds_at_equality() {
            Chart::full()
        } else {
            Chart::empty()
        };
        if let Some(r) = factors.iter().find_map(|f| f.root.clone()) {
            c = c.minus(&Chart::point(r), &ctx)?;
        }
        return Ok(c);
    }
    let mut at_inf = factors
        .iter()
        .fold(Ordering::Greater, |acc, f| mul(acc, f.sign));
    // Points in increasing order; a zero equal to a pole is a pole (no sign change).
    let mut pts: Vec<(Expr, bool, usize)> = Vec::new();
    for f in &factors {
        let Some(r) = &f.root else { continue };
        let mut placed = false;
        for k in 0..pts.len() {
            match ctx.cmp(r, &pts[k].0)? {
                Ordering::Less => {
                    pts.insert(k, (r.clone(), f.pole, 1));
                    placed = true;
                    break;
                }
                Ordering::Equal => {
                    pts[k].1 |= f.pole;
                    pts[k].2 += 1;
                    placed = true;
                    break;
                }
                Ordering::Greater => {}
            }
        }
        if !placed {
            pts.push((r.clone(), f.pole, 1));
        }
    }
    let mut cells = vec![at_inf; pts.len() + 1];
    for k in (0..pts.len()).rev() {
        if pts[k].2 % 2 == 1 {
            at_inf = at_inf.reverse();
        }
        cells[k] = at_inf;
    }
    Ok(Chart {
        points: pts.iter().map(|p| p.0.clone()).collect(),
        at: pts
            .iter()
            .map(|p| !p.1 && rel.holds_at_equality())
            .collect(),
        cells: cells.iter().map(|&o| rel.holds(o)).collect(),
    }
    .simplified())
}

fn mul(a: Ordering, b: Ordering) -> Ordering {
    if a == b {
        Ordering::Greater
    } else {
        Ordering::Less
    }
}
