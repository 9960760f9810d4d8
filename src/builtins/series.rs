//! Power-series commands: `maclaurin`, `taylor` (alias `series`) and `coeff`.

use super::args::{req, Kind};
use super::{Builtin, Impl};
use crate::eval::value::{SeriesValue, Value};
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::Expr;
use crate::math::series::{self, Expansion, MAX_ORDER};
use crate::render::text;
use crate::source::Span;
use crate::syntax::ast;

/// The variable of an expansion, free in the function (argument 0).
const VAR: Kind = Kind::Var {
    what: "the series variable",
    over: &[0],
};

/// The order of an expansion.
const ORDER: Kind = Kind::Order {
    what: "the order",
    max: MAX_ORDER as u64 - 1,
};

pub const MACLAURIN: Builtin = Builtin {
    name: "maclaurin",
    signature: "maclaurin(f, x, n)",
    summary: "the Maclaurin series of f through x^n, with its O(x^(n+1))",
    example: "maclaurin(exp(a*x), x, 3) → 1 + a*x + a^2*x^2/2 + a^3*x^3/6 + O(x^4)",
    forms: &[&[req(Kind::Expr), req(VAR), req(ORDER)]],
    imp: Impl::Raw(maclaurin_cmd),
};

pub const TAYLOR: Builtin = Builtin {
    name: "taylor",
    signature: "taylor(f, x, a, n)",
    summary: "the Taylor series of f at x = a through (x − a)^n",
    example: "taylor(ln(x), x, 1, 3) → (x - 1) - (x - 1)^2/2 + (x - 1)^3/3 + O((x - 1)^4)",
    forms: &[&[req(Kind::Expr), req(VAR), req(Kind::Expr), req(ORDER)]],
    imp: Impl::Raw(taylor_cmd),
};

pub const SERIES: Builtin = Builtin {
    name: "series",
    signature: "series(f, x, a, n)",
    summary: "the same as taylor(f, x, a, n)",
    example: "series(exp(x), x, 0, 2) → 1 + x + x^2/2 + O(x^3)",
    forms: &[&[req(Kind::Expr), req(VAR), req(Kind::Expr), req(ORDER)]],
    imp: Impl::Raw(taylor_cmd),
};

pub const COEFF: Builtin = Builtin {
    name: "coeff",
    signature: "coeff(f, x, k)",
    summary: "the k-th Maclaurin coefficient of f alone",
    example: "coeff(1/(1 - x - x^2), x, 10) → 89",
    forms: &[&[req(Kind::Expr), req(VAR), req(ORDER)]],
    imp: Impl::Raw(coeff_cmd),
};

/// Expands `f` (evaluated with `x` free) at `a` with `n` coefficients, recording the steps.
fn expand(
    ev: &mut Evaluator,
    f_ast: &ast::Expr,
    x: &str,
    a: &Expr,
    n: usize,
    span: Span,
) -> EResult<(Expr, Expansion)> {
    let f = ev.eval_expr_with_free(f_ast, x)?;
    if a.depends_on(x) {
        return Err(EvalError::new(
            "the expansion point cannot depend on the variable",
            span,
        ));
    }
    let e = series::taylor(&f, x, a, n).map_err(|e| EvalError::math(e, span))?;
    let at = if a.is_zero() {
        String::new()
    } else {
        format!(" at {x} = {}", text::expr(a))
    };
    ev.steps.push(
        format!(
            "expand {}{at} through order {}",
            text::expr(&f),
            n.saturating_sub(1)
        ),
        if e.symbolic {
            "series arithmetic over symbolic coefficients; c_k = f^(k)(a)/k!"
        } else {
            "exact series arithmetic over the rationals; c_k = f^(k)(a)/k!"
        },
    );
    for t in &e.trail {
        ev.steps.push(t.clone(), "series rule");
    }
    Ok((f, e))
}

fn order_arg(ev: &mut Evaluator, a: &ast::Expr) -> EResult<usize> {
    let n = ev.uint_arg(a, "the order", MAX_ORDER as u64 - 1)?;
    Ok(n as usize)
}

fn maclaurin_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let n = order_arg(ev, &args[2])?;
    let (_, e) = expand(ev, &args[0], &x, &Expr::zero(), n + 1, span)?;
    Ok(Value::Series(SeriesValue {
        var: x,
        center: Expr::zero(),
        coeffs: e.coeffs,
    }))
}

fn taylor_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let a = ev.eval_expr(&args[2])?;
    let n = order_arg(ev, &args[3])?;
    let (_, e) = expand(ev, &args[0], &x, &a, n + 1, span)?;
    Ok(Value::Series(SeriesValue {
        var: x,
        center: a,
        coeffs: e.coeffs,
    }))
}

fn coeff_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.symbol_arg(&args[1], "the series variable")?;
    let k = order_arg(ev, &args[2])?;
    let (_, e) = expand(ev, &args[0], &x, &Expr::zero(), k + 1, span)?;
    Ok(Value::Expr(
        e.coeffs.into_iter().last().unwrap_or_else(Expr::zero),
    ))
}

pub const TRUNCATE: Builtin = Builtin {
    name: "truncate",
    signature: "truncate(s)",
    summary: "the polynomial part of a series (its Taylor polynomial, without the O-term)",
    example: "truncate(maclaurin(ln(1 + x), x, 4)) → x - x^2/2 + x^3/3 - x^4/4",
    forms: &[&[req(Kind::Value)]],
    imp: Impl::Raw(truncate_cmd),
};

fn truncate_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    match ev.eval(&args[0])? {
        Value::Series(s) => {
            let math = |e| EvalError::math(e, span);
            let shifted =
                crate::math::expr::sub(Expr::sym(&s.var), s.center.clone()).map_err(math)?;
            let terms = s
                .coeffs
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    crate::math::expr::mul(vec![
                        c.clone(),
                        crate::math::expr::pow(shifted.clone(), Expr::int(k as i64))?,
                    ])
                })
                .collect::<Result<Vec<_>, _>>()
                .map_err(math)?;
            let p = crate::math::expr::add(terms).map_err(math)?;
            ev.steps.push(
                format!(
                    "the Taylor polynomial of degree {} is {}",
                    s.coeffs.len().saturating_sub(1),
                    text::expr(&p)
                ),
                "drop the O-term",
            );
            Ok(Value::Expr(p))
        }
        other => Err(EvalError::new(
            format!(
                "truncate needs a series, not {}",
                crate::eval::value::article(other.kind())
            ),
            args[0].span,
        )
        .with_help("make one with maclaurin(f, x, n) or taylor(f, x, a, n)")),
    }
}
