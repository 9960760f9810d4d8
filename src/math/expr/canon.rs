//! The canonicalising constructors `add`, `mul` and `pow`: they flatten, fold numbers,
//! collect like terms and equal bases, reduce surds to a rational times integer radicands
//! with exponents in (0, 1), and apply only the rewrites that are valid for all real values
//! where both sides are defined (`e^(ln u) = u`, `(b^a)^c = b^(ac)` for b > 0 or integer c).

use super::order::{factor_cmp, term_cmp};
use super::{Constant, Expr, MResult, MathError};
use crate::math::number::{extract_kth_powers, Q};
use rug::ops::Pow;
use rug::{Integer, Rational};
use std::collections::BTreeMap;

/// `a + b + …` in canonical form.
pub fn add(terms: Vec<Expr>) -> MResult {
    let mut flat = Vec::with_capacity(terms.len());
    for t in terms {
        match t {
            Expr::Add(v) => flat.extend(v),
            other => flat.push(other),
        }
    }
    let mut constant = Q::zero();
    let (mut pos_inf, mut neg_inf) = (false, false);
    let mut groups: BTreeMap<Expr, Q> = BTreeMap::new();
    for t in flat {
        if let Expr::Num(q) = &t {
            constant = constant.checked_add(q)?;
            continue;
        }
        let (c, m) = t.split_coeff();
        if m == Expr::infinity() {
            if c.is_positive() {
                pos_inf = true;
            } else {
                neg_inf = true;
            }
            continue;
        }
        let slot = groups.entry(m).or_insert_with(Q::zero);
        *slot = slot.checked_add(&c)?;
    }
    if pos_inf && neg_inf {
        return Err(MathError::Undefined("oo - oo is undefined".into()));
    }
    if pos_inf {
        return Ok(Expr::infinity());
    }
    if neg_inf {
        return Ok(Expr::Mul(vec![Expr::int(-1), Expr::infinity()]));
    }
    let mut out = Vec::with_capacity(groups.len() + 1);
    if !constant.is_zero() {
        out.push(Expr::Num(constant));
    }
    for (m, c) in groups {
        if !c.is_zero() {
            out.push(scale(c, m));
        }
    }
    out.sort_by(term_cmp);
    Ok(match out.len() {
        0 => Expr::zero(),
        1 => out.pop().unwrap_or_else(Expr::zero),
        _ => Expr::Add(out),
    })
}

/// `Σ c·m` for canonical monomials `m` without coefficients of their own, pairwise distinct
/// (the caller's guarantee, checked in debug builds): the form [`add`] gives, without its
/// grouping pass. For polynomials converted in bulk.
pub fn sum_of_monomials(terms: Vec<(Q, Expr)>) -> Expr {
    debug_assert!(
        {
            let mut ms: Vec<&Expr> = terms.iter().map(|(_, m)| m).collect();
            ms.sort();
            ms.windows(2).all(|w| w[0] != w[1])
        },
        "distinct monomials"
    );
    let mut out: Vec<Expr> = terms
        .into_iter()
        .filter(|(c, _)| !c.is_zero())
        .map(|(c, m)| scale(c, m))
        .collect();
    out.sort_by(term_cmp);
    match out.len() {
        0 => Expr::zero(),
        1 => out.pop().unwrap_or_else(Expr::zero),
        _ => Expr::Add(out),
    }
}

/// `c * m` for a monomial `m` that carries no coefficient of its own.
fn scale(c: Q, m: Expr) -> Expr {
    if c.is_one() {
        return m;
    }
    if m.is_one() {
        return Expr::Num(c);
    }
    match m {
        Expr::Mul(mut fs) => {
            fs.insert(0, Expr::Num(c));
            Expr::Mul(fs)
        }
        other => Expr::Mul(vec![Expr::Num(c), other]),
    }
}

/// `a * b * …` in canonical form.
pub fn mul(factors: Vec<Expr>) -> MResult {
    mul_depth(factors, 0)
}

