//! Limits, as n → ∞, of sums whose bounds or terms depend on n: `c·Σ_{k=lo(n)}^{hi(n)} a(k, n) + d`.
//!
//! Two rules, each with its derivation, and otherwise `None` (the caller says "unknown"):
//! - **partial sums**: a term free of n, a constant lower bound and hi(n) → ∞: the limit is the
//!   infinite sum Σ_{k=lo}^∞ a(k), or ±∞ when that diverges with terms of one sign;
//! - **Riemann sums**: a(k, n) = (1/n)·g(k/n) identically, with bounds α·n + O(1) and β·n + O(1)
//!   (integers α < β): the sum tends to ∫_α^β g(t) dt when g is a rational function without a
//!   pole on [α, β] (Σ_{k=n+1}^{3n} 1/k → ln 3, Σ_{k=1}^{n} n/(n² + k²) → π/4).
//!
//! The identity n·a(k, n) = g(k/n) is proved, not sampled: both sides are rational functions of
//! (k, n) whose cleared difference has total degree at most m, and it vanishes on an
//! (m + 1) × (m + 1) grid, so it is the zero polynomial.

use crate::math::answer::{Notation, Op};
use crate::math::asymptotic::{leading, Sign};
use crate::math::derivation::Derivation;
use crate::math::expr::print::{print, Style};
use crate::math::expr::{self, subst, Expr, Func, MResult};
use crate::math::limit::{limit_at_infinity, Limit};
use crate::math::number::Q;
use crate::math::poly;
use crate::rich;
use std::cmp::Ordering;

/// Largest degree bound for which the grid proof of the Riemann identity is attempted.
const MAX_GRID_DEGREE: usize = 40;

/// The limit of `a` as n → ∞ when `a` is `c·S + d` for one sum `S` that depends on `n` and
/// constants `c ≠ 0`, `d`; `None` when `a` has no such sum.
pub fn limit_with_sum(a: &Expr, n: &str) -> MResult<Option<(Limit, Derivation)>> {
    if !has_sum_in(a, n) {
        return Ok(None);
    }
    let Some((c, s, d)) = affine_in_sum(a, n) else {
        if let Some(found) = super::stolz::stolz(a, n)? {
            return Ok(Some(found));
        }
        let mut sums = Vec::new();
        sums_in(a, n, &mut sums);
        if let [s] = sums.as_slice() {
            if let Some(found) = super::maclaurin::limit(a, s, n)? {
                return Ok(Some(found));
            }
        }
        return Ok(Some((
            Limit::Unknown(format!(
                "{a} combines a sum over a range that depends on {n} with other terms in {n}; sigma takes limits of c·Σ + d, of A(n)/B(n) by Stolz–Cesàro when A is a partial or tail sum and the quotient of differences has a limit, and of power sums Σ C·k^s plus other terms by Euler–Maclaurin"
            )),
            Derivation::new(),
        )));
    };
    let Expr::Func(Func::Sum, args) = &s else {
        unreachable!("affine_in_sum returns a sum")
    };
    let Expr::Sym(k) = &args[1] else {
        return Ok(None);
    };
    let (term, lo, hi) = (&args[0], &args[2], &args[3]);
    let mut d_steps = Derivation::new();
    let inner = if !term.depends_on(n) && !lo.depends_on(n) {
        partial_sums(term, k, lo, hi, n, &mut d_steps)?
    } else {
        riemann(term, k, lo, hi, n, &mut d_steps)?
    };
    let l = match inner {
        Limit::Value(v) => {
            Limit::Value(expr::add(vec![expr::mul(vec![c.clone(), v])?, d.clone()])?)
        }
        Limit::PlusInfinity | Limit::MinusInfinity => {
            let up = matches!(inner, Limit::PlusInfinity);
            match crate::math::asymptotic::sign_of(&c) {
                Ok(Ordering::Greater) if up => Limit::PlusInfinity,
                Ok(Ordering::Greater) => Limit::MinusInfinity,
                Ok(Ordering::Less) if up => Limit::MinusInfinity,
                Ok(Ordering::Less) => Limit::PlusInfinity,
                _ => Limit::Unknown(format!("the sign of the factor {c} is not decided")),
            }
        }
        other => other,
    };
    let plain = c.is_one() && d.is_zero();
    if !plain && !matches!(l, Limit::Unknown(_)) {
        d_steps.push(
            rich![a.clone(), Op::To, limit_notation(&l)],
            "the constant factor and term carry over to the limit",
        );
    }
    Ok(Some((l, d_steps)))
}

