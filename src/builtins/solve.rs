//! `solve`, `assume`, `forget`, `all` and `any`: relations in one real variable solved to
//! exact interval sets (math/solve does the work), assumptions on symbols kept by the
//! session, and families of relations (`all(… for s in [...])`) combined into one.

use super::args::{opt, req, Kind};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Piece, Rich};
use crate::math::logic::Formula;
use crate::math::solve::chart::Chart;
use crate::math::solve::order::{Ctx, Facts};
use crate::math::solve::{self, set_notation};
use crate::source::Span;

pub const SOLVE: Builtin = Builtin {
    name: "solve",
    signature: "solve(relation, x[, domain or assumptions])",
    summary: "the exact set of real x where a relation (or `and`/`or`/`not` of relations) holds, with domain, sign chart and binding constraints",
    example: "solve(x^2 - 4 > 0, x) → (-oo, -2) ∪ (2, oo)",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Var {
            what: "the unknown",
            over: &[0, 2],
        }),
        opt(Kind::Value),
    ]],
    imp: Impl::Command(solve_cmd),
};

pub const ASSUME: Builtin = Builtin {
    name: "assume",
    signature: "assume(relation)",
    summary: "restricts symbols for later `solve`s in the session (`assume(λ > 0)`); assumptions accumulate",
    example: "assume(λ > 0) → (0, oo)",
    forms: &[&[req(Kind::Value)]],
    imp: Impl::Command(assume_cmd),
};

pub const FORGET: Builtin = Builtin {
    name: "forget",
    signature: "forget(s)",
    summary: "drops every assumption on the symbol s",
    example: "forget(λ) → true",
    forms: &[&[req(Kind::Var {
        what: "the symbol",
        over: &[],
    })]],
    imp: Impl::Command(forget_cmd),
};

pub const ALL: Builtin = Builtin {
    name: "all",
    signature: "all(relation for s in [a, b, …])",
    summary: "the conjunction of a family of relations (or of a list of them)",
    example: "all(x > s for s in [1, 2]) → x > 1 and x > 2",
    forms: &[&[req(Kind::Family)]],
    imp: Impl::Command(all_cmd),
};

pub const ANY: Builtin = Builtin {
    name: "any",
    signature: "any(relation for s in [a, b, …])",
    summary: "the disjunction of a family of relations (or of a list of them)",
    example: "any(x = s for s in [1, 2]) → x = 1 or x = 2",
    forms: &[&[req(Kind::Family)]],
    imp: Impl::Command(any_cmd),
};

/// A proposition argument: a formula, or true/false.
enum Prop {
    Known(bool),
    Open(Formula),
}

fn prop(v: &Value, span: Span, what: &str) -> EResult<Prop> {
    match v {
        Value::Bool(b) => Ok(Prop::Known(*b)),
        Value::Formula(f) => Ok(Prop::Open(f.clone())),
        other => Err(EvalError::new(
            format!(
                "{what} must be a relation such as `x^2 < 4`, not {}",
                crate::eval::value::article(other.kind())
            ),
            span,
        )
        .with_help("write an equation with `=` or an inequality with <, <=, >, >=, !=")),
    }
}

fn math(span: Span) -> impl Fn(crate::math::MathError) -> EvalError {
    move |e| EvalError::math(e, span)
}

/// The top-level conjuncts of a proposition.
fn conjuncts(f: &Formula) -> Vec<Formula> {
    match f {
        Formula::And(v) => v.iter().flat_map(conjuncts).collect(),
        Formula::Chain { operands, rels } if rels.len() > 1 => Formula::links(operands, rels)
            .into_iter()
            .map(|(a, r, b)| Formula::rel(a, r, b))
            .collect(),
        other => vec![other.clone()],
    }
}

/// Conjuncts about the unknown, and the set assumed for each other symbol.
type Assumptions = (Vec<Formula>, Vec<(String, Chart)>);

/// Splits assumptions into the ones on `x` (its domain) and facts on other symbols, each
/// solved to a set. A conjunct must be about one symbol.
fn read_assumptions(
    f: &Formula,
    x: Option<&str>,
    facts: &Facts,
    span: Span,
) -> EResult<Assumptions> {
    let mut on_x = Vec::new();
    let mut sets: Vec<(String, Chart)> = Vec::new();
    for c in conjuncts(f) {
        let syms = c.symbols();
        if syms.len() != 1 {
            return Err(EvalError::new(
                format!(
                    "each assumption must be about one symbol; `{c}` is about {}",
                    syms.len()
                ),
                span,
            )
            .with_help("write `λ > 0 and s > 0`, one symbol per relation"));
        }
        let s = &syms[0];
        if Some(s.as_str()) == x {
            on_x.push(c);
            continue;
        }
        let (set, _) = solve::solve(&c, s, &Facts::default(), None).map_err(math(span))?;
        let ctx = Ctx {
            facts: &Facts::default(),
        };
        let mut chart = Chart::from_set(&set, &ctx).map_err(math(span))?;
        if chart.points.iter().any(|p| !p.is_constant()) {
            return Err(EvalError::new(
                format!("`{c}` bounds {s} by a symbol; assumptions need numeric bounds"),
                span,
            ));
        }
        if let Some(old) = facts.get(s) {
            chart = chart.intersect(old, &ctx).map_err(math(span))?;
        }
        if let Some((_, prev)) = sets.iter_mut().find(|(n, _)| n == s) {
            *prev = prev.intersect(&chart, &ctx).map_err(math(span))?;
        } else {
            sets.push((s.clone(), chart));
        }
    }
    Ok((on_x, sets))
}

