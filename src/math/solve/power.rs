//! Relations whose non-rational parts are powers. A sum whose terms share powers of the same
//! bases is factored (the smallest exponent of each base comes out); then every factor is
//! replaced by one of the same sign and the same zeros and poles on the domain: b^(p/q) with
//! q odd by b^p (reduced to b^(±1) or b^(±2)), with q even by b^(±1) (there b ≥ 0), and a
//! positive factor such as exp(u) by 1. When that leaves a rational function, the sign chart
//! solves it; otherwise factors of known sign on the domain are divided out. An isolated odd
//! root u^(1/n) rel v is raised to the n-th power, an even one split on the sign of v.

use super::chart::Chart;
use super::order::{Ctx, Sign};
use super::{ratfun, Solver};
use crate::math::answer::Rich;
use crate::math::expr::{self, Expr, MResult};
use crate::math::logic::{Formula, Rel};
use crate::math::Q;

/// `e` as (base, exponent) factors.
fn factors(e: &Expr) -> Vec<(Expr, Expr)> {
    let split = |f: &Expr| match f {
        Expr::Pow(b, k) => ((**b).clone(), (**k).clone()),
        other => (other.clone(), Expr::one()),
    };
    match e {
        Expr::Mul(fs) => fs.iter().map(split).collect(),
        other => vec![split(other)],
    }
}

/// `h` as its common power factors and the cofactor: for a sum, the bases (depending on
/// `x`) that every term has, with their least exponent when all are numbers, or their one
/// exponent when it is the same symbolic one; for anything else, `h` itself as factors.
fn common(h: &Expr, x: &str) -> MResult<Vec<(Expr, Expr)>> {
    let Expr::Add(terms) = h else {
        return Ok(factors(h));
    };
    let split: Vec<Vec<(Expr, Expr)>> = terms.iter().map(factors).collect();
    let mut out: Vec<(Expr, Expr)> = Vec::new();
    let mut rest: Vec<Vec<(Expr, Expr)>> = split.clone();
    'bases: for (b, k) in &split[0] {
        if !b.depends_on(x) && !k.depends_on(x) {
            continue;
        }
        let mut least = k.clone();
        for t in &split[1..] {
            let Some((_, k2)) = t.iter().find(|(b2, _)| b2 == b) else {
                continue 'bases;
            };
            match (least.as_num(), k2.as_num()) {
                (Some(a), Some(c)) => {
                    if c < a {
                        least = k2.clone();
                    }
                }
                _ if *k2 == least => {}
                _ => continue 'bases,
            }
        }
        for t in rest.iter_mut() {
            for (b2, k2) in t.iter_mut() {
                if b2 == b {
                    *k2 = expr::sub(k2.clone(), least.clone())?;
                }
            }
        }
        out.push((b.clone(), least));
    }
    if out.is_empty() {
        return Ok(vec![(h.clone(), Expr::one())]);
    }
    let mut cofactor = Vec::with_capacity(rest.len());
    for t in rest {
        let fs = t
            .into_iter()
            .map(|(b, k)| expr::pow(b, k))
            .collect::<MResult<Vec<_>>>()?;
        cofactor.push(expr::mul(fs)?);
    }
    let cof = expr::add(cofactor)?;
    out.extend(factors(&cof));
    Ok(out)
}

/// A power of the same sign, zeros and poles as b^k where b ≥ 0 under an even root:
/// b^(±1) or b^(±2); `None` for an exponent that is not a number.
fn sign_power(k: &Expr) -> Option<i64> {
    let q = k.as_num()?;
    let s = if q.is_negative() { -1 } else { 1 };
    let even_root = !q.is_integer() && q.denom().is_even();
    Some(if !even_root && q.numer().is_even() {
        2 * s
    } else {
        s
    })
}