fn mul_depth(factors: Vec<Expr>, depth: u32) -> MResult {
    let mut coeff = Q::one();
    let mut infinite = false;
    let mut bases: BTreeMap<Expr, Vec<Expr>> = BTreeMap::new();
    let mut stack = factors;
    while let Some(f) = stack.pop() {
        match f {
            Expr::Mul(v) => stack.extend(v),
            Expr::Num(q) => coeff = coeff.checked_mul(&q)?,
            Expr::Const(Constant::Infinity) => infinite = true,
            other => {
                let (b, e) = other.as_base_exp();
                bases.entry(b).or_default().push(e);
            }
        }
    }
    if coeff.is_zero() {
        if infinite {
            return Err(MathError::Undefined(
                "0*oo is undefined (this includes oo/oo and oo*0)".into(),
            ));
        }
        return Ok(Expr::zero());
    }
    let mut out = Vec::with_capacity(bases.len());
    for (b, es) in bases {
        let e = if es.len() == 1 {
            es.into_iter().next().unwrap_or_else(Expr::one)
        } else {
            add(es)?
        };
        match pow(b, e)? {
            Expr::Num(q) => coeff = coeff.checked_mul(&q)?,
            Expr::Mul(fs) => {
                for f in fs {
                    match f {
                        Expr::Num(q) => coeff = coeff.checked_mul(&q)?,
                        other => out.push(other),
                    }
                }
            }
            other => out.push(other),
        }
    }
    if coeff.is_zero() {
        return Ok(Expr::zero());
    }
    // A sum that is one factor among others gives its content and sign to the coefficient:
    // 3*(1 - x)*y and -3*(x - 1)*y are one value, so they must be one form.
    if out.len() >= 2 {
        for f in out.iter_mut() {
            if let Expr::Add(ts) = f {
                let (c, prim) = normalize_sum(ts, true)?;
                if !c.is_one() {
                    coeff = coeff.mul(&c);
                    *f = prim;
                }
            }
        }
    }
    // Surds with one exponent merge: sqrt(2)*sqrt(3) = sqrt(6), 2^(1/3)*3^(1/3) = 6^(1/3).
    let mut by_exp: BTreeMap<Q, Vec<usize>> = BTreeMap::new();
    for (i, f) in out.iter().enumerate() {
        if let Expr::Pow(b, x) = f {
            if let (Expr::Num(bq), Expr::Num(xq)) = (&**b, &**x) {
                if bq.is_positive() && bq.is_integer() {
                    by_exp.entry(xq.clone()).or_default().push(i);
                }
            }
        }
    }
    if by_exp.values().any(|v| v.len() > 1) && depth < 8 {
        let mut merged: Vec<Expr> = Vec::new();
        let mut drop = vec![false; out.len()];
        for (x, idx) in by_exp.into_iter().filter(|(_, v)| v.len() > 1) {
            let mut prod = Q::one();
            for &i in &idx {
                drop[i] = true;
                if let Expr::Pow(b, _) = &out[i] {
                    if let Expr::Num(bq) = &**b {
                        prod = prod.mul(bq);
                    }
                }
            }
            merged.push(pow(Expr::Num(prod), Expr::Num(x))?);
        }
        let mut next: Vec<Expr> = out
            .into_iter()
            .zip(drop)
            .filter(|(_, d)| !d)
            .map(|(f, _)| f)
            .collect();
        next.extend(merged);
        next.push(Expr::Num(coeff));
        if infinite {
            next.push(Expr::infinity());
        }
        return mul_depth(next, depth + 1);
    }
    // A power may have produced a base that another factor already has (8^(1/2) = 2*2^(1/2)).
    let mut seen: Vec<Expr> = out.iter().map(|f| f.as_base_exp().0).collect();
    seen.sort();
    let before = seen.len();
    seen.dedup();
    if seen.len() != before && depth < 8 {
        out.push(Expr::Num(coeff));
        return mul_depth(out, depth + 1);
    }
    if infinite {
        if out.is_empty() {
            // c·oo is ±oo for a non-zero number c.
            return Ok(if coeff.is_negative() {
                Expr::Mul(vec![Expr::int(-1), Expr::infinity()])
            } else {
                Expr::infinity()
            });
        }
        out.push(Expr::infinity());
    }
    out.sort_by(factor_cmp);
    if out.is_empty() {
        return Ok(Expr::Num(coeff));
    }
    if !coeff.is_one() && out.len() == 1 {
        if let Expr::Add(terms) = &out[0] {
            // A number times a sum distributes: 2*(x + 1) is 2*x + 2.
            let terms = terms
                .iter()
                .map(|t| mul(vec![Expr::Num(coeff.clone()), t.clone()]))
                .collect::<MResult<Vec<_>>>()?;
            return add(terms);
        }
    }
    if coeff.is_one() && out.len() == 1 {
        return Ok(out.pop().unwrap_or_else(Expr::one));
    }
    if !coeff.is_one() {
        out.insert(0, Expr::Num(coeff));
    }
    Ok(Expr::Mul(out))
}

