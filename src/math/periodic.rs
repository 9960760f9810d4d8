//! Rewrites that hold only at integer n: powers of −1 reduced by parity, sin and cos at
//! integer multiples of π·n turned into signs, and sin² + cos² collapsed. Sequence limits and
//! convergence tests run them first, so alternation hidden in `(−1)^(5n+2)` or
//! `sin((2n + 1)π/2)` is seen as `(−1)^n`. Needs only the expression and polynomial layers.

use crate::math::expr::{self, diff::diff, subst, Expr, Func, MResult};
use crate::math::number::Q;
use crate::math::poly;

/// The reason shown beside a rewrite at integers, shared by limits and convergence.
pub const AT_INTEGERS: &str = "at integer n: (−1)^k depends only on the parity of k, sin(πk) = 0 and cos(πk) = (−1)^k, sin² + cos² = 1";

/// A rewrite at integers: the new form, and whether it is worth a step (not when it only
/// moves a constant sign out of a power of −1, as in (−1)^(n+1) = −(−1)^n).
pub(crate) struct AtIntegers {
    pub expr: Expr,
    pub shown: bool,
}

/// `a` with every rewrite that is valid for integer `n` applied, or `None` when nothing
/// changes. Expressions that bind `n` themselves (inner sums, integrals) are left alone.
pub(crate) fn at_integers(a: &Expr, n: &str) -> MResult<Option<AtIntegers>> {
    let b = rewrite(a, n, false)?;
    if b == *a {
        return Ok(None);
    }
    let sign_only = rewrite(a, n, true)? == b;
    Ok(Some(AtIntegers {
        expr: b,
        shown: !sign_only,
    }))
}

/// The rewrites; with `sign_only`, only powers (−1)^(c ± n) are split into ±(−1)^n.
fn rewrite(e: &Expr, n: &str, sign_only: bool) -> MResult<Expr> {
    if !e.depends_on(n) {
        return Ok(e.clone());
    }
    Ok(match e {
        Expr::Pow(b, x) => {
            let b2 = rewrite(b, n, sign_only)?;
            let x2 = rewrite(x, n, sign_only)?;
            if b2.as_num().is_some_and(|q| *q == Q::int(-1)) {
                if let Some(p) = minus_one_power(&x2, n, sign_only)? {
                    return Ok(p);
                }
            }
            expr::pow(b2, x2)?
        }
        Expr::Mul(fs) => expr::mul(
            fs.iter()
                .map(|f| rewrite(f, n, sign_only))
                .collect::<MResult<_>>()?,
        )?,
        Expr::Add(ts) => {
            let ts: Vec<Expr> = ts
                .iter()
                .map(|t| rewrite(t, n, sign_only))
                .collect::<MResult<_>>()?;
            if sign_only {
                expr::add(ts)?
            } else {
                pythagorean(expr::add(ts)?)?
            }
        }
        Expr::Func(f, args) if f.binds() => Expr::Func(*f, args.clone()),
        Expr::Func(f @ (Func::Sin | Func::Cos), args) if !sign_only => {
            let u = rewrite(&args[0], n, sign_only)?;
            match pi_multiple(&u, n)? {
                Some((r, s)) => trig_at_integers(*f, &r, &s, n)?,
                None => expr::func(*f, vec![u])?,
            }
        }
        Expr::Func(f, args) => expr::func(
            *f,
            args.iter()
                .map(|x| rewrite(x, n, sign_only))
                .collect::<MResult<_>>()?,
        )?,
        other => other.clone(),
    })
}

/// `(−1)^p(n)` for a polynomial p with integer coefficients: since nᵏ ≡ n (mod 2) for k ≥ 1,
/// p(n) ≡ p₀ + (p₁ + p₂ + …)·n, so the power is ±1 or ±(−1)^n.
fn minus_one_power(p: &Expr, n: &str, sign_only: bool) -> MResult<Option<Expr>> {
    let Some((num, den)) = poly::rational_function(p, n) else {
        return Ok(None);
    };
    if den.degree() != 0 || !den.c[0].is_one() || num.c.iter().any(|c| !c.is_integer()) {
        return Ok(None);
    }
    let unit_slope = num.degree() <= 0 || (num.degree() == 1 && num.c[1].abs().is_one());
    if sign_only && !unit_slope {
        return Ok(None);
    }
    let odd = |q: &Q| q.numer().is_odd();
    let constant_odd = num.c.first().is_some_and(odd);
    let slope_odd = num.c.iter().skip(1).filter(|c| odd(c)).count() % 2 == 1;
    let sign = if constant_odd { -1 } else { 1 };
    let alternation = if slope_odd {
        expr::pow(Expr::int(-1), Expr::sym(n))?
    } else {
        Expr::one()
    };
    Ok(Some(expr::mul(vec![Expr::int(sign), alternation])?))
}

