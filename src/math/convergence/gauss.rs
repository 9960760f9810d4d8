//! Gauss's test for hypergeometric terms whose ratio tends to ±1. When a(n+1)/a(n) = R(n) is
//! a rational function of n with R(n) → L = ±1, it expands as L·(1 − p/n + O(1/n²)) with an
//! exact rational p, and then |a(n)| ~ C·n^(−p) with C > 0. So Σ|a| converges exactly when
//! p > 1; for L = 1 the terms keep one sign and the series diverges for p ≤ 1; for L = −1 they
//! alternate, decrease in size and tend to 0 when p > 0 (the series converges conditionally
//! for 0 < p ≤ 1), and do not tend to 0 when p ≤ 0. Every series of hypergeometric terms is
//! decided this way or by the ratio test.

use super::Decision;
use crate::math::answer::{Notation, Op, Quantity, Rich, Test, VerdictKind};
use crate::math::derivation::Derivation;
use crate::math::expr::{self, subst::subs, Expr, MResult};
use crate::math::float::sign::cmp_const;
use crate::math::number::Q;
use crate::math::poly::Poly;
use crate::math::sum::hyper::decompose;
use crate::rich;
use rug::Integer;
use std::cmp::Ordering;

/// Past this index the anchor term a(N) is not evaluated (its roots bound is too large).
const MAX_ANCHOR: i64 = 10_000;

/// What Gauss's test found: the verdict, p, the reason and the steps.
pub(super) struct GaussFinding {
    pub kind: VerdictKind,
    pub p: Q,
    pub reason: Rich,
    pub steps: Derivation,
}

/// The quantity Gauss's test computes: p in a(n+1)/a(n) = ±(1 − p/n + O(1/n²)).
pub(super) fn quantity(p: &Q) -> Quantity {
    Quantity::new(
        Notation::new(
            "p in |a(n+1)/a(n)| = 1 − p/n + O(1/n²)",
            "p \\text{ in } \\left|\\frac{a(n+1)}{a(n)}\\right| = 1 - \\frac{p}{n} + O(n^{-2})",
        ),
        Expr::Num(p.clone()),
    )
}

/// An integer past every real root of `p` (Cauchy's bound 1 + max |cᵢ/c_d|).
fn past_roots(p: &Poly) -> Option<i64> {
    if p.degree() <= 0 {
        return Some(0);
    }
    let lead = p.lead();
    let mut m = Q::zero();
    for c in &p.c[..p.c.len() - 1] {
        let r = c.div(&lead).ok()?.abs();
        if r.sub(&m).is_positive() {
            m = r;
        }
    }
    let bound: Integer = Integer::from(m.numer() / m.denom()) + 2;
    bound.to_i64()
}

