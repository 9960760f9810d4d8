//! Trigonometric relations on a bounded domain. When `x` enters only through one term
//! `f(k·x + m)` (f = sin, cos or tan, k a nonzero rational), the relation is a relation in
//! t = f(u) alone: its zeros and undefined points in t are solved exactly on the range of f,
//! then pulled back through every branch of f⁻¹ that meets the domain (u = asin t + 2πn and
//! π − asin t + 2πn; ±acos t + 2πn; atan t + πn, plus tan's own poles π/2 + πn). Between two
//! consecutive critical points the relation's difference is continuous and nonzero, so its
//! sign is the certified sign at their midpoint. An unbounded domain is refused: the set
//! would be a union of infinitely many intervals.

use super::chart::Chart;
use super::trigform::{self, chart_step, pullback_step, pullback_why};
use super::Solver;
use crate::math::answer::Rich;
use crate::math::expr::{self, Expr, Func, MResult, MathError};
use crate::math::logic::Rel;
use crate::math::Q;
use std::cmp::Ordering;

/// Most branches of f⁻¹ followed across the domain.
const MAX_BRANCHES: i64 = 2000;

/// The one trigonometric term `f(k·x + m)` through which `x` enters.
pub(super) struct Atom {
    pub(super) term: Expr,
    pub(super) f: Func,
    k: Q,
    m: Expr,
}

/// A critical point in x: where the relation's difference is 0 or undefined.
pub(super) struct Critical {
    pub(super) x: Expr,
    pub(super) zero: bool,
    pub(super) undefined: bool,
}

/// The trigonometric terms of `e` whose argument depends on `x`, each once.
pub fn collect(e: &Expr, x: &str, out: &mut Vec<Expr>) {
    match e {
        Expr::Func(Func::Sin | Func::Cos | Func::Tan, a)
            if a[0].depends_on(x) && !out.contains(e) =>
        {
            out.push(e.clone())
        }
        Expr::Pow(b, k) => {
            collect(b, x, out);
            collect(k, x, out);
        }
        Expr::Add(v) | Expr::Mul(v) | Expr::Func(_, v) => v.iter().for_each(|t| collect(t, x, out)),
        _ => {}
    }
}

/// `term = f(u)` with `u = k·x + m` checked exactly.
fn atom(term: &Expr, x: &str) -> MResult<Option<Atom>> {
    let Expr::Func(f, a) = term else {
        return Ok(None);
    };
    let u = &a[0];
    let m = expr::subst::subs(u, x, &Expr::zero())?;
    let k = expr::sub(expr::subst::subs(u, x, &Expr::one())?, m.clone())?;
    let Some(k) = k.as_num().filter(|k| !k.is_zero()).cloned() else {
        return Ok(None);
    };
    let linear = expr::add(vec![
        expr::mul(vec![Expr::Num(k.clone()), Expr::sym(x)])?,
        m.clone(),
    ])?;
    if expr::sub(u.clone(), linear)? != Expr::zero() || m.depends_on(x) {
        return Ok(None);
    }
    Ok(Some(Atom {
        term: term.clone(),
        f: *f,
        k,
        m,
    }))
}

/// The set of `x` in `dom` where `lhs rel rhs`, when `x` enters through trigonometric terms;
/// `None` when there is none.
pub fn solve(
    s: &mut Solver,
    lhs: &Expr,
    rel: Rel,
    rhs: &Expr,
    dom: &Chart,
    depth: usize,
) -> MResult<Option<Chart>> {
    let x = s.x.clone();
    let h = expr::sub(lhs.clone(), rhs.clone())?;
    let mut terms = Vec::new();
    collect(&h, &x, &mut terms);
    if terms.is_empty() {
        return Ok(None);
    }
    let shown = format!("{lhs} {} {rhs}", rel.symbol());
    let h = if terms.len() > 1 {
        trigform::double_angles(&h, &terms, &x)?
    } else {
        h
    };
    let parts = trigform::factors(&h, &x)?;
    let t = s.fresh(&[&h]);
    let shapes = parts
        .iter()
        .map(|f| shape(f, &x, &t, &shown))
        .collect::<MResult<Vec<_>>>()?;
    let (Some(lo), Some(hi)) = (dom.points.first(), dom.points.last()) else {
        return Err(unbounded(&shown, &x));
    };
    if dom.cells[0] || dom.cells[dom.cells.len() - 1] {
        return Err(unbounded(&shown, &x));
    }
    let (lo, hi) = (lo.clone(), hi.clone());
    if parts.len() > 1 {
        let mut claim = Rich::text("factors: ");
        for (i, f) in parts.iter().enumerate() {
            if i > 0 {
                claim.push(", ");
            }
            claim.push(f);
        }
        s.steps.push(
            claim,
            "the difference is a product: it is 0 or undefined only where a factor is",
        );
    }
    let mut crit = Vec::new();
    for (f, sh) in parts.iter().zip(shapes) {
        crit.extend(critical(s, f, sh, &shown, &lo, &hi, depth)?);
    }
    for b in [&lo, &hi] {
        crit.push(Critical {
            x: b.clone(),
            zero: false,
            undefined: false,
        });
    }
    let crit = sorted(s, crit)?;
    let chart = chart(s, &h, rel, &crit)?;
    Ok(Some(dom.intersect(&chart, &s.ctx())?))
}

