//! Summation commands: `sum(a, n, lo, hi)` (exact values, closed forms, infinite sums with
//! their convergence verdict) and `partial_sums`, plus the reading of a [`SumArg`] without
//! summing it for the commands that inspect a series (converges, N, …).

use super::args::{eval_free, req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::Notation;
use crate::math::expr::{self, Expr, Func};
use crate::math::sum::{self, Summed};
use crate::rich;
use crate::syntax::ast;

pub const SUM: Builtin = Builtin {
    name: "sum",
    signature: "sum(a, n, lo, hi)",
    summary: "Σ a for n from lo to hi: exact for integer bounds (rational and hypergeometric terms by binary splitting, others up to 100,000 terms), a closed form for symbolic bounds, and for hi = oo the exact value or \"diverges\" with the reason",
    example: "sum(1/(k*(k+1)), k, 1, 10) → 10/11",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Var {
            what: "the summation index",
            over: &[0],
        }),
        req(Kind::Expr),
        req(Kind::Expr),
    ]],
    imp: Impl::Command(sum_cmd),
};

pub const PARTIAL_SUMS: Builtin = Builtin {
    name: "partial_sums",
    signature: "partial_sums(sum(a, n, lo, hi), N)",
    summary: "the first N partial sums S_1, …, S_N as an exact vector (wrap in N(…) for decimals)",
    example: "partial_sums(sum(1/2^n, n, 1, oo), 4) → [1/2, 3/4, 7/8, 15/16]",
    forms: &[&[
        req(Kind::Sum),
        req(Kind::Order {
            what: "the number of partial sums",
            max: MAX_PARTIAL_SUMS,
        }),
    ]],
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
    /// A literal `product(a, k, lo, hi)` call, read without multiplying (for `converges`).
    Product(SumParts),
    /// Not a sum: the argument's value (evaluated once).
    Other(Value),
}

impl SumArg {
    /// The parts of the sum, when the argument is one.
    pub fn parts(&self) -> Option<&SumParts> {
        match self {
            SumArg::Sum(p) => Some(p),
            SumArg::Product(_) | SumArg::Other(_) => None,
        }
    }
}

/// The parts of `sum(a, n, lo, hi)` from its read arguments: the term must be an expression
/// and the bounds must not mention the index.
fn parts(args: &Args) -> EResult<SumParts> {
    ranged(args, "term", "sum")
}

/// The parts of a `sum` or `product` call (`what`) from its read arguments: the summand or
/// factor (`part`) must be an expression and the bounds must not mention the index.
pub(super) fn ranged(args: &Args, part: &str, what: &str) -> EResult<SumParts> {
    let n = args.var(1).to_string();
    let a = match args.value(0) {
        Value::Expr(e) => e.clone(),
        Value::Approx(x) => x.exact.clone(),
        _ => {
            return Err(EvalError::new(
                format!("the {part} of a {what} must be an expression"),
                args.span_of(0),
            ))
        }
    };
    let (lo, hi) = (args.expr(2).clone(), args.expr(3).clone());
    if lo.depends_on(&n) || hi.depends_on(&n) {
        return Err(EvalError::new(
            format!("the bounds of a {what} cannot depend on its index `{n}`"),
            args.span(),
        ));
    }
    Ok(SumParts { a, n, lo, hi })
}

