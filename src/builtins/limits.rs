//! `limit(a, n, oo)`: the limit of a sequence, exact or "does not exist" with the reason, or
//! an honest "unknown".

use super::args::{req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::{self, Expr};
use crate::math::limit::{limit_at_infinity, Limit};

pub const LIMIT: Builtin = Builtin {
    name: "limit",
    signature: "limit(a, n, oo)",
    summary: "the limit of the sequence a(n) as n → ∞: exact, ±oo, \"does not exist\" with the reason, or unknown",
    example: "limit((1 + 1/n)^n, n, oo) → e",
    forms: &[&[
        req(Kind::Expr),
        req(Kind::Var {
            what: "the index of the sequence",
            over: &[0],
        }),
        req(Kind::Expr),
    ]],
    imp: Impl::Command(limit_cmd),
};

fn limit_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (a, n, span) = (args.expr(0), args.var(1), args.span());
    if *args.expr(2) != Expr::infinity() {
        return Err(EvalError::new(
            "sigma computes limits of sequences as n → oo only",
            args.span_of(2),
        )
        .with_label("not oo")
        .with_help(format!("write limit(…, {n}, oo)")));
    }
    let windowed = crate::math::sum::window::limit_with_sum(a, n);
    let (l, steps) = match windowed.map_err(|e| EvalError::math(e, span))? {
        Some(found) => found,
        None => limit_at_infinity(a, n).map_err(|e| EvalError::math(e, span))?,
    };
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
