//! Remainder commands: `lagrange_bound` and `terms_needed`.

use super::args::{req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::Expr;
use crate::math::number::Q;
use crate::math::series::bounds;

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
    imp: Impl::Command(lagrange_cmd),
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
    imp: Impl::Command(terms_needed_cmd),
};

/// Argument `i`, which must be an exact rational number.
fn rational(args: &Args, i: usize, what: &str) -> EResult<Q> {
    let v = args.expr(i);
    v.as_num().cloned().ok_or_else(|| {
        EvalError::new(format!("{what} must be a rational number"), args.span_of(i))
            .with_label(format!("this is {}", crate::render::text::expr(v)))
    })
}

fn lagrange_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (f, x) = (args.expr(0), args.var(1));
    let a = rational(args, 2, "the expansion point")?;
    let n = args.order(3);
    let x0 = rational(args, 4, "the evaluation point")?;
    let b = bounds::lagrange(f, x, &a, n, &x0).map_err(|e| EvalError::math(e, args.span()))?;
    ev.steps.extend(b.steps);
    Ok(Value::Expr(b.value))
}

fn terms_needed_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    if args.count() == 2 {
        return sum_terms_needed(ev, args);
    }
    let (f, x) = (args.expr(0), args.var(1));
    let a = rational(args, 2, "the expansion point")?;
    let x0 = rational(args, 3, "the evaluation point")?;
    let eps = rational(args, 4, "the tolerance")?;
    let t =
        bounds::terms_needed(f, x, &a, &x0, &eps).map_err(|e| EvalError::math(e, args.span()))?;
    ev.steps.extend(t.steps);
    Ok(Value::Expr(Expr::Num(Q::int(t.terms as i64))))
}

/// `terms_needed(sum(a, n, n0, oo), eps)`.
fn sum_terms_needed(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let Some(p) = args.sum(0).parts() else {
        return Err(
            EvalError::new("terms_needed needs a sum or a function", args.span_of(0)).with_help(
                "terms_needed(sum(a, n, n0, oo), eps) or terms_needed(f, x, a, x0, eps)",
            ),
        );
    };
    if p.hi != Expr::infinity() {
        return Err(EvalError::new(
            "terms_needed is for infinite sums (a finite sum is exact with all its terms)",
            args.span_of(0),
        ));
    }
    let lo = match p.lo.as_num() {
        Some(q) if q.is_integer() => q.numer().clone(),
        _ => {
            return Err(EvalError::new(
                "the lower bound of the sum must be an integer",
                args.span_of(0),
            ))
        }
    };
    let eps = rational(args, 1, "the tolerance")?;
    if !eps.is_positive() {
        return Err(EvalError::new(
            "the tolerance must be positive",
            args.span_of(1),
        ));
    }
    let (count, steps) = crate::math::sum::numeric::terms_needed(&p.a, &p.n, &lo, &eps)
        .map_err(|e| EvalError::math(e, args.span()))?;
    ev.steps.extend(steps);
    Ok(Value::Expr(Expr::Num(Q::from_integer(count))))
}
