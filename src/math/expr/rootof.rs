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
        // 2x³ − 4: the root object of x³ − 2.
        let r = root_expr(&poly(&[-4, 0, 0, 2]), "x", 1).unwrap();
        assert_eq!(r, root_expr(&poly(&[-2, 0, 0, 1]), "x", 1).unwrap());
        assert!(matches!(r, Expr::Func(Func::Root, _)));
        // (x − 1)(x² − 2): root 2 is 1, roots 1 and 3 are ∓√2.
        let p = poly(&[-1, 1]).mul(&poly(&[-2, 0, 1]));
        assert_eq!(root_expr(&p, "x", 2).unwrap(), Expr::one());
        assert_eq!(
            root_expr(&p, "x", 3).unwrap(),
            Expr::sqrt(Expr::int(2)).unwrap()
        );
        // (x − 1)(x³ − 2): root 2 is the root object of x³ − 2 with index 1.
        let q = poly(&[-1, 1]).mul(&poly(&[-2, 0, 0, 1]));
        assert_eq!(root_expr(&q, "x", 2).unwrap(), r);
        assert!(root_expr(&q, "x", 3).is_err());
        let (lo, hi) = certified_enclosure(&r, &Q::frac(1, 1_000_000)).unwrap();
        assert!(lo.0 < 1.259922 && hi.0 > 1.259920);
    }
}
