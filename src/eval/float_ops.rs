//! Operators on float64 values: once either operand is float64 the other is rounded to
//! doubles (exact·float gives float) and the operation is done in machine arithmetic. The
//! conversion of an exact value to float64 (used by `float(A)`) lives here too.

use super::error::{EResult, EvalError};
use super::value::{article, Value};
use crate::math::expr::Expr;
use crate::math::float::native;
use crate::math::linalg::float64::{self as f, Float64};
use crate::source::Span;
use crate::syntax::ast::BinaryOp;

/// Whether an operation on `a` and `b` is float64 work.
pub fn involved(a: &Value, b: &Value) -> bool {
    matches!(a, Value::Float(_)) || matches!(b, Value::Float(_))
}

/// An exact number rounded to the nearest double.
pub fn scalar(e: &Expr, span: Span) -> EResult<f64> {
    native::nearest(e)
        .map_err(|m| EvalError::math(m, span).with_help("float64 values need numeric entries"))
}

/// A value as float64: numbers, vectors and matrices rounded entry by entry to the nearest
/// double; a float64 value as it is.
pub fn to_float64(v: &Value, span: Span) -> EResult<Float64> {
    let each = |xs: &[Expr]| {
        xs.iter()
            .map(|x| scalar(x, span))
            .collect::<EResult<Vec<_>>>()
    };
    Ok(match v {
        Value::Float(x) => x.clone(),
        Value::Expr(e) => Float64::Scalar(scalar(e, span)?),
        Value::Approx(a) => Float64::Scalar(scalar(&a.exact, span)?),
        Value::Vector(xs) => Float64::Vector(each(xs)?),
        Value::ApproxVector(xs) => Float64::Vector(
            xs.iter()
                .map(|a| scalar(&a.exact, span))
                .collect::<EResult<_>>()?,
        ),
        Value::Matrix(rows) => {
            Float64::matrix(&rows.iter().map(|r| each(r)).collect::<EResult<Vec<_>>>()?)
        }
        other => {
            return Err(EvalError::new(
                format!("cannot convert {} to float64", article(other.kind())),
                span,
            )
            .with_help("float64 values come from numbers, vectors and matrices"))
        }
    })
}

fn checked(r: Result<Float64, String>, span: Span) -> EResult<Value> {
    let v = r.map_err(|m| EvalError::new(m, span))?;
    if !v.is_finite() {
        return Err(EvalError::new(
            "the float64 result overflowed (an infinite or NaN entry)",
            span,
        ));
    }
    Ok(Value::Float(v))
}

/// `a op b` with at least one float64 operand.
pub fn binary(op: BinaryOp, a: Value, b: Value, span: Span) -> EResult<Value> {
    let (x, y) = (to_float64(&a, span)?, to_float64(&b, span)?);
    if matches!(x, Float64::Poly { .. } | Float64::Complex(_))
        || matches!(y, Float64::Poly { .. } | Float64::Complex(_))
    {
        return Err(EvalError::new(
            format!(
                "no arithmetic on {} and {}",
                article(x.kind()),
                article(y.kind())
            ),
            span,
        ));
    }
    let r = match op {
        BinaryOp::Add => f::add(&x, &y, false),
        BinaryOp::Sub => f::add(&x, &y, true),
        BinaryOp::Mul => f::mul(&x, &y),
        BinaryOp::Div => match y {
            Float64::Scalar(c) => f::div(&x, c),
            _ => Err(format!("cannot divide by {}", article(y.kind()))),
        },
        BinaryOp::Pow => match y {
            Float64::Scalar(k) => f::pow(&x, k),
            _ => Err(format!(
                "cannot raise to the power of {}",
                article(y.kind())
            )),
        },
        BinaryOp::And | BinaryOp::Or => Err("logic operators need true/false operands".into()),
    };
    checked(r, span)
}

/// A float64 number as the exact binary fraction it is, so a comparison decides about the
/// computed double itself (no further rounding).
pub fn comparable(f: &Float64, span: Span) -> EResult<Expr> {
    match f {
        Float64::Scalar(x) => native::exact(*x)
            .map(Expr::Num)
            .ok_or_else(|| EvalError::new("cannot compare an infinite or NaN float64", span)),
        other => Err(
            EvalError::new(format!("cannot compare {}", article(other.kind())), span)
                .with_label("not a number"),
        ),
    }
}

/// `−a` for a float64 value.
pub fn negate(a: &Float64) -> Value {
    Value::Float(f::neg(a))
}
