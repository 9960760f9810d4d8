//! `term(f, x, n)`: the general n-th term of a Maclaurin series in closed form, found from
//! many exact coefficients and verified on more; when no closed form fits, the linear
//! recurrence the coefficients satisfy, or an honest "unknown".

use super::args::{req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{GeneralTerm, Notation, Op, Recurrence, Rich, TermPiece};
use crate::math::expr::print::{print, Style};
use crate::math::expr::{self, subst::expand, Expr};
use crate::math::number::Q;
use crate::math::series::{self, guess};
use crate::render::text;
use crate::rich;

pub const TERM: Builtin = Builtin {
    name: "term",
    signature: "term(f, x, n)",
    summary: "the general n-th term of f's Maclaurin series in closed form (or the recurrence its coefficients satisfy)",
    example: "term(exp(-x), x, n) → (-1)^n*x^n/n!",
    forms: &[&[
        req(Kind::Expr),
        req(Kind::Var {
            what: "the series variable",
            over: &[0],
        }),
        req(Kind::Var {
            what: "the index",
            over: &[],
        }),
    ]],
    imp: Impl::Command(term_cmd),
};

/// Coefficients computed for the search (the guesser fits on a prefix, checks the rest).
const TERMS_RATIONAL: usize = 96;
const TERMS_SYMBOLIC: usize = 48;

fn term_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let (x, n) = (args.var(1).to_string(), args.var(2).to_string());
    if n == x {
        return Err(EvalError::new(
            "the index must differ from the series variable",
            args.span_of(2),
        ));
    }
    let f = args.expr(0).clone();
    let math = |e| EvalError::math(e, span);
    let mut exp = series::taylor(
        &f,
        &x,
        &Expr::zero(),
        TERMS_RATIONAL.min(TERMS_SYMBOLIC + 1),
    )
    .map_err(math)?;
    if !exp.symbolic {
        exp = series::taylor(&f, &x, &Expr::zero(), TERMS_RATIONAL).map_err(math)?;
    }
    // Factor out one common constant so the guesser sees rationals (erf: 2/sqrt(pi)).
    let Some(lead) = exp.coeffs.iter().find(|c| !c.is_zero()).cloned() else {
        ev.steps.push(
            rich!["every computed coefficient of ", &f, " is 0"],
            "series expansion",
        );
        return Ok(Value::Expr(Expr::zero()));
    };
    let scale = if exp.symbolic {
        lead.clone()
    } else {
        Expr::one()
    };
    let mut ratios = Vec::with_capacity(exp.coeffs.len());
    for c in &exp.coeffs {
        let r = expand(&expr::div(c.clone(), scale.clone()).map_err(math)?).map_err(math)?;
        match r.as_num() {
            Some(q) => ratios.push(q.clone()),
            None => {
                return Ok(unknown(ev, &f, "its coefficients are not rational multiples of one constant (a symbolic parameter?)"));
            }
        }
    }
    ev.steps.push(
        rich![
            format!(
                "computed the first {} Maclaurin coefficients of ",
                ratios.len()
            ),
            &f,
            " exactly"
        ],
        "series expansion",
    );
    match guess::guess(&ratios, &n) {
        guess::GeneralTerm::Closed {
            modulus,
            pieces,
            exceptions,
            evidence,
        } => {
            let mut total = Vec::new();
            let mut starts = Vec::new();
            for p in &pieces {
                // c_k with k = m·n + r: the term is scale·formula(n)·x^(m·n + r).
                let k = expr::add(vec![
                    expr::mul(vec![Expr::Num(Q::int(modulus as i64)), Expr::sym(&n)])
                        .map_err(math)?,
                    Expr::Num(Q::int(p.residue as i64)),
                ])
                .map_err(math)?;
                let t = expr::mul(vec![
                    scale.clone(),
                    p.formula.clone(),
                    expr::pow(Expr::sym(&x), k).map_err(math)?,
                ])
                .map_err(math)?;
                total.push(t);
                starts.push(p.n0);
            }
            let result = expr::add(total).map_err(math)?;
            let n0 = starts.iter().copied().max().unwrap_or(0);
            ev.steps.push(
                rich![
                    &evidence.method,
                    format!(
                        " (fitted on {} coefficients, verified on {} more)",
                        evidence.fitted_on, evidence.checked_on
                    )
                ],
                "general term found from exact coefficients and checked against every computed one",
            );
            let mut claim = rich![
                &f,
                Op::Eq,
                Notation::new(format!("Σ_(n≥{n0}) "), format!("\\sum_{{n \\ge {n0}}} ")),
                &result
            ];
            if !exceptions.is_empty() {
                claim.push(", except the terms ");
                let xt = print(&Expr::sym(&x), Style::Latex);
                for (i, (k, q)) in exceptions.iter().enumerate() {
                    let c = expr::mul(vec![scale.clone(), Expr::Num(q.clone())])
                        .unwrap_or_else(|_| Expr::Num(q.clone()));
                    if i > 0 {
                        claim.push(", ");
                    }
                    claim.push(Notation::new(
                        format!("{}·{x}^{k}", text::expr(&c)),
                        format!("{} \\cdot {xt}^{{{k}}}", print(&c, Style::Latex)),
                    ));
                }
            }
            ev.steps
                .push(claim, "the series written with its general term");
            if pieces.is_empty() {
                let poly = expr::add(
                    exceptions
                        .iter()
                        .map(|(k, q)| {
                            expr::mul(vec![
                                scale.clone(),
                                Expr::Num(q.clone()),
                                expr::pow(Expr::sym(&x), Expr::int(*k as i64))?,
                            ])
                        })
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(math)?,
                )
                .map_err(math)?;
                return Ok(Value::Term(GeneralTerm::Polynomial(poly)));
            }
            // Exceptional coefficients, as corrections to what the general term gives there.
            let mut corrections = Vec::new();
            for (k, q) in &exceptions {
                let mut predicted = Expr::zero();
                for p in &pieces {
                    if *k % modulus == p.residue && (*k - p.residue) / modulus >= p.n0 {
                        let at = Expr::int(((*k - p.residue) / modulus) as i64);
                        predicted =
                            crate::math::expr::subst::subs(&p.formula, &n, &at).map_err(math)?;
                    }
                }
                let actual = Expr::Num(q.clone());
                let d = expr::mul(vec![
                    scale.clone(),
                    expr::sub(actual, predicted).map_err(math)?,
                ])
                .map_err(math)?;
                if !d.is_zero() {
                    corrections.push(
                        expr::mul(vec![
                            d,
                            expr::pow(Expr::sym(&x), Expr::int(*k as i64)).map_err(math)?,
                        ])
                        .map_err(math)?,
                    );
                }
            }
            let uniform = starts.iter().all(|&s| s == n0);
            if uniform && n0 == 0 && corrections.is_empty() {
                return Ok(Value::Expr(result));
            }
            let pieces = if uniform {
                vec![TermPiece {
                    term: result,
                    index: n.clone(),
                    start: n0 as i64,
                }]
            } else {
                pieces
                    .iter()
                    .map(|p| {
                        let t = expr::mul(vec![
                            scale.clone(),
                            p.formula.clone(),
                            expr::pow(
                                Expr::sym(&x),
                                expr::add(vec![
                                    expr::mul(vec![Expr::int(modulus as i64), Expr::sym(&n)])?,
                                    Expr::int(p.residue as i64),
                                ])?,
                            )?,
                        ])?;
                        Ok(TermPiece {
                            term: t,
                            index: n.clone(),
                            start: p.n0 as i64,
                        })
                    })
                    .collect::<Result<Vec<_>, crate::math::MathError>>()
                    .map_err(math)?
            };
            let correction = if corrections.is_empty() {
                None
            } else {
                Some(expr::add(corrections).map_err(math)?)
            };
            Ok(Value::Term(GeneralTerm::Formula { pieces, correction }))
        }
        guess::GeneralTerm::Recurrence {
            polys,
            from,
            evidence,
            ..
        } => {
            let relation = guess::describe_recurrence(&polys, from, "k");
            let k = Expr::sym("k");
            let coefficients = polys
                .iter()
                .map(|p| {
                    let mut terms = Vec::new();
                    for (i, c) in p.iter().enumerate() {
                        terms.push(expr::mul(vec![
                            Expr::Num(c.clone()),
                            expr::pow(k.clone(), Expr::int(i as i64))?,
                        ])?);
                    }
                    expr::add(terms)
                })
                .collect::<Result<Vec<_>, crate::math::MathError>>()
                .map_err(math)?;
            ev.steps.push(
                rich![
                    &evidence.method,
                    format!(
                        " (fitted on {} coefficients, verified on {} more)",
                        evidence.fitted_on, evidence.checked_on
                    )
                ],
                "linear recurrence found from exact coefficients",
            );
            Ok(Value::Term(GeneralTerm::Recurrence(Recurrence {
                var: x.clone(),
                index: "k".into(),
                coefficients,
                from,
                scale: (!scale.is_one()).then(|| scale.clone()),
                relation,
            })))
        }
        guess::GeneralTerm::Unknown(why) => Ok(unknown(ev, &f, &why)),
    }
}

fn unknown(ev: &mut Evaluator, f: &Expr, why: &str) -> Value {
    ev.steps
        .push(rich!["no general term of ", f, " found"], why.to_string());
    Value::Term(GeneralTerm::Unknown(Rich::text(why)))
}