/// Reads `arg` as a sum without summing it (for [`Kind::Sum`](super::args::Kind::Sum)), with
/// the names in `free` unbound: a literal `sum(…)` call has its arguments read as `sum`
/// declares them; any other argument is evaluated and accepted when it is still an
/// unevaluated sum.
pub(super) fn read(ev: &mut Evaluator, arg: &ast::Expr, free: &[String]) -> EResult<SumArg> {
    if let ast::ExprKind::Call { name, args } = &arg.kind {
        if name.name == "sum" && args.len() == 4 {
            let inner = Args::read_free(ev, &SUM, args, arg.span, free)?;
            return parts(&inner).map(SumArg::Sum);
        }
        if name.name == "product" && args.len() == 4 {
            let inner = Args::read_free(ev, &super::products::PRODUCT, args, arg.span, free)?;
            return super::products::factor(&inner).map(SumArg::Product);
        }
    }
    match eval_free(ev, arg, free)? {
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

fn sum_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let p = parts(args)?;
    for (b, i, which) in [(&p.lo, 2, "lower"), (&p.hi, 3, "upper")] {
        if let Some(q) = b.as_num().filter(|q| !q.is_integer()) {
            return Err(EvalError::new(
                format!("the {which} bound of a sum must be an integer, not {q}"),
                args.span_of(i),
            )
            .with_label("not an integer"));
        }
    }
    if let (Some(l), Some(h)) = (p.lo.as_num(), p.hi.as_num()) {
        if h.add(&crate::math::Q::one()) < *l {
            return Err(EvalError::new(
                format!("the bounds are reversed: {} runs from {l} up to {h}", p.n),
                args.span_of(3),
            )
            .with_label(format!("below the lower bound {l}"))
            .with_help(
                "write the smaller bound first; a sum from lo to lo − 1 is the empty sum 0",
            ));
        }
    }
    if let Some(k) = first_pole(&p).map_err(|e| EvalError::math(e, span))? {
        let n = &p.n;
        return Err(EvalError::new(
            format!("the term is undefined at {n} = {k}, inside the range of the sum"),
            args.span_of(0),
        )
        .with_label(format!("division by zero at {n} = {k}"))
        .with_help(format!(
            "start the sum past {n} = {k}, or split the range around it"
        )));
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

/// The smallest integer in the sum's range where a denominator of the term vanishes, for
/// integer or infinite bounds (`1/(n^2 - 4)` from 1 has one at n = 2, `1/n` from −oo at 0).
fn first_pole(p: &SumParts) -> crate::math::expr::MResult<Option<rug::Integer>> {
    use crate::math::poly::{rational_function, roots::integer_roots_in, Poly};
    let far = rug::Integer::from(1) << 4096u32;
    let bound = |b: &Expr, inf: Expr, far: rug::Integer| match b.as_num() {
        Some(q) if q.is_integer() => Some(q.numer().clone()),
        _ if *b == inf => Some(far),
        _ => None,
    };
    let lo = bound(&p.lo, Expr::neg_infinity(), rug::Integer::from(-&far));
    let (Some(lo), Some(hi)) = (lo, bound(&p.hi, Expr::infinity(), far)) else {
        return Ok(None);
    };
    // The polynomials in n that stand in a denominator somewhere in the term.
    fn denominators(e: &Expr, n: &str, out: &mut Vec<Poly>) {
        match e {
            Expr::Pow(b, x) => {
                if x.as_num().is_some_and(|q| q.is_negative()) {
                    if let Some((num, _)) = rational_function(b, n) {
                        out.push(num);
                    }
                }
                denominators(b, n, out);
                denominators(x, n, out);
            }
            Expr::Func(f, _) if f.binds() => {}
            Expr::Add(xs) | Expr::Mul(xs) | Expr::Func(_, xs) => {
                xs.iter().for_each(|x| denominators(x, n, out));
            }
            _ => {}
        }
    }
    let mut dens = Vec::new();
    if let Some((_, q)) = rational_function(&p.a, &p.n) {
        dens.push(q);
    }
    denominators(&p.a, &p.n, &mut dens);
    let mut first: Option<rug::Integer> = None;
    for q in dens.iter().filter(|q| q.degree() >= 1) {
        if let Some(r) = integer_roots_in(q, &lo, &hi)?.into_iter().next() {
            first = Some(first.map_or(r.clone(), |f| f.min(r)));
        }
    }
    Ok(first)
}

/// Largest table `partial_sums` builds.
const MAX_PARTIAL_SUMS: u64 = 10_000;

fn partial_sums_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let Some(p) = args.sum(0).parts() else {
        return Err(EvalError::new("partial_sums needs a sum", args.span_of(0))
            .with_label("not a sum")
            .with_help("write partial_sums(sum(a(n), n, 1, oo), 10)"));
    };
    let count = args.order(1);
    let Some(lo) =
        p.lo.as_num()
            .filter(|q| q.is_integer())
            .and_then(|q| q.to_i64())
    else {
        return Err(EvalError::new(
            "partial_sums needs an integer lower bound",
            args.span_of(0),
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
                args.span_of(0),
            )
        })?;
        s = expr::add(vec![s, t]).map_err(math)?;
        out.push(s.clone());
    }
    ev.steps.push(
        rich![
            Notation::new(
                format!("S_k = Σ_{{{n}={lo}}}^{{{lo}+k−1}} a({n})", n = p.n),
                format!("S_k = \\sum_{{{n}={lo}}}^{{{lo}+k-1}} a({n})", n = p.n)
            ),
            " for ",
            Notation::new(
                format!("k = 1..{}", out.len()),
                format!("k = 1, \\ldots, {}", out.len())
            )
        ],
        "each partial sum is the previous one plus the next term, exactly",
    );
    Ok(Value::Vector(out))
}
