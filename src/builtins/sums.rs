//! Summation commands: `sum(a, n, lo, hi)` (exact values, closed forms, infinite sums with
//! their convergence verdict) and `partial_sums`, plus [`sum_parts`], which reads a sum
//! argument without summing it for the commands that inspect a series (converges, N, …).

use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::{self, Expr, Func};
use crate::math::sum::{self, Summed};
use crate::source::Span;
use crate::syntax::ast;

pub const SUM: Builtin = Builtin {
    name: "sum",
    signature: "sum(a, n, lo, hi)",
    summary: "Σ a for n from lo to hi: exact for integer bounds (rational and hypergeometric terms by binary splitting, others up to 100,000 terms), a closed form for symbolic bounds, and for hi = oo the exact value or \"diverges\" with the reason",
    example: "sum(1/(k*(k+1)), k, 1, 10) → 10/11",
    min_args: 4,
    max_args: 4,
    imp: Impl::Command(sum_cmd),
};

pub const PARTIAL_SUMS: Builtin = Builtin {
    name: "partial_sums",
    signature: "partial_sums(sum(a, n, lo, hi), N)",
    summary: "the first N partial sums S_1, …, S_N as an exact vector (wrap in N(…) for decimals)",
    example: "partial_sums(sum(1/2^n, n, 1, oo), 4) → [1/2, 3/4, 7/8, 15/16]",
    min_args: 2,
    max_args: 2,
    imp: Impl::Command(partial_sums_cmd),
};

/// The pieces of a `sum(a, n, lo, hi)` argument, not summed.
pub struct SumParts {
    pub a: Expr,
    pub n: String,
    pub lo: Expr,
    pub hi: Expr,
}

/// A command argument that may be a sum.
pub enum SumArg {
    Sum(SumParts),
    /// Not a sum: the argument's value (evaluated once).
    Other(Value),
}

/// The parts of `sum(a, n, lo, hi)` from its four argument expressions: `a` evaluated with `n`
/// (and `free`, if given) unbound, the bounds evaluated and checked not to mention `n`.
fn call_parts(
    ev: &mut Evaluator,
    args: &[ast::Expr],
    free: Option<&str>,
    span: Span,
) -> EResult<SumParts> {
    let n = ev.symbol_arg(&args[1], "the summation index")?;
    let mut frame = vec![(n.clone(), Value::Expr(Expr::sym(&n)))];
    if let Some(x) = free {
        frame.push((x.to_string(), Value::Expr(Expr::sym(x))));
    }
    let a = match ev.eval_in_frame(&args[0], frame)? {
        Value::Expr(e) => e,
        Value::Approx(x) => x.exact,
        _ => {
            return Err(EvalError::new(
                "the term of a sum must be an expression",
                args[0].span,
            ))
        }
    };
    let lo = ev.eval_expr(&args[2])?;
    let hi = ev.eval_expr(&args[3])?;
    if lo.depends_on(&n) || hi.depends_on(&n) {
        return Err(EvalError::new(
            format!("the bounds of a sum cannot depend on its index `{n}`"),
            span,
        ));
    }
    Ok(SumParts { a, n, lo, hi })
}

/// Reads `arg` as a sum without summing it: a literal `sum(…)` call has its parts evaluated
/// (the term with `n`, and `free` if given, unbound); any other argument is evaluated and
/// accepted when it is still an unevaluated sum.
pub fn sum_arg(ev: &mut Evaluator, arg: &ast::Expr, free: Option<&str>) -> EResult<SumArg> {
    if let ast::ExprKind::Call { name, args } = &arg.kind {
        if name.name == "sum" && args.len() == 4 {
            return call_parts(ev, args, free, arg.span).map(SumArg::Sum);
        }
    }
    let v = match free {
        Some(x) => ev.eval_with_free(arg, x)?,
        None => ev.eval(arg)?,
    };
    match v {
        Value::Expr(Expr::Func(Func::Sum, p)) => match &p[1] {
            Expr::Sym(n) => Ok(SumArg::Sum(SumParts {
                a: p[0].clone(),
                n: n.to_string(),
                lo: p[2].clone(),
                hi: p[3].clone(),
            })),
            _ => Err(EvalError::new(
                "the summation index must be a name",
                arg.span,
            )),
        },
        other => Ok(SumArg::Other(other)),
    }
}

