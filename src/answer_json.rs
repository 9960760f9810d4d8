//! Reads the JSON of typed answers back into values: a program that receives sigma's JSON can
//! rebuild the verdict, test report, limit, interval set or general term it describes. Each
//! expression is read from its `text`, which sigma's language parses back to the same value.

use crate::eval::value::Value;
use crate::math::answer::{
    Endpoint, Finding, GeneralTerm, Inclusion, Interval, IntervalSet, Notation, Op, Piece,
    Quantity, Recurrence, Rich, TermPiece, Test, TestReport, Verdict, VerdictKind,
};
use crate::math::limit::{Limit, NoLimit};
use crate::math::Expr;
use crate::session::Session;
use serde_json::Value as Json;

type R<T> = Result<T, String>;

fn field<'a>(j: &'a Json, key: &str) -> R<&'a Json> {
    j.get(key)
        .ok_or_else(|| format!("missing field `{key}` in {j}"))
}

fn string(j: &Json, key: &str) -> R<String> {
    field(j, key)?
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("`{key}` is not a string in {j}"))
}

fn array<'a>(j: &'a Json, key: &str) -> R<&'a Vec<Json>> {
    field(j, key)?
        .as_array()
        .ok_or_else(|| format!("`{key}` is not a list in {j}"))
}

/// An expression object `{"text", "latex"}`, read from its text.
pub fn expr(j: &Json) -> R<Expr> {
    let t = string(j, "text")?;
    match t.as_str() {
        "oo" => Ok(Expr::infinity()),
        "-oo" => Ok(Expr::neg_infinity()),
        _ => Session::expr(&t),
    }
}

fn opt<T>(j: &Json, read: impl Fn(&Json) -> R<T>) -> R<Option<T>> {
    if j.is_null() {
        Ok(None)
    } else {
        read(j).map(Some)
    }
}

fn notation(j: &Json) -> R<Notation> {
    Ok(Notation::new(string(j, "text")?, string(j, "latex")?))
}

/// Rich text from its `parts`.
pub fn rich(j: &Json) -> R<Rich> {
    let mut r = Rich::new();
    for p in array(j, "parts")? {
        let piece = if let Some(t) = p.get("text") {
            Piece::Text(t.as_str().ok_or("a text part is not a string")?.to_string())
        } else if let Some(m) = p.get("math") {
            Piece::Math(expr(m)?)
        } else if let Some(o) = p.get("op") {
            let name = o.as_str().ok_or("an op part is not a string")?;
            Piece::Op(Op::from_name(name).ok_or_else(|| format!("unknown op `{name}`"))?)
        } else if let Some(n) = p.get("notation") {
            Piece::Notation(notation(n)?)
        } else {
            return Err(format!("unknown part {p}"));
        };
        r.push(piece);
    }
    Ok(r)
}

fn quantity(j: &Json) -> R<Option<Quantity>> {
    opt(j, |q| {
        Ok(Quantity::new(
            notation(field(q, "name")?)?,
            expr(field(q, "value")?)?,
        ))
    })
}

fn test(j: &Json) -> R<Option<Test>> {
    opt(j, |t| {
        let name = t.as_str().ok_or("`test` is not a string")?;
        Test::from_name(name).ok_or_else(|| format!("unknown test `{name}`"))
    })
}

/// A verdict from its fields `verdict`, `test`, `quantity`, `reason`.
pub fn verdict(j: &Json) -> R<Verdict> {
    let kind = string(j, "verdict")?;
    Ok(Verdict {
        kind: VerdictKind::from_name(&kind).ok_or_else(|| format!("unknown verdict `{kind}`"))?,
        test: test(field(j, "test")?)?,
        quantity: quantity(field(j, "quantity")?)?,
        reason: rich(field(j, "reason")?)?,
    })
}

fn report(j: &Json) -> R<TestReport> {
    let f = string(j, "finding")?;
    Ok(TestReport {
        test: test(field(j, "test")?)?.ok_or("a test report names its test")?,
        finding: Finding::from_name(&f).ok_or_else(|| format!("unknown finding `{f}`"))?,
        quantity: quantity(field(j, "quantity")?)?,
        reason: rich(field(j, "reason")?)?,
    })
}

