//! One relation `p(x)/q(x) rel 0` with rational coefficients, solved by a sign chart: the
//! critical points (zeros of p, poles of q) exactly, the sign on each cell from the sign at
//! +∞ and the parity of each point's multiplicity (no sampling, no floating point), and the
//! cells and points where the relation holds. Poles never belong to the set.

use super::chart::Chart;
use super::roots::{coprime_basis, critical_points};
use crate::math::answer::{Notation, Rich};
use crate::math::expr::print::{print, Style};
use crate::math::expr::{self, Expr, MResult};
use crate::math::logic::Rel;
use crate::math::number::Q;
use crate::math::poly::Poly;
use crate::math::Derivation;
use std::cmp::Ordering;

/// The set where `p/q rel 0` (q not the zero polynomial), with its steps.
pub fn solve(p: &Poly, q: &Poly, rel: Rel, x: &str, steps: &mut Derivation) -> MResult<Chart> {
    let basis = coprime_basis(&[p, q]);
    if p.is_zero() {
        // 0/q: the relation at equality wherever q ≠ 0.
        let pts = critical_points(&basis, x)?;
        let mut c = if rel.holds_at_equality() {
            Chart::full()
        } else {
            Chart::empty()
        };
        for pt in pts {
            c.points.push(pt.value);
            c.at.push(false);
            c.cells.push(rel.holds_at_equality());
        }
        return Ok(c.simplified());
    }
    let pts = critical_points(&basis, x)?;
    let lead = p.lead().mul(&q.lead());
    let mut sign = lead.cmp(&Q::zero());
    // Signs of the cells from the right: flip across a point of odd total multiplicity.
    let mut cells = vec![sign; pts.len() + 1];
    for k in (0..pts.len()).rev() {
        if (pts[k].exps[0] + pts[k].exps[1]) % 2 == 1 {
            sign = sign.reverse();
        }
        cells[k] = sign;
    }
    let chart = Chart {
        points: pts.iter().map(|pt| pt.value.clone()).collect(),
        at: pts
            .iter()
            .map(|pt| pt.exps[1] == 0 && rel.holds_at_equality())
            .collect(),
        cells: cells.iter().map(|&s| rel.holds(s)).collect(),
    };
    if !pts.is_empty() {
        let zeros: Vec<&Expr> = pts
            .iter()
            .filter(|pt| pt.exps[1] == 0)
            .map(|pt| &pt.value)
            .collect();
        let poles: Vec<&Expr> = pts
            .iter()
            .filter(|pt| pt.exps[1] > 0)
            .map(|pt| &pt.value)
            .collect();
        let mut claim = Rich::text("critical points: ");
        claim.push(list("zeros ", &zeros));
        if !poles.is_empty() {
            claim.push("; ");
            claim.push(list("poles ", &poles));
        }
        steps.push(
            claim,
            "the sign of a rational function can change only at a zero of its numerator or denominator",
        );
        let points: Vec<Expr> = pts.iter().map(|pt| pt.value.clone()).collect();
        steps.push(
            sign_chart(&points, &cells, &pts.iter().map(|pt| pt.exps[1] > 0).collect::<Vec<_>>()),
            "the sign on +∞'s side is that of the leading coefficients; it flips at each point of odd multiplicity",
        );
    }
    Ok(chart.simplified())
}

/// `zeros a, b` (or `zeros none`).
fn list(label: &str, xs: &[&Expr]) -> Rich {
    let mut r = Rich::text(label);
    if xs.is_empty() {
        r.push("none");
    }
    for (i, e) in xs.iter().enumerate() {
        if i > 0 {
            r.push(", ");
        }
        r.push(*e);
    }
    r
}

/// The sign chart as notation: `(-∞, -16): +, -16: pole, (-16, -4): −, …`.
fn sign_chart(points: &[Expr], cells: &[Ordering], poles: &[bool]) -> Rich {
    let show = |e: &Expr, st: Style| print(e, st);
    let sym = |o: Ordering, st: Style| match (o, st) {
        (Ordering::Greater, _) => "+",
        (Ordering::Less, Style::Text) => "−",
        (Ordering::Less, _) => "-",
        (Ordering::Equal, _) => "0",
    };
    let mut text = Vec::new();
    let mut tex = Vec::new();
    for k in 0..=points.len() {
        let lo = if k == 0 {
            Expr::neg_infinity()
        } else {
            points[k - 1].clone()
        };
        let hi = if k == points.len() {
            Expr::infinity()
        } else {
            points[k].clone()
        };
        text.push(format!(
            "({}, {}): {}",
            show(&lo, Style::Text),
            show(&hi, Style::Text),
            sym(cells[k], Style::Text)
        ));
        tex.push(format!(
            "({}, {})\\colon {}",
            show(&lo, Style::Latex),
            show(&hi, Style::Latex),
            sym(cells[k], Style::Latex)
        ));
        if k < points.len() {
            let what = if poles[k] { "undefined" } else { "0" };
            text.push(format!("{}: {what}", show(&points[k], Style::Text)));
            tex.push(format!(
                "{}\\colon \\text{{{what}}}",
                show(&points[k], Style::Latex)
            ));
        }
    }
    Rich::text("sign chart: ").and(Notation::new(text.join(", "), tex.join(",\\ ")))
}

/// `p/q rel 0` as rich text, `p` and `q` printed in factored form.
pub fn rearranged(p: &Poly, q: &Poly, rel: Rel, x: &str) -> MResult<Rich> {
    let num = factored(p, x)?;
    let e = if q.degree() <= 0 {
        expr::div(num, Expr::Num(q.lead()))?
    } else {
        expr::div(num, factored(q, x)?)?
    };
    Ok(Rich::math(e).and(rel.op()).and(Expr::zero()))
}

/// `p` as a constant times powers of its square-free factors (primitive, integer).
pub fn factored(p: &Poly, x: &str) -> MResult<Expr> {
    if p.degree() <= 0 {
        return Ok(Expr::Num(p.lead()));
    }
    let mut content = p.lead();
    let mut fs = Vec::new();
    for (f, m) in p.square_free_decomposition() {
        if f.degree() < 1 {
            continue;
        }
        let prim = crate::math::linalg::primitive(&f.c);
        let prim = Poly::new(if prim.last().is_some_and(Q::is_negative) {
            prim.iter().map(Q::neg).collect()
        } else {
            prim
        });
        let lc = prim.lead();
        for _ in 0..m {
            content = content.div(&lc)?;
        }
        fs.push(expr::pow(prim.to_expr(x)?, Expr::int(m as i64))?);
    }
    fs.insert(0, Expr::Num(content));
    expr::mul(fs)
}
