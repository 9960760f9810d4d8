//! The Stolz–Cesàro theorem for limits of quotients A(n)/B(n) where A(n) is a partial sum
//! Σ_{k=lo}^{n+h} t(k) or a tail Σ_{k=n+h}^{∞} t(k) (t free of n), and B(n) is any sequence or
//! another such sum.
//!
//! - ∞/∞: when B is eventually strictly monotone with |B(n)| → ∞,
//!   lim A(n)/B(n) = lim (A(n) − A(n−1))/(B(n) − B(n−1)) whenever the right side exists,
//!   finite or ±∞ (Σ_{k≤n} 1/k / ln n → 1, Σ_{k≤n} √k / n^(3/2) → 2/3);
//! - 0/0: when A(n) → 0 (the tail of a convergent series) and B(n) → 0 eventually strictly
//!   monotone, lim A(n)/B(n) = lim (A(n+1) − A(n))/(B(n+1) − B(n)) (n·Σ_{k≥n} 1/k² → 1).
//!
//! The differences of a sum are its boundary terms, so the quotient of differences is an
//! ordinary sequence for `limit`. When that limit does not exist the theorem says nothing, and
//! neither does this module.

use crate::math::answer::{Notation, Op};
use crate::math::asymptotic::{leading, Sign};
use crate::math::convergence::converges;
use crate::math::derivation::Derivation;
use crate::math::expr::{self, subst::subs, Expr, Func, MResult};
use crate::math::limit::{limit_at_infinity, Limit};
use crate::rich;

/// Which way a sum depends on n.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Σ_{k=lo}^{n+h}: its backward difference is t(n + h).
    Partial,
    /// Σ_{k=n+h}^{∞}: its forward difference is −t(n + h).
    Tail,
}

/// A sum over a range that moves with n, and its difference in the direction of its kind.
struct Moving {
    kind: Kind,
    diff: Expr,
    term: Expr,
    index: String,
}

/// `s` as a sum whose range moves with `n` by an integer shift, with its difference.
fn moving(s: &Expr, n: &str) -> MResult<Option<Moving>> {
    let Expr::Func(Func::Sum, args) = s else {
        return Ok(None);
    };
    let (Expr::Sym(k), term, lo, hi) = (&args[1], &args[0], &args[2], &args[3]) else {
        return Ok(None);
    };
    if term.depends_on(n) {
        return Ok(None);
    }
    let shift = |b: &Expr| -> MResult<bool> {
        let d = expr::sub(b.clone(), Expr::sym(n))?;
        Ok(d.as_num().is_some_and(|q| q.is_integer()))
    };
    let kind = if !lo.depends_on(n) && !lo.has_infinity() && shift(hi)? {
        Kind::Partial
    } else if *hi == Expr::infinity() && shift(lo)? {
        Kind::Tail
    } else {
        return Ok(None);
    };
    let at = |b: &Expr| subs(term, k, b);
    let diff = match kind {
        Kind::Partial => at(hi)?,
        Kind::Tail => expr::neg(at(lo)?)?,
    };
    Ok(Some(Moving {
        kind,
        diff,
        term: term.clone(),
        index: k.to_string(),
    }))
}

/// The difference of `b` in the direction of `kind`.
fn difference(b: &Expr, n: &str, kind: Kind) -> MResult<Expr> {
    let nn = Expr::sym(n);
    match kind {
        Kind::Partial => {
            let prev = subs(b, n, &expr::sub(nn, Expr::one())?)?;
            expr::sub(b.clone(), prev)
        }
        Kind::Tail => {
            let next = subs(b, n, &expr::add(vec![nn, Expr::one()])?)?;
            expr::sub(next, b.clone())
        }
    }
}