/// `-x`.
pub fn neg(x: Expr) -> MResult {
    mul(vec![Expr::int(-1), x])
}

/// `a - b`.
pub fn sub(a: Expr, b: Expr) -> MResult {
    add(vec![a, neg(b)?])
}

/// `a / b`, failing when `b` is zero.
pub fn div(a: Expr, b: Expr) -> MResult {
    if b.is_zero() {
        return Err(MathError::DivisionByZero);
    }
    mul(vec![a, pow(b, Expr::int(-1))?])
}

/// True when the expression is a positive real for certain (positive numbers, π, e, e^u,
/// and products/powers of those).
pub fn is_positive(x: &Expr) -> bool {
    match x {
        Expr::Num(q) => q.is_positive(),
        Expr::Const(Constant::Pi | Constant::E | Constant::EulerGamma) => true,
        Expr::Pow(b, _) => {
            matches!(**b, Expr::Const(Constant::E)) || (is_positive(b) && b.is_constant())
        }
        Expr::Mul(fs) => fs.iter().all(is_positive),
        Expr::Add(ts) => ts.iter().all(is_positive),
        _ => false,
    }
}

/// `b ^ e` in canonical form.
pub fn pow(b: Expr, e: Expr) -> MResult {
    if e.is_zero() {
        if b.is_zero() {
            return Err(MathError::ZeroToZero);
        }
        if b == Expr::infinity() {
            return Err(MathError::Undefined("oo^0 is undefined".into()));
        }
        return Ok(Expr::one());
    }
    if e.is_one() {
        return Ok(b);
    }
    if b.is_one() {
        if e.has_infinity() {
            return Err(MathError::Undefined("1^oo is undefined".into()));
        }
        return Ok(Expr::one());
    }
    match (&b, &e) {
        (Expr::Num(qb), Expr::Num(qe)) => {
            if qe.is_integer() {
                Ok(Expr::Num(qb.pow_int(qe.numer())?))
            } else {
                rational_power(qb, qe)
            }
        }
        (Expr::Num(qb), Expr::Const(Constant::Infinity)) => {
            if qb.is_negative() {
                Err(MathError::Undefined(format!("({qb})^oo is undefined")))
            } else if qb.0 > 1 {
                Ok(Expr::infinity())
            } else {
                Ok(Expr::zero())
            }
        }
        (Expr::Num(qb), _) if qb.is_zero() => Ok(Expr::Pow(Box::new(b), Box::new(e))),
        (Expr::Const(Constant::I), Expr::Num(qe)) if qe.is_integer() => {
            // I^n by n mod 4: 1, I, −1, −I.
            let r = qe.numer().mod_u(4);
            Ok(match r {
                0 => Expr::one(),
                1 => Expr::imag_unit(),
                2 => Expr::int(-1),
                _ => Expr::Mul(vec![Expr::int(-1), Expr::imag_unit()]),
            })
        }
        (Expr::Const(Constant::Infinity), Expr::Const(Constant::Infinity)) => Ok(Expr::infinity()),
        (Expr::Mul(_), Expr::Num(qe)) if b == Expr::neg_infinity() && !qe.is_integer() => {
            // (−oo)^(p/q): an odd root keeps the sign of (−1)^p; an even root is not real.
            if qe.denom().is_even() {
                return Err(MathError::Domain(format!(
                    "(-oo)^({qe}) is not a real number (an even root of a negative quantity)"
                )));
            }
            let mag = pow(Expr::infinity(), e.clone())?;
            if qe.numer().is_odd() {
                neg(mag)
            } else {
                Ok(mag)
            }
        }
        (Expr::Const(Constant::Infinity), Expr::Num(qe)) => Ok(if qe.is_positive() {
            Expr::infinity()
        } else {
            Expr::zero()
        }),
        (Expr::Const(Constant::E), Expr::Func(super::Func::Ln, args)) => Ok(args[0].clone()),
        (Expr::Const(Constant::E), Expr::Mul(fs)) if e_of_c_ln(fs).is_some() => {
            let (c, u) = e_of_c_ln(fs).unwrap_or((Q::one(), Expr::one()));
            pow(u, Expr::Num(c))
        }
        (Expr::Const(Constant::E), Expr::Const(Constant::Infinity)) => Ok(Expr::infinity()),
        (Expr::Const(Constant::E), Expr::Mul(fs)) if matches!(fs.as_slice(), [Expr::Num(c), Expr::Const(Constant::Infinity)] if c.is_negative()) => {
            Ok(Expr::zero())
        }
        (Expr::Pow(bb, ee), _) => {
            let integer_exp = matches!(&e, Expr::Num(q) if q.is_integer());
            if integer_exp || is_positive(bb) {
                pow((**bb).clone(), mul(vec![(**ee).clone(), e])?)
            } else {
                Ok(Expr::Pow(Box::new(b), Box::new(e)))
            }
        }
        (Expr::Mul(fs), _) => {
            let integer_exp = matches!(&e, Expr::Num(q) if q.is_integer());
            if integer_exp {
                let parts = fs
                    .iter()
                    .map(|f| pow(f.clone(), e.clone()))
                    .collect::<MResult<Vec<_>>>()?;
                return mul(parts);
            }
            // Positive factors may be split off for any exponent.
            let (pos, rest): (Vec<Expr>, Vec<Expr>) = fs.iter().cloned().partition(is_positive);
            if pos.is_empty() {
                return Ok(Expr::Pow(Box::new(b), Box::new(e)));
            }
            let mut parts = pos
                .into_iter()
                .map(|f| pow(f, e.clone()))
                .collect::<MResult<Vec<_>>>()?;
            let rest = mul(rest)?;
            if !rest.is_one() {
                parts.push(Expr::Pow(Box::new(rest), Box::new(e)));
            }
            mul(parts)
        }
        (Expr::Add(ts), _) => {
            // (c·P)^e = c^e · P^e for the positive content c of the sum, so that equal
            // values reach one form: 1/(2e - 2) and 1/(2(e - 1)) are both (e - 1)^(-1)/2.
            let integer_exp = matches!(&e, Expr::Num(q) if q.is_integer());
            let (c, prim) = normalize_sum(ts, integer_exp)?;
            if c.is_one() {
                return Ok(Expr::Pow(Box::new(b), Box::new(e)));
            }
            mul(vec![pow(Expr::Num(c), e.clone())?, pow(prim, e)?])
        }
        _ => Ok(Expr::Pow(Box::new(b), Box::new(e))),
    }
}

