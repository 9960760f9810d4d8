//! Proven tail bounds shared by certified summation and by `terms_needed` for Taylor series:
//! the term ratio r(n) = a(n+1)/a(n) as a constant times a rational function, Sturm-sequence
//! proofs that the terms alternate and shrink or that |r(n)| ≤ ρ < 1 from an explicit index,
//! and the least index at which a monotone test first holds (exponential + binary search).

use crate::math::expr::{self, subst::subs, Expr, MResult, MathError};
use crate::math::float::sign::ball_abs_below;
use crate::math::float::{self, Ball, Fail};
use crate::math::number::Q;
use crate::math::poly::{rational_function, Poly};
use crate::math::sum::hyper;
use rug::Integer;
use std::cmp::Ordering;

/// `a(n+1)/a(n) = c·num(n)/den(n)` with `c` an exact non-zero constant.
#[derive(Debug, Clone)]
pub(crate) struct Ratio {
    pub c: Expr,
    pub num: Poly,
    pub den: Poly,
}

impl Ratio {
    /// The ratio as an expression in `n`.
    pub fn to_expr(&self, n: &str) -> MResult<Expr> {
        let r = expr::div(self.num.to_expr(n)?, self.den.to_expr(n)?)?;
        expr::mul(vec![self.c.clone(), r])
    }
}

