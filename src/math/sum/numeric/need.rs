//! How many terms of Σ_{n≥lo} a(n) a tolerance needs: the least N whose proven tail bound
//! after a(lo) … a(lo+N−1) is below eps, found by exponential and binary search on exact or
//! certified comparisons, with the bound that was used named in the derivation.

use super::alt::term;
use super::shrinking_from;
use super::tail::{self, below, ratio_of};
use super::{abs_ratio_le, abs_term, q_tex};
use super::{cm, em};
use crate::math::alternation::split_alternation;
use crate::math::answer::{names, Notation, Op};
use crate::math::derivation::Derivation;
use crate::math::expr::{self, subst::subs, Expr, MResult, MathError};
use crate::math::float;
use crate::math::number::Q;
use crate::rich;
use rug::Integer;

/// Doublings of the search before giving up (N up to about 2^400).
const DOUBLINGS: u32 = 400;

/// The exact value of `e` at n = k when k is small enough to substitute.
fn exact_at(e: &Expr, n: &str, k: &Integer) -> MResult<Option<Q>> {
    if k.significant_bits() > 24 {
        return Ok(None);
    }
    match subs(e, n, &Expr::Num(Q::from_integer(k.clone()))) {
        Ok(v) => Ok(v.as_num().cloned()),
        Err(MathError::Interrupted) => Err(MathError::Interrupted),
        Err(_) => Ok(None),
    }
}

/// Whether |e(k)| < eps, provably.
fn small_at(e: &Expr, n: &str, k: &Integer, eps: &Q) -> MResult<bool> {
    let exact = exact_at(e, n, k)?;
    below(&|bits| term(e, n, k, bits), exact, eps)
}

fn approx(e: &Expr, n: &str, k: &Integer) -> String {
    let v = subs(e, n, &Expr::Num(Q::from_integer(k.clone())));
    match v.ok().and_then(|v| float::evaluate(&v, 4).ok()) {
        Some(a) => a.text,
        None => "?".into(),
    }
}

fn not_found(eps: &Q) -> MathError {
    MathError::Unsupported(format!(
        "no number of terms below 2^{DOUBLINGS} has a proven tail below {eps}"
    ))
}