/// The points of [lo, hi] where the factor `f` is 0 or undefined, exactly.
/// How a factor enters: without trigonometric terms, or as g(t) with t = the term.
enum Shape {
    Plain,
    Term {
        a: Atom,
        g: Expr,
        t: String,
        tan_poles_defined: bool,
    },
}

/// The shape of the factor `f`, or why it cannot be solved (checked before the domain, so
/// that an unsolvable relation is not blamed on an unbounded domain).
fn shape(f: &Expr, x: &str, t: &str, shown: &str) -> MResult<Shape> {
    let mut terms = Vec::new();
    collect(f, x, &mut terms);
    if terms.is_empty() {
        return Ok(Shape::Plain);
    }
    // x enters through sin(v) and cos(v) homogeneously: f = cos(v)^d·g(tan(v)).
    let mut tan_poles_defined = false;
    let mut reduced = None;
    if terms.len() == 2 {
        if let Some((term, g)) = trigform::homogeneous(f, &terms, t)? {
            tan_poles_defined = true;
            reduced = Some(g);
            terms = vec![term];
        }
    }
    if terms.len() > 1 {
        let list: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        return Err(MathError::Unsupported(format!(
            "cannot solve {shown} for {x}: {x} enters through several trigonometric terms ({}), and sigma solves relations in one term f(k·{x} + m)",
            list.join(", ")
        )));
    }
    let Some(a) = atom(&terms[0], x)? else {
        return Err(MathError::Unsupported(format!(
            "cannot solve {shown} for {x}: the argument of {} is not k·{x} + m with k rational",
            terms[0]
        )));
    };
    let g = match reduced {
        Some(g) => g,
        None => crate::math::expr::subst::replace(f, &a.term, &Expr::sym(t))?,
    };
    if g.depends_on(x) {
        return Err(MathError::Unsupported(format!(
            "cannot solve {shown} for {x}: {x} also occurs outside {}",
            a.term
        )));
    }
    Ok(Shape::Term {
        a,
        g,
        t: t.to_string(),
        tan_poles_defined,
    })
}

/// The points of [lo, hi] where the factor `f` (of shape `shape`) is 0 or undefined.
fn critical(
    s: &mut Solver,
    f: &Expr,
    shape: Shape,
    shown: &str,
    lo: &Expr,
    hi: &Expr,
    depth: usize,
) -> MResult<Vec<Critical>> {
    let x = s.x.clone();
    let Shape::Term {
        a,
        g,
        t,
        tan_poles_defined,
    } = shape
    else {
        // No trigonometric term: its zeros and undefined points in x directly.
        let span = Chart::closed(lo.clone(), hi.clone());
        return finite_points(s, f, &x, &span, shown, depth);
    };
    // Zeros and undefined points of g on the range of the term.
    let range = match a.f {
        Func::Tan => Chart::full(),
        _ => Chart::closed(Expr::int(-1), Expr::one()),
    };
    let mut sub = Solver::new(&t, &s.facts);
    let (tz, tu) = zeros_and_poles(&mut sub, &g, &range, shown, depth)?;
    let mut claim = Rich::text(format!("with {t} = ")).and(&a.term).and(": ");
    claim.push(Rich::math(g.clone()));
    s.steps.push(
        claim,
        if tan_poles_defined {
            format!(
                "{x} enters through sin and cos of one argument, homogeneously: the factor is cos^d·g(tan), so away from cos = 0 its zeros and poles are those of g; the points where cos = 0 are checked directly"
            )
        } else {
            format!("{x} enters only through {}; its values lie in its range", a.term)
        },
    );
    let mut crit = Vec::new();
    let (ulo, uhi) = u_range(&a, lo, hi)?;
    for (list, zero) in [(&tz, true), (&tu, false)] {
        for tv in list.iter() {
            for u in preimages(s, a.f, tv, &ulo, &uhi)? {
                crit.push(Critical {
                    x: x_of(&a, u)?,
                    zero,
                    undefined: !zero,
                });
            }
        }
    }
    if a.f == Func::Tan {
        // tan is undefined at π/2 + πn; after the reduction f = cos(v)^d·g(tan(v)) these are
        // the points where cos(v) = 0, and the relation itself is evaluated there.
        let half = expr::div(Expr::pi(), Expr::int(2))?;
        for u in branches(s, &half, &expr::Expr::pi(), &ulo, &uhi)? {
            crit.push(Critical {
                x: x_of(&a, u)?,
                zero: false,
                undefined: !tan_poles_defined,
            });
        }
    }
    let crit = sorted(s, crit)?;
    let step = pullback_step(&a, &x, &tz, &tu, &crit);
    s.steps.push(step, pullback_why(a.f));
    Ok(crit)
}

