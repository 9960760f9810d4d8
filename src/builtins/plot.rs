//! `plot`: functions of one variable on an interval, sequences and partial sums at integers,
//! data vectors, Taylor polynomials and families over a parameter, on a linear or a log
//! scale. Sampling is `math::plot`'s (every sample certified or exact); drawing is the
//! renderers'; writing the file is the front end's.

use super::args::{opt, req, Args, Kind, Plotted};
use super::{Builtin, Impl};
use crate::eval::value::{article, Value};
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::{self, Expr};
use crate::math::float::native;
use crate::math::plot::{sample, Plot, Series, Style};
use crate::math::Q;
use crate::rich;

/// The most series one plot draws.
const MAX_SERIES: usize = 12;

fn options() -> Vec<&'static str> {
    vec!["lines", "points", "steps", "logy"]
}

const OPTION: Kind = Kind::Name {
    noun: "plot option",
    choices: options,
};

pub const PLOT: Builtin = Builtin {
    name: "plot",
    signature: "plot(f, x, a, b[, style][, logy])",
    summary: "draws f for x from a to b: f is an expression in x, a list [f, g, …] (one legend entry each, as written), a family [f for β in […]], a series (its polynomial) or a vector of values; a curve for a real variable, marks at the integers with `points` or a staircase with `steps`; `logy` for a log scale; a constant is a dashed reference line. Every sample is certified; poles and jumps are not joined. Written as an SVG file",
    example: "plot([sin(x), taylor(sin(x), x, 0, 5)], x, -pi, pi)",
    forms: &[
        &[req(Kind::Plotted), opt(OPTION), opt(OPTION)],
        &[
            req(Kind::Plotted),
            req(Kind::Var {
                what: "the plotted variable",
                over: &[0],
            }),
            req(Kind::Expr),
            req(Kind::Expr),
            opt(OPTION),
            opt(OPTION),
        ],
    ],
    imp: Impl::Command(plot_cmd),
};

/// The horizontal axis: the variable and its range, when the call gives them.
struct Axis<'a> {
    x: &'a str,
    a: Q,
    b: Q,
}

fn plot_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let ranged = args.count() >= 4;
    let first_opt = if ranged { 4 } else { 1 };
    let (mut style, mut log_y) = (None, false);
    for i in first_opt..args.count() {
        match args.name(i) {
            "logy" if !log_y => log_y = true,
            "logy" => return Err(EvalError::new("`logy` is given twice", args.span_of(i))),
            s if style.is_none() => {
                style = Some(match s {
                    "points" => Style::Points,
                    "steps" => Style::Steps,
                    _ => Style::Line,
                })
            }
            _ => {
                return Err(EvalError::new(
                    "a plot has one style: lines, points or steps",
                    args.span_of(i),
                ))
            }
        }
    }
    let axis = if ranged {
        let (a, b) = (bound(args, 2)?, bound(args, 3)?);
        if a >= b {
            return Err(EvalError::new(
                "the range must run from a smaller to a larger number",
                args.span_of(2).to(args.span_of(3)),
            ));
        }
        Some(Axis {
            x: args.var(1),
            a,
            b,
        })
    } else {
        None
    };
    let data = numbers(args.plotted(0), axis.as_ref());
    let members = data.as_deref().unwrap_or(args.plotted(0));
    if members.len() > MAX_SERIES {
        return Err(EvalError::new(
            format!(
                "a plot draws at most {MAX_SERIES} series, not {}",
                members.len()
            ),
            args.span_of(0),
        ));
    }
    let mut series = Vec::with_capacity(members.len());
    for m in members {
        ev.check_interrupt(m.span)?;
        let mut s = one_series(m, axis.as_ref(), style)?;
        if log_y {
            let before = s.points().count();
            for seg in &mut s.segments {
                seg.retain(|p| p.1 > 0.0);
            }
            s.segments.retain(|seg| !seg.is_empty());
            s.omitted += before - s.points().count();
        }
        if s.points().next().is_none() {
            let why = if log_y {
                "no sample is positive, so none can be shown on a log scale".to_string()
            } else {
                "no sample has a value".to_string()
            };
            return Err(EvalError::new(format!("nothing to draw: {why}"), m.span)
                .with_label(format!("`{}`", m.label)));
        }
        if s.omitted > 0 {
            ev.steps.push(
                rich![format!("{}: {} sample(s) left out", s.label, s.omitted)],
                if log_y {
                    "undefined there, or not positive on a log scale"
                } else {
                    "undefined there (outside the domain, or at a pole)"
                },
            );
        }
        if s.style == Style::Line && s.segments.len() > 1 {
            ev.steps.push(
                rich![format!("{}: drawn in {} pieces", s.label, s.segments.len())],
                "the curve is broken at poles and jumps, which are never joined by a line",
            );
        }
        series.push(s);
    }
    let x_range = match &axis {
        Some(ax) => (sample::to_f64(&ax.a), sample::to_f64(&ax.b)),
        None => data_range(&series),
    };
    let x_label = axis.as_ref().map_or("index", |ax| ax.x);
    Ok(Value::Plot(Box::new(Plot::new(
        x_label, series, x_range, log_y,
    ))))
}

