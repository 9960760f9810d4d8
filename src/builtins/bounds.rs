//! Remainder commands: `lagrange_bound` and `terms_needed`.

use super::args::{req, Kind};
use super::sums::sum_parts;
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::Expr;
use crate::math::number::Q;
use crate::math::series::bounds;
use crate::source::Span;
use crate::syntax::ast;

/// The variable of the Taylor expansion, free in the function (argument 0).
const VAR: Kind = Kind::Var {
    what: "the series variable",
    over: &[0],
};

pub const LAGRANGE_BOUND: Builtin = Builtin {
    name: "lagrange_bound",
    signature: "lagrange_bound(f, x, a, n, x0)",
    summary: "the Lagrange bound M·|x0 − a|^(n+1)/(n+1)! on the error of f's degree-n Taylor polynomial at x0, M = max |f^(n+1)| located exactly",
    example: "lagrange_bound(ln(1 + x), x, 0, 4, 1/5) → 1/15625",
    forms: &[&[
        req(Kind::Expr),
        req(VAR),
        req(Kind::Expr),
        req(Kind::Order {
            what: "the degree",
            max: 10_000,
        }),
        req(Kind::Expr),
    ]],
    imp: Impl::Raw(lagrange_cmd),
};

pub const TERMS_NEEDED: Builtin = Builtin {
    name: "terms_needed",
    signature: "terms_needed(sum(a, n, n0, oo), eps) or terms_needed(f, x, a, x0, eps)",
    summary: "the smallest number of terms whose partial sum is provably within eps of the series (or of f(x0) for f's Taylor series at a), with the bound used",
    example: "terms_needed(ln(1 + x), x, 0, 1/10, 5e-11) → 9",
    forms: &[
        &[req(Kind::Sum), req(Kind::Expr)],
        &[
            req(Kind::Expr),
            req(VAR),
            req(Kind::Expr),
            req(Kind::Expr),
            req(Kind::Expr),
        ],
    ],
    imp: Impl::Raw(terms_needed_cmd),
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
    if args.len() == 2 {
        return sum_terms_needed(ev, args, span);
    }
    if args.len() != 5 {
        return Err(EvalError::new(
            format!("terms_needed takes 2 or 5 arguments, not {}", args.len()),
            span,
        )
        .with_help("terms_needed(sum(a, n, n0, oo), eps) or terms_needed(f, x, a, x0, eps)"));
    }
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let f = ev.eval_expr_with_free(&args[0], &x)?;
    let a = rational(ev, &args[2], "the expansion point")?;
    let x0 = rational(ev, &args[3], "the evaluation point")?;
    let eps = rational(ev, &args[4], "the tolerance")?;
    let t = bounds::terms_needed(&f, &x, &a, &x0, &eps).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(t.steps);
    Ok(Value::Expr(Expr::Num(Q::int(t.terms as i64))))
}

/// `terms_needed(sum(a, n, n0, oo), eps)`.
fn sum_terms_needed(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let Some(p) = sum_parts(ev, &args[0], None)? else {
        return Err(
            EvalError::new("terms_needed needs a sum or a function", args[0].span).with_help(
                "terms_needed(sum(a, n, n0, oo), eps) or terms_needed(f, x, a, x0, eps)",
            ),
        );
    };
    if p.hi != Expr::infinity() {
        return Err(EvalError::new(
            "terms_needed is for infinite sums (a finite sum is exact with all its terms)",
            args[0].span,
        ));
    }
    let lo = match p.lo.as_num() {
        Some(q) if q.is_integer() => q.numer().clone(),
        _ => {
            return Err(EvalError::new(
                "the lower bound of the sum must be an integer",
                args[0].span,
            ))
        }
    };
    let eps = rational(ev, &args[1], "the tolerance")?;
    if !eps.is_positive() {
        return Err(EvalError::new(
            "the tolerance must be positive",
            args[1].span,
        ));
    }
    let (count, steps) = crate::math::sum::numeric::terms_needed(&p.a, &p.n, &lo, &eps)
        .map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(steps);
    Ok(Value::Expr(Expr::Num(Q::from_integer(count))))
}