/// The ratio of consecutive terms, when it is a constant times a rational function of `n`:
/// from the hypergeometric decomposition, else by simplifying a(n+1)/a(n).
pub(crate) fn ratio_of(a: &Expr, n: &str) -> MResult<Option<Ratio>> {
    if let Some(h) = hyper::decompose(a, n)? {
        return Ok(Some(Ratio {
            c: Expr::one(),
            num: h.num,
            den: h.den,
        }));
    }
    let next = subs(a, n, &expr::add(vec![Expr::sym(n), Expr::one()])?)?;
    let r = match expr::div(next, a.clone()) {
        Ok(r) => r,
        Err(MathError::Interrupted) => return Err(MathError::Interrupted),
        Err(_) => return Ok(None),
    };
    let factors = match &r {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let (consts, vars): (Vec<Expr>, Vec<Expr>) =
        factors.into_iter().partition(|f| !f.depends_on(n));
    let c = expr::mul(consts)?;
    let Some((num, den)) = rational_function(&expr::mul(vars)?, n) else {
        return Ok(None);
    };
    if c.is_zero() || num.is_zero() || !c.symbols().is_empty() {
        return Ok(None);
    }
    Ok(Some(Ratio { c, num, den }))
}

/// Roots of `p` cannot lie beyond this (Cauchy's bound), measured from 0.
fn cauchy_bound(p: &Poly) -> Q {
    let l = p.lead().abs();
    let m =
        p.c.iter()
            .map(|a| a.abs().div(&l).unwrap_or_else(|_| Q::zero()))
            .max()
            .unwrap_or_else(Q::zero);
    m.add(&Q::one())
}

/// Whether `p(t) > 0` for every real `t ≥ from` (Sturm's theorem up to Cauchy's bound).
pub(crate) fn positive_from(p: &Poly, from: &Q) -> bool {
    if p.is_zero() || p.sign_at(from) <= 0 {
        return false;
    }
    let b = cauchy_bound(p).add(&from.abs());
    p.count_roots(from, &b) == 0
}

/// Whether `p(t) ≥ 0` for every real `t ≥ from` (a root at `from` itself is allowed).
pub(crate) fn nonneg_from(p: &Poly, from: &Q) -> bool {
    if p.is_zero() {
        return true;
    }
    if p.sign_at(from) < 0 || !p.lead().is_positive() {
        return false;
    }
    let b = cauchy_bound(p).add(&from.abs());
    p.count_roots(from, &b) == 0
}

/// Whether a sequence with `t(k+1)/t(k) = num(k)/den(k)` alternates in sign with
/// non-increasing magnitude for every k ≥ `from`: −1 ≤ num/den < 0 there, i.e.
/// num·den < 0 and (num + den)·den ≥ 0 (Sturm's theorem on both).
pub(crate) fn alternating_decreasing(num: &Poly, den: &Poly, from: &Q) -> bool {
    positive_from(&num.mul(den).neg(), from) && nonneg_from(&num.add(den).mul(den), from)
}

/// A rational upper bound of |c| for an exact constant.
pub(crate) fn abs_upper_q(c: &Expr) -> MResult<Q> {
    if let Some(q) = c.as_num() {
        return Ok(q.abs());
    }
    for bits in [64, 256, 1024] {
        match float::eval(c, bits) {
            Ok(b) => {
                let up = b.abs_upper();
                if let Some(r) = up.to_rational() {
                    return Ok(Q(r));
                }
            }
            Err(Fail::Math(e)) => return Err(e),
            Err(Fail::Uncertain(_)) => {}
        }
    }
    Err(MathError::Unsupported(format!(
        "cannot bound the constant {c} numerically"
    )))
}

/// Proves |r(n)| ≤ ρ for every integer n ≥ m, for the given ρ: ρ²·den² − c²·num² ≥ 0 on
/// [m, ∞) with c an upper bound of |c|.
pub(crate) fn ratio_at_most(r: &Ratio, c_up: &Q, rho: &Q, m: &Integer) -> bool {
    let lhs = r.den.mul(&r.den).scale(&rho.mul(rho));
    let rhs = r.num.mul(&r.num).scale(&c_up.mul(c_up));
    let from = Q::from_integer(m.clone());
    r.den.sign_at(&from) != 0
        && !r
            .den
            .has_root_in(&from, &cauchy_bound(&r.den).add(&from.abs()))
        && nonneg_from(&lhs.sub(&rhs), &from)
}

/// lim |r(n)| as an upper bound: `c_up`·|lead ratio| (0 when num has the lower degree), or
/// None when |r| → ∞.
pub(crate) fn ratio_limit(r: &Ratio, c_up: &Q) -> Option<Q> {
    match r.num.degree().cmp(&r.den.degree()) {
        Ordering::Less => Some(Q::zero()),
        Ordering::Equal => r
            .num
            .lead()
            .div(&r.den.lead())
            .ok()
            .map(|l| l.abs().mul(c_up)),
        Ordering::Greater => None,
    }
}

/// A ratio bound ρ < 1 and the least m ≥ `from` with |r(n)| ≤ ρ for all n ≥ m: ρ is
/// halfway between the limit and 1 (or 1/2 when the limit is 0).
pub(crate) fn geometric(r: &Ratio, from: &Integer) -> MResult<Option<(Q, Integer)>> {
    let c_up = abs_upper_q(&r.c)?;
    let Some(l) = ratio_limit(r, &c_up) else {
        return Ok(None);
    };
    if l >= Q::one() {
        return Ok(None);
    }
    let rho = if l.is_zero() {
        Q::frac(1, 2)
    } else {
        l.add(&Q::one()).mul(&Q::frac(1, 2))
    };
    // A constant ratio: ρ is the ratio itself.
    let rho = if r.num.degree() == 0 && r.den.degree() == 0 {
        l
    } else {
        rho
    };
    let m = least(from.clone(), 4000, |m| Ok(ratio_at_most(r, &c_up, &rho, m)))?;
    Ok(m.map(|m| (rho, m)))
}

/// The least k ≥ `from` at which the monotone test holds (false before, true from there on),
/// by doubling steps then bisection; None when it still fails after `doublings` doublings.
pub(crate) fn least(
    from: Integer,
    doublings: u32,
    mut test: impl FnMut(&Integer) -> MResult<bool>,
) -> MResult<Option<Integer>> {
    if test(&from)? {
        return Ok(Some(from));
    }
    let (mut bad, mut step) = (from.clone(), Integer::from(1));
    let mut good = None;
    for _ in 0..doublings {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        let k = Integer::from(&from + &step);
        if test(&k)? {
            good = Some(k);
            break;
        }
        bad = k;
        step <<= 1;
    }
    let Some(mut good) = good else {
        return Ok(None);
    };
    while Integer::from(&good - &bad) > 1 {
        let mid: Integer = Integer::from(&good + &bad) >> 1;
        if test(&mid)? {
            good = mid;
        } else {
            bad = mid;
        }
    }
    Ok(Some(good))
}

/// Whether the constant `e` (a term value, exact or not) is provably below `eps` in absolute
/// value: exactly for a rational, else by balls at growing precision (the comparison of
/// [`float::sign`]); `false` when it cannot be decided.
pub(crate) fn below(
    value: &dyn Fn(u32) -> Result<Ball, Fail>,
    exact: Option<Q>,
    eps: &Q,
) -> MResult<bool> {
    if let Some(q) = exact {
        return Ok(q.abs() < *eps);
    }
    for bits in [64, 256, 2048] {
        match value(bits) {
            Ok(b) => {
                if let Some(below) = ball_abs_below(&b, eps) {
                    return Ok(below);
                }
            }
            Err(Fail::Math(err)) => return Err(err),
            Err(Fail::Uncertain(_)) => {}
        }
    }
    Ok(false)
}