/// `u = π·(r·n + s)` with r an integer and s rational: `(r, s)`.
fn pi_multiple(u: &Expr, n: &str) -> MResult<Option<(Q, Q)>> {
    let w = subst::expand(&expr::div(u.clone(), Expr::pi())?)?;
    let slope = diff(&w, n)?;
    let Some(r) = slope.as_num().filter(|r| r.is_integer()).cloned() else {
        return Ok(None);
    };
    let rest = subst::expand(&expr::sub(
        w,
        expr::mul(vec![Expr::Num(r.clone()), Expr::sym(n)])?,
    )?)?;
    Ok(rest.as_num().map(|s| (r, s.clone())))
}

/// sin(π(rn + s)) = sin(πs)·cos(πrn) = sin(πs)·(−1)^(rn), and cos(π(rn + s)) = cos(πs)·(−1)^(rn),
/// because sin(πrn) = 0 at integers.
fn trig_at_integers(f: Func, r: &Q, s: &Q, n: &str) -> MResult<Expr> {
    let value = expr::func(f, vec![expr::mul(vec![Expr::Num(s.clone()), Expr::pi()])?])?;
    let sign = if r.numer().is_odd() {
        expr::pow(Expr::int(-1), Expr::sym(n))?
    } else {
        Expr::one()
    };
    expr::mul(vec![value, sign])
}

/// A sum with `c·M·sin(u)²` and `c·M·cos(u)²` among its terms has them replaced by `c·M`.
fn pythagorean(e: Expr) -> MResult<Expr> {
    let Expr::Add(ts) = &e else {
        return Ok(e);
    };
    for (i, t) in ts.iter().enumerate() {
        let factors = match t {
            Expr::Mul(fs) => fs.clone(),
            other => vec![other.clone()],
        };
        for f in &factors {
            let Expr::Pow(b, k) = f else { continue };
            let Expr::Func(Func::Sin, args) = &**b else {
                continue;
            };
            if k.as_num() != Some(&Q::int(2)) {
                continue;
            }
            let cos2 = expr::pow(expr::func(Func::Cos, args.clone())?, Expr::int(2))?;
            let rest = expr::div(t.clone(), f.clone())?;
            let partner = expr::mul(vec![rest.clone(), cos2])?;
            if let Some(j) = ts.iter().position(|x| *x == partner) {
                let mut kept: Vec<Expr> = ts
                    .iter()
                    .enumerate()
                    .filter(|(m, _)| *m != i && *m != j)
                    .map(|(_, x)| x.clone())
                    .collect();
                kept.push(rest);
                return pythagorean(expr::add(kept)?);
            }
        }
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    fn at(src: &str) -> String {
        let e = Session::expr(src).unwrap();
        match at_integers(&e, "n").unwrap() {
            Some(x) => x.expr.to_string(),
            None => "unchanged".into(),
        }
    }

    #[test]
    fn a_sign_moved_out_is_not_worth_a_step() {
        let shown = |src: &str| {
            let e = Session::expr(src).unwrap();
            at_integers(&e, "n").unwrap().map(|r| r.shown)
        };
        assert_eq!(shown("(-1)^(n+1)/n"), Some(false));
        assert_eq!(shown("(-1)^(5*n+2)/n"), Some(true));
        assert_eq!(shown("sin(pi*n)/n + 1/n^2"), Some(true));
        assert_eq!(shown("1/n"), None);
    }

    #[test]
    fn powers_of_minus_one_reduce_by_parity() {
        assert_eq!(at("(-1)^(5*n+2)"), "(-1)^n");
        assert_eq!(at("(-1)^n*(-1)^(4*n+3)"), "-(-1)^n");
        assert_eq!(at("(-1)^(2*n)"), "1");
        assert_eq!(at("(-1)^(n^2+n+1)"), "-1");
        assert_eq!(at("(-1)^(n^2)/n"), "(-1)^n/n");
        assert_eq!(at("(-1)^(n/2)"), "unchanged");
    }

    #[test]
    fn sin_and_cos_at_integer_multiples_of_pi_n() {
        assert_eq!(at("sin(2*pi*n)"), "0");
        assert_eq!(at("cos(3*pi*n)"), "(-1)^n");
        assert_eq!(at("sin((2*n+1)*pi/2)"), "(-1)^n");
        assert_eq!(at("cos(pi*n + pi/3)/n"), "(-1)^n/(2*n)");
        assert_eq!(at("sin(pi*n/3)"), "unchanged");
        assert_eq!(at("sin(n)"), "unchanged");
    }

    #[test]
    fn sin_squared_plus_cos_squared() {
        assert_eq!(at("sin(n)^2 + cos(n)^2"), "1");
        assert_eq!(at("(sin(2*n)^2 + cos(2*n)^2)/n^2"), "1/n^2");
        assert_eq!(at("3*sin(n)^2/n + 3*cos(n)^2/n + 1"), "1 + 3/n");
        assert_eq!(at("sin(n)^2 + 2*cos(n)^2"), "unchanged");
    }
}
