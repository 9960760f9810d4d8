//! Solving a relation in which the variable occurs only inside one strictly monotone function
//! g(u) — exp(u), b^u, ln(u), the root u^(1/n), asin(u), acos(u), atan(u) — by substituting
//! t = g(u): the relation is solved for t on g's range, and each t-interval is carried back
//! through g's inverse (reversed where g decreases) to a relation in u, solved for the
//! variable on the relation's domain.

use super::chart::Chart;
use super::order::Ctx;
use super::{set_notation, Solver};
use crate::math::answer::{Inclusion, Notation, Rich};
use crate::math::expr::{self, Expr, Func, MResult};
use crate::math::logic::{Formula, Rel};
use crate::math::Q;

/// The monotone function substituted.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// `b^u` for `b = e` or a positive number other than 1.
    Power(Expr),
    Ln,
    /// `u^(1/n)`, n ≥ 2.
    Root(i64),
    Asin,
    Acos,
    Atan,
}

/// One substitution t = g(u).
#[derive(Debug, Clone, PartialEq)]
struct Sub {
    kind: Kind,
    u: Expr,
    /// `g(u)` as an expression.
    target: Expr,
    /// t = g(u)/scale: π for the inverse trigonometric functions, so that multiples of π
    /// in the relation become rational coefficients.
    scale: Expr,
}

impl Sub {
    fn increasing(&self) -> bool {
        match &self.kind {
            Kind::Power(b) => *b == Expr::e() || b.as_num().is_some_and(|q| *q > Q::one()),
            Kind::Acos => false,
            _ => true,
        }
    }

    /// The values g takes, as a set of t.
    fn range(&self, ctx: &Ctx) -> MResult<Chart> {
        let between = |lo: Expr, hi: Expr, closed: bool| -> MResult<Chart> {
            Chart::ray(lo, closed, true).intersect(&Chart::ray(hi, closed, false), ctx)
        };
        Ok(match &self.kind {
            Kind::Power(_) => Chart::ray(Expr::zero(), false, true),
            Kind::Ln => Chart::full(),
            Kind::Root(n) if n % 2 == 1 => Chart::full(),
            Kind::Root(_) => Chart::ray(Expr::zero(), true, true),
            Kind::Asin => between(Expr::frac(-1, 2), Expr::frac(1, 2), true)?,
            Kind::Acos => between(Expr::zero(), Expr::one(), true)?,
            Kind::Atan => between(Expr::frac(-1, 2), Expr::frac(1, 2), false)?,
        })
    }

    /// The ends of the range that g only approaches: there the inverse is infinite.
    fn open_ends(&self) -> MResult<Vec<Expr>> {
        Ok(match &self.kind {
            Kind::Power(_) => vec![Expr::zero()],
            Kind::Atan => vec![Expr::frac(-1, 2), Expr::frac(1, 2)],
            _ => Vec::new(),
        })
    }

    /// g⁻¹(v) for v in the range.
    fn inverse(&self, v: &Expr) -> MResult {
        match &self.kind {
            // ln(2/377) as −ln(377/2): sigma does not identify the two forms.
            Kind::Power(b) if *b == Expr::e() => match v.as_num() {
                Some(q) if q.is_positive() && *q < Q::one() => expr::neg(expr::func(
                    Func::Ln,
                    vec![expr::div(Expr::one(), v.clone())?],
                )?),
                _ => expr::func(Func::Ln, vec![v.clone()]),
            },
            Kind::Power(b) => expr::div(
                expr::func(Func::Ln, vec![v.clone()])?,
                expr::func(Func::Ln, vec![b.clone()])?,
            ),
            Kind::Ln => expr::pow(Expr::e(), v.clone()),
            Kind::Root(n) => expr::pow(v.clone(), Expr::int(*n)),
            Kind::Asin => expr::func(Func::Sin, vec![expr::mul(vec![Expr::pi(), v.clone()])?]),
            Kind::Acos => expr::func(Func::Cos, vec![expr::mul(vec![Expr::pi(), v.clone()])?]),
            Kind::Atan => expr::func(Func::Tan, vec![expr::mul(vec![Expr::pi(), v.clone()])?]),
        }
    }

