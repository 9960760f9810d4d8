//! Calculus commands on expressions: `diff`, `subs`, `expand`.

use super::args::{opt, req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::value::{SeriesValue, Value};
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op};
use crate::math::expr::print::{print, Style};
use crate::math::expr::{diff, subst, Expr};
use crate::rich;
use crate::source::Span;

pub const DIFF: Builtin = Builtin {
    name: "diff",
    signature: "diff(f, x) or diff(f, x, k)",
    summary: "the derivative of f with respect to x (the k-th derivative with k)",
    example: "diff(exp(-x^2), x) → -2*x*exp(-x^2)",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Var {
            what: "the variable of differentiation",
            over: &[0],
        }),
        opt(Kind::Order {
            what: "the order of the derivative",
            max: 100_000,
        }),
    ]],
    imp: Impl::Command(diff_cmd),
};

pub const SUBS: Builtin = Builtin {
    name: "subs",
    signature: "subs(f, x, v)",
    summary: "f with every x replaced by v",
    example: "subs(x^2 + 1, x, 1/2) → 5/4",
    forms: &[&[
        req(Kind::Expr),
        req(Kind::Var {
            what: "the variable to substitute",
            over: &[0],
        }),
        req(Kind::Expr),
    ]],
    imp: Impl::Command(subs_cmd),
};

pub const EXPAND: Builtin = Builtin {
    name: "expand",
    signature: "expand(f)",
    summary: "multiplies out products and integer powers of sums",
    example: "expand((x + 1)^2) → 1 + 2*x + x^2",
    forms: &[&[req(Kind::Expr)]],
    imp: Impl::Command(expand_cmd),
};

fn diff_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let x = args.var(1);
    let k = args.opt_order(2).unwrap_or(1);
    let f = match args.value(0) {
        Value::Series(s) => return diff_series(ev, s.clone(), x, k, span),
        Value::Expr(e) => e.clone(),
        Value::Approx(a) => a.exact.clone(),
        other => {
            return Err(EvalError::new(
                format!(
                    "cannot differentiate {}",
                    crate::eval::value::article(other.kind())
                ),
                args.span_of(0),
            ))
        }
    };
    let d = diff::diff_n(&f, x, k).map_err(|e| EvalError::math(e, span))?;
    let order = if k == 1 {
        String::new()
    } else {
        format!("^{k}")
    };
    let tex_order = if k == 1 {
        String::new()
    } else {
        format!("^{{{k}}}")
    };
    ev.steps.push(
        rich![
            Notation::new(
                format!("d{order}/d{x}{order} ["),
                format!(
                    "\\frac{{d{tex_order}}}{{d{}{tex_order}}}\\left[",
                    print(&Expr::sym(x), Style::Latex)
                )
            ),
            &f,
            Notation::new("]", "\\right]"),
            Op::Eq,
            &d
        ],
        "sum, product, power and chain rules, simplified to canonical form",
    );
    Ok(Value::Expr(d))
}

fn subs_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let (f, x, v) = (args.expr(0), args.var(1), args.expr(2));
    let r = subst::subs(f, x, v).map_err(|e| EvalError::math(e, span))?;
    ev.steps.push(
        rich![f, " with ", Expr::sym(x), Op::Eq, v, " gives ", &r],
        "substitution",
    );
    Ok(Value::Expr(r))
}

fn expand_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    let r = subst::expand(args.expr(0)).map_err(|e| EvalError::math(e, args.span()))?;
    Ok(Value::Expr(r))
}

pub const INTEGRATE: Builtin = Builtin {
    name: "integrate",
    signature: "integrate(g, t, a, b)",
    summary: "the definite integral of g dt from a to b: exact for polynomials, otherwise kept symbolic (and expandable as a series)",
    example: "maclaurin(integrate(exp(-t^2), t, 0, x), x, 5) → x - x^3/3 + x^5/10 + O(x^6)",
    forms: &[&[
        req(Kind::Expr),
        req(Kind::Var {
            what: "the variable of integration",
            over: &[0],
        }),
        req(Kind::Expr),
        req(Kind::Expr),
    ]],
    imp: Impl::Command(integrate_cmd),
};

fn integrate_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let (g, t, lo, hi) = (args.expr(0), args.var(1), args.expr(2), args.expr(3));
    if lo.depends_on(t) || hi.depends_on(t) {
        return Err(EvalError::new(
            format!("the limits of integration cannot depend on the variable of integration `{t}`"),
            span,
        ));
    }
    let r = crate::math::expr::func(
        crate::math::expr::Func::Integral,
        vec![
            g.clone(),
            crate::math::expr::Expr::sym(t),
            lo.clone(),
            hi.clone(),
        ],
    )
    .map_err(|e| EvalError::math(e, span))?;
    Ok(Value::Expr(r))
}

/// A series differentiated term by term: the known coefficients shrink by one per order.
fn diff_series(ev: &mut Evaluator, s: SeriesValue, x: &str, k: u64, span: Span) -> EResult<Value> {
    if s.var != x {
        return Ok(Value::Series(SeriesValue {
            coeffs: vec![crate::math::expr::Expr::zero(); s.coeffs.len()],
            ..s
        }));
    }
    let mut c = s.coeffs.clone();
    for _ in 0..k {
        if c.is_empty() {
            break;
        }
        c = c
            .iter()
            .enumerate()
            .skip(1)
            .map(|(j, a)| {
                crate::math::expr::mul(vec![crate::math::expr::Expr::int(j as i64), a.clone()])
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| EvalError::math(e, span))?;
    }
    if c.is_empty() {
        return Err(EvalError::new(
            "the series is not known to enough terms for this derivative",
            span,
        ));
    }
    ev.steps.push(
        format!("differentiate the series term by term {k} time(s)"),
        "a power series is differentiable term by term inside its disc of convergence",
    );
    Ok(Value::Series(SeriesValue { coeffs: c, ..s }))
}