fn limit_notation(l: &Limit) -> crate::math::answer::Rich {
    match l {
        Limit::Value(v) => rich![v.clone()],
        Limit::PlusInfinity => rich![Notation::new("oo", "\\infty")],
        Limit::MinusInfinity => rich![Notation::new("-oo", "-\\infty")],
        other => rich![other.to_string()],
    }
}

/// The distinct sums in `e` that depend on `n`.
fn sums_in(e: &Expr, n: &str, out: &mut Vec<Expr>) {
    match e {
        Expr::Func(Func::Sum, _) if e.depends_on(n) && !out.contains(e) => out.push(e.clone()),
        Expr::Func(Func::Sum, _) if e.depends_on(n) => {}
        Expr::Func(_, v) | Expr::Add(v) | Expr::Mul(v) => v.iter().for_each(|x| sums_in(x, n, out)),
        Expr::Pow(b, x) => {
            sums_in(b, n, out);
            sums_in(x, n, out);
        }
        _ => {}
    }
}

/// Whether `e` contains a sum that depends on `n`.
pub(super) fn has_sum_in(e: &Expr, n: &str) -> bool {
    let mut found = Vec::new();
    sums_in(e, n, &mut found);
    !found.is_empty()
}

/// `a = c·S + d` with the sum `S` depending on `n` and `c`, `d` free of `n`.
fn affine_in_sum(a: &Expr, n: &str) -> Option<(Expr, Expr, Expr)> {
    let scaled = |e: &Expr| -> Option<(Expr, Expr)> {
        match e {
            Expr::Func(Func::Sum, _) => Some((Expr::one(), e.clone())),
            Expr::Mul(fs) => {
                let (sums, rest): (Vec<&Expr>, Vec<&Expr>) =
                    fs.iter().partition(|f| f.depends_on(n));
                match sums.as_slice() {
                    [s @ Expr::Func(Func::Sum, _)] => Some((
                        expr::mul(rest.into_iter().cloned().collect()).ok()?,
                        (*s).clone(),
                    )),
                    _ => None,
                }
            }
            _ => None,
        }
    };
    if let Some((c, s)) = scaled(a) {
        return Some((c, s, Expr::zero()));
    }
    let Expr::Add(ts) = a else {
        return None;
    };
    let (with, without): (Vec<&Expr>, Vec<&Expr>) = ts.iter().partition(|t| t.depends_on(n));
    let [t] = with.as_slice() else {
        return None;
    };
    let (c, s) = scaled(t)?;
    Some((
        c,
        s,
        expr::add(without.into_iter().cloned().collect()).ok()?,
    ))
}

