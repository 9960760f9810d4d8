//! `N`: certified numerical evaluation to a requested number of significant digits.

use super::args::{opt, req, Args, Kind};
use super::sums::{SumArg, SumParts};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::Notation;
use crate::math::expr::{self, Expr, Func};
use crate::math::float;
use crate::math::sum::numeric;
use crate::rich;
use crate::source::Span;

pub const N: Builtin = Builtin {
    name: "N",
    signature: "N(expr) or N(expr, digits)",
    summary: "a numeric value with every printed digit correct (15 digits by default; see :digits); an infinite sum is summed with a proved tail bound, entries of a vector one by one",
    example: "N(pi, 30) → ≈ 3.14159265358979323846264338328",
    forms: &[&[
        req(Kind::Sum),
        opt(Kind::Order {
            what: "the number of digits",
            max: float::MAX_DIGITS as u64,
        }),
    ]],
    imp: Impl::Command(n_cmd),
};

fn n_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let digits = digits_arg(ev, args)?;
    let value = match args.sum(0) {
        SumArg::Sum(p) if p.hi == Expr::infinity() => return infinite_sum(ev, p, digits, span),
        SumArg::Sum(p) => {
            let s = crate::math::sum::evaluate(&p.a, &p.n, &p.lo, &p.hi)
                .map_err(|e| EvalError::math(e, span))?;
            ev.steps.extend(s.steps);
            match s.summed {
                crate::math::sum::Summed::Value(v)
                | crate::math::sum::Summed::Unevaluated(v, _) => Value::Expr(v),
                crate::math::sum::Summed::Diverges(v) => Value::Verdict(v),
            }
        }
        SumArg::Product(p) => super::products::produce(ev, p, span)?,
        SumArg::Other(v) => v.clone(),
    };
    let x = match value {
        Value::Vector(xs) => return vector(ev, &xs, digits, span),
        Value::Expr(x) => x,
        Value::Approx(a) => a.exact,
        other => {
            return Err(EvalError::new(
                format!(
                    "N needs a number, not {}",
                    crate::eval::value::article(other.kind())
                ),
                args.span_of(0),
            ))
        }
    };
    let value = float::evaluate(&x, digits).map_err(|e| EvalError::math(e, span))?;
    ev.steps.push(
        rich![
            &x,
            Notation::new(
                format!(" ≈ {}", value.text),
                format!(" \\approx {}", crate::render::latex::scientific(&value.text))
            )
        ],
        if value.bits == 0 {
            "an exact rational, correctly rounded to the digits shown".to_string()
        } else {
            "MPFR evaluation with guard bits, redone at higher precision while the rounding was in doubt: every printed digit is correct".to_string()
        },
    );
    Ok(Value::Approx(crate::eval::value::Approx {
        exact: x,
        value,
    }))
}

/// Σ_{n≥lo} a(n) to `digits` certified digits, with the tail bound in the steps.
fn infinite_sum(ev: &mut Evaluator, p: &SumParts, digits: u32, span: Span) -> EResult<Value> {
    let lo = match p.lo.as_num() {
        Some(q) if q.is_integer() => q.numer().clone(),
        _ => {
            return Err(EvalError::new(
                "the lower bound of the sum must be an integer",
                span,
            ))
        }
    };
    let exact = expr::func(
        Func::Sum,
        vec![p.a.clone(), Expr::sym(&p.n), p.lo.clone(), p.hi.clone()],
    )
    .map_err(|e| EvalError::math(e, span))?;
    if digits > CLOSED_FORM_DIGITS {
        if let Some(value) = closed_form_value(ev, p, digits, span)? {
            return Ok(Value::Approx(crate::eval::value::Approx { exact, value }));
        }
    }
    let (value, steps) =
        numeric::certified(&p.a, &p.n, &lo, digits).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(steps);
    Ok(Value::Approx(crate::eval::value::Approx { exact, value }))
}

/// Digits beyond which `N` of an infinite sum first looks for its exact value: the certified
/// tail bounds cost time quadratic or worse in the digits, a closed form (Σ 1/n² = π²/6)
/// only the evaluation of its constants.
const CLOSED_FORM_DIGITS: u32 = 1000;

/// The value of an infinite sum through its closed form, when it has one (no `sum` left in
/// it), to `digits` certified digits; `None` when there is none.
fn closed_form_value(
    ev: &mut Evaluator,
    p: &SumParts,
    digits: u32,
    span: Span,
) -> EResult<Option<float::Approx>> {
    let s = match crate::math::sum::evaluate(&p.a, &p.n, &p.lo, &p.hi) {
        Ok(s) => s,
        Err(crate::math::MathError::Interrupted) => {
            return Err(crate::eval::interrupt::error(span))
        }
        Err(_) => return Ok(None),
    };
    let crate::math::sum::Summed::Value(v) = s.summed else {
        return Ok(None);
    };
    if has_sum(&v) || v.has_infinity() {
        return Ok(None);
    }
    let value = float::evaluate(&v, digits).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(s.steps);
    ev.steps.push(
        rich![
            &v,
            Notation::new(
                format!(" ≈ {}", value.text),
                format!(
                    " \\approx {}",
                    crate::render::latex::scientific(&value.text)
                )
            )
        ],
        "the closed form evaluated with certified MPFR arithmetic: every printed digit is correct",
    );
    Ok(Some(value))
}

/// Whether a `sum(…)` is left in `e`.
fn has_sum(e: &Expr) -> bool {
    match e {
        Expr::Func(Func::Sum, _) => true,
        Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => false,
        Expr::Pow(b, x) => has_sum(b) || has_sum(x),
        Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => v.iter().any(has_sum),
    }
}

/// Each entry of a vector to `digits` certified digits.
fn vector(ev: &mut Evaluator, xs: &[Expr], digits: u32, span: Span) -> EResult<Value> {
    let mut out = Vec::new();
    for x in xs {
        ev.check_interrupt(span)?;
        out.push(crate::eval::value::Approx {
            exact: x.clone(),
            value: float::evaluate(x, digits).map_err(|e| EvalError::math(e, span))?,
        });
    }
    ev.steps.push(
        format!("{} entries to {digits} digits", xs.len()),
        "each entry evaluated with certified MPFR arithmetic: every printed digit is correct",
    );
    Ok(Value::ApproxVector(out))
}

/// The number of digits asked for (argument 1), or the session's default.
fn digits_arg(ev: &Evaluator, args: &Args) -> EResult<u32> {
    Ok(match args.opt_order(1) {
        Some(0) => {
            return Err(EvalError::new(
                "the number of digits must be at least 1",
                args.span_of(1),
            ))
        }
        Some(d) => d as u32,
        None => ev.settings.digits,
    })
}
