//! Power-series commands: `maclaurin`, `taylor` (alias `series`) and `coeff`.

use super::args::{req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::value::{SeriesValue, Value};
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op, Rich};
use crate::math::expr::Expr;
use crate::math::series::{self, Expansion, MAX_ORDER};
use crate::rich;

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
    imp: Impl::Command(maclaurin_cmd),
};

pub const TAYLOR: Builtin = Builtin {
    name: "taylor",
    signature: "taylor(f, x, a, n)",
    summary: "the Taylor series of f at x = a through (x − a)^n",
    example: "taylor(ln(x), x, 1, 3) → (x - 1) - (x - 1)^2/2 + (x - 1)^3/3 + O((x - 1)^4)",
    forms: &[&[req(Kind::Expr), req(VAR), req(Kind::Expr), req(ORDER)]],
    imp: Impl::Command(taylor_cmd),
};

pub const SERIES: Builtin = Builtin {
    name: "series",
    signature: "series(f, x, a, n)",
    summary: "the same as taylor(f, x, a, n)",
    example: "series(exp(x), x, 0, 2) → 1 + x + x^2/2 + O(x^3)",
    forms: &[&[req(Kind::Expr), req(VAR), req(Kind::Expr), req(ORDER)]],
    imp: Impl::Command(taylor_cmd),
};

pub const COEFF: Builtin = Builtin {
    name: "coeff",
    signature: "coeff(f, x, k)",
    summary: "the k-th Maclaurin coefficient of f alone",
    example: "coeff(1/(1 - x - x^2), x, 10) → 89",
    forms: &[&[req(Kind::Expr), req(VAR), req(ORDER)]],
    imp: Impl::Command(coeff_cmd),
};

/// Expands argument 0 in the variable of argument 1 at `a` with `n` coefficients, recording
/// the steps.
fn expand(ev: &mut Evaluator, args: &Args, a: &Expr, n: usize) -> EResult<Expansion> {
    let (f, x, span) = (args.expr(0), args.var(1), args.span());
    if a.depends_on(x) {
        return Err(EvalError::new(
            "the expansion point cannot depend on the variable",
            span,
        ));
    }
    let e = series::taylor(f, x, a, n).map_err(|e| EvalError::math(e, span))?;
    let at = if a.is_zero() {
        Rich::new()
    } else {
        rich![" at ", Expr::sym(x), Op::Eq, a]
    };
    ev.steps.push(
        rich![
            "expand ",
            f,
            at,
            format!(" through order {}", n.saturating_sub(1))
        ],
        rich![
            if e.symbolic {
                "series arithmetic over symbolic coefficients; "
            } else {
                "exact series arithmetic over the rationals; "
            },
            Notation::new("c_k = f^(k)(a)/k!", "c_k = \\frac{f^{(k)}(a)}{k!}")
        ],
    );
    for t in &e.trail {
        ev.steps.push(t.clone(), "series rule");
    }
    Ok(e)
}

fn maclaurin_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let n = args.order(2) as usize;
    let e = expand(ev, args, &Expr::zero(), n + 1)?;
    Ok(Value::Series(SeriesValue {
        var: args.var(1).to_string(),
        center: Expr::zero(),
        coeffs: e.coeffs,
    }))
}

fn taylor_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let a = args.expr(2);
    let n = args.order(3) as usize;
    let e = expand(ev, args, a, n + 1)?;
    Ok(Value::Series(SeriesValue {
        var: args.var(1).to_string(),
        center: a.clone(),
        coeffs: e.coeffs,
    }))
}

fn coeff_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let k = args.order(2) as usize;
    let e = expand(ev, args, &Expr::zero(), k + 1)?;
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
    imp: Impl::Command(truncate_cmd),
};

fn truncate_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    match args.value(0).clone() {
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
                rich![
                    format!(
                        "the Taylor polynomial of degree {} is ",
                        s.coeffs.len().saturating_sub(1)
                    ),
                    &p
                ],
                "drop the O-term",
            );
            Ok(Value::Expr(p))
        }
        other => Err(EvalError::new(
            format!(
                "truncate needs a series, not {}",
                crate::eval::value::article(other.kind())
            ),
            args.span_of(0),
        )
        .with_help("make one with maclaurin(f, x, n) or taylor(f, x, a, n)")),
    }
}
