//! Remainder commands: `lagrange_bound` and `terms_needed`.

use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::Expr;
use crate::math::number::Q;
use crate::math::series::bounds;
use crate::source::Span;
use crate::syntax::ast;

pub const LAGRANGE_BOUND: Builtin = Builtin {
    name: "lagrange_bound",
    signature: "lagrange_bound(f, x, a, n, x0)",
    summary: "the Lagrange bound M·|x0 − a|^(n+1)/(n+1)! on the error of f's degree-n Taylor polynomial at x0, M = max |f^(n+1)| located exactly",
    example: "lagrange_bound(ln(1 + x), x, 0, 4, 1/5) → 1/15625",
    min_args: 5,
    max_args: 5,
    imp: Impl::Command(lagrange_cmd),
};

pub const TERMS_NEEDED: Builtin = Builtin {
    name: "terms_needed",
    signature: "terms_needed(f, x, a, x0, eps)",
    summary: "how many non-zero terms of f's Taylor series at a give f(x0) within eps (alternating-series bound, else Lagrange)",
    example: "terms_needed(ln(1 + x), x, 0, 1/10, 5e-11) → 9",
    min_args: 5,
    max_args: 5,
    imp: Impl::Command(terms_needed_cmd),
};

/// An argument that must be an exact rational number.
fn rational(ev: &mut Evaluator, a: &ast::Expr, what: &str) -> EResult<Q> {
    let v = ev.eval_expr(a)?;
    v.as_num().cloned().ok_or_else(|| {
        EvalError::new(format!("{what} must be a rational number"), a.span)
            .with_label(format!("this is {}", crate::render::text::expr(&v)))
    })
}

fn lagrange_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let f = ev.eval_expr_with_free(&args[0], &x)?;
    let a = rational(ev, &args[2], "the expansion point")?;
    let n = ev.uint_arg(&args[3], "the degree", 10_000)?;
    let x0 = rational(ev, &args[4], "the evaluation point")?;
    let b = bounds::lagrange(&f, &x, &a, n, &x0).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(b.steps);
    Ok(Value::Expr(b.value))
}

fn terms_needed_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let f = ev.eval_expr_with_free(&args[0], &x)?;
    let a = rational(ev, &args[2], "the expansion point")?;
    let x0 = rational(ev, &args[3], "the evaluation point")?;
    let eps = rational(ev, &args[4], "the tolerance")?;
    let t = bounds::terms_needed(&f, &x, &a, &x0, &eps).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(t.steps);
    Ok(Value::Expr(Expr::Num(Q::int(t.terms as i64))))
}
