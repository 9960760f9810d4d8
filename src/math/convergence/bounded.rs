//! Series whose terms carry bounded oscillating factors, a(n) = g(n)·T(n) with T a polynomial
//! in sin and cos of growing arguments: comparison through |T| ≤ M (cos(n)²/n³), comparison
//! through T ≥ m > 0 ((3 + sin n)/n), the nth-term test when g does not tend to 0 and T stays
//! away from 0 ((−1)^n·(2 + cos n)), and T = mean + oscillation with Dirichlet's test on the
//! oscillation (cos(n)²/n diverges, sin(n)·cos(n)/n converges conditionally). Perturbed
//! denominators (1/(n³ + n·cos n)) are first replaced by their dominant part.

use super::absolute::absolute;
use super::{converges_as_written, Decision};
use crate::math::answer::{names, Notation, Op, Quantity, Rich, Test, VerdictKind};
use crate::math::asymptotic::{leading, Sign};
use crate::math::derivation::Derivation;
use crate::math::expr::{self, diff::diff, Expr, MResult};
use crate::math::float::sign::cmp_const;
use crate::math::limit::dominant::dominant;
use crate::math::number::Q;
use crate::math::trigpoly::{atoms, AtomPoly};
use crate::rich;
use std::cmp::Ordering;

/// A verdict for a term with bounded oscillating factors, or `None`.
pub(super) fn decide(a: &Expr, n: &str, steps: &Derivation) -> MResult<Option<Decision>> {
    if atoms(a, n).is_empty() {
        return Ok(None);
    }
    let r = dominant(a, n)?;
    let mut steps = steps.clone();
    let exact = match &r {
        Some(r) if atoms(r, n).is_empty() => return through_dominant(r, n, steps),
        Some(r) => {
            steps.push(rich![names::a_n(), Op::Eq, r, "·(1 + o(1))"], PERTURBED);
            false
        }
        None => true,
    };
    let target = r.unwrap_or_else(|| a.clone());
    let factors = match &target {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let (trig, rest): (Vec<Expr>, Vec<Expr>) =
        factors.into_iter().partition(|f| !atoms(f, n).is_empty());
    let t = expr::mul(trig)?;
    let g = expr::mul(rest)?;
    let Some(p) = AtomPoly::read(&t, n)? else {
        return Ok(None);
    };
    product(&g, &t, &p, n, exact, steps)
}

const PERTURBED: &str = "each oscillating term in a sum is bounded by its factor without sin and cos (|sin|, |cos| ≤ 1), which is o of the terms beside it";

/// a(n) = r(n)·(1 + o(1)) with r free of oscillation: r's verdict, when r has one sign.
fn through_dominant(r: &Expr, n: &str, mut steps: Derivation) -> MResult<Option<Decision>> {
    if !matches!(
        leading(r, n).map(|x| x.sign),
        Ok(Sign::Positive | Sign::Negative)
    ) {
        return Ok(None);
    }
    let inner = converges_as_written(r, n)?;
    if !matches!(
        inner.kind(),
        VerdictKind::ConvergesAbsolutely | VerdictKind::Diverges
    ) {
        return Ok(None);
    }
    steps.push(rich![names::a_n(), Op::Eq, r, "·(1 + o(1))"], PERTURBED);
    steps.extend(inner.steps);
    let verdict = inner.verdict;
    Ok(Some(Decision::decided(
        verdict.kind,
        Test::Comparison,
        Some(Quantity::new(
            Notation::new("lim a(n)/r(n)", "\\lim a(n)/r(n)"),
            Expr::one(),
        )),
        rich![
            "limit comparison with ",
            names::sigma(),
            r,
            ": ",
            verdict.reason
        ],
        steps,
    )))
}

fn product(
    g: &Expr,
    t: &Expr,
    p: &AtomPoly,
    n: &str,
    exact: bool,
    mut steps: Derivation,
) -> MResult<Option<Decision>> {
    let Ok(lead) = leading(g, n) else {
        return Ok(None);
    };
    // With a = r·(1 + o(1)), |a| lies between |r|/2 and 2|r| for large n.
    let slack = if exact { Q::one() } else { Q::int(2) };
    let bound = Expr::Num(p.abs_bound().mul(&slack));
    // |g| as written: g itself when it is positive.
    let shown = |g: &Expr| -> Rich {
        match lead.sign {
            Sign::Positive => rich![g],
            _ => rich!["|", g, "|"],
        }
    };
    // c·|g|, without a factor 1.
    let times = |c: &Expr| -> Rich {
        if c.is_one() {
            shown(g)
        } else {
            rich![c, "·"].and(shown(g))
        }
    };
    let abs_g = absolute(g, n, &lead.scale)?;
    let g_sum_diverges = abs_g.as_ref().is_some_and(|f| !f.converges);
    // |a| ≤ M·|g| and Σ|g| converges.
    if let Some(f) = abs_g.filter(|f| f.converges) {
        steps.push(
            rich!["|", names::a_n(), "| ≤ "].and(times(&bound)),
            rich![
                &bound,
                " bounds |",
                t,
                "| because |sin|, |cos| ≤ 1 (doubled when a(n) = r(n)·(1 + o(1)))"
            ],
        );
        return Ok(Some(Decision::decided(
            VerdictKind::ConvergesAbsolutely,
            Test::Comparison,
            f.quantity,
            rich!["comparison with ", names::sigma()]
                .and(shown(g))
                .and(": ")
                .and(f.why),
            steps,
        )));
    }
    let low = p.lower_bound();
    let high = p.upper_bound();
    let away = low.is_positive() || high.is_negative();
    let margin = if low.is_positive() { low } else { high.abs() };
    let shrink = if exact { Q::one() } else { Q::frac(1, 2) };
    let margin = Expr::Num(margin.mul(&shrink));
    let zero_scale = lead.scale.tends_to_zero()?;
    // |a| ≥ m·|g| with g not tending to 0.
    if away && !zero_scale {
        steps.push(
            rich!["|", names::a_n(), "| ≥ "].and(times(&margin)),
            rich!["|", t, "| ≥ ", &margin, " because |sin|, |cos| ≤ 1"],
        );
        return Ok(Some(Decision::decided(
            VerdictKind::Diverges,
            Test::NthTerm,
            None,
            rich![
                "nth-term test: ",
                names::a_n(),
                " does not tend to 0, since |",
                names::a_n(),
                "| ≥ "
            ]
            .and(times(&margin))
            .and(rich![" and ", g, " does not tend to 0"]),
            steps,
        )));
    }
    let one_sign = matches!(lead.sign, Sign::Positive | Sign::Negative);
    if !one_sign || !zero_scale || !g_sum_diverges {
        return Ok(None);
    }
    // a has the sign of ±g, and Σ g diverges.
    if away {
        steps.push(
            rich!["|", names::a_n(), "| ≥ "].and(times(&margin)),
            rich![t, " keeps one sign, |", t, "| ≥ ", &margin],
        );
        return Ok(Some(Decision::decided(
            VerdictKind::Diverges,
            Test::Comparison,
            None,
            rich![
                "comparison: the terms have one sign, |",
                names::a_n(),
                "| ≥ "
            ]
            .and(times(&margin))
            .and(rich![" and ", names::sigma()])
            .and(shown(g))
            .and(" diverges"),
            steps,
        )));
    }
    // T = mean + oscillation; Σ g·oscillation converges by Dirichlet when g decreases to 0.
    if !exact {
        return Ok(None);
    }
    let Some(lin) = p.linearise(n)? else {
        return Ok(None);
    };
    let Ok(dg) = leading(&diff(g, n)?, n) else {
        return Ok(None);
    };
    let monotone = match lead.sign {
        Sign::Positive => dg.sign == Sign::Negative,
        _ => dg.sign == Sign::Positive,
    };
    if !monotone {
        return Ok(None);
    }
    steps.push(
        rich![t, Op::Eq, &lin.mean, " + ", &lin.oscillating],
        "product to sum: the mean and terms c·cos(k·n + φ) with rational k ≠ 0, whose partial sums are bounded (π is irrational)",
    );
    let mean_sign = cmp_const(&lin.mean, &Expr::zero());
    let quantity = Some(Quantity::new(
        Notation::new("mean of T", "\\overline{T}"),
        lin.mean.clone(),
    ));
    match mean_sign {
        Ok(Ordering::Greater | Ordering::Less) => Ok(Some(Decision::decided(
            VerdictKind::Diverges,
            Test::Dirichlet,
            quantity,
            rich![
                "Dirichlet test on ",
                names::sigma(),
                &expr::mul(vec![g.clone(), lin.oscillating.clone()])?,
                ", which converges, while ",
                names::sigma(),
                &expr::mul(vec![lin.mean.clone(), g.clone()])?,
                " diverges"
            ],
            steps,
        ))),
        Ok(Ordering::Equal) => {
            let sq = p.square().linearise(n)?;
            let positive = sq.as_ref().is_some_and(|l| {
                matches!(cmp_const(&l.mean, &Expr::zero()), Ok(Ordering::Greater))
            });
            if !positive {
                return Ok(None);
            }
            steps.push(
                rich![
                    "|",
                    t,
                    "| ≥ ",
                    t,
                    "²/",
                    &bound,
                    ", and the mean of ",
                    t,
                    "² is positive"
                ],
                rich!["so Σ|", names::a_n(), "| diverges like Σ|", g, "|"],
            );
            Ok(Some(Decision::decided(
                VerdictKind::ConvergesConditionally,
                Test::Dirichlet,
                quantity,
                rich![
                    "Dirichlet test: ",
                    t,
                    " has mean 0 and bounded partial sums, and ",
                    g,
                    " tends monotonically to 0; ",
                    names::abs_sum(),
                    " diverges"
                ],
                steps,
            )))
        }
        Err(_) => Ok(None),
    }
}