/// A list literal of two or more constants is one series of data, `[1, 1/2, 1/4]`, not
/// several reference lines.
fn numbers(members: &[Plotted], axis: Option<&Axis>) -> Option<Vec<Plotted>> {
    let constant = |m: &Plotted| match &m.value {
        Value::Expr(e) => axis.is_none_or(|ax| !e.depends_on(ax.x)),
        _ => false,
    };
    if members.len() < 2 || !members.iter().all(constant) {
        return None;
    }
    let values = members
        .iter()
        .filter_map(|m| match &m.value {
            Value::Expr(e) => Some(e.clone()),
            _ => None,
        })
        .collect();
    let labels: Vec<&str> = members.iter().map(|m| m.label.as_str()).collect();
    Some(vec![Plotted {
        value: Value::Vector(values),
        label: format!("[{}]", labels.join(", ")),
        span: members[0].span.to(members[members.len() - 1].span),
    }])
}

/// A range bound: its exact value if rational, else the nearest double (read exactly).
fn bound(args: &Args, i: usize) -> EResult<Q> {
    let e = args.expr(i);
    if let Expr::Num(q) = e {
        return Ok(q.clone());
    }
    native::nearest(e)
        .ok()
        .and_then(native::exact)
        .ok_or_else(|| {
            EvalError::new(
                "a bound of the range must be a real number",
                args.span_of(i),
            )
        })
}

/// The horizontal range of data plotted against their indices.
fn data_range(series: &[Series]) -> (f64, f64) {
    let xs = series.iter().flat_map(|s| s.points()).map(|p| p.0);
    let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), x| {
        (l.min(x), h.max(x))
    });
    if lo < hi {
        (lo, hi)
    } else {
        (lo - 1.0, lo + 1.0)
    }
}

fn one_series(m: &Plotted, axis: Option<&Axis>, style: Option<Style>) -> EResult<Series> {
    let span = m.span;
    let math = |e| EvalError::math(e, span);
    let series = |style, segments, omitted| Series {
        label: m.label.clone(),
        style,
        segments,
        omitted,
        typical: None,
    };
    let f = match &m.value {
        Value::Expr(e) => e.clone(),
        Value::Approx(a) => a.exact.clone(),
        Value::Series(sv) => {
            if axis.is_some_and(|ax| ax.x != sv.var) {
                return Err(EvalError::new(
                    format!(
                        "this is a series in {}, not in the plotted variable",
                        sv.var
                    ),
                    span,
                ));
            }
            polynomial(sv).map_err(math)?
        }
        Value::Vector(v) => return data(m, v, axis, style),
        Value::ApproxVector(v) => {
            let exact: Vec<Expr> = v.iter().map(|a| a.exact.clone()).collect();
            return data(m, &exact, axis, style);
        }
        other => {
            return Err(
                EvalError::new(format!("cannot plot {}", article(other.kind())), span)
                    .with_help("plot expressions in one variable, series, or vectors of values"),
            )
        }
    };
    let Some(ax) = axis else {
        return Err(EvalError::new(
            "give the variable and its range to plot an expression",
            span,
        )
        .with_help("write plot(f, x, a, b)"));
    };
    if !f.depends_on(ax.x) {
        let c = native::nearest(&f).map_err(math)?;
        let (a, b) = (sample::to_f64(&ax.a), sample::to_f64(&ax.b));
        return Ok(series(Style::Reference, vec![vec![(a, c), (b, c)]], 0));
    }
    if let Some(st @ (Style::Points | Style::Steps)) = style {
        let (lo, hi) = integer_range(ax, span)?;
        let (pts, omitted) = sample::sequence(&f, ax.x, lo, hi).map_err(math)?;
        if pts.is_empty() {
            return Err(no_value(&f, ax, span));
        }
        return Ok(series(st, vec![pts], omitted));
    }
    let c = sample::curve(&f, ax.x, &ax.a, &ax.b).map_err(math)?;
    if c.segments.is_empty() {
        return Err(no_value(&f, ax, span));
    }
    Ok(Series {
        typical: c.typical,
        ..series(Style::Line, c.segments, c.omitted)
    })
}

