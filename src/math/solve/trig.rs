//! Solving a relation in which the variable occurs only inside one sin(u), cos(u) or tan(u),
//! with u = a·x + b (a a nonzero number, b/π rational), on a bounded domain: t = g(u) is
//! solved on g's range once, then carried back on each interval where g is strictly
//! monotone — sin on [kπ − π/2, kπ + π/2] (u = asin(t) + kπ for even k, kπ − asin(t) for
//! odd k), cos on [kπ, (k + 1)π] (u = acos(t) + kπ for even k, (k + 1)π − acos(t) for odd
//! k), tan on (kπ − π/2, kπ + π/2) (u = atan(t) + kπ) — and the pieces are joined. A
//! quotient cos(u)/sin(u) is t = cot(u), decreasing on (kπ, (k + 1)π): u = kπ + arccot(t).

use super::chart::Chart;
use super::substitute::{carry_back, Back};
use super::{set_notation, Solver};
use crate::math::answer::{Notation, Rich};
use crate::math::expr::{self, Expr, Func, MResult, MathError};
use crate::math::logic::{Formula, Rel};
use crate::math::Q;

/// The most monotone pieces followed.
const MAX_PIECES: i64 = 64;

/// ⌊q⌋
fn floor(q: &Q) -> Option<i64> {
    let approx = q.numer().to_f64() / q.denom().to_f64();
    if !approx.is_finite() || approx.abs() > 1e12 {
        return None;
    }
    let mut k = approx.floor() as i64;
    while Q::int(k) > *q {
        k -= 1;
    }
    while Q::int(k + 1) <= *q {
        k += 1;
    }
    Some(k)
}

/// k·π + s·f(v) for the inverse on one piece.
fn shifted(k: i64, sign: i64, f: Expr) -> MResult {
    expr::add(vec![
        expr::mul(vec![Expr::int(k), Expr::pi()])?,
        expr::mul(vec![Expr::int(sign), f])?,
    ])
}

/// acos(v), as π/2 − asin(v) when only that form simplifies.
fn acos(v: &Expr) -> MResult {
    let a = expr::func(Func::Acos, vec![v.clone()])?;
    if !matches!(a, Expr::Func(Func::Acos, _)) {
        return Ok(a);
    }
    let s = expr::func(Func::Asin, vec![v.clone()])?;
    if matches!(s, Expr::Func(Func::Asin, _)) {
        return Ok(a);
    }
    expr::sub(expr::div(Expr::pi(), Expr::int(2))?, s)
}

/// arccot(v) in (0, π): atan(1/v) for v > 0, π/2 at 0, π + atan(1/v) for v < 0.
fn arccot(v: &Expr, ctx: &super::order::Ctx) -> MResult {
    use super::order::Sign;
    let inv = || -> MResult { expr::func(Func::Atan, vec![expr::div(Expr::one(), v.clone())?]) };
    match ctx.sign(v)? {
        Sign::Pos => inv(),
        Sign::Zero => expr::div(Expr::pi(), Expr::int(2)),
        Sign::Neg => expr::add(vec![Expr::pi(), inv()?]),
        _ => Err(MathError::Unsupported(format!(
            "the sign of {v} is not known"
        ))),
    }
}

/// `u` as (a, b) with u = a·x + b, a a nonzero number.
fn linear(u: &Expr, x: &str) -> MResult<Option<(Q, Expr)>> {
    let d = expr::diff::diff(u, x)?;
    let Some(a) = d.as_num().filter(|a| !a.is_zero()).cloned() else {
        return Ok(None);
    };
    let b = expr::subst::subs(u, x, &Expr::zero())?;
    let back = expr::add(vec![
        expr::mul(vec![Expr::Num(a.clone()), Expr::sym(x)])?,
        b.clone(),
    ])?;
    let rest = expr::subst::expand(&expr::sub(u.clone(), back)?)?;
    Ok((rest.is_zero() && !b.depends_on(x)).then_some((a, b)))
}

