//! `product(a, k, lo, hi)`: ∏ a for k from lo to hi — exact for integer bounds, a Γ closed form
//! for symbolic bounds, and for hi = oo the value or the verdict (`converges(product(…))` reads
//! the same verdict).

use super::args::{req, Args, Kind};
use super::sums::SumParts;
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::Expr;
use crate::math::product::{self, Produced};

pub const PRODUCT: Builtin = Builtin {
    name: "product",
    signature: "product(a, k, lo, hi)",
    summary: "∏ a for k from lo to hi: exact for integer bounds (10^7 rational factors in integer chunks, 100,000 others), a Γ closed form for a symbolic hi when a is a rational function splitting over Q, and for hi = oo the value exp(Σ ln a) or the verdict (converges exactly when Σ ln a does)",
    example: "product(1 - 1/k^2, k, 2, oo) → 1/2",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Var {
            what: "the product index",
            over: &[0],
        }),
        req(Kind::Expr),
        req(Kind::Expr),
    ]],
    imp: Impl::Command(product_cmd),
};

/// The factor and bounds of `product(a, k, lo, hi)`.
pub(super) fn factor(args: &Args) -> EResult<SumParts> {
    super::sums::ranged(args, "factor", "product")
}

/// The product as a value: the exact number or closed form, or the verdict.
pub(super) fn produce(
    ev: &mut Evaluator,
    p: &SumParts,
    span: crate::source::Span,
) -> EResult<Value> {
    let r = product::evaluate(&p.a, &p.n, &p.lo, &p.hi).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(r.steps);
    Ok(match r.produced {
        Produced::Value(v) => Value::Expr(v),
        Produced::Verdict(v) => Value::Verdict(v),
    })
}

/// `converges(product(a, k, lo, oo))`: the verdict, whether or not the value is known.
pub(super) fn verdict(
    ev: &mut Evaluator,
    p: &SumParts,
    span: crate::source::Span,
) -> EResult<Value> {
    if p.hi != Expr::infinity() {
        return Err(EvalError::new(
            "a finite product always has a value; converges is for products to oo",
            span,
        ));
    }
    let (v, steps) = product::verdict(&p.a, &p.n).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(steps);
    Ok(Value::Verdict(v))
}

fn product_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let p = factor(args)?;
    produce(ev, &p, args.span())
}