fn limit(j: &Json) -> R<Limit> {
    match string(j, "limit")?.as_str() {
        "does_not_exist" => {
            let bounds = opt(field(j, "bounds")?, |b| {
                let b = b.as_array().ok_or("`bounds` is not a list")?;
                match b.as_slice() {
                    [lo, hi] => Ok((expr(lo)?, expr(hi)?)),
                    _ => Err("`bounds` has two ends".to_string()),
                }
            })?;
            Ok(Limit::DoesNotExist(NoLimit {
                reason: rich(field(j, "reason")?)?,
                points: array(j, "limit_points")?
                    .iter()
                    .map(expr)
                    .collect::<R<_>>()?,
                bounds,
            }))
        }
        "unknown" => Ok(Limit::Unknown(string(j, "reason")?)),
        "value" => {
            let v = expr(field(j, "value")?)?;
            Ok(if v == Expr::infinity() {
                Limit::PlusInfinity
            } else if v == Expr::neg_infinity() {
                Limit::MinusInfinity
            } else {
                Limit::Value(v)
            })
        }
        other => Err(format!("unknown limit `{other}`")),
    }
}

fn endpoint(j: &Json) -> R<Endpoint> {
    let closed = field(j, "closed")?;
    let inclusion = match closed {
        Json::Null => Inclusion::Unknown,
        Json::Bool(b) => Inclusion::from_closed(Some(*b)),
        other => return Err(format!("`closed` is {other}")),
    };
    Ok(Endpoint {
        value: expr(field(j, "value")?)?,
        inclusion,
        verdict: opt(field(j, "verdict")?, verdict)?,
    })
}

/// An interval set from its fields `variable` and `intervals`.
pub fn interval_set(j: &Json) -> R<IntervalSet> {
    let var = opt(field(j, "variable")?, |v| {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| "`variable` is not a string".to_string())
    })?;
    let intervals = array(j, "intervals")?
        .iter()
        .map(|i| {
            Ok(Interval {
                lo: endpoint(field(i, "lo")?)?,
                hi: endpoint(field(i, "hi")?)?,
            })
        })
        .collect::<R<_>>()?;
    Ok(IntervalSet { var, intervals })
}

fn term(j: &Json) -> R<GeneralTerm> {
    match string(j, "form")?.as_str() {
        "formula" => Ok(GeneralTerm::Formula {
            pieces: array(j, "pieces")?
                .iter()
                .map(|p| {
                    Ok(TermPiece {
                        term: expr(field(p, "term")?)?,
                        index: string(p, "index")?,
                        start: field(p, "start")?.as_i64().ok_or("`start` is an integer")?,
                    })
                })
                .collect::<R<_>>()?,
            correction: opt(field(j, "correction")?, expr)?,
        }),
        "polynomial" => Ok(GeneralTerm::Polynomial(expr(field(j, "polynomial")?)?)),
        "recurrence" => Ok(GeneralTerm::Recurrence(Recurrence {
            var: string(j, "variable")?,
            index: string(j, "index")?,
            coefficients: array(j, "coefficients")?
                .iter()
                .map(expr)
                .collect::<R<_>>()?,
            from: field(j, "from")?.as_u64().ok_or("`from` is an integer")?,
            scale: opt(field(j, "scale")?, expr)?,
            relation: string(j, "relation")?,
        })),
        "unknown" => Ok(GeneralTerm::Unknown(rich(field(j, "reason")?)?)),
        other => Err(format!("unknown form `{other}`")),
    }
}

/// The typed answer a statement object describes, by its `kind`; `None` for kinds that are
/// not typed answers (expressions, approximations, …).
pub fn value(statement: &Json) -> R<Option<Value>> {
    Ok(Some(match string(statement, "kind")?.as_str() {
        "verdict" => Value::Verdict(verdict(statement)?),
        "test_report" => Value::TestReport(report(statement)?),
        "limit" => Value::Limit(limit(statement)?),
        "interval_set" => Value::IntervalSet(interval_set(statement)?),
        "general_term" => Value::Term(term(statement)?),
        k if k.starts_with("float64") => Value::Float(
            crate::render::float::from_json(k, statement)
                .ok_or_else(|| format!("malformed {k} in {statement}"))?,
        ),
        _ => return Ok(None),
    }))
}