    fn why(&self) -> &'static str {
        match &self.kind {
            Kind::Power(_) if self.increasing() => {
                "b^u is strictly increasing for b > 1, with values (0, ∞); its inverse is ln(t)/ln(b)"
            }
            Kind::Power(_) => {
                "b^u is strictly decreasing for 0 < b < 1, with values (0, ∞); its inverse is ln(t)/ln(b)"
            }
            Kind::Ln => "ln is strictly increasing on (0, ∞) onto ℝ; its inverse is exp",
            Kind::Root(n) if n % 2 == 1 => {
                "an odd root is strictly increasing from ℝ onto ℝ; its inverse is t ↦ t^n"
            }
            Kind::Root(_) => {
                "an even root is strictly increasing from [0, ∞) onto [0, ∞); its inverse is t ↦ t^n"
            }
            Kind::Asin => "asin is strictly increasing from [−1, 1] onto [−π/2, π/2]; its inverse there is sin (u = sin(πt))",
            Kind::Acos => "acos is strictly decreasing from [−1, 1] onto [0, π]; its inverse there is cos (u = cos(πt))",
            Kind::Atan => "atan is strictly increasing from ℝ onto (−π/2, π/2); its inverse there is tan (u = tan(πt))",
        }
    }

    /// `e` with g(u) written as `t`: powers b^(c·u) as t^c, and for a root u^(m/n) as t^m
    /// and u itself as t^n.
    fn put(&self, e: &Expr, t: &Expr) -> MResult {
        if *e == self.target {
            return expr::mul(vec![self.scale.clone(), t.clone()]);
        }
        match (&self.kind, e) {
            (Kind::Power(b), Expr::Pow(b2, w)) if **b2 == *b => {
                if let Some(c) = expr::div((**w).clone(), self.u.clone())?.as_num() {
                    return expr::pow(t.clone(), Expr::Num(c.clone()));
                }
            }
            (Kind::Root(n), Expr::Pow(b2, k)) if **b2 == self.u => {
                if let Some(q) = k.as_num() {
                    let m = q.mul(&Q::int(*n));
                    if m.is_integer() {
                        return expr::pow(t.clone(), Expr::Num(m));
                    }
                }
            }
            (Kind::Root(n), _) if *e == self.u => return expr::pow(t.clone(), Expr::int(*n)),
            _ => {}
        }
        Ok(match e {
            Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => e.clone(),
            Expr::Pow(b, k) => expr::pow(self.put(b, t)?, self.put(k, t)?)?,
            Expr::Add(v) => expr::add(v.iter().map(|a| self.put(a, t)).collect::<MResult<_>>()?)?,
            Expr::Mul(v) => expr::mul(v.iter().map(|a| self.put(a, t)).collect::<MResult<_>>()?)?,
            Expr::Func(f, v) => expr::func(
                *f,
                v.iter().map(|a| self.put(a, t)).collect::<MResult<_>>()?,
            )?,
        })
    }
}