/// Like [`sum_arg`], for commands that need a sum: `None` when the argument is not one.
pub fn sum_parts(
    ev: &mut Evaluator,
    arg: &ast::Expr,
    free: Option<&str>,
) -> EResult<Option<SumParts>> {
    Ok(match sum_arg(ev, arg, free)? {
        SumArg::Sum(p) => Some(p),
        SumArg::Other(_) => None,
    })
}

fn sum_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let p = call_parts(ev, args, None, span)?;
    for (b, arg, which) in [(&p.lo, &args[2], "lower"), (&p.hi, &args[3], "upper")] {
        if let Some(q) = b.as_num().filter(|q| !q.is_integer()) {
            return Err(EvalError::new(
                format!("the {which} bound of a sum must be an integer, not {q}"),
                arg.span,
            )
            .with_label("not an integer"));
        }
    }
    if let (Some(l), Some(h)) = (p.lo.as_num(), p.hi.as_num()) {
        if h.add(&crate::math::Q::one()) < *l {
            return Err(EvalError::new(
                format!("the bounds are reversed: {} runs from {l} up to {h}", p.n),
                args[3].span,
            )
            .with_label(format!("below the lower bound {l}"))
            .with_help(
                "write the smaller bound first; a sum from lo to lo − 1 is the empty sum 0",
            ));
        }
    }
    let r = sum::evaluate(&p.a, &p.n, &p.lo, &p.hi).map_err(|e| EvalError::math(e, span))?;
    ev.steps.extend(r.steps);
    Ok(match r.summed {
        Summed::Value(v) => Value::Expr(v),
        Summed::Diverges(v) => Value::Verdict(v),
        Summed::Unevaluated(s, why) => {
            ev.steps.push(crate::render::text::expr(&s), why);
            Value::Expr(s)
        }
    })
}

/// Largest table `partial_sums` builds.
const MAX_PARTIAL_SUMS: u64 = 10_000;

fn partial_sums_cmd(ev: &mut Evaluator, args: &[ast::Expr], span: Span) -> EResult<Value> {
    let Some(p) = sum_parts(ev, &args[0], None)? else {
        return Err(EvalError::new("partial_sums needs a sum", args[0].span)
            .with_label("not a sum")
            .with_help("write partial_sums(sum(a(n), n, 1, oo), 10)"));
    };
    let count = ev.uint_arg(&args[1], "the number of partial sums", MAX_PARTIAL_SUMS)?;
    let Some(lo) =
        p.lo.as_num()
            .filter(|q| q.is_integer())
            .and_then(|q| q.to_i64())
    else {
        return Err(EvalError::new(
            "partial_sums needs an integer lower bound",
            args[0].span,
        ));
    };
    let hi = match p.hi.as_num() {
        Some(h) if h.is_integer() => h.to_i64(),
        _ => None,
    };
    let math = |e| EvalError::math(e, span);
    let mut out = Vec::new();
    let mut s = Expr::zero();
    for k in 0..count as i64 {
        let idx = lo + k;
        if hi.is_some_and(|h| idx > h) {
            break;
        }
        ev.check_interrupt(span)?;
        let t = expr::subst::subs(&p.a, &p.n, &Expr::int(idx)).map_err(|e| {
            EvalError::new(
                format!("the term is undefined at {} = {idx}: {e}", p.n),
                args[0].span,
            )
        })?;
        s = expr::add(vec![s, t]).map_err(math)?;
        out.push(s.clone());
    }
    ev.steps.push(
        format!(
            "S_k = Σ_{{{}={lo}}}^{{{lo}+k−1}} a({}) for k = 1..{}",
            p.n,
            p.n,
            out.len()
        ),
        "each partial sum is the previous one plus the next term, exactly",
    );
    Ok(Value::Vector(out))
}
