//! Shapes of vectors and matrices. Indexing and slicing, counted from 0 with negative indices
//! from the end (numpy's rules): `v[k]`, `A[i, j]`, a row `A[i]` or `A[i, :]`, a column
//! `A[:, j]`, slices `v[a:b]`, `v[a:b:step]`, `A[a:b, c:d]`, on every vector or matrix value.
//! Each index is evaluated and must be a whole number in range; a mistake is reported at the
//! index, with the valid range and the shape. And the shape check of `+`, `-` and `*`: a
//! mismatch is reported at the right operand, the left one labelled, both shapes named.

use super::error::{EResult, EvalError};
use super::value::{self, Value};
use super::Evaluator;
use crate::math::linalg::float64::Float64;
use crate::math::{Expr, Q};
use crate::source::Span;
use crate::syntax::ast::{self, BinaryOp, ExprKind, IndexItem, IndexKind};
use nalgebra::DMatrix;

/// What one index item selects along its axis.
enum Sel {
    /// One position (the axis disappears from the result).
    At(usize),
    /// Positions in order (the axis stays, possibly empty).
    Range(Vec<usize>),
}

/// "a" or "an" before a number read aloud: an 8, an 11, an 18, an 80, a 3.
pub(crate) fn article_for_number(n: usize) -> &'static str {
    let s = n.to_string();
    let an =
        s.starts_with('8') || (s.len() % 3 == 2 && (s.starts_with("11") || s.starts_with("18")));
    if an {
        "an"
    } else {
        "a"
    }
}

/// The shape of a vector or matrix in words, with its article: `a 3-entry vector`,
/// `a 2×3 matrix`, `an empty vector`; `None` for other values.
pub(crate) fn shape_words(v: &Value) -> Option<String> {
    match dims(v)? {
        [0, 0] => Some("an empty vector".into()),
        [n, 0] => Some(format!("{} {n}-entry vector", article_for_number(n))),
        [r, c] => Some(format!("{} {r}×{c} matrix", article_for_number(r))),
    }
}

/// Whether `v` is a matrix, exact or float64.
pub(crate) fn is_matrix(v: &Value) -> bool {
    matches!(v, Value::Matrix(_) | Value::Float(Float64::Matrix(_)))
}

/// `[n, 0]` for a vector of n entries, `[rows, cols]` for a matrix, `None` otherwise.
pub(crate) fn dims(v: &Value) -> Option<[usize; 2]> {
    match v {
        Value::Vector(xs) => Some([xs.len(), 0]),
        Value::ApproxVector(xs) => Some([xs.len(), 0]),
        Value::Matrix(rows) => Some([rows.len(), rows.first().map_or(0, Vec::len)]),
        Value::Float(Float64::Vector(xs)) => Some([xs.len(), 0]),
        Value::Float(Float64::Matrix(m)) => Some([m.nrows(), m.ncols()]),
        _ => None,
    }
}