/// Every g(u) in `e` with u depending on `x`, outermost first.
fn candidates(e: &Expr, x: &str, out: &mut Vec<Sub>) -> MResult<()> {
    if !e.depends_on(x) {
        return Ok(());
    }
    let found = match e {
        Expr::Pow(b, w) if w.depends_on(x) && !b.depends_on(x) => {
            let ok = **b == Expr::e() || b.as_num().is_some_and(|q| q.is_positive() && !q.is_one());
            ok.then(|| Sub {
                kind: Kind::Power((**b).clone()),
                u: (**w).clone(),
                target: e.clone(),
                scale: Expr::one(),
            })
        }
        Expr::Pow(b, k) => match k.as_num() {
            Some(q) if !q.is_integer() && b.depends_on(x) => {
                let n = q.denom();
                match n.to_i64() {
                    Some(n) if n <= 64 => Some(Sub {
                        kind: Kind::Root(n),
                        u: (**b).clone(),
                        target: expr::pow((**b).clone(), Expr::frac(1, n))?,
                        scale: Expr::one(),
                    }),
                    _ => None,
                }
            }
            _ => None,
        },
        Expr::Func(f @ (Func::Ln | Func::Asin | Func::Acos | Func::Atan), a) => {
            let kind = match f {
                Func::Ln => Kind::Ln,
                Func::Asin => Kind::Asin,
                Func::Acos => Kind::Acos,
                _ => Kind::Atan,
            };
            let scale = if kind == Kind::Ln {
                Expr::one()
            } else {
                Expr::pi()
            };
            Some(Sub {
                kind,
                u: a[0].clone(),
                target: e.clone(),
                scale,
            })
        }
        _ => None,
    };
    if let Some(s) = found {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    match e {
        Expr::Pow(b, k) => {
            candidates(b, x, out)?;
            candidates(k, x, out)
        }
        Expr::Add(v) | Expr::Mul(v) | Expr::Func(_, v) => {
            v.iter().try_for_each(|a| candidates(a, x, out))
        }
        _ => Ok(()),
    }
}

/// `e` with each ln(u^k) (k a number, u positive on the domain) written k·ln(u).
fn ln_powers(e: &Expr, x: &str, ctx: &Ctx) -> MResult {
    if !e.depends_on(x) {
        return Ok(e.clone());
    }
    if let Expr::Func(Func::Ln, a) = e {
        if let Expr::Pow(u, k) = &a[0] {
            if k.as_num().is_some() && ctx.sign_of(u)? == Some(super::order::Sign::Pos) {
                let l = expr::func(Func::Ln, vec![ln_powers(u, x, ctx)?])?;
                return expr::mul(vec![(**k).clone(), l]);
            }
        }
    }
    let each = |v: &[Expr]| {
        v.iter()
            .map(|a| ln_powers(a, x, ctx))
            .collect::<MResult<Vec<_>>>()
    };
    Ok(match e {
        Expr::Pow(b, k) => expr::pow(ln_powers(b, x, ctx)?, ln_powers(k, x, ctx)?)?,
        Expr::Add(v) => expr::add(each(v)?)?,
        Expr::Mul(v) => expr::mul(each(v)?)?,
        Expr::Func(f, v) => expr::func(*f, each(v)?)?,
        _ => e.clone(),
    })
}

impl Solver {
    /// `lhs rel rhs` on `dom` when the variable occurs only inside one g(u); `None` when no
    /// such g exists.
    pub fn substituted(
        &mut self,
        lhs: &Expr,
        rel: Rel,
        rhs: &Expr,
        dom: &Chart,
        depth: usize,
    ) -> MResult<Option<Chart>> {
        let x = self.x.clone();
        let on_dom = self.facts.with(&x, dom.clone());
        let ctx = Ctx { facts: &on_dom };
        let (l1, r1) = (ln_powers(lhs, &x, &ctx)?, ln_powers(rhs, &x, &ctx)?);
        if (&l1, &r1) != (lhs, rhs) {
            self.steps.push(
                Rich::math(lhs.clone())
                    .and(rel.op())
                    .and(rhs)
                    .and(" ⟺ ")
                    .and(Rich::math(l1.clone()).and(rel.op()).and(&r1)),
                "ln(u^k) = k·ln(u) where u > 0, as it is on the domain",
            );
        }
        let (lhs, rhs) = (&l1, &r1);
        let mut subs = Vec::new();
        candidates(lhs, &x, &mut subs)?;
        candidates(rhs, &x, &mut subs)?;
        let name = self.fresh(&[lhs, rhs]);
        let t = Expr::sym(&name);
        let mut first_err = None;
        for s in subs {
            let (l2, r2) = (s.put(lhs, &t)?, s.put(rhs, &t)?);
            if l2.depends_on(&x) || r2.depends_on(&x) {
                continue;
            }
            let saved = self.steps.steps.len();
            match self.through(&s, lhs, rel, rhs, (&l2, &r2), &name, dom, depth) {
                Ok(c) => return Ok(Some(c)),
                Err(e @ crate::math::expr::MathError::Interrupted) => return Err(e),
                Err(e) => {
                    self.steps.steps.truncate(saved);
                    first_err.get_or_insert(e);
                }
            }
        }
        match first_err {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn through(
        &mut self,
        s: &Sub,
        lhs: &Expr,
        rel: Rel,
        rhs: &Expr,
        (l2, r2): (&Expr, &Expr),
        name: &str,
        dom: &Chart,
        depth: usize,
    ) -> MResult<Chart> {
        let t = Expr::sym(name);
        let range = s.range(&self.ctx())?;
        let shown = expr::div(s.target.clone(), s.scale.clone())?;
        self.steps.push(
            Rich::text("substitute ")
                .and(Rich::math(t.clone()).and(Rel::Eq.op()).and(&shown))
                .and(": ")
                .and(Rich::math(lhs.clone()).and(rel.op()).and(rhs))
                .and(" ⟺ ")
                .and(Rich::math(l2.clone()).and(rel.op()).and(r2))
                .and(" with ")
                .and(Rich::math(t.clone()))
                .and(" ∈ ")
                .and(set_notation(&range.to_set(name))),
            Rich::text(format!("{} occurs only in ", self.x))
                .and(&s.target)
                .and(", whose values are that set"),
        );
        let (l2, r2) = &self.unscaled(l2, r2, name)?;
        let outer = std::mem::replace(&mut self.x, name.to_string());
        let solved = self.relation(l2, rel, r2, &range, depth + 1);
        self.x = outer;
        let ct = solved?;
        let ends = s.open_ends()?;
        let inverse = |v: &Expr| s.inverse(v);
        let back_to = Back {
            u: &s.u,
            increasing: s.increasing(),
            open_ends: &ends,
            inverse: &inverse,
        };
        let pieces = carry_back(&ct, name, &back_to, &self.ctx())?;
        let everything = pieces.is_none();
        let pieces = pieces.unwrap_or_default();
        let back = Rich::math(t.clone())
            .and(" ∈ ")
            .and(set_notation(&ct.to_set(name)))
            .and(" ⟺ ");
        if everything {
            self.steps.push(
                back.and("every value of ").and(&s.target),
                "the relation holds on all of the range, so wherever it is defined",
            );
            return Ok(dom.clone());
        }
        let Some(f) = pieces.iter().cloned().reduce(Formula::or) else {
            self.steps
                .push(back.and("no value"), "no value of the range satisfies it");
            return Ok(Chart::empty());
        };
        self.steps.push(
            back.and(Notation::new(f.to_string(), super::formula_tex(&f))),
            s.why(),
        );
        let c = self.formula(&f, dom, depth + 1)?;
        dom.intersect(&c, &self.ctx())
    }

    /// `l − r` divided by the power of π that makes it rational in `t` (a positive factor,
    /// so the relation keeps its direction); `(l, r)` when it already is or none does.
    fn unscaled(&mut self, l: &Expr, r: &Expr, t: &str) -> MResult<(Expr, Expr)> {
        let rational = |e: &Expr| -> MResult<bool> {
            Ok(super::ratfun::together(e, t)?
                .is_some_and(|(n, d)| n.to_poly().is_some() && d.to_poly().is_some()))
        };
        let h = expr::sub(l.clone(), r.clone())?;
        if rational(&h)? || !h.symbols().is_empty() && h.symbols().iter().any(|y| **y != *t) {
            return Ok((l.clone(), r.clone()));
        }
        for k in 1..=3 {
            let pk = expr::pow(Expr::pi(), Expr::int(k))?;
            let g = expr::subst::expand(&expr::div(h.clone(), pk.clone())?)?;
            if rational(&g)? {
                self.steps.push(
                    Rich::text("(")
                        .and(&h)
                        .and(") ÷ ")
                        .and(&pk)
                        .and(" = ")
                        .and(&g),
                    "dividing by a positive constant keeps the relation's direction",
                );
                return Ok((g, Expr::zero()));
            }
        }
        Ok((l.clone(), r.clone()))
    }
}

/// How t = g(u) goes back to u on a piece where g is strictly monotone.
pub struct Back<'a> {
    pub u: &'a Expr,
    pub increasing: bool,
    /// Ends of g's range that g only approaches (g⁻¹ infinite there).
    pub open_ends: &'a [Expr],
    pub inverse: &'a dyn Fn(&Expr) -> MResult,
}

/// Each interval of the t-set `ct` as a relation (or two) on u; `None` when a t-interval is
/// the whole range, so that every u qualifies.
pub fn carry_back(ct: &Chart, name: &str, b: &Back, ctx: &Ctx) -> MResult<Option<Vec<Formula>>> {
    let bound = |v: &Expr, inc: Inclusion| -> MResult<Option<(Expr, bool)>> {
        if v.has_infinity() {
            return Ok(None);
        }
        for o in b.open_ends {
            if ctx.cmp(v, o)? == std::cmp::Ordering::Equal {
                return Ok(None);
            }
        }
        let closed = match inc {
            Inclusion::Closed => true,
            Inclusion::Open => false,
            Inclusion::Unknown => {
                return Err(crate::math::expr::MathError::Unsupported(
                    "an undecided endpoint in the substituted relation".into(),
                ))
            }
        };
        Ok(Some(((b.inverse)(v)?, closed)))
    };
    let mut pieces = Vec::new();
    for iv in &ct.to_set(name).intervals {
        let point = iv.lo.value == iv.hi.value;
        let (mut lo, mut hi) = (
            bound(&iv.lo.value, iv.lo.inclusion)?,
            bound(&iv.hi.value, iv.hi.inclusion)?,
        );
        if !b.increasing {
            std::mem::swap(&mut lo, &mut hi);
        }
        let u = b.u.clone();
        let ge = |c: bool| if c { Rel::Ge } else { Rel::Gt };
        let le = |c: bool| if c { Rel::Le } else { Rel::Lt };
        pieces.push(match (lo, hi) {
            (Some((a, _)), _) if point => Formula::rel(u, Rel::Eq, a),
            (None, None) => return Ok(None),
            (Some((a, ca)), None) => Formula::rel(u, ge(ca), a),
            (None, Some((c, cc))) => Formula::rel(u, le(cc), c),
            (Some((a, ca)), Some((c, cc))) => Formula::and(
                Formula::rel(u.clone(), ge(ca), a),
                Formula::rel(u, le(cc), c),
            ),
        });
    }
    Ok(Some(pieces))
}