pub(crate) fn terms_needed(
    a: &Expr,
    n: &str,
    lo: &Integer,
    eps: &Q,
) -> MResult<(Integer, Derivation)> {
    if !eps.is_positive() {
        return Err(MathError::Domain("the tolerance must be positive".into()));
    }
    let mut steps = super::require_convergence(a, n, |why| {
        MathError::Unsupported(format!("cannot bound the tail of Σ {a}, because {why}"))
    })?;
    let zero = Integer::new();
    let ratio = ratio_of(a, n)?;
    // Alternating terms that shrink: the first omitted term.
    if let Some(m) = split_alternation(a, n)? {
        let (c, _) = m.split_coeff();
        let f = if c.is_negative() { expr::neg(m)? } else { m };
        let from = match cm::prove(&f, n, lo) {
            Ok(_) => Some((
                lo.clone(),
                format!("{f} is completely monotone, so non-increasing"),
            )),
            Err(_) => shrinking_from(&f, ratio.as_ref(), n, lo)?,
        };
        if let Some((from, why)) = from {
            let start = Integer::from(&from - lo).max(zero.clone());
            let big_n = tail::least(start, DOUBLINGS, |k| {
                small_at(a, n, &Integer::from(lo + k), eps)
            })?
            .ok_or_else(|| not_found(eps))?;
            let k = Integer::from(lo + &big_n);
            let (last, ap) = (Integer::from(&k - 1u32), approx(a, n, &k));
            steps.push(
                rich![
                    abs_term(n),
                    Op::Eq,
                    &f,
                    " is non-increasing for ",
                    names::at_least(n, &from)
                ],
                why,
            );
            steps.push(
                rich![
                    format!("keep {big_n} term(s) ("),
                    Notation::new(
                        format!("{n} = {lo} … {last}"),
                        format!("{n} = {lo}, \\ldots, {last}")
                    ),
                    "); the first omitted term ",
                    Notation::new(
                        format!("|a({k})| ≈ {ap} < {eps}"),
                        format!("\\left|a({k})\\right| \\approx {ap} < {}", q_tex(eps))
                    )
                ],
                rich![
                    "alternating series estimation theorem: ",
                    Notation::new("|error| ≤", "|\\text{error}| \\le"),
                    " the first omitted term"
                ],
            );
            return Ok((big_n, steps));
        }
    }
    // A ratio bound ρ < 1: the geometric tail.
    if let Some(r) = &ratio {
        if let Some((rho, m)) = tail::geometric(r, lo)? {
            let factor = Q::one().sub(&rho);
            let eps2 = eps.mul(&factor);
            let start = Integer::from(&m - lo).max(zero.clone());
            let big_n = tail::least(start, DOUBLINGS, |k| {
                small_at(a, n, &Integer::from(lo + k), &eps2)
            })?
            .ok_or_else(|| not_found(eps))?;
            let k = Integer::from(lo + &big_n);
            let ap = approx(a, n, &k);
            steps.push(
                rich![
                    abs_ratio_le(n, &rho),
                    " for every ",
                    names::at_least(n, &m),
                    ", with ",
                    names::term_ratio(n),
                    Op::Eq,
                    r.to_expr(n)?
                ],
                rich![
                    "Sturm's theorem on ",
                    Notation::new(
                        "ρ²·den² − c²·num²",
                        "\\rho^{2} \\mathrm{den}^{2} - c^{2} \\mathrm{num}^{2}"
                    )
                ],
            );
            steps.push(
                rich![
                    format!("keep {big_n} term(s); the tail is at most "),
                    Notation::new(
                        format!("|a({k})|/(1 − {rho}) ≈ {ap}/{factor} < {eps}"),
                        format!(
                            "\\frac{{\\left|a({k})\\right|}}{{1 - {}}} \\approx \\frac{{{ap}}}{{{}}} < {}",
                            q_tex(&rho),
                            q_tex(&factor),
                            q_tex(eps)
                        )
                    )
                ],
                rich![
                    "geometric tail: ",
                    Notation::new(
                        "Σ_{j≥0} |a(N)|·ρ^j = |a(N)|/(1 − ρ)",
                        "\\sum_{j \\ge 0} |a(N)| \\rho^{j} = \\frac{|a(N)|}{1 - \\rho}"
                    )
                ],
            );
            return Ok((big_n, steps));
        }
    }
    // Positive completely monotone terms: the integral bound.
    if let Ok(why) = cm::prove(a, n, lo) {
        let integral = match em::integral(a, n)? {
            Ok(i) => i,
            Err(why) => {
                return Err(MathError::Unsupported(format!(
                    "cannot bound the tail of Σ {a}, because {why}"
                )))
            }
        };
        let one = Integer::from(1);
        let big_n = tail::least(one, DOUBLINGS, |k| {
            small_at(&integral, n, &(Integer::from(lo + k) - 1u32), eps)
        })?
        .ok_or_else(|| not_found(eps))?;
        let x = Integer::from(lo + &big_n) - 1u32;
        steps.push(
            rich![
                a,
                " is positive and non-increasing for ",
                names::at_least(n, lo)
            ],
            why.join("; "),
        );
        steps.push(
            rich![
                format!("keep {big_n} term(s); the tail is at most "),
                Notation::new(
                    format!("∫ from {x} to ∞"),
                    format!("\\int_{{{x}}}^{{\\infty}} f")
                ),
                Op::Eq,
                subs(&integral, n, &Expr::Num(Q::from_integer(x.clone())))?,
                Notation::new(
                    format!(" ≈ {} < {eps}", approx(&integral, n, &x)),
                    format!(" \\approx {} < {}", approx(&integral, n, &x), q_tex(eps))
                )
            ],
            rich![
                "integral test: ",
                Notation::new(
                    "Σ_{n≥N+1} f(n) ≤ ∫_N^∞ f",
                    "\\sum_{n \\ge N+1} f(n) \\le \\int_{N}^{\\infty} f"
                ),
                " for a non-increasing f"
            ],
        );
        return Ok((big_n, steps));
    }
    Err(MathError::Unsupported(format!(
        "cannot bound the tail of Σ {a}: the terms neither alternate with a proven decrease, nor have a ratio bound below 1, nor are proved positive and decreasing with a known antiderivative"
    )))
}
