//! Euler–Maclaurin asymptotics of power sums, for limits of c·Σ_{k=lo}^{n+h} C·k^s + f(n)
//! where f grows like the sum (Σ_{k≤n} 1/√k − 2√n → ζ(1/2)). For real s ≠ −1 (DLMF 25.11.43
//! with Σ_{k=1}^{N} k^s = ζ(−s) − ζ(−s, N + 1), and the Euler–Maclaurin formula 2.10.1):
//!
//!   Σ_{k=1}^{N} k^s = ζ(−s) + N^(s+1)/(s+1) + N^s/2 + Σ_{j=1}^{J} B_{2j}/(2j)!·s(s−1)⋯(s−2j+2)·N^(s−2j+1)
//!                     + O(N^(s−2J−1)),
//!
//! so with J chosen to make the remainder tend to 0 the sum can be replaced by this finite
//! expression, and the limit of the whole is an ordinary limit.

use crate::math::answer::Op;
use crate::math::derivation::Derivation;
use crate::math::expr::{self, subst::replace, Expr, Func, MResult};
use crate::math::limit::{limit_at_infinity, Limit};
use crate::math::number::Q;
use crate::rich;

/// Most Bernoulli corrections used (exponents s up to about 2·MAX_J).
const MAX_J: usize = 10;

/// `t` as C·k^s with C free of k and s rational.
fn power_term(t: &Expr, k: &str) -> Option<(Expr, Q)> {
    let kk = Expr::sym(k);
    let as_power = |f: &Expr| -> Option<Q> {
        match f {
            Expr::Pow(b, e) if **b == kk => e.as_num().cloned(),
            f if *f == kk => Some(Q::one()),
            _ => None,
        }
    };
    match t {
        Expr::Mul(fs) => {
            let (with, without): (Vec<&Expr>, Vec<&Expr>) =
                fs.iter().partition(|f| f.depends_on(k));
            let [p] = with.as_slice() else {
                return None;
            };
            let c = expr::mul(without.into_iter().cloned().collect()).ok()?;
            Some((c, as_power(p)?))
        }
        other => Some((Expr::one(), as_power(other)?)),
    }
}

/// Σ_{k=lo}^{hi} t(k) with t = C·k^s, lo a positive integer and hi = n + h, as an expression in
/// n whose difference from the sum tends to 0, with the reason; `None` outside that shape.
pub fn expansion(sum: &Expr, n: &str) -> MResult<Option<(Expr, String)>> {
    let Expr::Func(Func::Sum, args) = sum else {
        return Ok(None);
    };
    let (Expr::Sym(k), term, lo, hi) = (&args[1], &args[0], &args[2], &args[3]) else {
        return Ok(None);
    };
    if term.depends_on(n) {
        return Ok(None);
    }
    let Some((c, s)) = power_term(term, k) else {
        return Ok(None);
    };
    let Some(lo) = lo
        .as_num()
        .filter(|q| q.is_integer() && q.is_positive())
        .and_then(Q::to_i64)
    else {
        return Ok(None);
    };
    let h = expr::sub(hi.clone(), Expr::sym(n))?;
    if h.as_num().is_none_or(|q| !q.is_integer()) || s == Q::int(-1) || lo > 10_000 {
        return Ok(None);
    }
    // J terms of the correction make the remainder O(N^(s−2J−1)) → 0.
    let mut j_max = 0usize;
    while s.sub(&Q::int(2 * j_max as i64 + 1)).is_positive()
        || s.sub(&Q::int(2 * j_max as i64 + 1)).is_zero()
    {
        j_max += 1;
    }
    if j_max > MAX_J {
        return Ok(None);
    }
    let big_n = hi.clone();
    let pw = |e: Q| expr::pow(big_n.clone(), Expr::Num(e));
    let s1 = s.add(&Q::one());
    let mut parts = vec![
        expr::func(Func::Zeta, vec![Expr::Num(s.neg())])?,
        expr::div(pw(s1.clone())?, Expr::Num(s1))?,
        expr::div(pw(s.clone())?, Expr::int(2))?,
    ];
    // s(s−1)⋯(s−2j+2) and (2j)! built up together.
    let mut falling = s.clone();
    let mut fact = Q::int(2);
    for j in 1..=j_max {
        let b2j = crate::math::expr::bernoulli::bernoulli(2 * j as u64)?;
        let coeff = b2j.mul(&falling).div(&fact)?;
        parts.push(expr::mul(vec![
            Expr::Num(coeff),
            pw(s.sub(&Q::int(2 * j as i64 - 1)))?,
        ])?);
        let a = Q::int(2 * j as i64 - 1);
        let b = Q::int(2 * j as i64);
        falling = falling.mul(&s.sub(&a)).mul(&s.sub(&b));
        fact = fact.mul(&b.add(&Q::one())).mul(&b.add(&Q::int(2)));
    }
    // Start at lo instead of 1: remove Σ_{k=1}^{lo−1} k^s exactly.
    for i in 1..lo {
        parts.push(expr::neg(expr::pow(Expr::int(i), Expr::Num(s.clone()))?)?);
    }
    let e = expr::mul(vec![c, expr::add(parts)?])?;
    Ok(Some((
        e,
        format!(
            "Euler–Maclaurin for Σ k^s with s = {s}: ζ(−s) + N^(s+1)/(s+1) + N^s/2 + {j_max} Bernoulli correction(s) + O(N^(s−{})) (DLMF 25.11.43)",
            2 * j_max + 1
        ),
    )))
}

/// lim (c·S + f(n)) with S a power sum to n + h: S replaced by its Euler–Maclaurin expansion.
pub fn limit(a: &Expr, sum: &Expr, n: &str) -> MResult<Option<(Limit, Derivation)>> {
    let Some((e, why)) = expansion(sum, n)? else {
        return Ok(None);
    };
    let replaced = replace(a, sum, &e)?;
    let (l, steps) = limit_at_infinity(&replaced, n)?;
    if matches!(l, Limit::Unknown(_)) {
        return Ok(None);
    }
    let mut d = Derivation::new();
    d.push(rich![sum, Op::Eq, &e, " + o(1)"], why);
    d.extend(steps);
    Ok(Some((l, d)))
}