/// Writes a sum as `c * P` with `c` its positive content, times -1 when `signed` and the
/// last (leading) term is negative, so that `P`'s leading term is positive.
fn normalize_sum(ts: &[Expr], signed: bool) -> MResult<(Q, Expr)> {
    let mut c = content(ts);
    if signed && ts.last().is_some_and(|t| t.split_coeff().0.is_negative()) {
        c = c.neg();
    }
    if c.is_one() {
        return Ok((c, Expr::Add(ts.to_vec())));
    }
    let inv = c.recip()?;
    let prim = add(ts
        .iter()
        .map(|t| mul(vec![Expr::Num(inv.clone()), t.clone()]))
        .collect::<MResult<Vec<_>>>()?)?;
    Ok((c, prim))
}

/// The positive rational content of a sum: gcd of the coefficients' numerators over the lcm
/// of their denominators.
fn content(ts: &[Expr]) -> Q {
    let mut g = Integer::new();
    let mut l = Integer::from(1);
    for t in ts {
        let (c, _) = t.split_coeff();
        g = g.gcd(c.numer());
        l = l.lcm(c.denom());
    }
    if g == 0 {
        return Q::one();
    }
    Q(Rational::from((g, l)))
}

/// Recognises `c * ln(u)` inside an exponent of e.
fn e_of_c_ln(fs: &[Expr]) -> Option<(Q, Expr)> {
    match fs {
        [Expr::Num(c), Expr::Func(super::Func::Ln, args)] => Some((c.clone(), args[0].clone())),
        _ => None,
    }
}