fn solve_cmd(ev: &mut Evaluator, args: &super::args::Args) -> EResult<Value> {
    let span = args.span();
    let x = args.var(1).to_string();
    let mut facts = ev.scope.facts.clone();
    let mut within: Option<Chart> = None;
    if args.count() > 2 {
        let at = args.span_of(2);
        let dom = match args.value(2) {
            Value::Vector(v) if v.len() == 2 => Prop::Open(Formula::Chain {
                operands: vec![v[0].clone(), crate::math::Expr::sym(&x), v[1].clone()],
                rels: vec![crate::math::logic::Rel::Le, crate::math::logic::Rel::Le],
            }),
            Value::Vector(v) => {
                return Err(EvalError::new(
                    format!(
                        "a domain [a, b] has two entries, not {}; write a relation such as `0 <= {x} < 2*pi` for other intervals",
                        v.len()
                    ),
                    at,
                ))
            }
            other => prop(other, at, "the domain")?,
        };
        match dom {
            Prop::Known(true) => {}
            Prop::Known(false) => within = Some(Chart::empty()),
            Prop::Open(f) => {
                let (on_x, sets) = read_assumptions(&f, Some(&x), &facts, at)?;
                for (s, c) in sets {
                    facts = facts.with(&s, c);
                }
                let mut w = Chart::full();
                for c in on_x {
                    let (set, _) = solve::solve(&c, &x, &facts, None).map_err(math(at))?;
                    let ctx = Ctx { facts: &facts };
                    let chart = Chart::from_set(&set, &ctx).map_err(math(at))?;
                    w = w.intersect(&chart, &ctx).map_err(math(at))?;
                }
                if !w.is_full() {
                    ev.steps.push(
                        Rich::text("domain: ").and(set_notation(&w.to_set(&x))),
                        "the domain given to solve",
                    );
                }
                within = Some(w);
            }
        }
    }
    let f = match prop(
        args.value(0),
        args.span_of(0),
        "the first argument of solve",
    )? {
        Prop::Known(b) => {
            let set = if b {
                within.unwrap_or_else(Chart::full)
            } else {
                Chart::empty()
            };
            return Ok(Value::IntervalSet(set.to_set(&x)));
        }
        Prop::Open(f) => f,
    };
    let (set, steps) = solve::solve(&f, &x, &facts, within.as_ref()).map_err(math(span))?;
    ev.steps.extend(steps);
    Ok(Value::IntervalSet(set))
}

fn assume_cmd(ev: &mut Evaluator, args: &super::args::Args) -> EResult<Value> {
    let at = args.span_of(0);
    let f = match prop(args.value(0), at, "an assumption")? {
        Prop::Known(true) => return Ok(Value::Bool(true)),
        Prop::Known(false) => {
            return Err(EvalError::new("cannot assume something false", at));
        }
        Prop::Open(f) => f,
    };
    let (_, sets) = read_assumptions(&f, None, &ev.scope.facts, at)?;
    let mut last = None;
    for (s, c) in sets {
        if c.is_empty() {
            return Err(EvalError::new(
                format!("these assumptions leave no value for {s}"),
                at,
            ));
        }
        let set = c.to_set(&s);
        ev.steps.push(
            Rich(vec![Piece::Math(crate::math::Expr::sym(&s))])
                .and(" ∈ ")
                .and(set_notation(&set)),
            "assumed from now on, together with any earlier assumption",
        );
        ev.assumed.push((s, c));
        last = Some(set);
    }
    Ok(last.map_or(Value::Bool(true), Value::IntervalSet))
}

fn forget_cmd(ev: &mut Evaluator, args: &super::args::Args) -> EResult<Value> {
    ev.assumed.push((args.var(0).to_string(), Chart::full()));
    Ok(Value::Bool(true))
}

fn all_cmd(_ev: &mut Evaluator, args: &super::args::Args) -> EResult<Value> {
    combine(args, true)
}

fn any_cmd(_ev: &mut Evaluator, args: &super::args::Args) -> EResult<Value> {
    combine(args, false)
}

/// The conjunction (`and`) or disjunction of a family's members.
fn combine(args: &super::args::Args, and: bool) -> EResult<Value> {
    let mut parts = Vec::new();
    for (v, span) in args.family(0) {
        match prop(v, *span, "each member")? {
            Prop::Known(b) if b == and => {}
            Prop::Known(b) => return Ok(Value::Bool(b)),
            Prop::Open(f) => parts.push(f),
        }
    }
    if parts.is_empty() {
        return Ok(Value::Bool(and));
    }
    if parts.len() == 1 {
        return Ok(Value::Formula(parts.remove(0)));
    }
    Ok(Value::Formula(if and {
        Formula::And(parts)
    } else {
        Formula::Or(parts)
    }))
}
