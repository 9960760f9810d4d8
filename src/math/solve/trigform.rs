//! Rewriting a trigonometric difference before it is solved: double angles through the
//! single angle (sin(2v) = 2·sin(v)·cos(v), cos(2v) = 1 − 2·sin(v)²), a difference homogeneous
//! in sin(v) and cos(v) as cos(v)^d·g(tan(v)), and a trigonometric term common to every term
//! of a sum taken out as a factor; and the text of the trigonometric steps.

use super::trig::{collect, Atom, Critical};
use crate::math::answer::{Notation, Rich};
use crate::math::expr::print::{print, Style};
use crate::math::expr::{self, Expr, Func, MResult};

/// `h` with sin(2v), cos(2v) written through sin(v), cos(v) when those occur too:
/// sin(2v) = 2·sin(v)·cos(v), cos(2v) = 1 − 2·sin(v)² (or 2·cos(v)² − 1 without sin(v)).
pub fn double_angles(h: &Expr, terms: &[Expr], x: &str) -> MResult {
    let mut h = h.clone();
    for term in terms {
        let Expr::Func(f @ (Func::Sin | Func::Cos), a) = term else {
            continue;
        };
        let v = expr::div(a[0].clone(), Expr::int(2))?;
        let sin_v = expr::func(Func::Sin, vec![v.clone()])?;
        let cos_v = expr::func(Func::Cos, vec![v.clone()])?;
        let (has_sin, has_cos) = (terms.contains(&sin_v), terms.contains(&cos_v));
        if !(has_sin || has_cos) || !v.depends_on(x) {
            continue;
        }
        let with = match f {
            Func::Sin => expr::mul(vec![Expr::int(2), sin_v, cos_v])?,
            _ if has_sin => expr::sub(
                Expr::one(),
                expr::mul(vec![Expr::int(2), expr::pow(sin_v, Expr::int(2))?])?,
            )?,
            _ => expr::sub(
                expr::mul(vec![Expr::int(2), expr::pow(cos_v, Expr::int(2))?])?,
                Expr::one(),
            )?,
        };
        h = crate::math::expr::subst::replace(&h, term, &with)?;
    }
    Ok(h)
}

/// When the two terms are sin(v) and cos(v) and `h` is homogeneous of degree d in them, the
/// term tan(v) and g(t) with h = cos(v)^d·g(tan(v)).
pub fn homogeneous(h: &Expr, terms: &[Expr], t: &str) -> MResult<Option<(Expr, Expr)>> {
    let (Expr::Func(f0, a0), Expr::Func(f1, a1)) = (&terms[0], &terms[1]) else {
        return Ok(None);
    };
    if a0 != a1 {
        return Ok(None);
    }
    let (sin_v, cos_v) = match (f0, f1) {
        (Func::Sin, Func::Cos) => (&terms[0], &terms[1]),
        (Func::Cos, Func::Sin) => (&terms[1], &terms[0]),
        _ => return Ok(None),
    };
    let c = "c_trig";
    let (ts, cs) = (Expr::sym(t), Expr::sym(c));
    let h1 =
        crate::math::expr::subst::replace(h, sin_v, &expr::mul(vec![ts.clone(), cs.clone()])?)?;
    let h1 = crate::math::expr::subst::replace(&h1, cos_v, &cs)?;
    let g = expr::subst::subs(&h1, c, &Expr::one())?;
    for d in -4i64..=4 {
        let back = expr::mul(vec![expr::pow(cs.clone(), Expr::int(d))?, g.clone()])?;
        let diff = expr::subst::expand(&expr::sub(h1.clone(), back)?)?;
        if diff == Expr::zero() {
            let tan_v = expr::func(Func::Tan, vec![a0[0].clone()])?;
            return Ok(Some((tan_v, g)));
        }
    }
    Ok(None)
}