/// lim Σ_{k=lo}^{hi(n)} a(k) with hi(n) → ∞: the infinite sum.
fn partial_sums(
    term: &Expr,
    k: &str,
    lo: &Expr,
    hi: &Expr,
    n: &str,
    d: &mut Derivation,
) -> MResult<Limit> {
    let (lh, _) = limit_at_infinity(hi, n)?;
    if lh != Limit::PlusInfinity {
        return Ok(Limit::Unknown(format!(
            "the upper bound {hi} does not tend to oo, and the terms do not depend on {n}"
        )));
    }
    let r = super::evaluate(term, k, lo, &Expr::infinity())?;
    let series = expr::func(
        Func::Sum,
        vec![term.clone(), Expr::sym(k), lo.clone(), Expr::infinity()],
    )?;
    let claim = rich!["the partial sums tend to ", series.clone()];
    let why = "the terms do not depend on n and the upper bound tends to oo";
    match r.summed {
        super::Summed::Value(v) => {
            d.extend(r.steps);
            d.push(rich![claim, Op::Eq, v.clone()], why);
            Ok(Limit::Value(v))
        }
        super::Summed::Diverges(verdict) => {
            d.extend(r.steps);
            let sign = leading(term, k).map(|l| l.sign);
            let l = match sign {
                Ok(Sign::Positive) => Limit::PlusInfinity,
                Ok(Sign::Negative) => Limit::MinusInfinity,
                _ => {
                    return Ok(Limit::Unknown(format!(
                        "{series} diverges ({}), and its terms do not keep one sign",
                        verdict.reason
                    )))
                }
            };
            d.push(
                rich![claim, ", which diverges: ", limit_notation(&l)],
                "a divergent series whose terms eventually keep one sign has partial sums tending to ±oo",
            );
            Ok(l)
        }
        super::Summed::Unevaluated(_, why) => Ok(Limit::Unknown(format!(
            "the limit is {series}, which has no closed form here ({why})"
        ))),
    }
}

/// lim Σ_{k=α·n+c₁}^{β·n+c₂} (1/n)·g(k/n) = ∫_α^β g(t) dt.
fn riemann(
    term: &Expr,
    k: &str,
    lo: &Expr,
    hi: &Expr,
    n: &str,
    d: &mut Derivation,
) -> MResult<Limit> {
    let unknown = |why: String| Ok(Limit::Unknown(why));
    let (Some((alpha, _)), Some((beta, _))) = (linear_bound(lo, n), linear_bound(hi, n)) else {
        return unknown(format!(
            "the bounds {lo} and {hi} are not of the form a·{n} + b with integers a and b"
        ));
    };
    if alpha >= beta {
        return unknown(format!(
            "the window from {lo} to {hi} does not grow proportionally to {n}"
        ));
    }
    let t = "_riemann_t";
    // g(t) = a(t, 1): if n·a(k, n) depends on k/n only, this is that function.
    let g = subst::subs(term, n, &Expr::one()).and_then(|g| subst::subs(&g, k, &Expr::sym(t)));
    let Ok(g) = g else {
        return unknown(format!("{term} is not defined at {n} = 1"));
    };
    if degrees(term, &[k, n]).is_none() || degrees(&g, &[t]).is_none() {
        return unknown(format!(
            "{term} is not a rational function of {k} and {n}, the Riemann sums sigma integrates exactly"
        ));
    }
    if !scale_invariant(term, &g, k, n, t)? {
        return unknown(format!(
            "n·({term}) is not a function of {k}/{n} alone, so the sum is not a Riemann sum"
        ));
    }
    let shown = subst::subs(&g, t, &Expr::sym("t"))?;
    let ratio = expr::div(Expr::sym(k), Expr::sym(n))?;
    d.push(
        rich![
            expr::mul(vec![Expr::sym(n), term.clone()])?,
            Op::Eq,
            "g(",
            ratio,
            ") with g(t) = ",
            shown.clone()
        ],
        format!(
            "n·a({k}, n) depends on {k}/n only: an identity of rational functions, checked on a grid larger than its degree"
        ),
    );
    let (a, b) = (Expr::Num(alpha.clone()), Expr::Num(beta.clone()));
    let Some((v, steps)) = crate::math::integrate::definite(&shown, "t", &a, &b)? else {
        return unknown(format!(
            "the sum tends to the integral of {shown} over [{alpha}, {beta}], which sigma cannot evaluate exactly (a pole on the interval, or a denominator it does not factor)"
        ));
    };
    let integral = Expr::Func(Func::Integral, vec![shown.clone(), Expr::sym("t"), a, b]);
    d.push(
        rich![
            Notation::new(
                format!("Σ_{{{k}={lo}}}^{{{hi}}} "),
                format!(
                    "\\sum_{{{}={}}}^{{{}}} ",
                    print(&Expr::sym(k), Style::Latex),
                    print(lo, Style::Latex),
                    print(hi, Style::Latex)
                )
            ),
            term.clone(),
            Op::To,
            integral
        ],
        format!(
            "a Riemann sum with mesh 1/n over [{alpha}, {beta}]: g is continuous there, and the bounds differ from {alpha}·n and {beta}·n by constants"
        ),
    );
    d.extend(steps);
    Ok(Limit::Value(v))
}

