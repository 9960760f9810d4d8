//! Summation: exact finite sums (binary splitting), closed forms for symbolic bounds
//! (polynomial, geometric, telescoping, Gosper), exact infinite sums, and certified numeric
//! values of infinite sums with the tail bound that proves them. [`evaluate`] is the one entry
//! point the `sum` builtin uses.

pub mod closed;
pub mod exact;
pub mod hyper;
pub mod infinite;
pub mod maclaurin;
pub mod numeric;
pub mod partial;
pub mod stolz;
pub mod window;

use crate::math::answer::Notation;
use crate::math::answer::Verdict;
use crate::math::convergence::{self, VerdictKind};
use crate::math::derivation::Derivation;
use crate::math::expr::print::{print, Style};
use crate::math::expr::{self, Expr, Func, MResult, MathError};
use crate::rich;
use rug::Integer;

/// What summing produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Summed {
    /// The exact value (a number, a closed form, or an exact symbolic combination).
    Value(Expr),
    /// An infinite sum that diverges, with the convergence test's reason. Never a number.
    Diverges(Verdict),
    /// No closed form was found: the sum stays symbolic, with why.
    Unevaluated(Expr, String),
}

/// The result of [`evaluate`] with its derivation.
#[derive(Debug, Clone)]
pub struct SumResult {
    pub summed: Summed,
    pub steps: Derivation,
}

fn integer_bound(b: &Expr, which: &str) -> MResult<Option<Integer>> {
    match b.as_num() {
        Some(q) if q.is_integer() => Ok(Some(q.numer().clone())),
        Some(q) => Err(MathError::Domain(format!(
            "the {which} bound of a sum must be an integer, not {q}"
        ))),
        None => Ok(None),
    }
}

/// Σ_{n=lo}^{hi} a(n): exact for integer bounds; closed forms for symbolic bounds; for hi = oo
/// the convergence verdict first (a divergent sum answers "diverges"), then an exact value when
/// a known family matches.
/// Provides the foundation with the summation it declares but cannot name: exact finite sums
/// for canonical `sum(…)` (`expr`) and enclosures of sums for numeric evaluation (`float`).
/// Called by the evaluator and by this module's entry points; idempotent and cheap.
pub fn install() {
    crate::math::expr::func::provide_finite_sum(exact::finite_sum);
    crate::math::float::provide_sum_ball(numeric::sum_ball);
    crate::math::integrate::install();
}

pub fn evaluate(a: &Expr, n: &str, lo: &Expr, hi: &Expr) -> MResult<SumResult> {
    install();
    if hi.has_infinity() || lo.has_infinity() {
        expr::require_real(a, "infinite sums")?;
    }
    let mut steps = Derivation::new();
    let symbolic = || {
        expr::func(
            Func::Sum,
            vec![a.clone(), Expr::sym(n), lo.clone(), hi.clone()],
        )
    };
    let done = |summed, steps| Ok(SumResult { summed, steps });
    if *hi == Expr::infinity() {
        integer_bound(lo, "lower")?;
        return infinite(a, n, lo, symbolic()?);
    }
    if *lo == Expr::infinity() || lo.has_infinity() || hi.has_infinity() {
        return Err(MathError::Domain(
            "a sum runs upwards from a finite lower bound (write sum(a, n, lo, oo))".into(),
        ));
    }
    match (integer_bound(lo, "lower")?, integer_bound(hi, "upper")?) {
        (Some(l), Some(h)) => {
            if h < Integer::from(&l - 1) {
                return Err(MathError::Domain(format!(
                    "the bounds are reversed: {n} runs from {l} up to {h}, which is empty (write the smaller bound first)"
                )));
            }
            let v = exact::finite_sum(a, n, &l, &h)?;
            if h >= l {
                steps.push_expr(
                    rich![
                        Notation::new(
                            format!("Σ_{{{n}={l}}}^{{{h}}} "),
                            format!(
                                "\\sum_{{{}={l}}}^{{{h}}} ",
                                print(&Expr::sym(n), Style::Latex)
                            )
                        ),
                        a,
                        Notation::new(" =", " =")
                    ],
                    v.clone(),
                    "summed exactly",
                );
            }
            done(Summed::Value(v), steps)
        }
        _ => match closed::closed_form(a, n, lo, hi)? {
            Some((v, d)) => done(Summed::Value(v), d),
            None => done(
                Summed::Unevaluated(
                    symbolic()?,
                    "no closed form found (not polynomial, geometric, telescoping or Gosper-summable)"
                        .into(),
                ),
                steps,
            ),
        },
    }
}

fn infinite(a: &Expr, n: &str, lo: &Expr, symbolic: Expr) -> MResult<SumResult> {
    let mut steps = Derivation::new();
    let params = a.symbols().iter().any(|s| &**s != n);
    if !params {
        let d = convergence::converges(a, n)?;
        steps.extend(d.steps.clone());
        match d.kind() {
            VerdictKind::Diverges => {
                return Ok(SumResult {
                    summed: Summed::Diverges(d.verdict),
                    steps,
                })
            }
            VerdictKind::Unknown => {
                // An antidifference with a finite limit still proves convergence.
                if let Some((v, dd)) = infinite::by_antidifference(a, n, lo)? {
                    steps.extend(dd);
                    return Ok(SumResult {
                        summed: Summed::Value(v),
                        steps,
                    });
                }
                return Ok(SumResult {
                    summed: Summed::Unevaluated(symbolic, d.summary()),
                    steps,
                });
            }
            _ => {}
        }
    }
    let found = match lo.as_num() {
        Some(l) => infinite::infinite_sum(a, n, l.numer())?,
        // A symbolic start: only an antidifference gives the value for every start.
        None => infinite::by_antidifference(a, n, lo)?,
    };
    match found {
        Some((v, dd)) => {
            steps.extend(dd);
            Ok(SumResult {
                summed: Summed::Value(v),
                steps,
            })
        }
        None => Ok(SumResult {
            summed: Summed::Unevaluated(
                symbolic,
                "no closed form found; N(sum(…), digits) gives certified digits".into(),
            ),
            steps,
        }),
    }
}
