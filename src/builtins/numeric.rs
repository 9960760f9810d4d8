//! `N`: certified numerical evaluation to a requested number of significant digits.

use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::float;
use crate::source::Span;
use crate::syntax::ast;

pub const N: Builtin = Builtin {
    name: "N",
    signature: "N(expr) or N(expr, digits)",
    summary: "a numeric value with every printed digit correct (15 digits by default; see :digits)",
    example: "N(pi, 30) → ≈ 3.14159265358979323846264338328",
    min_args: 1,
    max_args: 2,
    imp: Impl::Command(n_cmd),
};

fn n_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let x = ev.eval_expr(&args[0])?;
    let digits = match args.get(1) {
        Some(a) => {
            let d = ev.uint_arg(a, "the number of digits", float::MAX_DIGITS as u64)?;
            if d == 0 {
                return Err(EvalError::new(
                    "the number of digits must be at least 1",
                    a.span,
                ));
            }
            d as u32
        }
        None => ev.settings.digits,
    };
    let value = float::evaluate(&x, digits).map_err(|e| EvalError::math(e, span))?;
    ev.steps.push(
        format!("{} ≈ {}", crate::render::text::expr(&x), value.text),
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