/// `b = α·n + c` with integers α and c.
fn linear_bound(b: &Expr, n: &str) -> Option<(Q, Q)> {
    let (p, q) = poly::rational_function(b, n)?;
    if q.degree() != 0 || p.degree() > 1 {
        return None;
    }
    let inv = q.lead().recip().ok()?;
    let c = |i: usize| p.c.get(i).cloned().unwrap_or_else(Q::zero).mul(&inv);
    let (alpha, c0) = (c(1), c(0));
    (alpha.is_integer() && c0.is_integer()).then_some((alpha, c0))
}

/// Whether n·a(k, n) = g(k/n) identically. Both sides are rational in (k, n) with degrees
/// bounded by [`degrees`]; the difference, over a common denominator, is a polynomial of total
/// degree ≤ m, and a polynomial of degree ≤ m in each variable that vanishes on an
/// (m + 1) × (m + 1) grid is zero. A grid point where a denominator vanishes declines.
fn scale_invariant(term: &Expr, g: &Expr, k: &str, n: &str, t: &str) -> MResult<bool> {
    let (Some((tn, td)), Some((gn, gd))) = (degrees(term, &[k, n]), degrees(g, &[t])) else {
        return Ok(false);
    };
    let m = 1 + tn + td + 2 * (gn + gd);
    if m > MAX_GRID_DEGREE {
        return Ok(false);
    }
    for i in 0..=m {
        for j in 0..=m {
            if crate::math::interrupted() {
                return Err(expr::MathError::Interrupted);
            }
            // Points away from small integers, where denominators such as n² − k² vanish.
            let kv = Q::frac(2 * i as i64 + 3, 7);
            let nv = Q::frac(3 * j as i64 + 11, 5);
            let at = |e: &Expr, pairs: &[(&str, &Q)]| -> Option<Q> {
                let mut e = e.clone();
                for (x, v) in pairs {
                    e = subst::subs(&e, x, &Expr::Num((*v).clone())).ok()?;
                }
                e.as_num().cloned()
            };
            let (Some(lhs), Some(rhs)) = (
                at(term, &[(k, &kv), (n, &nv)]),
                at(g, &[(t, &kv.div(&nv)?)]),
            ) else {
                return Ok(false);
            };
            if lhs.mul(&nv) != rhs {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Bounds on the total degrees (numerator, denominator) of `e` as a rational function of
/// `vars` with rational coefficients; `None` when `e` is not one.
fn degrees(e: &Expr, vars: &[&str]) -> Option<(usize, usize)> {
    match e {
        Expr::Num(_) => Some((0, 0)),
        Expr::Sym(s) => vars.contains(&&**s).then_some((1, 0)),
        Expr::Add(ts) => {
            let parts: Vec<(usize, usize)> =
                ts.iter().map(|t| degrees(t, vars)).collect::<Option<_>>()?;
            let den: usize = parts.iter().map(|p| p.1).sum();
            let num = parts.iter().map(|p| p.0 + den - p.1).max()?;
            Some((num, den))
        }
        Expr::Mul(fs) => fs.iter().try_fold((0, 0), |acc, f| {
            let (a, b) = degrees(f, vars)?;
            Some((acc.0 + a, acc.1 + b))
        }),
        Expr::Pow(b, x) => {
            let p = x.as_num()?.to_i64()?;
            if p.unsigned_abs() > 64 {
                return None;
            }
            let (a, c) = degrees(b, vars)?;
            let k = p.unsigned_abs() as usize;
            Some(if p >= 0 {
                (a * k, c * k)
            } else {
                (c * k, a * k)
            })
        }
        _ => None,
    }
}
