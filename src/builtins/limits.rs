//! `limit(a, n, oo)`: the limit of a sequence, exact or "does not exist" with the reason, or
//! an honest "unknown".

use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::{self, Expr};
use crate::math::limit::{limit_at_infinity, Limit};
use crate::source::Span;
use crate::syntax::ast;

pub const LIMIT: Builtin = Builtin {
    name: "limit",
    signature: "limit(a, n, oo)",
    summary: "the limit of the sequence a(n) as n → ∞: exact, ±oo, \"does not exist\" with the reason, or unknown",
    example: "limit((1 + 1/n)^n, n, oo) → e",
    min_args: 3,
    max_args: 3,
    imp: Impl::Command(limit_cmd),
};

fn limit_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let n = ev.symbol_arg(&args[1], "the index of the sequence")?;
    let a = ev.eval_expr_with_free(&args[0], &n)?;
    let to = ev.eval_expr(&args[2])?;
    if to != Expr::infinity() {
        return Err(EvalError::new(
            "sigma computes limits of sequences as n → oo only",
            args[2].span,
        )
        .with_label("not oo")
        .with_help(format!("write limit(…, {n}, oo)")));
    }
    let (l, steps) = limit_at_infinity(&a, &n).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(steps);
    Ok(match l {
        Limit::Value(v) => Value::Expr(v),
        Limit::PlusInfinity => Value::Expr(Expr::infinity()),
        Limit::MinusInfinity => {
            Value::Expr(expr::neg(Expr::infinity()).map_err(|e| EvalError::math(e, span))?)
        }
        other => Value::Limit(other),
    })
}
