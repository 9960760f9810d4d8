//! Real algebraic numbers as exact root objects: `root(p, x, k)` is the k-th smallest real
//! root (k = 1, 2, …) of the polynomial p in the bound variable x, with rational
//! coefficients. The canonical form drops repeated roots and rational roots (a rational root
//! is returned as the number, a root of a quadratic as its surd), scales p to integer
//! coefficients without common factor and a positive leading coefficient, and renumbers k.
//! Its value is certified by Sturm's theorem; decimals come from refining the isolating
//! interval (see `certified_enclosure`), never from floating point.

use super::{canon, Expr, Func, MResult, MathError};
use crate::math::number::Q;
use crate::math::poly::{self, Poly};

/// The canonical form of `root(p, x, k)` (the arguments as given).
pub(crate) fn canonical(args: &[Expr]) -> MResult<Option<Expr>> {
    let (p, var, k) = read(args)?;
    let iso = p
        .isolate_real_roots()
        .ok_or_else(|| MathError::Domain("root(0, x, k): the zero polynomial".into()))?;
    if k == 0 || k > iso.len() {
        return Err(MathError::Domain(format!(
            "{} has {} real root(s), so root(…, {var}, {k}) does not exist",
            p.to_expr(&var)?,
            iso.len()
        )));
    }
    let split = iso
        .poly
        .split_rational()
        .ok_or_else(|| MathError::Domain("the zero polynomial".into()))?;
    let mut below = 0;
    for (r, _) in &split.roots {
        match iso.cmp_root(k - 1, r) {
            std::cmp::Ordering::Equal => return Ok(Some(Expr::Num(r.clone()))),
            std::cmp::Ordering::Greater => below += 1,
            std::cmp::Ordering::Less => {}
        }
    }
    let rest = split.rest;
    let j = k - 1 - below;
    if rest.degree() == 2 {
        let (c, b, a) = (&rest.c[0], &rest.c[1], &rest.c[2]);
        let disc = b.mul(b).sub(&Q::int(4).mul(a).mul(c));
        let two_a = Q::int(2).mul(a);
        let r = Expr::Num(b.neg().div(&two_a)?);
        let w = canon::div(Expr::sqrt(Expr::Num(disc))?, Expr::Num(two_a.abs()))?;
        return Ok(Some(if j == 0 {
            canon::sub(r, w)?
        } else {
            canon::add(vec![r, w])?
        }));
    }
    if let Some(e) = by_radicals(&rest, j)? {
        return Ok(Some(e));
    }
    let prim = primitive(&rest);
    Ok(Some(Expr::Func(
        Func::Root,
        vec![
            prim.to_expr(&var)?,
            Expr::sym(&var),
            Expr::int(j as i64 + 1),
        ],
    )))
}

