//! The typed answers (verdicts, test reports, limits, interval sets, general terms) in LaTeX
//! and as JSON data. Text comes from their `Display`; the same data feeds every format.

use super::rich::{json as rich_json, notation_json, tex_math};
use super::{escape, latex, text};
use crate::math::answer::{
    Endpoint, GeneralTerm, Interval, IntervalSet, Quantity, Rich, TestReport, Verdict,
};
use crate::math::limit::Limit;
use crate::math::Expr;
use serde_json::{json, Value as Json};

/// An expression as JSON: its text (which parses back to it) and its LaTeX.
pub fn expr_json(e: &Expr) -> Json {
    json!({ "text": text::expr(e), "latex": latex::expr(e) })
}

fn quantity_json(q: &Option<Quantity>) -> Json {
    match q {
        Some(q) => json!({ "name": notation_json(&q.name), "value": expr_json(&q.value) }),
        None => Json::Null,
    }
}

/// A verdict's fields: `verdict`, `test`, `quantity`, `reason`.
pub fn verdict_json(v: &Verdict) -> Json {
    json!({
        "verdict": v.kind.name(),
        "test": v.test.map(|t| t.name()),
        "quantity": quantity_json(&v.quantity),
        "reason": rich_json(&v.reason),
    })
}

fn report_json(r: &TestReport) -> Json {
    json!({
        "test": r.test.name(),
        "finding": r.finding.name(),
        "quantity": quantity_json(&r.quantity),
        "reason": rich_json(&r.reason),
    })
}

fn limit_json(l: &Limit) -> Json {
    match l {
        Limit::DoesNotExist(no) => json!({
            "limit": "does_not_exist",
            "reason": rich_json(&no.reason),
            "limit_points": no.points.iter().map(expr_json).collect::<Vec<_>>(),
            "bounds": no.bounds.as_ref().map(|(a, b)| vec![expr_json(a), expr_json(b)]),
        }),
        Limit::Unknown(why) => json!({ "limit": "unknown", "reason": why }),
        Limit::Value(v) => json!({ "limit": "value", "value": expr_json(v) }),
        Limit::PlusInfinity => json!({ "limit": "value", "value": expr_json(&Expr::infinity()) }),
        Limit::MinusInfinity => {
            json!({ "limit": "value", "value": expr_json(&Expr::neg_infinity()) })
        }
    }
}

fn endpoint_json(e: &Endpoint) -> Json {
    json!({
        "value": expr_json(&e.value),
        "closed": e.inclusion.closed(),
        "verdict": e.verdict.as_ref().map(verdict_json),
    })
}

/// An interval set's fields: `variable` and `intervals` (each with `lo` and `hi` endpoints).
pub fn interval_set_json(s: &IntervalSet) -> Json {
    json!({
        "variable": s.var,
        "intervals": s.intervals.iter().map(|i| json!({
            "lo": endpoint_json(&i.lo),
            "hi": endpoint_json(&i.hi),
        })).collect::<Vec<_>>(),
    })
}

fn term_json(t: &GeneralTerm) -> Json {
    match t {
        GeneralTerm::Formula { pieces, correction } => json!({
            "form": "formula",
            "pieces": pieces.iter().map(|p| json!({
                "term": expr_json(&p.term), "index": p.index, "start": p.start,
            })).collect::<Vec<_>>(),
            "correction": correction.as_ref().map(expr_json),
        }),
        GeneralTerm::Polynomial(p) => json!({ "form": "polynomial", "polynomial": expr_json(p) }),
        GeneralTerm::Recurrence(r) => json!({
            "form": "recurrence",
            "variable": r.var,
            "index": r.index,
            "coefficients": r.coefficients.iter().map(expr_json).collect::<Vec<_>>(),
            "from": r.from,
            "scale": r.scale.as_ref().map(expr_json),
            "relation": r.relation,
        }),
        GeneralTerm::Unknown(why) => json!({ "form": "unknown", "reason": rich_json(why) }),
    }
}

