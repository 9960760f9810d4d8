//! Function application with exact special values and the symmetries that always hold:
//! `sin(pi/6) = 1/2`, `ln(1) = 0`, `ln(e^x) = x`, `zeta(2) = pi^2/6`, `gamma(5) = 24`,
//! odd/even reflection (`sin(-x) = -sin(x)`), and clear errors at poles and outside the
//! real domain (`ln(0)`, `tan(pi/2)`, `gamma(0)`).

use super::canon::{add, div, is_positive, mul, neg, pow, sub};
use super::trig::{inverse_sin, inverse_tan, q, sin_table, tan_table};
use super::{Constant, Expr, Func, MResult, MathError};
use crate::math::number::{self, Q};
use rug::Integer;

/// `f(args…)` in canonical form.
pub fn func(f: Func, args: Vec<Expr>) -> MResult {
    if args.len() != f.arity() {
        return Err(MathError::Unsupported(format!(
            "{} takes {} argument(s), got {}",
            f.name(),
            f.arity(),
            args.len()
        )));
    }
    let x = args[0].clone();
    if let Some(v) = special(f, &args)? {
        return Ok(v);
    }
    // A function of its inverse: sin(asin(t)) = cos(acos(t)) = tan(atan(t)) = t wherever
    // the left side is defined.
    if let Expr::Func(g, inner) = &x {
        if matches!(
            (f, g),
            (Func::Sin, Func::Asin) | (Func::Cos, Func::Acos) | (Func::Tan, Func::Atan)
        ) {
            return Ok(inner[0].clone());
        }
    }
    // Periodicity: sin(u + nπ) = (−1)^n·sin(u), likewise cos; tan(u + nπ) = tan(u).
    if let (Func::Sin | Func::Cos | Func::Tan, Expr::Add(ts)) = (f, &x) {
        let shift = ts
            .iter()
            .position(|t| pi_multiple(t).is_some_and(|q| q.is_integer() && !q.is_zero()));
        if let Some(i) = shift {
            let n = pi_multiple(&ts[i]).expect("a multiple of π");
            let rest: Vec<Expr> = ts
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, t)| t.clone())
                .collect();
            let v = func(f, vec![add(rest)?])?;
            let odd = n.numer().is_odd();
            return if odd && f != Func::Tan { neg(v) } else { Ok(v) };
        }
    }
    // Reflection symmetries: pull a minus sign out of odd functions, drop it in even ones.
    if let Some(pos) = negated(&x) {
        match f {
            Func::Sin
            | Func::Tan
            | Func::Asin
            | Func::Atan
            | Func::Sinh
            | Func::Tanh
            | Func::Asinh
            | Func::Atanh
            | Func::Erf => return neg(func(f, vec![pos])?),
            Func::Cos | Func::Cosh | Func::Abs => return func(f, vec![pos]),
            _ => {}
        }
    }
    Ok(Expr::Func(f, args))
}

/// If `x` is syntactically negative (`-u`, or a sum whose first term is negative), `u`.
pub(super) fn negated(x: &Expr) -> Option<Expr> {
    match x {
        Expr::Num(q) if q.is_negative() => Some(Expr::Num(q.neg())),
        Expr::Mul(fs) => match fs.first() {
            Some(Expr::Num(q)) if q.is_negative() => neg(x.clone()).ok(),
            _ => None,
        },
        _ => None,
    }
}

