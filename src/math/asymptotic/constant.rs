//! Exact constants inside asymptotic expansions: deciding their signs (structurally first,
//! then by certified numerics, never by a floating-point guess), logarithms split over prime
//! factors and products (`ln(4π) = 2 ln 2 + ln π`, so equal values cancel structurally), and
//! exponentials of sums of logarithms (`e^(ln 2/2 − ln(2π)/2) = 1/sqrt(π)`).
//!
//! Imports only the expression layer and `float`.

use super::Fail;
use crate::math::expr::{self, Constant, Expr, Func, MathError};
use crate::math::float::sign::sign_const;
use crate::math::number::Q;
use rug::Integer;
use std::cmp::Ordering;

/// True when `c` is certainly a positive real, by its structure alone (free symbols are
/// parameters assumed real: `e^a > 0` for every real `a`).
pub(crate) fn positive(c: &Expr) -> bool {
    match c {
        Expr::Num(q) => q.is_positive(),
        Expr::Const(Constant::Pi | Constant::E | Constant::EulerGamma) => true,
        Expr::Pow(b, _) => matches!(**b, Expr::Const(Constant::E)) || positive(b),
        Expr::Mul(fs) => fs.iter().all(positive),
        Expr::Add(ts) => ts.iter().all(positive),
        Expr::Func(Func::Ln, a) => match a.as_slice() {
            [Expr::Num(q)] => q.0 > 1,
            [Expr::Const(Constant::Pi | Constant::E)] => true,
            _ => false,
        },
        Expr::Func(Func::Cosh, _) => true,
        _ => false,
    }
}

/// The sign of a constant: exact for rationals, structural for evident cases, otherwise by
/// certified numerics. Fails (rather than guessing) when the constant has free parameters
/// or cannot be told apart from 0.
pub(crate) fn sign(c: &Expr) -> Result<Ordering, Fail> {
    if let Expr::Num(q) = c {
        return Ok(q.0.cmp0());
    }
    if positive(c) {
        return Ok(Ordering::Greater);
    }
    if let Expr::Mul(fs) = c {
        if let Some(Expr::Num(q)) = fs.first() {
            if q.is_negative() && fs[1..].iter().all(positive) {
                return Ok(Ordering::Less);
            }
        }
    }
    let syms = c.symbols();
    if !syms.is_empty() {
        let names: Vec<&str> = syms.iter().map(|s| &**s).collect();
        return Err(Fail::Out(format!(
            "the sign of {c} depends on the parameter(s) {}",
            names.join(", ")
        )));
    }
    if c.has_infinity() {
        return Err(Fail::Out(format!("{c} is not a finite constant")));
    }
    if c.has_imaginary() {
        return Err(Fail::Out(format!(
            "{c} is not real (it contains I), and sigma's asymptotics are real"
        )));
    }
    match sign_const(c) {
        Ok(s) => Ok(s),
        Err(MathError::Interrupted) => Err(Fail::Hard(MathError::Interrupted)),
        Err(_) => Err(Fail::Out(format!(
            "cannot decide the sign of {c} (it may be exactly 0)"
        ))),
    }
}

/// `ln n` for a positive integer, split over its prime factors below 10⁴.
fn ln_integer(n: &Integer) -> Result<Expr, Fail> {
    let mut rest = n.clone();
    let mut terms = Vec::new();
    let mut p: u32 = 2;
    while p < 10_000 && rest > 1 {
        let mut e: i64 = 0;
        while rest.is_divisible_u(p) {
            rest /= p;
            e += 1;
        }
        if e > 0 {
            let lp = expr::func(Func::Ln, vec![Expr::int(i64::from(p))])?;
            terms.push(expr::mul(vec![Expr::int(e), lp])?);
        }
        p += if p == 2 { 1 } else { 2 };
    }
    if rest > 1 {
        terms.push(expr::func(
            Func::Ln,
            vec![Expr::Num(Q::from_integer(rest))],
        )?);
    }
    Ok(expr::add(terms)?)
}

/// `ln c` for a positive constant `c`, with products, powers and rationals split so that
/// equal logarithms meet in one canonical form.
pub(crate) fn ln_const(c: &Expr) -> Result<Expr, Fail> {
    match c {
        Expr::Num(q) if q.is_positive() => {
            Ok(expr::sub(ln_integer(q.numer())?, ln_integer(q.denom())?)?)
        }
        Expr::Num(q) => Err(Fail::Out(format!("ln({q}) is not a real number"))),
        Expr::Const(Constant::E) => Ok(Expr::one()),
        Expr::Pow(b, x) if matches!(**b, Expr::Const(Constant::E)) => Ok((**x).clone()),
        Expr::Pow(b, x) if positive(b) => Ok(expr::mul(vec![(**x).clone(), ln_const(b)?])?),
        Expr::Mul(fs) if fs.iter().all(positive) => {
            let parts = fs.iter().map(ln_const).collect::<Result<Vec<_>, _>>()?;
            Ok(expr::add(parts)?)
        }
        _ => Ok(expr::func(Func::Ln, vec![c.clone()])?),
    }
}

/// `e^x` for a constant `x`, turning each term `q·ln u` (u > 0) into the factor `u^q`.
pub(crate) fn exp_const(x: &Expr) -> Result<Expr, Fail> {
    let terms = match x {
        Expr::Add(ts) => ts.clone(),
        other => vec![other.clone()],
    };
    let mut factors = Vec::new();
    let mut rest = Vec::new();
    for t in terms {
        let (q, m) = t.split_coeff();
        match &m {
            Expr::Func(Func::Ln, a) if a.len() == 1 && positive(&a[0]) => {
                factors.push(expr::pow(a[0].clone(), Expr::Num(q))?);
            }
            _ => rest.push(t),
        }
    }
    factors.push(Expr::exp(expr::add(rest)?)?);
    Ok(expr::mul(factors)?)
}

/// Rewrites every `ln(q)` of a positive rational inside a constant over prime logarithms
/// (`ln(4) − 2·ln(2)` becomes 0), so that equal constants cancel structurally.
pub(crate) fn split_logs(c: &Expr) -> Result<Expr, Fail> {
    let all = |v: &[Expr]| v.iter().map(split_logs).collect::<Result<Vec<_>, Fail>>();
    Ok(match c {
        Expr::Func(Func::Ln, a) if matches!(a.as_slice(), [Expr::Num(q)] if q.is_positive()) => {
            ln_const(&a[0])?
        }
        Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) | Expr::Func(Func::Integral, _) => c.clone(),
        Expr::Add(ts) => expr::add(all(ts)?)?,
        Expr::Mul(fs) => expr::mul(all(fs)?)?,
        Expr::Pow(b, x) => expr::pow(split_logs(b)?, split_logs(x)?)?,
        Expr::Func(f, args) => expr::func(*f, all(args)?)?,
    })
}
