//! Sums and their convergence: `sum(a, n, lo, hi)` and `converges(sum(a, n, n0, oo))`.

use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::convergence;
use crate::math::expr::{self, Expr, Func};
use crate::source::Span;
use crate::syntax::ast;

pub const SUM: Builtin = Builtin {
    name: "sum",
    signature: "sum(a, n, lo, hi)",
    summary: "Σ a for n from lo to hi: exact for integer bounds (up to 100,000 terms for now), symbolic otherwise (hi may be oo)",
    example: "sum(1/(k*(k+1)), k, 1, 10) → 10/11",
    min_args: 4,
    max_args: 4,
    imp: Impl::Command(sum_cmd),
};

pub const CONVERGES: Builtin = Builtin {
    name: "converges",
    signature: "converges(sum(a, n, n0, oo))",
    summary: "converges absolutely / conditionally, diverges, or unknown — with the deciding test and the quantity it computed",
    example: "converges(sum(n/exp(n), n, 1, oo)) → converges absolutely — ratio test: lim |a(n+1)/a(n)| = exp(-1) < 1",
    min_args: 1,
    max_args: 1,
    imp: Impl::Command(converges_cmd),
};

fn sum_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let n = ev.symbol_arg(&args[1], "the summation index")?;
    let a = ev.eval_expr_with_free(&args[0], &n)?;
    let lo = ev.eval_expr(&args[2])?;
    let hi = ev.eval_expr(&args[3])?;
    if lo.depends_on(&n) || hi.depends_on(&n) {
        return Err(EvalError::new(
            format!("the bounds of a sum cannot depend on its index `{n}`"),
            span,
        ));
    }
    expr::func(Func::Sum, vec![a, Expr::sym(&n), lo, hi])
        .map(Value::Expr)
        .map_err(|e| EvalError::math(e, span))
}

fn converges_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let s = ev.eval_expr(&args[0])?;
    let Expr::Func(Func::Sum, parts) = &s else {
        return Err(
            EvalError::new("converges needs an infinite sum", args[0].span)
                .with_label("not a sum")
                .with_help("write converges(sum(a(n), n, 1, oo))"),
        );
    };
    let (a, n, hi) = (&parts[0], &parts[1], &parts[3]);
    if *hi != Expr::infinity() {
        return Err(EvalError::new(
            "a finite sum always converges; converges is for sums to oo",
            args[0].span,
        )
        .with_help("write the upper bound as oo"));
    }
    let Expr::Sym(n) = n else {
        return Err(EvalError::new(
            "the summation index must be a name",
            args[0].span,
        ));
    };
    if !a.depends_on(n) {
        let verdict = if a.is_zero() {
            "converges absolutely — every term is 0"
        } else {
            "diverges — nth-term test: the terms are the non-zero constant"
        };
        return Ok(Value::Text(if a.is_zero() {
            verdict.to_string()
        } else {
            format!("{verdict} {a}")
        }));
    }
    // Every term must exist: a(n0), a(n0 + 1), … (checked exactly for the first ones).
    if let Some(n0) = parts[2].as_num().and_then(|q| q.to_i64()) {
        for k in n0..n0 + 64 {
            if let Err(e) = crate::math::expr::subst::subs(a, n, &Expr::int(k)) {
                return Err(EvalError::new(
                    format!("the term is undefined at {n} = {k}: {e}"),
                    args[0].span,
                )
                .with_help("start the sum where every term is defined"));
            }
        }
    }
    let d = convergence::converges(a, n).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(d.steps.clone());
    Ok(Value::Text(d.summary()))
}