/// The points of `span` where `f` (in the solver's variable) is 0, and where it is
/// undefined, each a finite set; an error when either fills an interval.
fn zeros_and_poles(
    sub: &mut Solver,
    f: &Expr,
    span: &Chart,
    shown: &str,
    depth: usize,
) -> MResult<(Vec<Expr>, Vec<Expr>)> {
    let (zeros, defined) = sub.quiet(|sub| {
        let defined = sub.domain(f, span, depth + 1)?;
        let zeros = sub.relation(f, Rel::Eq, &Expr::zero(), span, depth + 1)?;
        Ok((zeros, defined))
    })?;
    let undefined = span.minus(&defined, &sub.ctx())?;
    if zeros.cells.iter().chain(&undefined.cells).any(|&c| c) {
        return Err(MathError::Unsupported(format!(
            "cannot solve {shown}: {f} is 0 or undefined on a whole interval of {}",
            sub.x
        )));
    }
    let pick = |c: &Chart| -> Vec<Expr> {
        c.points
            .iter()
            .zip(&c.at)
            .filter(|(_, &on)| on)
            .map(|(p, _)| p.clone())
            .collect()
    };
    Ok((pick(&zeros), pick(&undefined)))
}

/// The zeros and undefined points in [lo, hi] of a factor without trigonometric terms.
fn finite_points(
    s: &mut Solver,
    f: &Expr,
    x: &str,
    span: &Chart,
    shown: &str,
    depth: usize,
) -> MResult<Vec<Critical>> {
    let (z, u) = zeros_and_poles(s, f, span, shown, depth)?;
    let mut claim = Rich::text("factor ").and(f).and(format!(": 0 at {x} ∈ {{"));
    for (i, p) in z.iter().enumerate() {
        if i > 0 {
            claim.push(", ");
        }
        claim.push(p);
    }
    claim.push("}");
    s.steps
        .push(claim, "its zeros in the domain, solved exactly");
    let mut out: Vec<Critical> = z
        .into_iter()
        .map(|p| Critical {
            x: p,
            zero: true,
            undefined: false,
        })
        .collect();
    out.extend(u.into_iter().map(|p| Critical {
        x: p,
        zero: false,
        undefined: true,
    }));
    Ok(out)
}

fn unbounded(shown: &str, x: &str) -> MathError {
    MathError::Unsupported(format!(
        "cannot solve {shown} for {x} on an unbounded domain: the set of a trigonometric relation is a union of infinitely many intervals; give a bounded domain, e.g. solve(…, {x}, 0 <= {x} <= 2*pi)"
    ))
}

/// The range of u = k·x + m for x in [lo, hi], in increasing order.
fn u_range(a: &Atom, lo: &Expr, hi: &Expr) -> MResult<(Expr, Expr)> {
    let at = |v: &Expr| -> MResult {
        expr::add(vec![
            expr::mul(vec![Expr::Num(a.k.clone()), v.clone()])?,
            a.m.clone(),
        ])
    };
    let (p, q) = (at(lo)?, at(hi)?);
    Ok(if a.k.is_negative() { (q, p) } else { (p, q) })
}

fn x_of(a: &Atom, u: Expr) -> MResult {
    expr::div(expr::sub(u, a.m.clone())?, Expr::Num(a.k.clone()))
}