/// lim A(n)/B(n) by Stolz–Cesàro, when `a` is a product with exactly one factor that is a
/// sum over a range moving with n; `None` when the shape or the hypotheses do not hold.
pub fn stolz(a: &Expr, n: &str) -> MResult<Option<(Limit, Derivation)>> {
    let factors = match a {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let sums: Vec<usize> = (0..factors.len())
        .filter(|&i| matches!(&factors[i], Expr::Func(Func::Sum, _)) && factors[i].depends_on(n))
        .collect();
    if sums.is_empty() {
        return reciprocal(a, n, &factors);
    }
    let [i] = sums.as_slice() else {
        return Ok(None);
    };
    let Some(top) = moving(&factors[*i], n)? else {
        return Ok(None);
    };
    let rest: Vec<Expr> = (0..factors.len())
        .filter(|j| j != i)
        .map(|j| factors[j].clone())
        .collect();
    let b = expr::div(Expr::one(), expr::mul(rest)?)?;
    if !b.depends_on(n) {
        return Ok(None);
    }
    // B's difference: a boundary term when B is itself a moving sum of the same kind.
    let (db, b_tail) = match moving(&b, n)? {
        Some(m) if m.kind == top.kind => (m.diff.clone(), (m.kind == Kind::Tail).then_some(m)),
        Some(_) => return Ok(None),
        None if super::window::has_sum_in(&b, n) => return Ok(None),
        None => (difference(&b, n, top.kind)?, None),
    };
    let mut d = Derivation::new();
    let (lb, lb_steps) = match &b_tail {
        // The tail of a convergent series tends to 0.
        Some(m) if converges(&m.term, &m.index)?.kind().converges() == Some(true) => {
            (Limit::Value(Expr::zero()), Derivation::new())
        }
        Some(_) => return Ok(None),
        None => match super::window::limit_with_sum(&b, n)? {
            Some(found) => found,
            None => limit_at_infinity(&b, n)?,
        },
    };
    let sign = leading(&db, n).map(|x| x.sign);
    let (hyp, why) = match top.kind {
        Kind::Partial => {
            let ok = matches!(
                (&lb, &sign),
                (Limit::PlusInfinity, Ok(Sign::Positive))
                    | (Limit::MinusInfinity, Ok(Sign::Negative))
            );
            (
                ok,
                "Stolz–Cesàro (∞/∞): B(n) is eventually strictly monotone and |B(n)| → ∞",
            )
        }
        Kind::Tail => {
            let to_zero = matches!(&lb, Limit::Value(v) if v.is_zero());
            let monotone = matches!(sign, Ok(Sign::Positive | Sign::Negative));
            let converges = to_zero
                && monotone
                && converges(&top.term, &top.index)?
                    .kind()
                    .converges()
                    .unwrap_or(false);
            (
                converges,
                "Stolz–Cesàro (0/0): the tail A(n) of a convergent series tends to 0, and B(n) → 0 eventually strictly monotone",
            )
        }
    };
    if !hyp {
        return Ok(None);
    }
    let (da_name, db_name) = match top.kind {
        Kind::Partial => ("A(n) − A(n−1)", "B(n) − B(n−1)"),
        Kind::Tail => ("A(n+1) − A(n)", "B(n+1) − B(n)"),
    };
    d.push(
        rich![
            Notation::new("A(n)", "A(n)"),
            Op::Eq,
            &factors[*i],
            ", ",
            Notation::new("B(n)", "B(n)"),
            Op::Eq,
            &b,
            ", ",
            Notation::new(db_name, db_name),
            Op::Eq,
            &db
        ],
        why,
    );
    d.extend(lb_steps);
    let q = expr::div(top.diff.clone(), db)?;
    let (l, steps) = limit_at_infinity(&q, n)?;
    // The theorem says nothing when the quotient of differences has no limit.
    let Some(value) = l.value() else {
        return Ok(None);
    };
    d.push(
        rich![
            Notation::new(
                format!("({da_name})/({db_name})"),
                format!("\\frac{{{da_name}}}{{{db_name}}}")
            ),
            Op::Eq,
            &q
        ],
        "the differences of a sum are its boundary terms",
    );
    d.extend(steps);
    d.push(
        rich![a, Op::To, value],
        "Stolz–Cesàro: A(n)/B(n) has the limit of the quotient of differences",
    );
    Ok(Some((l, d)))
}

/// A(n)/B(n) with the moving sum in the denominator only (harmonic(n)/Σ_{k≤n} 1/(2k−1)):
/// Stolz–Cesàro on B(n)/A(n), then the reciprocal of a non-zero or infinite limit.
fn reciprocal(a: &Expr, n: &str, factors: &[Expr]) -> MResult<Option<(Limit, Derivation)>> {
    let below = factors.iter().any(|f| {
        matches!(f, Expr::Pow(b, e) if matches!(**b, Expr::Func(Func::Sum, _)) && **e == Expr::int(-1) && b.depends_on(n))
    });
    if !below {
        return Ok(None);
    }
    let inv = expr::div(Expr::one(), a.clone())?;
    let Some((l, mut d)) = stolz(&inv, n)? else {
        return Ok(None);
    };
    let value = match &l {
        Limit::PlusInfinity | Limit::MinusInfinity => Expr::zero(),
        Limit::Value(v) if !v.is_zero() => expr::div(Expr::one(), v.clone())?,
        _ => return Ok(None),
    };
    let out = Limit::Value(value.clone());
    d.push(
        rich![a, Op::To, value],
        "the reciprocal of the limit of B(n)/A(n)",
    );
    Ok(Some((out, d)))
}
