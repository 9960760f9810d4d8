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

pub const RADIUS: Builtin = Builtin {
    name: "radius",
    signature: "radius(sum(c(n)*(x-a)^n, n, n0, oo), x) or radius(f, x)",
    summary: "the exact radius of convergence of a power series, or of f's Maclaurin series from its nearest singularity",
    example: "radius(1/(1 - x - x^2), x) → sqrt(5)/2 - 1/2",
    min_args: 2,
    max_args: 2,
    imp: Impl::Command(radius_cmd),
};

pub const INTERVAL: Builtin = Builtin {
    name: "interval",
    signature: "interval(sum(c(n)*(x-a)^n, n, n0, oo), x)",
    summary: "the interval of convergence with each finite endpoint's verdict and reason",
    example: "interval(sum((-1)^n*x^n/n, n, 1, oo), x) → (-1, 1]; …",
    min_args: 2,
    max_args: 2,
    imp: Impl::Command(interval_cmd),
};

/// The pieces of `sum(a, n, n0, oo)` evaluated with `x` free.
fn power_sum(ev: &mut Evaluator, arg: &ast::Expr, x: &str) -> EResult<Option<(Expr, String)>> {
    let s = ev.eval_expr_with_free(arg, x)?;
    match &s {
        Expr::Func(Func::Sum, parts) if parts[3] == Expr::infinity() => match &parts[1] {
            Expr::Sym(n) => Ok(Some((parts[0].clone(), n.to_string()))),
            _ => Err(EvalError::new(
                "the summation index must be a name",
                arg.span,
            )),
        },
        Expr::Func(Func::Sum, _) => Err(EvalError::new("a power series sums to oo", arg.span)),
        _ => Ok(None),
    }
}

fn radius_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let math = |e| EvalError::math(e, span);
    match power_sum(ev, &args[0], &x)? {
        Some((term, n)) => {
            let Some(t) = crate::math::radius::power_term(&term, &n, &x).map_err(math)? else {
                return Err(EvalError::new(
                    format!("the term is not of the form c({n})·({x} − a)^(k·{n} + j)"),
                    args[0].span,
                ));
            };
            let (r, steps) = crate::math::radius::radius_of_sum(&t, &n).map_err(math)?;
            ev.steps.extend(steps);
            Ok(Value::Expr(r))
        }
        None => {
            let f = ev.eval_expr_with_free(&args[0], &x)?;
            let (r, steps) = crate::math::radius::radius_of_function(&f, &x).map_err(math)?;
            ev.steps.extend(steps);
            Ok(Value::Expr(r))
        }
    }
}

fn interval_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let Some((term, n)) = power_sum(ev, &args[0], &x)? else {
        return Err(EvalError::new(
            "interval needs a power series written as a sum",
            args[0].span,
        )
        .with_help(format!("write interval(sum(c(n)*{x}^n, n, 0, oo), {x})")));
    };
    let i = crate::math::radius::interval(&term, &n, &x).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(i.steps);
    Ok(Value::Text(i.text))
}

pub const TEST: Builtin = Builtin {
    name: "test",
    signature: "test(sum(a, n, n0, oo), name)",
    summary: "runs one convergence test (ratio, root, raabe, pseries, alternating, comparison, integral, nth_term) and reports what it shows, inconclusive included",
    example: "test(sum(1/n^2, n, 1, oo), ratio) → ratio test: L = 1, inconclusive",
    min_args: 2,
    max_args: 2,
    imp: Impl::Command(test_cmd),
};

fn test_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let name = match &args[1].kind {
        ast::ExprKind::Ident(t) => t.clone(),
        _ => {
            return Err(EvalError::new("the test is named by a word", args[1].span)
                .with_help(format!("one of: {}", convergence::TESTS.join(", "))))
        }
    };
    if !convergence::TESTS.contains(&name.as_str()) {
        return Err(
            EvalError::new(format!("unknown test `{name}`"), args[1].span)
                .with_help(format!("one of: {}", convergence::TESTS.join(", "))),
        );
    }
    let s = ev.eval_expr(&args[0])?;
    let Expr::Func(Func::Sum, parts) = &s else {
        return Err(EvalError::new("test needs an infinite sum", args[0].span)
            .with_help("write test(sum(a(n), n, 1, oo), ratio)"));
    };
    let Expr::Sym(n) = &parts[1] else {
        return Err(EvalError::new(
            "the summation index must be a name",
            args[0].span,
        ));
    };
    let (text, steps) =
        convergence::run_test(&parts[0], n, &name).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(steps);
    Ok(Value::Text(text))
}