/// Every u in [ulo, uhi] with f(u) = t.
fn preimages(s: &Solver, f: Func, t: &Expr, ulo: &Expr, uhi: &Expr) -> MResult<Vec<Expr>> {
    let two_pi = expr::mul(vec![Expr::int(2), Expr::pi()])?;
    let (bases, period) = match f {
        Func::Sin => {
            let a = expr::func(Func::Asin, vec![t.clone()])?;
            let b = expr::sub(Expr::pi(), a.clone())?;
            (vec![a, b], two_pi)
        }
        Func::Cos => {
            let a = expr::func(Func::Acos, vec![t.clone()])?;
            let b = expr::neg(a.clone())?;
            (vec![a, b], two_pi)
        }
        _ => (vec![expr::func(Func::Atan, vec![t.clone()])?], Expr::pi()),
    };
    let mut out: Vec<Expr> = Vec::new();
    for b in bases {
        for u in branches(s, &b, &period, ulo, uhi)? {
            let mut dup = false;
            for v in &out {
                if s.ctx().cmp(v, &u)? == Ordering::Equal {
                    dup = true;
                }
            }
            if !dup {
                out.push(u);
            }
        }
    }
    Ok(out)
}

/// Every `base + n·period` in [ulo, uhi], decided exactly (n first estimated numerically).
fn branches(s: &Solver, base: &Expr, period: &Expr, ulo: &Expr, uhi: &Expr) -> MResult<Vec<Expr>> {
    let approx = |e: &Expr| -> MResult<f64> {
        let a = crate::math::float::evaluate(e, 17)?;
        a.text
            .parse::<f64>()
            .map_err(|_| MathError::Unsupported(format!("cannot read the value of {e}")))
    };
    let (b, p) = (approx(base)?, approx(period)?);
    let (n0, n1) = (
        ((approx(ulo)? - b) / p).floor() as i64 - 1,
        ((approx(uhi)? - b) / p).ceil() as i64 + 1,
    );
    if n1 - n0 > MAX_BRANCHES {
        return Err(MathError::TooLarge(format!(
            "a domain spanning {} periods (at most {MAX_BRANCHES})",
            n1 - n0
        )));
    }
    let mut out = Vec::new();
    for n in n0..=n1 {
        let u = expr::add(vec![
            base.clone(),
            expr::mul(vec![Expr::int(n), period.clone()])?,
        ])?;
        let ctx = s.ctx();
        if ctx.cmp(ulo, &u)? != Ordering::Greater && ctx.cmp(&u, uhi)? != Ordering::Greater {
            out.push(u);
        }
    }
    Ok(out)
}

/// The critical points in increasing order, equal ones merged.
fn sorted(s: &Solver, mut crit: Vec<Critical>) -> MResult<Vec<Critical>> {
    let ctx = s.ctx();
    let mut err = None;
    crit.sort_by(|a, b| {
        ctx.cmp(&a.x, &b.x).unwrap_or_else(|e| {
            err.get_or_insert(e);
            Ordering::Equal
        })
    });
    if let Some(e) = err {
        return Err(e);
    }
    let mut out: Vec<Critical> = Vec::new();
    for c in crit {
        match out.last_mut() {
            Some(l) if ctx.cmp(&l.x, &c.x)? == Ordering::Equal => {
                l.zero |= c.zero;
                l.undefined |= c.undefined;
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}

/// Whether `h rel 0` holds at the constant point `at`, by its certified sign; false where
/// `h` is undefined (a zero denominator, a value outside a function's domain).
fn holds_at(s: &Solver, h: &Expr, x: &str, at: &Expr, rel: Rel) -> MResult<bool> {
    let v = match expr::subst::subs(h, x, at) {
        Ok(v) => v,
        Err(MathError::DivisionByZero | MathError::Domain(_)) => return Ok(false),
        Err(e) => return Err(e),
    };
    let o =
        s.ctx().sign(&v)?.strict().ok_or_else(|| {
            MathError::Unsupported(format!("the sign of {v} could not be decided"))
        })?;
    Ok(rel.holds(o))
}

/// The chart on [first, last] of the critical points: each point by what it is, each cell
/// by the sign at its midpoint.
fn chart(s: &mut Solver, h: &Expr, rel: Rel, crit: &[Critical]) -> MResult<Chart> {
    let x = s.x.clone();
    let mut at = Vec::new();
    let mut cells = vec![false];
    for (i, c) in crit.iter().enumerate() {
        at.push(if c.undefined {
            false
        } else if c.zero {
            rel.holds(Ordering::Equal)
        } else {
            holds_at(s, h, &x, &c.x, rel)?
        });
        if let Some(next) = crit.get(i + 1) {
            let mid = expr::div(expr::add(vec![c.x.clone(), next.x.clone()])?, Expr::int(2))?;
            cells.push(holds_at(s, h, &x, &mid, rel)?);
        }
    }
    cells.push(false);
    let points: Vec<Expr> = crit.iter().map(|c| c.x.clone()).collect();
    s.steps.push(chart_step(&points, &at, &cells), "between consecutive critical points the difference is continuous and not 0, so its sign is the certified sign at the midpoint");
    Ok(Chart { points, at, cells }.simplified())
}