/// The first sin(u), cos(u) or tan(u) in `e` whose argument depends on `x`.
fn find(e: &Expr, x: &str, out: &mut Vec<Expr>) {
    if !e.depends_on(x) {
        return;
    }
    if let Expr::Func(Func::Sin | Func::Cos | Func::Tan, a) = e {
        if a[0].depends_on(x) && !out.contains(e) {
            out.push(e.clone());
        }
    }
    match e {
        Expr::Pow(b, k) => {
            find(b, x, out);
            find(k, x, out);
        }
        Expr::Add(v) | Expr::Mul(v) | Expr::Func(_, v) => v.iter().for_each(|a| find(a, x, out)),
        _ => {}
    }
}

impl Solver {
    /// `lhs rel rhs` on the bounded `dom` when the variable occurs only inside one
    /// sin/cos/tan of a linear argument; `None` when that is not the case.
    pub fn trigonometric(
        &mut self,
        lhs: &Expr,
        rel: Rel,
        rhs: &Expr,
        dom: &Chart,
        depth: usize,
    ) -> MResult<Option<Chart>> {
        let x = self.x.clone();
        let mut found = Vec::new();
        find(lhs, &x, &mut found);
        find(rhs, &x, &mut found);
        let name = if x == "t" { "s" } else { "t" }.to_string();
        let t = Expr::sym(&name);
        // cot(u) = cos(u)/sin(u): cos(u) written t·sin(u), on the pieces where sin(u) ≠ 0.
        let mut tries: Vec<(Expr, bool)> = found.iter().map(|f| (f.clone(), false)).collect();
        tries.extend(
            found
                .iter()
                .filter(|f| matches!(f, Expr::Func(Func::Sin, _)))
                .map(|f| (f.clone(), true)),
        );
        for (found_fn, cot) in tries {
            let Expr::Func(g, args) = &found_fn else {
                continue;
            };
            let (g, u) = (*g, args[0].clone());
            let (target, replaced, with) = if cot {
                let cos_u = expr::func(Func::Cos, vec![u.clone()])?;
                let shown = expr::div(cos_u.clone(), found_fn.clone())?;
                let with = expr::mul(vec![t.clone(), found_fn.clone()])?;
                (shown, cos_u, with)
            } else {
                (found_fn.clone(), found_fn.clone(), t.clone())
            };
            let l2 = super::transform::replace(lhs, &replaced, &with)?;
            let r2 = super::transform::replace(rhs, &replaced, &with)?;
            let clash = lhs.depends_on(&name) || rhs.depends_on(&name);
            if clash || l2.depends_on(&x) || r2.depends_on(&x) {
                continue;
            }
            let Some((a, b)) = linear(&u, &x)? else {
                continue;
            };
            if dom.is_empty() {
                return Ok(Some(dom.clone()));
            }
            let n = dom.points.len();
            if n == 0 || dom.cells[0] || dom.cells[n] {
                return Err(MathError::Unsupported(format!(
                    "{target} of the variable on an unbounded set: give solve a bounded interval as its third argument"
                )));
            }
            // u over the domain, in units of π.
            let over_pi = |xv: &Expr| -> MResult<Option<Q>> {
                let uv = expr::add(vec![
                    expr::mul(vec![Expr::Num(a.clone()), xv.clone()])?,
                    b.clone(),
                ])?;
                let r = expr::subst::expand(&expr::div(uv, Expr::pi())?)?;
                Ok(r.as_num().cloned())
            };
            let (Some(mut ul), Some(mut uh)) =
                (over_pi(&dom.points[0])?, over_pi(&dom.points[n - 1])?)
            else {
                return Err(MathError::Unsupported(format!(
                    "{target}: the ends of the domain are not rational multiples of π in its argument"
                )));
            };
            if ul > uh {
                std::mem::swap(&mut ul, &mut uh);
            }
            let c = if g == Func::Cos || cot {
                Q::zero()
            } else {
                Q::frac(1, 2)
            };
            let (Some(k0), Some(k1)) = (floor(&ul.add(&c)), floor(&uh.add(&c))) else {
                return Ok(None);
            };
            let k1 = if Q::int(k1) == uh.add(&c) && k1 > k0 {
                k1 - 1
            } else {
                k1
            };
            if k1 - k0 >= MAX_PIECES {
                return Ok(None);
            }
            let range = if g == Func::Tan || cot {
                Chart::full()
            } else {
                Chart::ray(Expr::int(-1), true, true)
                    .intersect(&Chart::ray(Expr::one(), true, false), &self.ctx())?
            };
            self.steps.push(
                Rich::text("substitute ")
                    .and(Rich::math(t.clone()).and(Rel::Eq.op()).and(&target))
                    .and(": ")
                    .and(Rich::math(l2.clone()).and(rel.op()).and(&r2))
                    .and(" with ")
                    .and(Rich::math(t.clone()))
                    .and(" ∈ ")
                    .and(set_notation(&range.to_set(&name))),
                Rich::text(format!("{x} occurs only in ")).and(&target),
            );
            let outer = std::mem::replace(&mut self.x, name.clone());
            let solved = self.relation(&l2, rel, &r2, &range, depth + 1);
            self.x = outer;
            let ct = solved?;
            let mut joined: Vec<Formula> = Vec::new();
            for k in k0..=k1 {
                let lo = expr::mul(vec![Expr::Num(Q::int(k).sub(&c)), Expr::pi()])?;
                let hi = expr::mul(vec![Expr::Num(Q::int(k + 1).sub(&c)), Expr::pi()])?;
                let piece = Formula::and(
                    Formula::rel(u.clone(), if cot { Rel::Gt } else { Rel::Ge }, lo),
                    Formula::rel(u.clone(), if cot { Rel::Lt } else { Rel::Le }, hi),
                );
                let even = k % 2 == 0;
                let inverse = |v: &Expr| -> MResult {
                    if cot {
                        return expr::add(vec![
                            expr::mul(vec![Expr::int(k), Expr::pi()])?,
                            arccot(v, &self.ctx())?,
                        ]);
                    }
                    match (g, even) {
                        (Func::Sin, true) => {
                            shifted(k, 1, expr::func(Func::Asin, vec![v.clone()])?)
                        }
                        (Func::Sin, false) => {
                            shifted(k, -1, expr::func(Func::Asin, vec![v.clone()])?)
                        }
                        (Func::Cos, true) => shifted(k, 1, acos(v)?),
                        (Func::Cos, false) => shifted(k + 1, -1, acos(v)?),
                        _ => shifted(k, 1, expr::func(Func::Atan, vec![v.clone()])?),
                    }
                };
                let increasing = match g {
                    _ if cot => false,
                    Func::Sin => even,
                    Func::Cos => !even,
                    _ => true,
                };
                let back = Back {
                    u: &u,
                    increasing,
                    open_ends: &[],
                    inverse: &inverse,
                };
                match carry_back(&ct, &name, &back, &self.ctx())? {
                    None => joined.push(piece),
                    Some(ps) => {
                        if let Some(f) = ps.into_iter().reduce(Formula::or) {
                            joined.push(Formula::and(piece, f));
                        }
                    }
                }
            }
            let claim = Rich::math(t.clone())
                .and(" ∈ ")
                .and(set_notation(&ct.to_set(&name)))
                .and(" ⟺ ");
            let why = "on each interval where it is strictly monotone, g takes each value once: sin(u) = t at u = asin(t) + kπ (k even) or kπ − asin(t) (k odd), cos(u) = t at ±acos(t) + 2kπ, tan(u) = t at atan(t) + kπ";
            let Some(f) = joined.into_iter().reduce(Formula::or) else {
                self.steps.push(claim.and("no value"), why);
                return Ok(Some(Chart::empty()));
            };
            self.steps.push(
                claim.and(Notation::new(f.to_string(), super::formula_tex(&f))),
                why,
            );
            let got = self.formula(&f, dom, depth + 1)?;
            return Ok(Some(dom.intersect(&got, &self.ctx())?));
        }
        Ok(None)
    }
}