/// The data fields of a typed answer, merged into its statement's JSON object.
pub fn json_fields(v: &crate::eval::value::Value) -> Option<Json> {
    use crate::eval::value::Value;
    Some(match v {
        Value::Verdict(x) => verdict_json(x),
        Value::TestReport(x) => report_json(x),
        Value::Limit(x) => limit_json(x),
        Value::IntervalSet(x) => interval_set_json(x),
        Value::Term(x) => term_json(x),
        Value::ApproxVector(xs) => json!({
            "entries": xs.iter().map(|a| json!({
                "exact": expr_json(&a.exact),
                "approximation": a.value.text,
            })).collect::<Vec<_>>(),
        }),
        Value::Float(f) => super::float::json_fields(f),
        Value::Plot(p) => super::plot::json_fields(p),
        _ => return None,
    })
}

/// A verdict in math mode: the kind in words, then the reason with its mathematics.
pub fn verdict_tex(v: &Verdict) -> String {
    tex_math(&v.summary())
}

/// An interval set in math mode, with each endpoint's verdict after it.
pub fn interval_set_tex(s: &IntervalSet) -> String {
    let mut out = s.set_tex();
    let var = s.var.as_deref().unwrap_or("x");
    for (at, v) in s.verdicts() {
        out.push_str(&format!(
            ";\\ {} = {}\\text{{: }}{}",
            latex::expr(&Expr::sym(var)),
            latex::expr(at),
            verdict_tex(v)
        ));
    }
    out
}

fn term_tex(t: &GeneralTerm) -> String {
    match t {
        GeneralTerm::Formula { pieces, correction } => {
            let mut s = pieces
                .iter()
                .map(|p| {
                    format!(
                        "{} \\text{{ for }} {} \\ge {}",
                        latex::expr(&p.term),
                        latex::expr(&Expr::sym(&p.index)),
                        p.start
                    )
                })
                .collect::<Vec<_>>()
                .join(";\\ ");
            if let Some(c) = correction {
                s.push_str(&format!(
                    "\\text{{, plus the correction }} {} \\text{{ to the initial terms}}",
                    latex::expr(c)
                ));
            }
            s
        }
        GeneralTerm::Polynomial(p) => format!(
            "\\text{{the series is the polynomial }} {} \\text{{: no general term beyond its finitely many non-zero terms}}",
            latex::expr(p)
        ),
        other => format!("\\text{{{}}}", escape::tex_text(&other.to_string())),
    }
}

/// A typed answer in math mode.
pub fn latex_value(v: &crate::eval::value::Value) -> Option<String> {
    use crate::eval::value::Value;
    Some(match v {
        Value::Verdict(x) => verdict_tex(x),
        Value::TestReport(x) => tex_math(&x.reason),
        Value::Limit(Limit::DoesNotExist(no)) => {
            tex_math(&Rich::text("does not exist: ").and(&no.reason))
        }
        Value::Limit(x) => format!("\\text{{{}}}", escape::tex_text(&x.describe())),
        Value::IntervalSet(x) => interval_set_tex(x),
        Value::Term(x) => term_tex(x),
        _ => return None,
    })
}

/// A long typed answer (a verdict, a test report, an interval with its endpoints' verdicts,
/// a limit that does not exist) as running text that wraps, in LaTeX (`markdown = false`)
/// or Markdown; `None` for answers shown as one formula.
pub fn prose(v: &crate::eval::value::Value, markdown: bool) -> Option<String> {
    use super::rich::{markdown as md, tex_inline};
    use crate::eval::value::Value;
    use crate::math::answer::Rich;
    let inline = |r: &Rich| if markdown { md(r) } else { tex_inline(r) };
    Some(match v {
        Value::Verdict(x) => inline(&x.summary()),
        Value::TestReport(x) => inline(&x.reason),
        Value::Limit(Limit::DoesNotExist(no)) => {
            inline(&Rich::text("does not exist: ").and(&no.reason))
        }
        Value::Limit(x) => inline(&Rich::text(x.describe())),
        Value::IntervalSet(x) => {
            let set = x.intervals.iter().map(Interval::tex).collect::<Vec<_>>();
            let mut s = if set.is_empty() {
                "$\\emptyset$".to_string()
            } else {
                format!("${}$", set.join(" \\cup "))
            };
            let var = Expr::sym(x.var.as_deref().unwrap_or("x"));
            for (at, verdict) in x.verdicts() {
                let r = crate::rich!["; at ", &var, crate::math::answer::Op::Eq, at, ": "]
                    .and(verdict.summary());
                s.push_str(&inline(&r));
            }
            s
        }
        _ => return None,
    })
}