/// Runs Gauss's test on Σ a(n), or `None` when a is not hypergeometric with a ratio tending
/// to ±1, or the terms cannot be shown to be eventually non-zero.
pub(super) fn gauss(a: &Expr, n: &str) -> MResult<Option<GaussFinding>> {
    let Some(h) = decompose(a, n)? else {
        return Ok(None);
    };
    let (num, den) = (&h.num, &h.den);
    if num.is_zero() || num.degree() != den.degree() {
        return Ok(None);
    }
    // `den` is monic, so L is num's leading coefficient.
    let l = num.lead().div(&den.lead())?;
    let alternating = if l == Q::one() {
        false
    } else if l == Q::int(-1) {
        true
    } else {
        return Ok(None);
    };
    // Past every root of num and den, a(n+1) = a(n)·R(n) with R(n) ≠ 0, so one non-zero term
    // makes every later term non-zero.
    let (Some(r1), Some(r2)) = (past_roots(num), past_roots(den)) else {
        return Ok(None);
    };
    let anchor = r1.max(r2).max(1);
    if anchor > MAX_ANCHOR {
        return Ok(None);
    }
    let Ok(at) = subs(a, n, &Expr::int(anchor)) else {
        return Ok(None);
    };
    if at.depends_on(n)
        || !matches!(
            cmp_const(&at, &Expr::zero()),
            Ok(Ordering::Less | Ordering::Greater)
        )
    {
        return Ok(None);
    }
    // R = L·(1 + (β/α − δ)/n + O(1/n²)) with num = α n^d + β n^(d−1) + …, den = n^d + δ n^(d−1) + ….
    let d = num.degree() as usize;
    let sub_lead = |p: &Poly| -> Q {
        if d == 0 {
            Q::zero()
        } else {
            p.c.get(d - 1).cloned().unwrap_or_else(Q::zero)
        }
    };
    let (alpha, den_lead) = (num.lead(), den.lead());
    let beta = sub_lead(num).div(&alpha)?;
    let delta = sub_lead(den).div(&den_lead)?;
    let p = delta.sub(&beta);
    let mut steps = Derivation::new();
    let ratio = expr::div(num.to_expr(n)?, den.to_expr(n)?)?;
    let nn = Expr::sym(n);
    let inv_n = expr::pow(nn, Expr::int(-1))?;
    let expansion = expr::sub(Expr::one(), expr::mul(vec![Expr::Num(p.clone()), inv_n])?)?;
    steps.push(
        rich![
            Notation::new("a(n+1)/a(n)", "\\frac{a(n+1)}{a(n)}"),
            Op::Eq,
            &ratio
        ],
        "the terms are hypergeometric: the ratio of consecutive terms is a rational function of n",
    );
    let (open, open_tex, close, close_tex) = if alternating {
        ("−(", "-\\left(", " + O(1/n²))", " + O(n^{-2})\\right)")
    } else {
        ("", "", " + O(1/n²)", " + O(n^{-2})")
    };
    steps.push(
        rich![
            Notation::new("a(n+1)/a(n)", "\\frac{a(n+1)}{a(n)}"),
            Op::Eq,
            Notation::new(open, open_tex),
            &expansion,
            Notation::new(close, close_tex)
        ],
        rich![
            "so |a(n)| ~ ",
            expr::mul(vec![Expr::sym("C"), expr::pow(Expr::sym(n), Expr::Num(p.neg()))?])?,
            format!(" with C > 0 (a({anchor}) ≠ 0 and no factor of the ratio vanishes past n = {anchor})")
        ],
    );
    let one = Q::one();
    let p_e = Expr::Num(p.clone());
    let (kind, reason) = if p.sub(&one).is_positive() {
        (
            VerdictKind::ConvergesAbsolutely,
            rich![
                "Gauss's test: p = ",
                &p_e,
                Op::Gt,
                Expr::one(),
                ", so Σ|a(n)| converges"
            ],
        )
    } else if !alternating {
        (
            VerdictKind::Diverges,
            rich![
                "Gauss's test: p = ",
                &p_e,
                Op::Le,
                Expr::one(),
                " and the terms eventually keep one sign, so the series diverges"
            ],
        )
    } else if p.is_positive() {
        (
            VerdictKind::ConvergesConditionally,
            rich![
                "Gauss's test: the terms alternate and ",
                Notation::new("|a(n)| ~ C·n^(−p)", "|a(n)| \\sim C\\, n^{-p}"),
                " decreases to 0 with p = ",
                &p_e,
                " in (0, 1], so the series converges (alternating series test) but Σ|a(n)| diverges"
            ],
        )
    } else {
        (
            VerdictKind::Diverges,
            rich![
                "Gauss's test: p = ",
                &p_e,
                Op::Le,
                Expr::zero(),
                ", so |a(n)| does not tend to 0 and the series diverges (nth-term test)"
            ],
        )
    };
    Ok(Some(GaussFinding {
        kind,
        p,
        reason,
        steps,
    }))
}

/// Gauss's test as a pipeline decision.
pub(super) fn decide(a: &Expr, n: &str) -> MResult<Option<Decision>> {
    Ok(gauss(a, n)?
        .map(|g| Decision::decided(g.kind, Test::Gauss, Some(quantity(&g.p)), g.reason, g.steps)))
}