/// The factors of `h` that depend on `x` (a power's base counts once), with a trigonometric
/// term common to every term of a sum taken out first: 2·sin(x)·cos(x) − sin(x) is
/// sin(x)·(2·cos(x) − 1).
pub fn factors(h: &Expr, x: &str) -> MResult<Vec<Expr>> {
    match h {
        Expr::Mul(fs) => {
            let mut out = Vec::new();
            for f in fs.iter().filter(|f| f.depends_on(x)) {
                let base = match f {
                    Expr::Pow(b, k) if k.as_num().is_some_and(|k| k.is_integer()) => &**b,
                    _ => f,
                };
                out.extend(factors(base, x)?);
            }
            Ok(out)
        }
        Expr::Add(ts) => {
            let mut terms = Vec::new();
            collect(h, x, &mut terms);
            for a in terms {
                if ts.iter().all(|t| has_factor(t, &a)) {
                    let rest = expr::add(
                        ts.iter()
                            .map(|t| expr::div(t.clone(), a.clone()))
                            .collect::<MResult<_>>()?,
                    )?;
                    let mut out = vec![a];
                    out.extend(factors(&rest, x)?);
                    return Ok(out);
                }
            }
            Ok(vec![h.clone()])
        }
        _ => Ok(vec![h.clone()]),
    }
}

/// Whether `a` is a factor of the term `t` (to a positive integer power).
fn has_factor(t: &Expr, a: &Expr) -> bool {
    let is = |f: &Expr| {
        f == a
            || matches!(f, Expr::Pow(b, k) if **b == *a
                && k.as_num().is_some_and(|k| k.is_integer() && k.is_positive()))
    };
    match t {
        Expr::Mul(fs) => fs.iter().any(is),
        _ => is(t),
    }
}

pub fn pullback_why(f: Func) -> &'static str {
    match f {
        Func::Sin => "every branch of the inverse: u = asin(t) + 2πn and π − asin(t) + 2πn",
        Func::Cos => "every branch of the inverse: u = ±acos(t) + 2πn",
        _ => "every branch of the inverse: u = atan(t) + πn; tan is undefined at π/2 + πn",
    }
}

pub(super) fn pullback_step(
    a: &Atom,
    x: &str,
    tz: &[Expr],
    tu: &[Expr],
    crit: &[Critical],
) -> Rich {
    let list = |v: &[Expr], st: Style| {
        v.iter()
            .map(|e| print(e, st))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let zeros: Vec<Expr> = crit
        .iter()
        .filter(|c| c.zero)
        .map(|c| c.x.clone())
        .collect();
    let undef: Vec<Expr> = crit
        .iter()
        .filter(|c| c.undefined)
        .map(|c| c.x.clone())
        .collect();
    let mut text = format!(
        "0 at {} ∈ {{{}}}",
        print(&a.term, Style::Text),
        list(tz, Style::Text)
    );
    let mut tex = format!(
        "0 \\text{{ at }} {} \\in \\{{{}\\}}",
        print(&a.term, Style::Latex),
        list(tz, Style::Latex)
    );
    if !tu.is_empty() {
        text.push_str(&format!(", undefined at {{{}}}", list(tu, Style::Text)));
        tex.push_str(&format!(
            ", \\text{{undefined at }} \\{{{}\\}}",
            list(tu, Style::Latex)
        ));
    }
    text.push_str(&format!(
        ": in {x}, zeros {{{}}}",
        list(&zeros, Style::Text)
    ));
    tex.push_str(&format!(
        "\\text{{: zeros }} \\{{{}\\}}",
        list(&zeros, Style::Latex)
    ));
    if !undef.is_empty() {
        text.push_str(&format!(", undefined at {{{}}}", list(&undef, Style::Text)));
        tex.push_str(&format!(
            ", \\text{{undefined at }} \\{{{}\\}}",
            list(&undef, Style::Latex)
        ));
    }
    Rich::from(Notation::new(text, tex))
}

pub fn chart_step(points: &[Expr], at: &[bool], cells: &[bool]) -> Rich {
    let yes = |b: bool| if b { "holds" } else { "fails" };
    let mut text = vec![];
    let mut tex = vec![];
    for (i, p) in points.iter().enumerate() {
        text.push(format!("{}: {}", print(p, Style::Text), yes(at[i])));
        tex.push(format!(
            "{}\\colon \\text{{{}}}",
            print(p, Style::Latex),
            yes(at[i])
        ));
        if let Some(q) = points.get(i + 1) {
            text.push(format!(
                "({}, {}): {}",
                print(p, Style::Text),
                print(q, Style::Text),
                yes(cells[i + 1])
            ));
            tex.push(format!(
                "({}, {})\\colon \\text{{{}}}",
                print(p, Style::Latex),
                print(q, Style::Latex),
                yes(cells[i + 1])
            ));
        }
    }
    Rich::text("chart: ").and(Notation::new(text.join(", "), tex.join(",\\ ")))
}
