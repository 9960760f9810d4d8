//! Convergence commands: `converges`, `test`, `radius` and `interval`, each taking an
//! unevaluated `sum(a, n, n0, oo)` (a sum is never replaced by its value before being tested).

use super::args::{req, Args, Kind};
use super::sums::SumArg;
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Quantity, Rich, Test, Verdict, VerdictKind};
use crate::math::convergence;
use crate::math::expr::Expr;
use crate::rich;

pub const CONVERGES: Builtin = Builtin {
    name: "converges",
    signature: "converges(sum(a, n, n0, oo))",
    summary: "converges absolutely / conditionally, diverges, or unknown — with the deciding test and the quantity it computed",
    example: "converges(sum(n/exp(n), n, 1, oo)) → converges absolutely — ratio test: lim |a(n+1)/a(n)| = exp(-1) < 1",
    forms: &[&[req(Kind::Sum)]],
    imp: Impl::Command(converges_cmd),
};

fn converges_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    if let SumArg::Product(p) = args.sum(0) {
        return super::products::verdict(ev, p, args.span_of(0));
    }
    let Some(parts) = args.sum(0).parts() else {
        return Err(EvalError::new(
            "converges needs an infinite sum or product",
            args.span_of(0),
        )
        .with_label("not a sum")
        .with_help("write converges(sum(a(n), n, 1, oo))"));
    };
    let (a, n, hi) = (&parts.a, &parts.n, &parts.hi);
    if *hi != Expr::infinity() {
        return Err(EvalError::new(
            "a finite sum always converges; converges is for sums to oo",
            args.span_of(0),
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
                    args.span_of(0),
                )
                .with_help("start the sum where every term is defined"));
            }
        }
    }
    let d = convergence::converges(a, n).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(d.steps);
    Ok(Value::Verdict(d.verdict))
}

/// The variable of a power series, free in the series or function (argument 0).
const VAR: Kind = Kind::Var {
    what: "the series variable",
    over: &[0],
};

pub const RADIUS: Builtin = Builtin {
    name: "radius",
    signature: "radius(sum(c(n)*(x-a)^n, n, n0, oo), x) or radius(f, x)",
    summary: "the exact radius of convergence of a power series, or of f's Maclaurin series from its nearest singularity",
    example: "radius(1/(1 - x - x^2), x) → sqrt(5)/2 - 1/2",
    forms: &[&[req(Kind::Sum), req(VAR)]],
    imp: Impl::Command(radius_cmd),
};

pub const INTERVAL: Builtin = Builtin {
    name: "interval",
    signature: "interval(sum(c(n)*(x-a)^n, n, n0, oo), x)",
    summary: "the interval of convergence with each finite endpoint's verdict and reason",
    example: "interval(sum((-1)^n*x^n/n, n, 1, oo), x) → (-1, 1]; …",
    forms: &[&[req(Kind::Sum), req(VAR)]],
    imp: Impl::Command(interval_cmd),
};

/// The term and index of a power series `sum(a, n, n0, oo)` (argument 0), or the argument's
/// value when it is not a sum.
fn power_sum(args: &Args) -> EResult<Result<(&Expr, &str), &Value>> {
    match args.sum(0) {
        SumArg::Sum(p) if p.hi == Expr::infinity() => Ok(Ok((&p.a, &p.n))),
        SumArg::Sum(_) => Err(EvalError::new("a power series sums to oo", args.span_of(0))),
        SumArg::Product(_) => Err(EvalError::new(
            "a power series is a sum, not a product",
            args.span_of(0),
        )),
        SumArg::Other(v) => Ok(Err(v)),
    }
}

fn radius_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (x, span) = (args.var(1), args.span());
    let math = |e| EvalError::math(e, span);
    match power_sum(args)? {
        Ok((term, n)) => {
            let Some(t) = crate::math::radius::power_term(term, n, x).map_err(math)? else {
                return Err(EvalError::new(
                    format!("the term is not of the form c({n})·({x} − a)^(k·{n} + j)"),
                    args.span_of(0),
                ));
            };
            let (r, steps) = crate::math::radius::radius_of_sum(&t, n).map_err(math)?;
            ev.steps.extend(steps);
            Ok(Value::Expr(r))
        }
        Err(v) => {
            let f = match v {
                Value::Expr(f) => f,
                Value::Approx(a) => &a.exact,
                _ => {
                    return Err(EvalError::new(
                        "radius needs a power series written as a sum, or a function",
                        args.span_of(0),
                    ))
                }
            };
            let (r, steps) = crate::math::radius::radius_of_function(f, x).map_err(math)?;
            ev.steps.extend(steps);
            Ok(Value::Expr(r))
        }
    }
}

fn interval_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (x, span) = (args.var(1), args.span());
    let Ok((term, n)) = power_sum(args)? else {
        return Err(EvalError::new(
            "interval needs a power series written as a sum",
            args.span_of(0),
        )
        .with_help(format!("write interval(sum(c(n)*{x}^n, n, 0, oo), {x})")));
    };
    let i = crate::math::radius::interval(term, n, x).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(i.steps);
    Ok(Value::IntervalSet(i.set))
}

pub const TEST: Builtin = Builtin {
    name: "test",
    signature: "test(sum(a, n, n0, oo), name)",
    summary: "runs one convergence test (ratio, root, raabe, gauss, pseries, alternating, comparison, integral, nth_term, telescoping) and reports what it shows, inconclusive included",
    example: "test(sum(1/n^2, n, 1, oo), ratio) → ratio test: L = 1, inconclusive",
    forms: &[&[
        req(Kind::Sum),
        req(Kind::Name {
            noun: "test",
            choices: Test::runnable_names,
        }),
    ]],
    imp: Impl::Command(test_cmd),
};

fn test_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    // The declaration admits only the names of tests that run alone.
    let Some(test) = Test::from_name(args.name(1)).filter(|t| t.runs_alone()) else {
        return Err(EvalError::new(
            format!("unknown test `{}`", args.name(1)),
            args.span_of(1),
        ));
    };
    let Some(parts) = args.sum(0).parts() else {
        return Err(
            EvalError::new("test needs an infinite sum", args.span_of(0))
                .with_help("write test(sum(a(n), n, 1, oo), ratio)"),
        );
    };
    let (report, steps) = convergence::run_test(&parts.a, &parts.n, test)
        .map_err(|e| EvalError::math(e, args.span()))?;
    ev.steps.extend(steps);
    Ok(Value::TestReport(report))
}