/// `x` as a rational multiple of π, if it is one (`0` counts as `0·π`).
fn pi_multiple(x: &Expr) -> Option<Q> {
    match x {
        Expr::Num(q) if q.is_zero() => Some(Q::zero()),
        Expr::Const(Constant::Pi) => Some(Q::one()),
        Expr::Mul(fs) => match fs.as_slice() {
            [Expr::Num(q), Expr::Const(Constant::Pi)] => Some(q.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn special(f: Func, args: &[Expr]) -> MResult<Option<Expr>> {
    let x = &args[0];
    let num = x.as_num();
    let zero = x.is_zero();
    let v = match f {
        Func::Factorial | Func::Gamma if *x == Expr::infinity() => Expr::infinity(),
        Func::Factorial | Func::Gamma if *x == Expr::neg_infinity() => {
            return Err(MathError::Domain(format!(
                "{} is undefined (no limit: poles at every negative integer)",
                if f == Func::Gamma {
                    "gamma(-oo)"
                } else {
                    "(-oo)!"
                }
            )))
        }
        Func::Sin | Func::Cos | Func::Tan
            if *x == Expr::infinity() || *x == Expr::neg_infinity() =>
        {
            return Err(MathError::Domain(format!(
                "{}({x}) is undefined ({} oscillates without a limit at {x})",
                f.name(),
                f.name()
            )))
        }
        Func::Ln => {
            if let Some(qv) = num {
                if qv.is_zero() {
                    return Err(MathError::Domain(
                        "ln(0) is undefined (the logarithm has a pole at 0)".into(),
                    ));
                }
                if qv.is_negative() {
                    return Err(MathError::Domain(format!(
                        "ln({qv}) is not a real number (the logarithm needs a positive argument)"
                    )));
                }
                if qv.is_one() {
                    return Ok(Some(Expr::zero()));
                }
                if qv.numer() == &1 {
                    // ln(1/q) = -ln(q)
                    return Ok(Some(neg(func(
                        Func::Ln,
                        vec![Expr::Num(Q::from_integer(qv.denom().clone()))],
                    )?)?));
                }
            }
            match x {
                Expr::Const(Constant::E) => Expr::one(),
                Expr::Const(Constant::Infinity) => Expr::infinity(),
                Expr::Pow(b, e) if matches!(**b, Expr::Const(Constant::E)) => (**e).clone(),
                Expr::Pow(b, e) if is_positive(b) && b.is_constant() => {
                    mul(vec![(**e).clone(), func(Func::Ln, vec![(**b).clone()])?])?
                }
                _ => return Ok(None),
            }
        }
        Func::Sin => match pi_multiple(x) {
            Some(r) => match sin_table(&r)? {
                Some(v) => v,
                None => return Ok(None),
            },
            None => return Ok(None),
        },
        Func::Cos => match pi_multiple(x) {
            Some(r) => match sin_table(&Q::frac(1, 2).sub(&r))? {
                Some(v) => v,
                None => return Ok(None),
            },
            None => return Ok(None),
        },
        Func::Tan => match pi_multiple(x) {
            Some(r) => match tan_table(&r)? {
                Some(v) => v,
                None => return Ok(None),
            },
            None => return Ok(None),
        },
        Func::Asin | Func::Acos => {
            let t = inverse_sin(x)?;
            match (f, t) {
                (Func::Asin, Some(r)) => mul(vec![Expr::Num(r), Expr::pi()])?,
                (Func::Acos, Some(r)) => mul(vec![Expr::Num(Q::frac(1, 2).sub(&r)), Expr::pi()])?,
                _ => {
                    if let Some(qv) = num {
                        if qv.abs().0 > 1 {
                            return Err(MathError::Domain(format!(
                                "{}({qv}) is not a real number (the argument must lie in [-1, 1])",
                                f.name()
                            )));
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Func::Atan => {
            if *x == Expr::infinity() {
                div(Expr::pi(), Expr::int(2))?
            } else if let Some(r) = inverse_tan(x)? {
                mul(vec![Expr::Num(r), Expr::pi()])?
            } else {
                return Ok(None);
            }
        }
        Func::Sinh | Func::Tanh | Func::Asinh | Func::Atanh | Func::Erf if zero => Expr::zero(),
        Func::Cosh if zero => Expr::one(),
        Func::Acosh if x.is_one() => Expr::zero(),
        Func::Acosh => match num {
            Some(qv) if qv.0 < 1 => {
                return Err(MathError::Domain(format!(
                    "acosh({qv}) is not a real number (needs an argument ≥ 1)"
                )))
            }
            _ => return Ok(None),
        },
        Func::Atanh => match num {
            Some(qv) if qv.abs().0 >= 1 => {
                return Err(MathError::Domain(format!(
                    "atanh({qv}) is not a real number (needs an argument in (-1, 1))"
                )))
            }
            _ => return Ok(None),
        },
        Func::Erf if *x == Expr::infinity() => Expr::one(),
        Func::Erfc if zero => Expr::one(),
        Func::Erfc if *x == Expr::infinity() => Expr::zero(),
        Func::Phi if zero => q(1, 2),
        Func::Sigmoid if zero => q(1, 2),
        Func::Gelu if zero => Expr::zero(),
        Func::Abs => match x {
            Expr::Num(qv) => Expr::Num(qv.abs()),
            _ if is_positive(x) => x.clone(),
            _ => return Ok(None),
        },
        Func::Gamma => return gamma(x),
        Func::Factorial => match num {
            Some(qv) if qv.is_integer() => {
                if qv.is_negative() {
                    return Err(MathError::Domain(format!(
                        "({qv})! is undefined (factorial needs a non-negative integer)"
                    )));
                }
                let n = qv
                    .numer()
                    .to_u64()
                    .ok_or_else(|| MathError::TooLarge(format!("{qv}!")))?;
                Expr::Num(Q::from_integer(number::factorial(n)?))
            }
            Some(qv) => return gamma(&Expr::Num(qv.add(&Q::one()))),
            None => return Ok(None),
        },
        Func::Binomial => {
            let k = &args[1];
            match (num, k.as_num()) {
                (Some(n), Some(kq)) if n.is_integer() && kq.is_integer() => {
                    if kq.is_negative() {
                        Expr::zero()
                    } else {
                        let kk = kq
                            .numer()
                            .to_u64()
                            .ok_or_else(|| MathError::TooLarge(format!("binomial({n}, {kq})")))?;
                        Expr::Num(Q::from_integer(number::binomial(n.numer(), kk)?))
                    }
                }
                (Some(n), Some(kq)) if kq.is_integer() => {
                    // binomial(n, k) = n(n-1)…(n-k+1)/k! for any rational n.
                    if kq.is_negative() {
                        Expr::zero()
                    } else {
                        let kk = kq
                            .to_i64()
                            .filter(|&k| k <= 100_000)
                            .ok_or_else(|| MathError::TooLarge(format!("binomial({n}, {kq})")))?;
                        let mut c = Q::one();
                        for i in 0..kk {
                            c = c.mul(&n.sub(&Q::int(i))).div(&Q::int(i + 1))?;
                        }
                        Expr::Num(c)
                    }
                }
                _ => return Ok(None),
            }
        }
        Func::Zeta => return zeta(x),
        Func::Harmonic | Func::Fibonacci | Func::Floor | Func::Ceiling => {
            return super::numbers::special(f, x)
        }
        Func::Bernoulli | Func::Euler => return number_sequence(f, x),
        Func::Integral => return integral(args),
        Func::Sum => return finite_sum(args),
        Func::Root => return super::rootof::canonical(args),
        Func::LambertW => return super::lambert_bessel::lambert_w(x),
        Func::BesselJ | Func::BesselI => return super::lambert_bessel::bessel(f, args),
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// Γ at integers and half-integers; poles at 0, −1, −2, … are errors.
fn gamma(x: &Expr) -> MResult<Option<Expr>> {
    let Some(qv) = x.as_num() else {
        return Ok(None);
    };
    if qv.is_integer() {
        if !qv.is_positive() {
            return Err(MathError::Domain(format!(
                "gamma({qv}) is undefined (a pole of the gamma function)"
            )));
        }
        let n = qv
            .numer()
            .to_u64()
            .ok_or_else(|| MathError::TooLarge(format!("gamma({qv})")))?;
        return Ok(Some(Expr::Num(Q::from_integer(number::factorial(n - 1)?))));
    }
    if *qv.denom() == 2 {
        // Γ(n + 1/2) = (2n)! / (4^n n!) · √π, extended to negative n by the reflection of the
        // recurrence Γ(x) = Γ(x + 1)/x.
        let n = qv.sub(&Q::frac(1, 2));
        let n = n
            .to_i64()
            .ok_or_else(|| MathError::TooLarge(format!("gamma({qv})")))?;
        if n.unsigned_abs() > 100_000 {
            return Err(MathError::TooLarge(format!("gamma({qv})")));
        }
        let sqrt_pi = Expr::sqrt(Expr::pi())?;
        let mut c = Q::one();
        if n >= 0 {
            for k in 0..n {
                c = c.mul(&Q::frac(2 * k + 1, 2));
            }
        } else {
            for k in 0..(-n) {
                c = c.div(&Q::frac(-(2 * k + 1), 2))?;
            }
        }
        return Ok(Some(mul(vec![Expr::Num(c), sqrt_pi])?));
    }
    Ok(None)
}

/// Bernoulli numbers B_0..=B_n (B_1 = -1/2), from the cached table of [`super::bernoulli`].
pub fn bernoulli(n: usize) -> MResult<Vec<Q>> {
    super::bernoulli::bernoulli_list(n)
}

/// B_n or E_n at a number: exact at integers n ≥ 0, an error at other numbers.
fn number_sequence(f: Func, x: &Expr) -> MResult<Option<Expr>> {
    let Some(qv) = x.as_num() else {
        if *x == Expr::infinity() || *x == Expr::neg_infinity() {
            return Err(MathError::Domain(format!(
                "{}({x}) is undefined (defined at integers n ≥ 0)",
                f.name()
            )));
        }
        return Ok(None);
    };
    if !qv.is_integer() || qv.is_negative() {
        return Err(MathError::Domain(format!(
            "{}({qv}) is undefined: {} numbers are defined at integers n ≥ 0",
            f.name(),
            if f == Func::Euler {
                "Euler"
            } else {
                "Bernoulli"
            }
        )));
    }
    let limit = super::bernoulli::MAX_INDEX;
    let n = qv
        .numer()
        .to_u64()
        .filter(|&n| n <= limit || n % 2 == 1)
        .ok_or_else(|| {
            MathError::TooLarge(format!(
                "{}({qv}) (indices up to {limit} are computed)",
                f.name()
            ))
        })?;
    Ok(Some(Expr::Num(if f == Func::Euler {
        Q::from_integer(super::bernoulli::euler(n)?)
    } else {
        super::bernoulli::bernoulli(n)?
    })))
}

fn zeta(x: &Expr) -> MResult<Option<Expr>> {
    let Some(qv) = x.as_num() else {
        return Ok(None);
    };
    if !qv.is_integer() {
        return Ok(None);
    }
    let Some(s) = qv.to_i64() else {
        return Ok(None);
    };
    if s == 1 {
        return Err(MathError::Domain(
            "zeta(1) is undefined (the harmonic series diverges; zeta has a pole at 1)".into(),
        ));
    }
    if s.unsigned_abs() > 400 {
        return Ok(None);
    }
    if s == 0 {
        return Ok(Some(q(-1, 2)));
    }
    if s < 0 {
        let m = (1 - s) as usize; // ζ(-n) = -B_{n+1}/(n+1)
        let b = super::bernoulli::bernoulli(m as u64)?;
        return Ok(Some(Expr::Num(b.neg().div(&Q::int(m as i64))?)));
    }
    if s % 2 == 1 {
        return Ok(None);
    }
    let k = (s / 2) as usize;
    let b = super::bernoulli::bernoulli(2 * k as u64)?;
    // ζ(2k) = (-1)^(k+1) B_2k (2π)^(2k) / (2 (2k)!)
    let fact = Q::from_integer(number::factorial(2 * k as u64)?);
    let two_pow = Q::from_integer(Integer::from(1) << (2 * k as u32));
    let sign = if k % 2 == 1 { Q::one() } else { Q::int(-1) };
    let c = sign.mul(&b).mul(&two_pow).div(&fact.mul(&Q::int(2)))?;
    Ok(Some(mul(vec![
        Expr::Num(c),
        pow(Expr::pi(), Expr::int(2 * k as i64))?,
    ])?))
}

/// ∫_lo^hi g(t) dt in closed form when it is elementary here: equal limits, an integrand
/// free of t, or a polynomial integrand (antiderivative evaluated at the limits).
fn integral(args: &[Expr]) -> MResult<Option<Expr>> {
    let (g, t, lo, hi) = (&args[0], &args[1], &args[2], &args[3]);
    let Expr::Sym(t) = t else {
        return Err(MathError::Unsupported(
            "the variable of integration must be a name".into(),
        ));
    };
    if lo == hi {
        return Ok(Some(Expr::zero()));
    }
    if !g.depends_on(t) {
        return Ok(Some(mul(vec![g.clone(), sub(hi.clone(), lo.clone())?])?));
    }
    if let Some((p, q)) = crate::math::poly::rational_function(g, t) {
        if q.degree() == 0 {
            let inv = q.lead().recip()?;
            // Antiderivative of p/q with q constant.
            let coeffs: Vec<Q> = std::iter::once(Q::zero())
                .chain(p.c.iter().enumerate().map(|(k, a)| {
                    a.mul(&inv)
                        .div(&Q::int(k as i64 + 1))
                        .unwrap_or_else(|_| Q::zero())
                }))
                .collect();
            let big = crate::math::poly::Poly::new(coeffs).to_expr(t)?;
            let at = |b: &Expr| super::subst::subs(&big, t, b);
            return Ok(Some(sub(at(hi)?, at(lo)?)?));
        }
    }
    match DEFINITE_INTEGRAL.get() {
        Some(f) => f(g, t, lo, hi),
        None => Ok(None),
    }
}

/// ∫_lo^hi g(t) dt in closed form, or `None`: the interface through which canonical
/// `integrate(…)` reaches the integration algorithms above the expression layer (rational
/// integrands, provided by the integration algorithms).
pub(crate) type DefiniteIntegral = fn(&Expr, &str, &Expr, &Expr) -> MResult<Option<Expr>>;

static DEFINITE_INTEGRAL: std::sync::OnceLock<DefiniteIntegral> = std::sync::OnceLock::new();

/// Provides closed-form definite integrals (once; later calls keep the first).
pub(crate) fn provide_definite_integral(f: DefiniteIntegral) {
    let _ = DEFINITE_INTEGRAL.set(f);
}

/// Exact Σ_{n=lo}^{hi} a(n) for integer bounds `(a, n, lo, hi)`: the interface through which
/// canonical `sum(…)` reaches the summation engine above the expression layer. The engine
/// provides it at run time (its `install`); until then a sum stays symbolic.
pub(crate) type FiniteSum = fn(&Expr, &str, &Integer, &Integer) -> MResult;

static FINITE_SUM: std::sync::OnceLock<FiniteSum> = std::sync::OnceLock::new();

/// Provides exact finite summation (once; later calls keep the first).
pub(crate) fn provide_finite_sum(f: FiniteSum) {
    let _ = FINITE_SUM.set(f);
}

/// Σ_{n=lo}^{hi} a(n) for integer bounds, exactly, through [`FiniteSum`]; an empty range is 0.
/// Other bounds keep the sum symbolic.
fn finite_sum(args: &[Expr]) -> MResult<Option<Expr>> {
    let (a, n, lo, hi) = (&args[0], &args[1], &args[2], &args[3]);
    let Expr::Sym(n) = n else {
        return Err(MathError::Unsupported(
            "the summation index must be a name".into(),
        ));
    };
    let (Some(l), Some(h)) = (lo.as_num(), hi.as_num()) else {
        return Ok(None);
    };
    if !l.is_integer() || !h.is_integer() {
        return Err(MathError::Domain(format!(
            "the bounds of a sum must be integers, not {l} and {h}"
        )));
    }
    match FINITE_SUM.get() {
        Some(f) => f(a, n, l.numer(), h.numer()).map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::super::trig::surd;
    use super::*;

    fn f(g: Func, x: Expr) -> String {
        func(g, vec![x]).unwrap().to_string()
    }

    #[test]
    fn inverses_periods_and_negative_table_values() {
        let t = Expr::frac(1, 3);
        let pi = Expr::pi();
        let asin = func(Func::Asin, vec![t.clone()]).unwrap();
        assert_eq!(f(Func::Sin, asin.clone()), "1/3");
        // sin(π − asin(1/3)) = sin(asin(1/3)) = 1/3; cos(x + 3π) = −cos(x); tan(x − π) = tan(x).
        assert_eq!(f(Func::Sin, sub(pi.clone(), asin).unwrap()), "1/3");
        let x = Expr::sym("x");
        let three_pi = mul(vec![Expr::int(3), pi.clone()]).unwrap();
        assert_eq!(
            f(Func::Cos, add(vec![x.clone(), three_pi]).unwrap()),
            "-cos(x)"
        );
        assert_eq!(f(Func::Tan, sub(x.clone(), pi.clone()).unwrap()), "tan(x)");
        // A half-period is not a period: sin(x + π/2) stays.
        let half = div(pi, Expr::int(2)).unwrap();
        assert!(f(Func::Sin, add(vec![x, half]).unwrap()).starts_with("sin("));
        assert_eq!(f(Func::Acos, neg(surd(2, 2).unwrap()).unwrap()), "3*pi/4");
        assert_eq!(f(Func::Acos, neg(surd(3, 2).unwrap()).unwrap()), "5*pi/6");
    }
}
