//! Convergence commands: `converges`, `test`, `radius` and `interval`, each taking an
//! unevaluated `sum(a, n, n0, oo)` (a sum is never replaced by its value before being tested).

use super::args::{req, Kind};
use super::sums::{sum_arg, sum_parts, SumArg};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Quantity, Rich, Test, Verdict, VerdictKind};
use crate::math::convergence;
use crate::math::expr::Expr;
use crate::rich;
use crate::source::Span;
use crate::syntax::ast;

/// The variable of a power series, free in the series or function (argument 0).
const VAR: Kind = Kind::Var {
    what: "the series variable",
    over: &[0],
};

pub const CONVERGES: Builtin = Builtin {
    name: "converges",
    signature: "converges(sum(a, n, n0, oo))",
    summary: "converges absolutely / conditionally, diverges, or unknown — with the deciding test and the quantity it computed",
    example: "converges(sum(n/exp(n), n, 1, oo)) → converges absolutely — ratio test: lim |a(n+1)/a(n)| = exp(-1) < 1",
    forms: &[&[req(Kind::Sum)]],
    imp: Impl::Raw(converges_cmd),
};

fn converges_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let Some(parts) = sum_parts(ev, &args[0], None)? else {
        return Err(
            EvalError::new("converges needs an infinite sum", args[0].span)
                .with_label("not a sum")
                .with_help("write converges(sum(a(n), n, 1, oo))"),
        );
    };
    let (a, n, hi) = (&parts.a, &parts.n, &parts.hi);
    if *hi != Expr::infinity() {
        return Err(EvalError::new(
            "a finite sum always converges; converges is for sums to oo",
            args[0].span,
        )
        .with_help("write the upper bound as oo"));
    }
    if !a.depends_on(n) {
        return Ok(Value::Verdict(if a.is_zero() {
            Verdict {
                kind: VerdictKind::ConvergesAbsolutely,
                test: None,
                quantity: None,
                reason: Rich::text("every term is 0"),
            }
        } else {
            Verdict::new(
                VerdictKind::Diverges,
                Test::NthTerm,
                Some(Quantity::term_limit(a.clone())),
                rich!["nth-term test: the terms are the non-zero constant ", a],
            )
        }));
    }
    // Every term must exist: a(n0), a(n0 + 1), … (checked exactly for the first ones).
    if let Some(n0) = parts.lo.as_num().and_then(|q| q.to_i64()) {
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
    ev.steps.extend(d.steps);
    Ok(Value::Verdict(d.verdict))
}

pub const RADIUS: Builtin = Builtin {
    name: "radius",
    signature: "radius(sum(c(n)*(x-a)^n, n, n0, oo), x) or radius(f, x)",
    summary: "the exact radius of convergence of a power series, or of f's Maclaurin series from its nearest singularity",
    example: "radius(1/(1 - x - x^2), x) → sqrt(5)/2 - 1/2",
    forms: &[&[req(Kind::Sum), req(VAR)]],
    imp: Impl::Raw(radius_cmd),
};

pub const INTERVAL: Builtin = Builtin {
    name: "interval",
    signature: "interval(sum(c(n)*(x-a)^n, n, n0, oo), x)",
    summary: "the interval of convergence with each finite endpoint's verdict and reason",
    example: "interval(sum((-1)^n*x^n/n, n, 1, oo), x) → (-1, 1]; …",
    forms: &[&[req(Kind::Sum), req(VAR)]],
    imp: Impl::Raw(interval_cmd),
};

/// The pieces of `sum(a, n, n0, oo)` evaluated with `x` free.
/// The term and index of `sum(a, n, n0, oo)` (with `x` free), or the argument's value when it
/// is not a sum.
fn power_sum(
    ev: &mut Evaluator,
    arg: &ast::Expr,
    x: &str,
) -> EResult<Result<(Expr, String), Value>> {
    match sum_arg(ev, arg, Some(x))? {
        SumArg::Sum(p) if p.hi == Expr::infinity() => Ok(Ok((p.a, p.n))),
        SumArg::Sum(_) => Err(EvalError::new("a power series sums to oo", arg.span)),
        SumArg::Other(v) => Ok(Err(v)),
    }
}

fn radius_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let math = |e| EvalError::math(e, span);
    match power_sum(ev, &args[0], &x)? {
        Ok((term, n)) => {
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
        Err(v) => {
            let f = match v {
                Value::Expr(f) => f,
                Value::Approx(a) => a.exact,
                _ => {
                    return Err(EvalError::new(
                        "radius needs a power series written as a sum, or a function",
                        args[0].span,
                    ))
                }
            };
            let (r, steps) = crate::math::radius::radius_of_function(&f, &x).map_err(math)?;
            ev.steps.extend(steps);
            Ok(Value::Expr(r))
        }
    }
}

fn interval_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let Ok((term, n)) = power_sum(ev, &args[0], &x)? else {
        return Err(EvalError::new(
            "interval needs a power series written as a sum",
            args[0].span,
        )
        .with_help(format!("write interval(sum(c(n)*{x}^n, n, 0, oo), {x})")));
    };
    let i = crate::math::radius::interval(&term, &n, &x).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(i.steps);
    Ok(Value::IntervalSet(i.set))
}

pub const TEST: Builtin = Builtin {
    name: "test",
    signature: "test(sum(a, n, n0, oo), name)",
    summary: "runs one convergence test (ratio, root, raabe, pseries, alternating, comparison, integral, nth_term, telescoping) and reports what it shows, inconclusive included",
    example: "test(sum(1/n^2, n, 1, oo), ratio) → ratio test: L = 1, inconclusive",
    forms: &[&[
        req(Kind::Sum),
        req(Kind::Name {
            noun: "test",
            choices: Test::runnable_names,
        }),
    ]],
    imp: Impl::Raw(test_cmd),
};

fn test_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let names = Test::runnable_names().join(", ");
    let name = match &args[1].kind {
        ast::ExprKind::Ident(t) => t.clone(),
        _ => {
            return Err(EvalError::new("the test is named by a word", args[1].span)
                .with_help(format!("one of: {names}")))
        }
    };
    let Some(test) = Test::from_name(&name).filter(|t| t.runs_alone()) else {
        return Err(
            EvalError::new(format!("unknown test `{name}`"), args[1].span)
                .with_help(format!("one of: {names}")),
        );
    };
    let Some(parts) = sum_parts(ev, &args[0], None)? else {
        return Err(EvalError::new("test needs an infinite sum", args[0].span)
            .with_help("write test(sum(a(n), n, 1, oo), ratio)"));
    };
    let (report, steps) =
        convergence::run_test(&parts.a, &parts.n, test).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(steps);
    Ok(Value::TestReport(report))
}
