//! Real algebraic numbers as values: `root(p, x, k)`, the k-th smallest real root of a
//! polynomial with rational coefficients, kept exact as a root object (isolated by Sturm
//! sequences) and evaluated to certified decimals by `N`.

use super::args::{req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::{self, Expr, Func};

pub const ROOT: Builtin = Builtin {
    name: "root",
    signature: "root(p, x, k)",
    summary: "the k-th smallest real root (k = 1, 2, …) of the polynomial p in x with rational coefficients, exact: a number or surd when p gives one, otherwise a root object isolated by Sturm sequences (N gives certified decimals)",
    example: "root(x^3 - 2, x, 1) → root(x^3 - 2, x, 1)",
    forms: &[&[
        req(Kind::Expr),
        req(Kind::Var {
            what: "the variable of the polynomial",
            over: &[0],
        }),
        req(Kind::Expr),
    ]],
    imp: Impl::Command(root_cmd),
};

fn root_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (p, x, k) = (args.expr(0), args.var(1), args.expr(2));
    let r = expr::func(Func::Root, vec![p.clone(), Expr::sym(x), k.clone()]).map_err(|e| {
        let span = if k
            .as_num()
            .is_some_and(|q| q.is_integer() && q.is_positive())
        {
            args.span_of(0)
        } else {
            args.span_of(2)
        };
        EvalError::math(e, span)
    })?;
    Ok(Value::Expr(r))
}