impl<'a> Evaluator<'a> {
    /// The session binding a bare name refers to (not shadowed by a function parameter),
    /// borrowed: `K[3]` of a 16,385-entry kernel copies one entry, not the kernel.
    fn global(&self, e: &ast::Expr) -> Option<&'a Value> {
        let ExprKind::Ident(name) = &e.kind else {
            return None;
        };
        if self.locals.iter().any(|f| f.contains_key(name)) {
            return None;
        }
        let scope: &'a super::scope::Scope = self.scope;
        scope.values.get(name)
    }

    /// Evaluates `base[items]` spanning `span`. A list literal followed by a space and a
    /// bracket (`[[1, 2] [3, 4]]`, a comma missing between matrix rows) is an index too; a
    /// failure there says so.
    pub(super) fn index(
        &mut self,
        base: &ast::Expr,
        items: &[IndexItem],
        span: Span,
    ) -> EResult<Value> {
        let spaced = items
            .first()
            .is_some_and(|i| i.span.start > base.span.end + 1);
        self.index_of(base, items, span).map_err(|e| {
            if spaced && matches!(base.kind, ExprKind::List(_)) {
                e.with_note("a list followed by `[` is indexed: to write matrix rows, separate them with a comma, as in [[1, 2], [3, 4]]")
            } else {
                e
            }
        })
    }

    fn index_of(&mut self, base: &ast::Expr, items: &[IndexItem], span: Span) -> EResult<Value> {
        let owned;
        let v: &Value = match self.global(base) {
            Some(v) => v,
            None => {
                owned = self.eval(base)?;
                &owned
            }
        };
        let Some([n, m]) = dims(v) else {
            let mut err = EvalError::new(
                format!(
                    "cannot index {}: only vectors and matrices have entries",
                    value::article(v.kind())
                ),
                base.span,
            )
            .with_label(format!("this is {}", value::article(v.kind())));
            if let (ExprKind::Ident(name), Value::Expr(Expr::Sym(_))) = (&base.kind, v) {
                err = err.with_help(format!(
                    "`{name}` has no value; bind a vector first, e.g. `{name} = [1, 2, 3]`"
                ));
            }
            return Err(err);
        };
        let matrix = is_matrix(v);
        let axes = if matrix { 2 } else { 1 };
        if let Some(extra) = items.get(axes) {
            let shape = shape_words(v).unwrap_or_default();
            let msg = if matrix {
                format!(
                    "a matrix takes at most two indices (row, column), not {}",
                    items.len()
                )
            } else {
                format!("a vector takes one index, not {}", items.len())
            };
            let help = if matrix {
                "A[i, j] is one entry, A[i] a row, A[:, j] a column"
            } else {
                "v[k] is one entry, v[a:b] a slice; a matrix is written [[a, b], [c, d]]"
            };
            return Err(EvalError::new(msg, extra.span)
                .with_label(format!("an index too many for {shape}"))
                .with_help(help));
        }
        let axis_names: &[&str] = if matrix {
            &["row index", "column index"]
        } else {
            &["index"]
        };
        let lens = [n, m];
        let mut sels = Vec::with_capacity(items.len());
        for (axis, item) in items.iter().enumerate() {
            sels.push(self.select(item, lens[axis], axis_names[axis], v)?);
        }
        let shape = shape_words(v).unwrap_or_default();
        let empty = |what: &str, at: usize| {
            EvalError::new(format!("this slice selects no {what}"), items[at].span)
                .with_label(format!("no {what} of {shape}"))
                .with_help("sigma has no empty matrices; check the slice's start and stop")
        };
        let out = match (v, sels.as_slice()) {
            (Value::Vector(xs), [Sel::At(k)]) => Value::Expr(xs[*k].clone()),
            (Value::Vector(xs), [Sel::Range(ix)]) => {
                Value::Vector(ix.iter().map(|&k| xs[k].clone()).collect())
            }
            (Value::ApproxVector(xs), [Sel::At(k)]) => Value::Approx(xs[*k].clone()),
            (Value::ApproxVector(xs), [Sel::Range(ix)]) => {
                Value::ApproxVector(ix.iter().map(|&k| xs[k].clone()).collect())
            }
            (Value::Float(Float64::Vector(xs)), [Sel::At(k)]) => {
                Value::Float(Float64::Scalar(xs[*k]))
            }
            (Value::Float(Float64::Vector(xs)), [Sel::Range(ix)]) => {
                Value::Float(Float64::Vector(ix.iter().map(|&k| xs[k]).collect()))
            }
            (Value::Float(Float64::Matrix(a)), sel) => float_select(a, sel, &empty, span)?,
            (Value::Matrix(rows), [Sel::At(i)]) => Value::Vector(rows[*i].clone()),
            (Value::Matrix(rows), [Sel::At(i), Sel::At(j)]) => Value::Expr(rows[*i][*j].clone()),
            (Value::Matrix(rows), [Sel::At(i), Sel::Range(js)]) => {
                Value::Vector(js.iter().map(|&j| rows[*i][j].clone()).collect())
            }
            (Value::Matrix(rows), [Sel::Range(is), Sel::At(j)]) => {
                Value::Vector(is.iter().map(|&i| rows[i][*j].clone()).collect())
            }
            (Value::Matrix(rows), [Sel::Range(is)]) => {
                if is.is_empty() {
                    return Err(empty("rows", 0));
                }
                Value::Matrix(is.iter().map(|&i| rows[i].clone()).collect())
            }
            (Value::Matrix(rows), [Sel::Range(is), Sel::Range(js)]) => {
                if is.is_empty() {
                    return Err(empty("rows", 0));
                }
                if js.is_empty() {
                    return Err(empty("columns", 1));
                }
                Value::Matrix(
                    is.iter()
                        .map(|&i| js.iter().map(|&j| rows[i][j].clone()).collect())
                        .collect(),
                )
            }
            _ => {
                return Err(EvalError::new(
                    "internal: an index of unexpected shape",
                    span,
                ))
            }
        };
        Ok(out)
    }

    /// Resolves one index item along an axis of `len` positions.
    fn select(&mut self, item: &IndexItem, len: usize, axis: &str, of: &Value) -> EResult<Sel> {
        match &item.kind {
            IndexKind::At(e) => {
                let k = self.index_int(e, axis)?;
                let len_i = len as i64;
                let at = if k < 0 { k + len_i } else { k };
                if !(0..len_i).contains(&at) {
                    let shape = shape_words(of).unwrap_or_default();
                    let valid = if len == 0 {
                        "there is no valid index: it is empty".to_string()
                    } else {
                        format!("valid: 0 to {}, or -{len} to -1", len - 1)
                    };
                    return Err(EvalError::new(
                        format!("{axis} {k} is out of range for {shape}"),
                        e.span,
                    )
                    .with_label(valid)
                    .with_help(if matches!(of, Value::Matrix(_)) {
                        "indices count from 0: A[0] is the first row, A[-1] the last, A[i, j] the entry in row i, column j"
                    } else {
                        "indices count from 0: v[0] is the first entry, v[-1] the last"
                    }));
                }
                Ok(Sel::At(at as usize))
            }
            IndexKind::Slice { start, stop, step } => {
                let mut part = |p: &Option<ast::Expr>| -> EResult<Option<i64>> {
                    p.as_ref().map(|e| self.index_int(e, axis)).transpose()
                };
                let (start, stop, step_v) = (part(start)?, part(stop)?, part(step)?);
                let step_v = step_v.unwrap_or(1);
                if step_v == 0 {
                    let at = step.as_ref().map_or(item.span, |e| e.span);
                    return Err(EvalError::new("a slice step cannot be 0", at)
                        .with_label("step 0")
                        .with_help(
                            "write a:b for every entry, a:b:2 for every other one, ::-1 to reverse",
                        ));
                }
                Ok(Sel::Range(slice_positions(len, start, stop, step_v)))
            }
        }
    }

    /// Evaluates an index expression to a whole number (saturating far out of range).
    fn index_int(&mut self, e: &ast::Expr, axis: &str) -> EResult<i64> {
        let v = self.eval(e)?;
        let x = match v {
            Value::Expr(x) => x,
            Value::Approx(a) => a.exact,
            other => {
                return Err(EvalError::new(
                    format!(
                        "{} must be a whole number, not {}",
                        subject(axis),
                        value::article(other.kind())
                    ),
                    e.span,
                )
                .with_label(format!("this is {}", value::article(other.kind())))
                .with_help("sigma indexes one entry or a slice a:b at a time"))
            }
        };
        match x.as_num() {
            Some(q) if q.is_integer() => Ok(saturate(q)),
            Some(q) => Err(EvalError::new(
                format!("{} must be a whole number, not {q}", subject(axis)),
                e.span,
            )
            .with_label("not a whole number")
            .with_help("indices are whole numbers counted from 0 (negative ones from the end)")),
            None if x.symbols().is_empty() => Err(EvalError::new(
                format!("{} must be a whole number, not {x}", subject(axis)),
                e.span,
            )
            .with_label("not a whole number")
            .with_help("indices are whole numbers counted from 0 (negative ones from the end)")),
            None => Err(EvalError::new(
                format!(
                    "{} must be a whole number, but `{x}` is symbolic",
                    subject(axis)
                ),
                e.span,
            )
            .with_label("no numeric value")
            .with_help(format!(
                "an index is evaluated when the line runs: give {} a value first (a variable bound by sum(…) stays symbolic, so it cannot index)",
                x.symbols()
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }
}

/// `an index`, `a row index`: the axis's index as the subject of a sentence.
fn subject(axis: &str) -> String {
    format!("{} {axis}", if axis == "index" { "an" } else { "a" })
}

/// An integer as i64, saturating (any saturated value is far out of every range).
fn saturate(q: &Q) -> i64 {
    q.to_i64().unwrap_or(if q.is_negative() {
        i64::MIN / 2
    } else {
        i64::MAX / 2
    })
}

/// The positions of the slice `start:stop:step` of `len` entries, by numpy's rules: negative
/// bounds count from the end, bounds out of range are clipped, a negative step walks back.
pub(crate) fn slice_positions(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> Vec<usize> {
    let len = len as i64;
    let (lower, upper) = if step > 0 { (0, len) } else { (-1, len - 1) };
    let clip = |b: Option<i64>, default: i64| match b {
        None => default,
        Some(b) => {
            let b = if b < 0 { b.saturating_add(len) } else { b };
            b.clamp(lower, upper)
        }
    };
    let start = clip(start, if step > 0 { lower } else { upper });
    let stop = clip(stop, if step > 0 { upper } else { lower });
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i = match i.checked_add(step) {
            Some(j) => j,
            None => break,
        };
    }
    out
}

/// Checks that the shapes of `a` (written at `lhs`) and `b` (at `rhs`) fit `op`: equal shapes
/// for `+` and `-`; for `*` the inner dimensions of a matrix or dot product. Other operands
/// and operators are left to the arithmetic.
pub(crate) fn check_binary(
    op: BinaryOp,
    a: &Value,
    b: &Value,
    lhs: Span,
    rhs: Span,
) -> EResult<()> {
    let (Some(da), Some(db)) = (dims(a), dims(b)) else {
        return Ok(());
    };
    let (sa, sb) = (
        shape_words(a).unwrap_or_default(),
        shape_words(b).unwrap_or_default(),
    );
    let (ma, mb) = (is_matrix(a), is_matrix(b));
    let (message, help) = match op {
        BinaryOp::Add | BinaryOp::Sub => {
            if da == db && ma == mb {
                return Ok(());
            }
            let message = if op == BinaryOp::Add {
                format!("cannot add {sa} and {sb}")
            } else {
                format!("cannot subtract {sb} from {sa}")
            };
            (
                message,
                "+ and - work entry by entry, on values of the same shape".to_string(),
            )
        }
        BinaryOp::Mul => {
            let help = match (ma, mb) {
                (true, true) if da[1] != db[0] => format!(
                    "the columns on the left ({}) must be as many as the rows on the right ({})",
                    da[1], db[0]
                ),
                (true, false) if da[1] != db[0] => format!(
                    "A*v needs as many entries in v as A has columns ({}), not {}",
                    da[1], db[0]
                ),
                (false, true) if da[0] != db[0] => format!(
                    "v*A treats v as a row: it needs as many entries as A has rows ({}), not {}",
                    db[0], da[0]
                ),
                (false, false) if da[0] != db[0] => {
                    "v*w is the dot product: both need the same number of entries".to_string()
                }
                _ => return Ok(()),
            };
            (format!("cannot multiply {sa} by {sb}"), help)
        }
        _ => return Ok(()),
    };
    Err(EvalError::new(message, rhs)
        .with_label(sb)
        .with_secondary(lhs, sa)
        .with_help(help))
}

/// The entries of a float64 matrix that a selection names (rows and columns as for exact ones).
fn float_select(
    a: &DMatrix<f64>,
    sel: &[Sel],
    empty: &dyn Fn(&str, usize) -> EvalError,
    span: Span,
) -> EResult<Value> {
    let all_cols: Vec<usize> = (0..a.ncols()).collect();
    let (is, js, row_only) = match sel {
        [Sel::At(i)] => (vec![*i], all_cols, true),
        [Sel::Range(is)] => (is.clone(), all_cols, false),
        [Sel::At(i), Sel::At(j)] => return Ok(Value::Float(Float64::Scalar(a[(*i, *j)]))),
        [Sel::At(i), Sel::Range(js)] => (vec![*i], js.clone(), true),
        [Sel::Range(is), Sel::At(j)] => {
            return Ok(Value::Float(Float64::Vector(
                is.iter().map(|&i| a[(i, *j)]).collect(),
            )))
        }
        [Sel::Range(is), Sel::Range(js)] => (is.clone(), js.clone(), false),
        _ => {
            return Err(EvalError::new(
                "internal: an index of unexpected shape",
                span,
            ))
        }
    };
    if row_only {
        return Ok(Value::Float(Float64::Vector(
            js.iter().map(|&j| a[(is[0], j)]).collect(),
        )));
    }
    if is.is_empty() {
        return Err(empty("rows", 0));
    }
    if js.is_empty() {
        return Err(empty("columns", 1));
    }
    Ok(Value::Float(Float64::Matrix(DMatrix::from_fn(
        is.len(),
        js.len(),
        |r, c| a[(is[r], js[c])],
    ))))
}