/// The `j`-th real root (0-based) of `p(x) = q(x^m)`, `m ≥ 2`, when every real root of `q` is
/// a rational or a quadratic surd `y`: then the roots of `p` are the real `m`-th roots of the
/// `y`, `±y^(1/m)` for even `m` and `y > 0`, `sign(y)·|y|^(1/m)` for odd `m`. `None` when `p`
/// is not such a polynomial.
fn by_radicals(p: &Poly, j: usize) -> MResult<Option<Expr>> {
    let m =
        p.c.iter()
            .enumerate()
            .filter(|(_, c)| !c.is_zero())
            .fold(0usize, |g, (i, _)| gcd(g, i));
    if m < 2 || p.degree() < 3 {
        return Ok(None);
    }
    let q = Poly::new(p.c.iter().step_by(m).cloned().collect());
    let Some(iso) = q.isolate_real_roots() else {
        return Ok(None);
    };
    // The real roots of q in increasing order, each exact and with its sign.
    let mut ys = Vec::new();
    for i in 0..iso.len() {
        let y = canonical(&[q.to_expr("y")?, Expr::sym("y"), Expr::int(i as i64 + 1)])?;
        match y {
            Some(y) if !matches!(y, Expr::Func(Func::Root, _)) => {
                ys.push((y, iso.cmp_root(i, &Q::zero())));
            }
            _ => return Ok(None),
        }
    }
    // Each root of p as (|y|, negated): x = ±|y|^(1/m).
    use std::cmp::Ordering::{Greater, Less};
    let xs: Vec<(Expr, bool)> = if m % 2 == 1 {
        ys.into_iter()
            .map(|(y, s)| {
                Ok(if s == Less {
                    (canon::neg(y)?, true)
                } else {
                    (y, false)
                })
            })
            .collect::<MResult<_>>()?
    } else {
        let pos: Vec<Expr> = ys
            .into_iter()
            .filter(|(_, s)| *s == Greater)
            .map(|(y, _)| y)
            .collect();
        let mut xs: Vec<(Expr, bool)> = pos.iter().rev().map(|y| (y.clone(), true)).collect();
        xs.extend(pos.into_iter().map(|y| (y, false)));
        xs
    };
    let Some((base, neg)) = xs.get(j) else {
        return Ok(None);
    };
    let r = canon::pow(base.clone(), Expr::Num(Q::frac(1, m as i64)))?;
    Ok(Some(if *neg { canon::neg(r)? } else { r }))
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The polynomial, variable and index of `root(p, x, k)`.
fn read(args: &[Expr]) -> MResult<(Poly, String, usize)> {
    let Expr::Sym(var) = &args[1] else {
        return Err(MathError::Unsupported(format!(
            "root(p, x, k) needs a variable x, not {}",
            args[1]
        )));
    };
    let k = args[2]
        .as_num()
        .filter(|q| q.is_integer() && q.is_positive())
        .and_then(Q::to_i64)
        .ok_or_else(|| {
            MathError::Unsupported(format!(
                "root(p, x, k) needs a positive integer k, not {}",
                args[2]
            ))
        })?;
    let not_poly = || {
        MathError::Unsupported(format!(
            "root(p, {var}, k) needs a polynomial in {var} with rational coefficients, not {}",
            args[0]
        ))
    };
    let (num, den) = poly::rational_function(&args[0], var).ok_or_else(not_poly)?;
    if den.degree() != 0 {
        return Err(not_poly());
    }
    let p = num.scale(&den.lead().recip()?);
    if p.degree() < 1 {
        return Err(MathError::Domain(format!(
            "{} has no roots in {var}",
            args[0]
        )));
    }
    Ok((p, var.to_string(), k as usize))
}

/// `p` scaled to coprime integer coefficients with a positive leading one.
fn primitive(p: &Poly) -> Poly {
    let v = crate::math::linalg::primitive(&p.c);
    Poly::new(if p.lead().is_negative() {
        v.iter().map(Q::neg).collect()
    } else {
        v
    })
}

/// The (square-free) polynomial and the 0-based index of a canonical root object.
pub fn root_parts(e: &Expr) -> Option<(Poly, usize)> {
    let Expr::Func(Func::Root, args) = e else {
        return None;
    };
    let (p, _, k) = read(args).ok()?;
    Some((p, k - 1))
}

/// An interval (lo, hi] of width below `width` holding the root `root(p, x, k)` (`e`), by
/// Sturm bisection; `None` when `e` is not a root object.
pub fn certified_enclosure(e: &Expr, width: &Q) -> Option<(Q, Q)> {
    let (p, i) = root_parts(e)?;
    let iso = p.isolate_real_roots()?;
    (i < iso.len()).then(|| iso.refine(i, width))
}

/// `root(p, x, k)` built from a polynomial over Q (canonicalised).
pub fn root_expr(p: &Poly, x: &str, k: usize) -> MResult {
    super::func(
        Func::Root,
        vec![p.to_expr(x)?, Expr::sym(x), Expr::int(k as i64)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&a| Q::int(a)).collect())
    }

    #[test]
    fn canonical_root_objects() {
        // 2x³ − 4x − 4: the root object of x³ − 2x − 2 (no rational root, not in x^m).
        let r = root_expr(&poly(&[-4, -4, 0, 2]), "x", 1).unwrap();
        assert_eq!(r, root_expr(&poly(&[-2, -2, 0, 1]), "x", 1).unwrap());
        assert!(matches!(r, Expr::Func(Func::Root, _)));
        // (x − 1)(x² − 2): root 2 is 1, roots 1 and 3 are ∓√2.
        let p = poly(&[-1, 1]).mul(&poly(&[-2, 0, 1]));
        assert_eq!(root_expr(&p, "x", 2).unwrap(), Expr::one());
        assert_eq!(
            root_expr(&p, "x", 3).unwrap(),
            Expr::sqrt(Expr::int(2)).unwrap()
        );
        // (x − 1)(x³ − 2x − 2): root 2 is the root object of x³ − 2x − 2 with index 1.
        let q = poly(&[-1, 1]).mul(&poly(&[-2, -2, 0, 1]));
        assert_eq!(root_expr(&q, "x", 2).unwrap(), r);
        assert!(root_expr(&q, "x", 3).is_err());
        // x³ − 2x − 2 has its real root at 1.7692923542…
        let (lo, hi) = certified_enclosure(&r, &Q::frac(1, 1_000_000)).unwrap();
        assert!(lo.0 < 1.769293 && hi.0 > 1.769291);
    }

    #[test]
    fn polynomials_in_x_to_the_m_have_radical_roots() {
        let text = |c: &[i64], k| root_expr(&poly(c), "x", k).unwrap().to_string();
        // x³ − 2 and (x³ + 3)(x³ − 2) = x⁶ + x³ − 6: real cube roots, signed.
        assert_eq!(text(&[-2, 0, 0, 1], 1), "2^(1/3)");
        assert_eq!(text(&[-6, 0, 0, 1, 0, 0, 1], 1), "-3^(1/3)");
        assert_eq!(text(&[-6, 0, 0, 1, 0, 0, 1], 2), "2^(1/3)");
        // x⁴ − 5x² + 6 = (x² − 2)(x² − 3): ∓√3 outside ∓√2.
        let roots: Vec<String> = (1..=4).map(|k| text(&[6, 0, -5, 0, 1], k)).collect();
        assert_eq!(roots, ["-sqrt(3)", "-sqrt(2)", "sqrt(2)", "sqrt(3)"]);
        // x⁸ + x⁴ − 1: y² + y − 1 has one positive root (√5 − 1)/2, so x = ±((√5 − 1)/2)^(1/4).
        assert_eq!(
            text(&[-1, 0, 0, 0, 1, 0, 0, 0, 1], 2),
            "2^(3/4)*(sqrt(5) - 1)^(1/4)/2"
        );
        // x⁴ + 1 has no real root; x⁶ − x³ − 1: y² − y − 1 has a negative root (1 − √5)/2, whose
        // real cube root is −((√5 − 1)/2)^(1/3).
        assert!(root_expr(&poly(&[1, 0, 0, 0, 1]), "x", 1).is_err());
        assert_eq!(
            text(&[-1, 0, 0, -1, 0, 0, 1], 1),
            "-2^(2/3)*(sqrt(5) - 1)^(1/3)/2"
        );
    }
}