/// `b^(p/k)` for rationals with `k > 1`: a rational times powers of k-th-power-free integers
/// with exponents in (0, 1): `sqrt(8) = 2*2^(1/2)`, `(1/2)^(1/2) = 2^(1/2)/2`.
fn rational_power(b: &Q, e: &Q) -> MResult {
    let k = e
        .denom()
        .to_u32()
        .filter(|&k| k <= 1_000_000)
        .ok_or_else(|| MathError::TooLarge(format!("the root of order {}", e.denom())))?;
    let p = e.numer().clone();
    if b.is_negative() {
        if k % 2 == 0 {
            return Err(MathError::Domain(format!(
                "({b})^({e}) is not a real number (an even root of a negative number)"
            )));
        }
        let sign = if p.is_odd() { -1 } else { 1 };
        let mag = rational_power(&b.abs(), e)?;
        return mul(vec![Expr::int(sign), mag]);
    }
    if b.is_zero() {
        return if e.is_positive() {
            Ok(Expr::zero())
        } else {
            Err(MathError::DivisionByZero)
        };
    }
    // p = k*m + r with 0 <= r < k.
    let (m, r) = p.div_rem_floor(Integer::from(k));
    let r = r.to_u32().unwrap_or(0);
    let mut coeff = b.pow_int(&m)?;
    let mut factors = Vec::new();
    if r > 0 {
        let (a, c) = extract_kth_powers(b.numer(), k);
        let (a2, c2) = extract_kth_powers(b.denom(), k);
        // numer^(r/k) = a^r c^(r/k); denom^(-r/k) = a2^(k-r) c2^((k-r)/k) / denom.
        let scale_num = a.pow(r) * a2.pow(k - r);
        let factor = Q(Rational::from((scale_num, b.denom().clone())));
        coeff = coeff.mul(&factor);
        if c != 1 {
            factors.push(surd(c, r, k)?);
        }
        if c2 != 1 {
            factors.push(surd(c2, k - r, k)?);
        }
    }
    if factors.is_empty() {
        return Ok(Expr::Num(coeff));
    }
    if factors.len() > 1 {
        // Two radicands (numerator and denominator): let the product merge equal exponents.
        factors.push(Expr::Num(coeff));
        return mul(factors);
    }
    if coeff.is_one() {
        return Ok(factors.pop().unwrap_or_else(Expr::one));
    }
    if !coeff.is_one() {
        factors.insert(0, Expr::Num(coeff));
    }
    Ok(Expr::Mul(factors))
}

/// `c^(r/k)` for a k-th-power-free integer `c > 1`, lowering the root order when `c` is a
/// perfect power (`4^(1/4) = 2^(1/2)`).
fn surd(c: Integer, r: u32, k: u32) -> MResult {
    let (mut c, mut r, mut k) = (c, r, k);
    let k0 = k;
    let mut d = 2;
    while d <= k {
        if k % d == 0 {
            let (root, rem) = c.clone().root_rem(Integer::new(), d);
            if rem == 0 {
                c = root;
                k /= d;
                continue;
            }
        }
        d += 1;
    }
    let g = gcd_u32(r, k);
    r /= g;
    k /= g;
    if k != k0 {
        // A lower root order: the exponent may now exceed 1, so reduce again.
        return pow(
            Expr::Num(Q::from_integer(c)),
            Expr::Num(Q::frac(r as i64, k as i64)),
        );
    }
    Ok(Expr::Pow(
        Box::new(Expr::Num(Q::from_integer(c))),
        Box::new(Expr::Num(Q::frac(r as i64, k as i64))),
    ))
}

fn gcd_u32(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd_u32(b, a % b)
    }
}