/// Why an expression has no value anywhere on the range: the error at the range's middle.
fn no_value(f: &Expr, ax: &Axis, span: crate::source::Span) -> EvalError {
    let mid = ax.a.add(&ax.b).mul(&Q::frac(1, 2));
    let why = match native::nearest_at(f, Some((ax.x, &mid)), "a sample") {
        Err(e) => e.to_string(),
        Ok(_) => "it has no value at the samples".into(),
    };
    EvalError::new(format!("nothing to draw: {why}"), span)
}

/// The integers of the range, for a sequence.
fn integer_range(ax: &Axis, span: crate::source::Span) -> EResult<(i64, i64)> {
    let (lo, hi) = (ax.a.to_i64(), ax.b.to_i64());
    match (lo, hi) {
        (Some(lo), Some(hi)) if ax.a.is_integer() && ax.b.is_integer() => {
            if hi - lo >= sample::MAX_INDICES {
                Err(EvalError::new(
                    format!(
                        "a sequence is plotted at most at {} indices",
                        sample::MAX_INDICES
                    ),
                    span,
                ))
            } else {
                Ok((lo, hi))
            }
        }
        _ => Err(EvalError::new(
            "points and steps are drawn at integers: give integer bounds",
            span,
        )),
    }
}

/// A vector of values plotted against its indices: from `a` to `b` when the range is given
/// (its length must match), else from 1 (the first partial sum is S_1).
fn data(m: &Plotted, v: &[Expr], axis: Option<&Axis>, style: Option<Style>) -> EResult<Series> {
    let first = match axis {
        Some(ax) => {
            let (lo, hi) = integer_range(ax, m.span)?;
            if (hi - lo + 1) as usize != v.len() {
                return Err(EvalError::new(
                    format!(
                        "{} values cannot be drawn at the {} integers from {lo} to {hi}",
                        v.len(),
                        hi - lo + 1
                    ),
                    m.span,
                ));
            }
            lo
        }
        None => 1,
    };
    let (pts, omitted) = sample::data(v, first).map_err(|e| EvalError::math(e, m.span))?;
    let style = match style {
        Some(Style::Line) => Style::Line,
        Some(Style::Steps) => Style::Steps,
        _ => Style::Points,
    };
    Ok(Series {
        label: m.label.clone(),
        style,
        segments: vec![pts],
        omitted,
        typical: None,
    })
}

/// The polynomial of a truncated series: Σ c_k (x − a)^k.
fn polynomial(sv: &crate::eval::value::SeriesValue) -> crate::math::expr::MResult {
    let x = expr::sub(Expr::sym(&sv.var), sv.center.clone())?;
    let mut terms = Vec::with_capacity(sv.coeffs.len());
    for (k, c) in sv.coeffs.iter().enumerate() {
        terms.push(expr::mul(vec![
            c.clone(),
            expr::pow(x.clone(), Expr::int(k as i64))?,
        ])?);
    }
    expr::add(terms)
}