impl Solver {
    /// `lhs rel rhs` on `dom` through the signs of its factors; `None` when the relation
    /// is not a product of such factors or nothing would change.
    pub fn factored(
        &mut self,
        lhs: &Expr,
        rel: Rel,
        rhs: &Expr,
        dom: &Chart,
        depth: usize,
    ) -> MResult<Option<Chart>> {
        let x = self.x.clone();
        let h = expr::sub(lhs.clone(), rhs.clone())?;
        let mut coef = Vec::new();
        let mut kept: Vec<(Expr, i64)> = Vec::new();
        let mut changed = false;
        for (b, k) in common(&h, &x)? {
            if !b.depends_on(&x) && !k.depends_on(&x) {
                coef.push(expr::pow(b, k)?);
            } else if !b.depends_on(&x) {
                if !(b == Expr::e() || b.as_num().is_some_and(Q::is_positive)) {
                    return Ok(None);
                }
                changed = true; // a positive power of a positive constant
            } else {
                let Some(s) = sign_power(&k) else {
                    return Ok(None);
                };
                changed |= k != Expr::int(s);
                kept.push((b, s));
            }
        }
        if !changed && kept.len() <= 1 {
            return Ok(None);
        }
        let c = expr::mul(coef)?;
        let mut parts = vec![c.clone()];
        for (b, s) in &kept {
            parts.push(expr::pow(b.clone(), Expr::int(*s))?);
        }
        let equivalent = expr::mul(parts)?;
        let relation = Rich::math(lhs.clone()).and(rel.op()).and(rhs);
        let why = "factored: a power b^(p/q) has the sign, zeros and poles of b^p when q is odd and of b (≥ 0) when q is even; exp(u) and b^u are positive";
        let rational = ratfun::together(&equivalent, &x)?
            .is_some_and(|(n, d)| n.to_poly().is_some() && d.to_poly().is_some());
        if rational && changed {
            self.steps.push(
                relation.and(" ⟺ ").and(
                    Rich::math(equivalent.clone())
                        .and(rel.op())
                        .and(Expr::zero()),
                ),
                why,
            );
            return Ok(Some(self.relation(
                &equivalent,
                rel,
                &Expr::zero(),
                dom,
                depth + 1,
            )?));
        }
        // Divide out the factors whose sign on the domain is known.
        let on_dom = self.facts.with(&x, dom.clone());
        let ctx = Ctx { facts: &on_dom };
        let mut rel = rel;
        let mut unknown = Vec::new();
        for (b, s) in kept {
            match ctx.sign_of(&expr::pow(b.clone(), Expr::int(s))?)? {
                Some(Sign::Pos) => {}
                Some(Sign::Neg) => rel = rel.flip(),
                _ => unknown.push((b, s)),
            }
        }
        match self.ctx().sign(&c)? {
            Sign::Pos => {}
            Sign::Neg => rel = rel.flip(),
            _ => return Ok(None),
        }
        let [(f, s)] = unknown.as_slice() else {
            return Ok(None);
        };
        if *f == h {
            return Ok(None);
        }
        // f^s rel 0 with s = ±1 has the sign of f; s = ±2 is ≥ 0 with the zeros of f.
        let rel2 = match (s.abs(), rel) {
            (1, r) => Some(r),
            (_, Rel::Gt | Rel::Ne) => Some(Rel::Ne),
            (_, Rel::Le | Rel::Eq) => Some(Rel::Eq),
            (_, Rel::Ge) => None,
            (_, Rel::Lt) => {
                self.steps
                    .push(relation.and(" ⟺ false"), "an even power is never negative");
                return Ok(Some(Chart::empty()));
            }
        };
        let Some(rel2) = rel2 else {
            self.steps.push(
                relation.and(" holds wherever it is defined"),
                "an even power is never negative",
            );
            return Ok(Some(dom.clone()));
        };
        self.steps.push(
            relation
                .and(" ⟺ ")
                .and(Rich::math(f.clone()).and(rel2.op()).and(Expr::zero())),
            Rich::text(why).and("; the other factors have a known sign on the domain"),
        );
        Ok(Some(self.relation(
            f,
            rel2,
            &Expr::zero(),
            dom,
            depth + 1,
        )?))
    }

    /// `u^(1/n) rel v` (either side) with `v` depending on the variable: for odd n both
    /// sides raised to the n-th power; for even n, v < 0 and v ≥ 0 apart.
    pub fn isolated_root(
        &mut self,
        lhs: &Expr,
        rel: Rel,
        rhs: &Expr,
        dom: &Chart,
        depth: usize,
    ) -> MResult<Option<Chart>> {
        let x = self.x.clone();
        let root = |e: &Expr| match e {
            Expr::Pow(u, k) => match k.as_num() {
                Some(q) if q.numer().to_i64() == Some(1) && !q.is_integer() => {
                    q.denom().to_i64().map(|n| ((**u).clone(), n))
                }
                _ => None,
            },
            _ => None,
        };
        let (u, n, v, r) = match (root(lhs), root(rhs)) {
            (Some((u, n)), _) => (u, n, rhs.clone(), rel),
            (None, Some((u, n))) => (u, n, lhs.clone(), rel.flip()),
            _ => return Ok(None),
        };
        if !v.depends_on(&x) || !(2..=64).contains(&n) {
            return Ok(None);
        }
        let vn = expr::pow(v.clone(), Expr::int(n))?;
        let raised = Formula::rel(u.clone(), r, vn.clone());
        let (f, why) = if n % 2 == 1 {
            (raised, "t ↦ t^n is strictly increasing on ℝ for odd n")
        } else {
            // Both sides ≥ 0 where v ≥ 0, where t ↦ t^n increases; where v < 0 the root
            // (≥ 0) exceeds v.
            let v_ge = Formula::rel(v.clone(), Rel::Ge, Expr::zero());
            let v_lt = Formula::rel(v.clone(), Rel::Lt, Expr::zero());
            let f = match r {
                Rel::Gt | Rel::Ge | Rel::Ne => Formula::or(v_lt, Formula::and(v_ge, raised)),
                Rel::Lt | Rel::Le | Rel::Eq => Formula::and(v_ge, raised),
            };
            (
                f,
                "an even root is ≥ 0: against a negative side it is larger; against a side ≥ 0 both sides may be raised to the n-th power, which is increasing on [0, ∞)",
            )
        };
        self.steps.push(
            Rich::math(lhs.clone())
                .and(rel.op())
                .and(rhs)
                .and(" ⟺ ")
                .and(super::formula_rich(&f)),
            why,
        );
        let c = self.formula(&f, dom, depth + 1)?;
        Ok(Some(dom.intersect(&c, &self.ctx())?))
    }
}
